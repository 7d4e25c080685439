import { el, fitText, num, type Point, svgDocument, text, textWidthEm } from './svg.js';

/**
 * エコマップ as SVG: the household in the centre, its agencies around it. A tie is 強い (thick),
 * 普通, 弱い (dashed) or ストレス (zigzag); an arrow shows which way support goes. Pure: the same
 * input gives the same bytes.
 */

export type TieStrength = 'strong' | 'normal' | 'weak' | 'stress';
export type SupportDirection = 'none' | 'toHousehold' | 'toAgency' | 'both';

export interface EcoMapAgency {
  /** Stable key (the agency id); never printed. */
  key: string;
  name: string;
  field: string;
  strength: TieStrength;
  direction: SupportDirection;
}

export interface EcoMapInput {
  /** Accessible title, by label only (「A氏世帯のエコマップ」). */
  title: string;
  /** Lines inside the centre circle, e.g. ['A氏世帯', '同居 4人']. */
  household: string[];
  agencies: EcoMapAgency[];
}

const ink = '#1a1a1a';
const centreRadius = 62;
const nodeRx = 80;
const nodeRy = 32;
const margin = 24;
const nameFontSize = 12;
const nameMaxEm = 11;

export const tieStrokeWidth: Record<TieStrength, number> = {
  strong: 4.5,
  normal: 1.6,
  weak: 1.6,
  stress: 1.6,
};

/** Distance from an ellipse's centre to its edge in direction `u` (a unit vector). */
function ellipseReach(u: Point): number {
  return 1 / Math.sqrt((u.x / nodeRx) ** 2 + (u.y / nodeRy) ** 2);
}

function zigzag(from: Point, to: Point): string {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const u = { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
  const n = { x: -u.y, y: u.x };
  const step = 6;
  const count = Math.max(2, Math.floor(length / step));
  const points = Array.from({ length: count + 1 }, (_, i) => {
    const t = (i / count) * length;
    const side = i === 0 || i === count ? 0 : i % 2 === 0 ? 5 : -5;
    return `${num(from.x + u.x * t + n.x * side)},${num(from.y + u.y * t + n.y * side)}`;
  });
  return points.join(' ');
}

function arrowHead(tip: Point, from: Point): string {
  const length = Math.hypot(tip.x - from.x, tip.y - from.y);
  const u = { x: (tip.x - from.x) / length, y: (tip.y - from.y) / length };
  const n = { x: -u.y, y: u.x };
  const base = { x: tip.x - u.x * 13, y: tip.y - u.y * 13 };
  return el('polygon', {
    class: 'arrow',
    points: [tip, { x: base.x + n.x * 6, y: base.y + n.y * 6 }, { x: base.x - n.x * 6, y: base.y - n.y * 6 }]
      .map((p) => `${num(p.x)},${num(p.y)}`)
      .join(' '),
    fill: ink,
  });
}

function tie(a: EcoMapAgency, centre: Point, node: Point): string {
  const length = Math.hypot(node.x - centre.x, node.y - centre.y);
  const u = { x: (node.x - centre.x) / length, y: (node.y - centre.y) / length };
  const start = { x: centre.x + u.x * (centreRadius + 3), y: centre.y + u.y * (centreRadius + 3) };
  const reach = ellipseReach(u) + 3;
  const end = { x: node.x - u.x * reach, y: node.y - u.y * reach };
  const parts: string[] = [];
  if (a.strength === 'stress')
    parts.push(
      el('polyline', { points: zigzag(start, end), fill: 'none', stroke: ink, 'stroke-width': 1.6 }),
    );
  else
    parts.push(
      el('line', {
        x1: start.x,
        y1: start.y,
        x2: end.x,
        y2: end.y,
        stroke: ink,
        'stroke-width': tieStrokeWidth[a.strength],
        'stroke-dasharray': a.strength === 'weak' ? '7 5' : null,
      }),
    );
  if (a.direction === 'toHousehold' || a.direction === 'both') parts.push(arrowHead(start, end));
  if (a.direction === 'toAgency' || a.direction === 'both') parts.push(arrowHead(end, start));
  return el(
    'g',
    { class: 'tie', 'data-agency': a.key, 'data-strength': a.strength, 'data-direction': a.direction },
    parts,
  );
}

const isKana = (c: string | undefined) => c !== undefined && /[\u30a0-\u30ffー]/.test(c);

/** The name on one line, or on two of about equal width, never breaking inside a katakana word. */
function nameLines(name: string): string[] {
  const chars = Array.from(name.trim());
  const total = textWidthEm(name.trim());
  if (total <= nameMaxEm) return [chars.join('')];
  let best = { at: 1, score: Number.POSITIVE_INFINITY };
  for (let at = 1; at < chars.length; at++) {
    const first = textWidthEm(chars.slice(0, at).join(''));
    if (first > nameMaxEm) break;
    const score = Math.abs(total - 2 * first) + (isKana(chars[at - 1]) && isKana(chars[at]) ? 6 : 0);
    if (score < best.score) best = { at, score };
  }
  return [chars.slice(0, best.at).join(''), fitText(chars.slice(best.at).join(''), nameMaxEm)];
}

/** Agency name on up to two lines, 分野 above it. */
function agencyNode(a: EcoMapAgency, at: Point): string {
  const lines = nameLines(a.name);
  const top = at.y - (lines.length === 1 ? 2 : 8);
  return el('g', { class: 'agency', 'data-agency': a.key }, [
    el('ellipse', {
      cx: at.x,
      cy: at.y,
      rx: nodeRx,
      ry: nodeRy,
      fill: '#ffffff',
      stroke: ink,
      'stroke-width': 1.2,
    }),
    text(`【${a.field}】`, { x: at.x, y: top - 6, 'text-anchor': 'middle', 'font-size': 9, fill: '#444444' }),
    ...lines.map((line, i) =>
      text(line, {
        class: 'agency-name',
        x: at.x,
        y: top + 8 + i * 13,
        'text-anchor': 'middle',
        'font-size': nameFontSize,
        fill: ink,
      }),
    ),
  ]);
}

function legend(top: number): { svg: string; height: number } {
  const items: { label: string; draw: (x: number, y: number) => string }[] = [
    {
      label: '強い',
      draw: (x, y) => el('line', { x1: x, y1: y, x2: x + 26, y2: y, stroke: ink, 'stroke-width': 4.5 }),
    },
    {
      label: '普通',
      draw: (x, y) => el('line', { x1: x, y1: y, x2: x + 26, y2: y, stroke: ink, 'stroke-width': 1.6 }),
    },
    {
      label: '弱い',
      draw: (x, y) =>
        el('line', {
          x1: x,
          y1: y,
          x2: x + 26,
          y2: y,
          stroke: ink,
          'stroke-width': 1.6,
          'stroke-dasharray': '7 5',
        }),
    },
    {
      label: 'ストレス',
      draw: (x, y) =>
        el('polyline', {
          points: zigzag({ x, y }, { x: x + 26, y }),
          fill: 'none',
          stroke: ink,
          'stroke-width': 1.6,
        }),
    },
    {
      label: '支援の向き',
      draw: (x, y) =>
        el('line', { x1: x, y1: y, x2: x + 20, y2: y, stroke: ink, 'stroke-width': 1.6 }) +
        arrowHead({ x: x + 28, y }, { x, y }),
    },
  ];
  let x = margin;
  const y = top + 10;
  const parts = items.map((item) => {
    const out = item.draw(x, y) + text(item.label, { x: x + 34, y: y + 3.5, 'font-size': 10, fill: ink });
    x += 34 + textWidthEm(item.label) * 10 + 18;
    return out;
  });
  return { svg: el('g', { class: 'legend' }, parts), height: 26 };
}

/** The エコマップ of one household as an SVG document. */
export function drawEcoMap(input: EcoMapInput): string {
  const n = input.agencies.length;
  const ring = n === 0 ? 0 : Math.max(190, (n * (2 * nodeRx + 16)) / (2 * Math.PI) + 30);
  const width = Math.max(2 * (ring + nodeRx + margin), 2 * (centreRadius + margin), 460);
  const drawingHeight = 2 * (ring * 0.85 + nodeRy + margin + 8) + (n === 0 ? 2 * centreRadius : 0);
  const centre = { x: width / 2, y: drawingHeight / 2 };
  // An ellipse of agencies rather than a circle: the page is wider than it is tall.
  const positions = input.agencies.map((_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: centre.x + ring * Math.cos(angle), y: centre.y + ring * 0.85 * Math.sin(angle) };
  });
  const household = input.household.map((line, i) =>
    text(fitText(line, 9), {
      class: 'household-name',
      x: centre.x,
      y: centre.y + 5 + (i - (input.household.length - 1) / 2) * 17,
      'text-anchor': 'middle',
      'font-size': i === 0 ? 14 : 11,
      fill: ink,
    }),
  );
  const key = legend(drawingHeight);
  return svgDocument({ width, height: drawingHeight + key.height + 6 }, input.title, 'ecoMap', [
    ...input.agencies.map((a, i) => tie(a, centre, positions[i] as Point)),
    el('g', { class: 'household' }, [
      el('circle', {
        cx: centre.x,
        cy: centre.y,
        r: centreRadius,
        fill: '#ffffff',
        stroke: ink,
        'stroke-width': 2,
      }),
      ...household,
    ]),
    ...input.agencies.map((a, i) => agencyNode(a, positions[i] as Point)),
    n === 0
      ? text('つながりのある関係機関はまだありません', {
          x: centre.x,
          y: centre.y + centreRadius + 26,
          'text-anchor': 'middle',
          'font-size': 11,
          fill: '#444444',
        })
      : '',
    key.svg,
  ]);
}
