import { type Box, enclosurePath } from './enclosure.js';
import {
  captionFontSize,
  captionLineHeight,
  type GenogramLayout,
  layoutGenogram,
  type PlacedPerson,
  symbolSize,
} from './genogram-layout.js';
import type { GenogramInput, PartnerKind, Sex } from './genogram-types.js';
import { el, num, type Point, pathData, svgDocument, text, textWidthEm } from './svg.js';

/**
 * 家族構成図 (domain rule 23) as SVG: □ male, ○ female, ◇ other or unknown, the age inside, 本人 with
 * a double outline, the deceased crossed (or filled), キーパーソン ☆, partners joined by a line
 * (内縁 dashed, 別居 /, 離婚 //), children hanging from their parents' line in order of birth, and a
 * closed line around those who live together. Pure: the same input gives the same bytes.
 */

export type { GenogramInput, GenogramPerson, GenogramRelation } from './genogram-types.js';

const ink = '#1a1a1a';
const half = symbolSize / 2;
const principalGap = 5;

export const shapeOfSex: Record<Sex, 'square' | 'circle' | 'diamond'> = {
  male: 'square',
  female: 'circle',
  other: 'diamond',
  unknown: 'diamond',
};

function shape(kind: 'square' | 'circle' | 'diamond', c: Point, r: number, attrs: Record<string, string>) {
  if (kind === 'square') return el('rect', { x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r, ...attrs });
  if (kind === 'circle') return el('circle', { cx: c.x, cy: c.y, r, ...attrs });
  const d = r * 1.2;
  return el('polygon', {
    points: [
      [c.x, c.y - d],
      [c.x + d, c.y],
      [c.x, c.y + d],
      [c.x - d, c.y],
    ]
      .map(([x = 0, y = 0]) => `${num(x)},${num(y)}`)
      .join(' '),
    ...attrs,
  });
}

function star(c: Point, outer: number, className?: string): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : outer * 0.42;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${num(c.x + radius * Math.cos(angle))},${num(c.y + radius * Math.sin(angle))}`;
  });
  return el('polygon', {
    class: className,
    points: points.join(' '),
    fill: '#ffffff',
    stroke: ink,
    'stroke-width': 1.3,
    'stroke-linejoin': 'round',
  });
}

function personSymbol(p: PlacedPerson, deceasedStyle: GenogramInput['deceasedStyle']): string {
  const { person } = p;
  const kind = shapeOfSex[person.sex];
  const c = { x: p.x, y: p.y };
  const filled = person.deceased && deceasedStyle === 'filled';
  const parts: string[] = [];
  if (person.isPrincipal)
    parts.push(
      shape(kind, c, half + principalGap, {
        class: 'principal-outline',
        fill: '#ffffff',
        stroke: ink,
        'stroke-width': '1.6',
      }),
    );
  parts.push(
    shape(kind, c, half, {
      class: 'symbol',
      fill: filled ? '#4d4d4d' : '#ffffff',
      stroke: ink,
      'stroke-width': '1.6',
    }),
  );
  if (person.deceased && deceasedStyle === 'cross') {
    const r = kind === 'circle' ? half * 0.72 : kind === 'diamond' ? half * 0.6 : half;
    parts.push(
      el('path', {
        class: 'deceased-mark',
        d: `M${num(c.x - r)} ${num(c.y - r)} L${num(c.x + r)} ${num(c.y + r)} M${num(c.x + r)} ${num(c.y - r)} L${num(c.x - r)} ${num(c.y + r)}`,
        stroke: ink,
        'stroke-width': 1.6,
        fill: 'none',
      }),
    );
  }
  if (person.age !== null && !(person.deceased && deceasedStyle === 'cross'))
    parts.push(
      text(String(person.age), {
        class: 'age',
        x: c.x,
        y: c.y + 5,
        'text-anchor': 'middle',
        'font-size': 14,
        fill: filled ? '#ffffff' : ink,
      }),
    );
  if (person.isKeyPerson) parts.push(star({ x: c.x + half + 4, y: c.y - half - 4 }, 9, 'key-person'));
  return el(
    'g',
    {
      class: 'person',
      'data-member': person.key,
      'data-shape': kind,
      'data-principal': person.isPrincipal ? 'true' : null,
      'data-deceased': person.deceased ? deceasedStyle : null,
      'data-key-person': person.isKeyPerson ? 'true' : null,
      'data-lives-in-household': person.livesInHousehold ? 'true' : 'false',
    },
    parts,
  );
}

function caption(p: PlacedPerson): string {
  const top = p.y + half + (p.person.isPrincipal ? principalGap : 0) + 3;
  return p.caption
    .map((line, i) => {
      const baseline = top + (i + 1) * captionLineHeight - 3;
      const width = textWidthEm(line) * captionFontSize + 4;
      return [
        el('rect', {
          x: p.x - width / 2,
          y: baseline - captionFontSize,
          width,
          height: captionLineHeight,
          fill: '#ffffff',
        }),
        text(line, {
          class: 'caption',
          x: p.x,
          y: baseline,
          'text-anchor': 'middle',
          'font-size': captionFontSize,
          fill: ink,
        }),
      ].join('');
    })
    .join('');
}

function slashes(at: Point, count: number): string {
  const offsets = count === 1 ? [0] : [-4, 4];
  return offsets
    .map((o) =>
      el('line', {
        class: 'slash',
        x1: at.x + o - 4,
        y1: at.y + 6,
        x2: at.x + o + 4,
        y2: at.y - 6,
        stroke: ink,
        'stroke-width': 1.6,
      }),
    )
    .join('');
}

/** One partner line, side to side at the height of the symbols (over the top when someone stands between). */
function partnerLine(
  layout: GenogramLayout,
  a: PlacedPerson,
  b: PlacedPerson,
  kind: PartnerKind | 'unknown',
  yearText: string | null,
  hasChildren: boolean,
): string {
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  const edge = (p: PlacedPerson) => half + (p.person.isPrincipal ? principalGap : 0);
  const between = [...layout.people.values()].some(
    (p) => p.row === left.row && p.x > left.x && p.x < right.x,
  );
  let d: string;
  let mid: Point;
  if (left.row !== right.row) {
    d = pathData([
      { x: left.x, y: left.y },
      { x: right.x, y: right.y },
    ]);
    mid = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
  } else if (between) {
    const top = left.y - half - 14;
    d = pathData([
      { x: left.x, y: left.y - edge(left) },
      { x: left.x, y: top },
      { x: right.x, y: top },
      { x: right.x, y: right.y - edge(right) },
    ]);
    mid = { x: (left.x + right.x) / 2, y: top };
  } else {
    d = pathData([
      { x: left.x + edge(left), y: left.y },
      { x: right.x - edge(right), y: right.y },
    ]);
    mid = { x: (left.x + right.x) / 2, y: left.y };
  }
  const parts = [
    el('path', {
      class: 'partner-line',
      d,
      fill: 'none',
      stroke: ink,
      'stroke-width': 1.6,
      'stroke-dasharray': kind === 'commonLaw' ? '6 4' : null,
    }),
  ];
  const markAt = { x: mid.x - (hasChildren ? 14 : 0), y: mid.y };
  if (kind === 'separated') parts.push(slashes(markAt, 1));
  if (kind === 'divorced') parts.push(slashes(markAt, 2));
  // The year of the marriage, separation or divorce; the line itself says which.
  if (yearText)
    parts.push(
      text(yearText, {
        class: 'partner-note',
        x: mid.x,
        y: mid.y - 9,
        'text-anchor': 'middle',
        'font-size': 9,
        fill: ink,
      }),
    );
  return el(
    'g',
    { class: 'partner', 'data-kind': kind, 'data-a': left.person.key, 'data-b': right.person.key },
    parts,
  );
}

function lines(layout: GenogramLayout): string[] {
  const out: string[] = [];
  const drawnPairs = new Set<string>();
  const hasChildren = (a: string, b: string) =>
    layout.bars.some(
      (bar) => bar.unit.parents.length === 2 && bar.unit.parents.includes(a) && bar.unit.parents.includes(b),
    );
  for (const p of layout.partnerships) {
    const a = layout.people.get(p.a);
    const b = layout.people.get(p.b);
    if (!a || !b) continue;
    drawnPairs.add([p.a, p.b].sort().join('\u0000'));
    out.push(partnerLine(layout, a, b, p.kind, p.yearText, hasChildren(p.a, p.b)));
  }
  for (const bar of layout.bars) {
    const [first = '', second = ''] = bar.unit.parents;
    if (bar.unit.parents.length === 2 && !drawnPairs.has([first, second].sort().join('\u0000'))) {
      const a = layout.people.get(first);
      const b = layout.people.get(second);
      if (a && b) out.push(partnerLine(layout, a, b, 'unknown', null, true));
    }
    const drops = bar.unit.children
      .map((k) => layout.people.get(k))
      .filter((c): c is PlacedPerson => c !== undefined)
      .map(
        (c) =>
          `M${num(c.x)} ${num(bar.barY)} V${num(c.y - half - (c.person.isPrincipal ? principalGap : 0))}`,
      );
    out.push(
      el('path', {
        class: 'descent',
        'data-parents': bar.unit.parents.join(' '),
        d: [
          `M${num(bar.from.x)} ${num(bar.from.y)} V${num(bar.barY)}`,
          bar.right > bar.left ? `M${num(bar.left)} ${num(bar.barY)} H${num(bar.right)}` : '',
          ...drops,
        ]
          .filter(Boolean)
          .join(' '),
        fill: 'none',
        stroke: ink,
        'stroke-width': 1.4,
      }),
    );
  }
  return out;
}

/** What each person occupies on the page: the symbol (with ☆ and double outline) and the caption. */
function personBox(p: PlacedPerson, pad: number): Box {
  const outline = half + (p.person.isPrincipal ? principalGap : 0);
  return {
    left: p.x - Math.max(p.halfWidth - 4, outline + (p.person.isKeyPerson ? 12 : 0)) - pad,
    right: p.x + Math.max(p.halfWidth - 4, outline + (p.person.isKeyPerson ? 14 : 0)) + pad,
    top: p.y - outline - (p.person.isKeyPerson ? 14 : 0) - pad,
    bottom: p.y + outline + 3 + p.caption.length * captionLineHeight + pad,
  };
}

function enclosure(layout: GenogramLayout, size: { width: number; height: number }): string {
  const placed = [...layout.people.values()];
  const living = placed
    .filter((p) => p.person.livesInHousehold)
    .sort((a, b) => Number(b.person.isPrincipal) - Number(a.person.isPrincipal));
  const others = placed.filter((p) => !p.person.livesInHousehold);
  const lanes = [
    ...layout.rowY,
    ...layout.rowY.map((y) => y - half - 18),
    ...layout.rowY.map((y) => y + half + layout.captionHeight + 22),
  ].sort((a, b) => a - b);
  // Neighbours in a row with nobody between them are joined side to side.
  const bridges: Box[] = [];
  const byRow = [...placed].sort((a, b) => a.row - b.row || a.x - b.x);
  byRow.forEach((left, i) => {
    const right = byRow[i + 1];
    if (!right || right.row !== left.row) return;
    if (!left.person.livesInHousehold || !right.person.livesInHousehold) return;
    const [a, b] = [personBox(left, 10), personBox(right, 10)];
    bridges.push({
      left: a.right - 1,
      right: b.left + 1,
      top: Math.max(a.top, b.top),
      bottom: Math.min(a.bottom, b.bottom),
    });
  });
  const d = enclosurePath(
    living.map((p) => personBox(p, 10)),
    others.map((p) => personBox(p, 3)),
    bridges,
    size,
    lanes,
  );
  if (!d) return '';
  return el('path', {
    class: 'enclosure',
    'data-members': living
      .map((p) => p.person.key)
      .sort()
      .join(' '),
    d,
    fill: 'none',
    stroke: '#555555',
    'stroke-width': 1.4,
    'fill-rule': 'evenodd',
  });
}

const legendItems: { label: string; draw: (c: Point) => string }[] = [
  { label: '男性', draw: (c) => shape('square', c, 6, { fill: '#ffffff', stroke: ink }) },
  { label: '女性', draw: (c) => shape('circle', c, 6, { fill: '#ffffff', stroke: ink }) },
  { label: 'その他・不明', draw: (c) => shape('diamond', c, 6, { fill: '#ffffff', stroke: ink }) },
  {
    label: '本人',
    draw: (c) =>
      shape('square', c, 8, { fill: '#ffffff', stroke: ink }) +
      shape('square', c, 5, { fill: '#ffffff', stroke: ink }),
  },
  {
    label: '死亡',
    draw: (c) =>
      shape('square', c, 6, { fill: '#ffffff', stroke: ink }) +
      el('path', {
        d: `M${num(c.x - 6)} ${num(c.y - 6)} L${num(c.x + 6)} ${num(c.y + 6)} M${num(c.x + 6)} ${num(c.y - 6)} L${num(c.x - 6)} ${num(c.y + 6)}`,
        stroke: ink,
      }),
  },
  { label: 'キーパーソン', draw: (c) => star(c, 7) },
  { label: '婚姻', draw: (c) => el('line', { x1: c.x - 10, y1: c.y, x2: c.x + 10, y2: c.y, stroke: ink }) },
  {
    label: '内縁',
    draw: (c) =>
      el('line', { x1: c.x - 10, y1: c.y, x2: c.x + 10, y2: c.y, stroke: ink, 'stroke-dasharray': '4 3' }),
  },
  {
    label: '別居',
    draw: (c) =>
      el('line', { x1: c.x - 10, y1: c.y, x2: c.x + 10, y2: c.y, stroke: ink }) +
      el('line', { x1: c.x - 3, y1: c.y + 5, x2: c.x + 3, y2: c.y - 5, stroke: ink }),
  },
  {
    label: '離婚',
    draw: (c) =>
      el('line', { x1: c.x - 10, y1: c.y, x2: c.x + 10, y2: c.y, stroke: ink }) +
      el('line', { x1: c.x - 6, y1: c.y + 5, x2: c.x, y2: c.y - 5, stroke: ink }) +
      el('line', { x1: c.x, y1: c.y + 5, x2: c.x + 6, y2: c.y - 5, stroke: ink }),
  },
  {
    label: '同居',
    draw: (c) =>
      el('rect', { x: c.x - 10, y: c.y - 7, width: 20, height: 14, rx: 4, fill: 'none', stroke: '#555555' }),
  },
];

/** 凡例 under the drawing, wrapped to its width. */
function legend(top: number, width: number): { svg: string; height: number } {
  const fontSize = 10;
  let x = 28;
  let y = top + 10;
  const parts: string[] = [];
  for (const item of legendItems) {
    const itemWidth = 30 + textWidthEm(item.label) * fontSize + 14;
    if (x + itemWidth > width - 20 && x > 28) {
      x = 28;
      y += 20;
    }
    parts.push(item.draw({ x: x + 11, y }));
    parts.push(text(item.label, { x: x + 26, y: y + 3.5, 'font-size': fontSize, fill: ink }));
    x += itemWidth;
  }
  return { svg: el('g', { class: 'legend' }, parts), height: y - top + 16 };
}

const legendMinWidth = 560;

/** The 家族構成図 of one household as an SVG document. */
export function drawGenogram(input: GenogramInput): string {
  if (input.people.length === 0) {
    return svgDocument({ width: 360, height: 80 }, input.title, 'genogram', [
      text('世帯員が登録されていません', {
        x: 180,
        y: 45,
        'text-anchor': 'middle',
        'font-size': 14,
        fill: ink,
      }),
    ]);
  }
  const layout = layoutGenogram(input);
  const width = Math.max(layout.width, legendMinWidth);
  const centred = (width - layout.width) / 2;
  if (centred > 0) for (const p of layout.people.values()) p.x += centred;
  for (const bar of layout.bars) {
    bar.from.x += centred;
    bar.left += centred;
    bar.right += centred;
  }
  const drawingSize = { width, height: layout.height };
  const key = legend(layout.height, width);
  const placed = [...layout.people.values()];
  return svgDocument({ width, height: layout.height + key.height + 8 }, input.title, 'genogram', [
    enclosure(layout, drawingSize),
    ...lines(layout),
    ...placed.map((p) => personSymbol(p, input.deceasedStyle)),
    ...placed.map(caption),
    key.svg,
  ]);
}
