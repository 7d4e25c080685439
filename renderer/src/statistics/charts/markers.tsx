/** Point markers that differ by shape, so a line is told apart without its colour. */
export function Marker({ shape, x, y, color }: { shape: number; x: number; y: number; color: string }) {
  const s = 4.5;
  switch (shape % 6) {
    case 0:
      return <circle cx={x} cy={y} r={s} fill={color} />;
    case 1:
      return <rect x={x - s} y={y - s} width={s * 2} height={s * 2} fill={color} />;
    case 2:
      return <path d={`M${x},${y - s - 1} L${x + s + 1},${y + s} L${x - s - 1},${y + s} Z`} fill={color} />;
    case 3:
      return (
        <path
          d={`M${x},${y - s - 1} L${x + s + 1},${y} L${x},${y + s + 1} L${x - s - 1},${y} Z`}
          fill={color}
        />
      );
    case 4:
      return <path d={`M${x},${y + s + 1} L${x + s + 1},${y - s} L${x - s - 1},${y - s} Z`} fill={color} />;
    default:
      return <circle cx={x} cy={y} r={s} fill="#fff" stroke={color} strokeWidth={2} />;
  }
}

/** Dark enough on white for thin lines and text (WCAG AA for the labels). */
export const lineColors = ['#1d4f8f', '#a44f00', '#1f6e43', '#7b3a8c', '#a3262a', '#4b5563'] as const;
