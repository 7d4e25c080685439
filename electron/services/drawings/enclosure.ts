import { num, type Point } from './svg.js';

/**
 * The closed line around the members who live together (同居). The boxes of those members are marked
 * on a 4 px grid; boxes that do not touch are joined by straight corridors that avoid everyone else;
 * the outline of what is marked is traced and drawn with rounded corners.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const cell = 4;
const corridorHalf = 8;
const cornerRadius = 10;
/** Gaps up to twice this (in cells) between marked areas are closed, so the line runs smooth. */
const closingRadius = 6;

class Grid {
  readonly cols: number;
  readonly rows: number;
  readonly inside: Uint8Array;
  readonly blocked: Uint8Array;

  constructor(width: number, height: number) {
    this.cols = Math.ceil(width / cell) + 2;
    this.rows = Math.ceil(height / cell) + 2;
    this.inside = new Uint8Array(this.cols * this.rows);
    this.blocked = new Uint8Array(this.cols * this.rows);
  }

  /** Cells whose centre lies in the box. */
  cells(box: Box): number[] {
    const out: number[] = [];
    const c0 = Math.max(0, Math.ceil(box.left / cell - 0.5));
    const c1 = Math.min(this.cols - 1, Math.floor(box.right / cell - 0.5));
    const r0 = Math.max(0, Math.ceil(box.top / cell - 0.5));
    const r1 = Math.min(this.rows - 1, Math.floor(box.bottom / cell - 0.5));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(r * this.cols + c);
    return out;
  }

  /** 4-connected regions of `mask`, as a region number per cell (0 = not in the mask). */
  regions(mask: (i: number) => boolean): Int32Array {
    const region = new Int32Array(this.cols * this.rows);
    let next = 0;
    for (let start = 0; start < region.length; start++) {
      if (region[start] || !mask(start)) continue;
      next++;
      region[start] = next;
      const stack = [start];
      while (stack.length) {
        const i = stack.pop() as number;
        const c = i % this.cols;
        for (const j of [i - this.cols, i + this.cols, c > 0 ? i - 1 : -1, c < this.cols - 1 ? i + 1 : -1]) {
          if (j < 0 || j >= region.length || region[j] || !mask(j)) continue;
          region[j] = next;
          stack.push(j);
        }
      }
    }
    return region;
  }
}

function corridor(from: Point, to: Point, laneY: number): Box[] {
  const v = (x: number, y0: number, y1: number): Box => ({
    left: x - corridorHalf,
    right: x + corridorHalf,
    top: Math.min(y0, y1) - corridorHalf,
    bottom: Math.max(y0, y1) + corridorHalf,
  });
  return [
    v(from.x, from.y, laneY),
    {
      left: Math.min(from.x, to.x) - corridorHalf,
      right: Math.max(from.x, to.x) + corridorHalf,
      top: laneY - corridorHalf,
      bottom: laneY + corridorHalf,
    },
    v(to.x, laneY, to.y),
  ];
}

/** Joins every region to the first box's with the shortest corridor that touches no blocked cell. */
function connect(grid: Grid, boxes: Box[], lanes: number[]): void {
  const centre = (b: Box): Point => ({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
  for (let round = 0; round < boxes.length; round++) {
    const region = grid.regions((i) => grid.inside[i] === 1);
    const regionOf = boxes.map((b) => region[grid.cells(b)[0] ?? 0] ?? 0);
    const main = regionOf[0];
    const joined = boxes.filter((_, i) => regionOf[i] === main);
    const apart = boxes.filter((_, i) => regionOf[i] !== main);
    if (apart.length === 0) return;
    let best: { cells: number[]; length: number } | null = null;
    for (const a of joined)
      for (const b of apart)
        for (const laneY of lanes) {
          const [p, q] = [centre(a), centre(b)];
          const length = Math.abs(p.y - laneY) + Math.abs(p.x - q.x) + Math.abs(q.y - laneY);
          if (best && length >= best.length) continue;
          const cells = corridor(p, q, laneY).flatMap((box) => grid.cells(box));
          if (cells.some((i) => grid.blocked[i] === 1)) continue;
          best = { cells, length };
        }
    if (!best) return;
    for (const i of best.cells) grid.inside[i] = 1;
  }
}

/** Cells with at least one (`any`) or only (`!any`) marked cells within `radius` along one axis. */
function sweep(grid: Grid, mask: Uint8Array, radius: number, horizontal: boolean, any: boolean): Uint8Array {
  const out = new Uint8Array(mask.length);
  const [lines, length] = horizontal ? [grid.rows, grid.cols] : [grid.cols, grid.rows];
  const index = (line: number, i: number) => (horizontal ? line * grid.cols + i : i * grid.cols + line);
  const prefix = new Int32Array(length + 1);
  for (let line = 0; line < lines; line++) {
    for (let i = 0; i < length; i++) prefix[i + 1] = (prefix[i] ?? 0) + (mask[index(line, i)] ?? 0);
    for (let i = 0; i < length; i++) {
      const lo = i - radius;
      const hi = i + radius;
      const count = (prefix[Math.min(length, hi + 1)] ?? 0) - (prefix[Math.max(0, lo)] ?? 0);
      const inRange = lo >= 0 && hi < length;
      out[index(line, i)] = any ? Number(count > 0) : Number(inRange && count === 2 * radius + 1);
    }
  }
  return out;
}

/** Morphological closing that never reaches a blocked cell: fills notches and narrow gaps. */
function close(grid: Grid): void {
  const r = closingRadius;
  const grown = sweep(grid, sweep(grid, grid.inside, r, true, true), r, false, true);
  for (let i = 0; i < grown.length; i++) if (grid.blocked[i]) grown[i] = 0;
  const closed = sweep(grid, sweep(grid, grown, r, true, false), r, false, false);
  for (let i = 0; i < closed.length; i++) if (closed[i]) grid.inside[i] = 1;
}

/** Holes that hold nobody else are part of the enclosure; holes around another person stay holes. */
function fillEmptyHoles(grid: Grid): void {
  const outside = grid.regions((i) => grid.inside[i] === 0);
  const touchesEdge = new Set<number>();
  for (let c = 0; c < grid.cols; c++) {
    touchesEdge.add(outside[c] ?? 0);
    touchesEdge.add(outside[(grid.rows - 1) * grid.cols + c] ?? 0);
  }
  for (let r = 0; r < grid.rows; r++) {
    touchesEdge.add(outside[r * grid.cols] ?? 0);
    touchesEdge.add(outside[r * grid.cols + grid.cols - 1] ?? 0);
  }
  const holding = new Set<number>();
  outside.forEach((region, i) => {
    if (region && grid.blocked[i]) holding.add(region);
  });
  outside.forEach((region, i) => {
    if (region && !touchesEdge.has(region) && !holding.has(region)) grid.inside[i] = 1;
  });
}

/** Outline loops of the marked cells, clockwise on screen, corners only. */
function trace(grid: Grid): Point[][] {
  const { cols } = grid;
  const isIn = (c: number, r: number) =>
    c >= 0 && r >= 0 && c < cols && r < grid.rows && grid.inside[r * cols + c] === 1;
  // Directed edges keyed by their start vertex; the inside is on the right of each.
  const edges = new Map<number, { to: number; dir: number }[]>();
  const vertex = (c: number, r: number) => r * (cols + 1) + c;
  const add = (from: number, to: number, dir: number) => {
    const list = edges.get(from) ?? [];
    list.push({ to, dir });
    edges.set(from, list);
  };
  for (let r = 0; r < grid.rows; r++)
    for (let c = 0; c < cols; c++) {
      if (!isIn(c, r)) continue;
      if (!isIn(c, r - 1)) add(vertex(c, r), vertex(c + 1, r), 0);
      if (!isIn(c + 1, r)) add(vertex(c + 1, r), vertex(c + 1, r + 1), 1);
      if (!isIn(c, r + 1)) add(vertex(c + 1, r + 1), vertex(c, r + 1), 2);
      if (!isIn(c - 1, r)) add(vertex(c, r + 1), vertex(c, r), 3);
    }
  const loops: Point[][] = [];
  const starts = [...edges.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    while ((edges.get(start)?.length ?? 0) > 0) {
      const points: Point[] = [];
      let at = start;
      let dir = -1;
      do {
        const out = edges.get(at) ?? [];
        // Where two loops touch at a corner, turn right: each loop keeps to its own cells.
        const turns =
          dir === -1 ? [0] : [1, 0, 3].map((turn) => out.findIndex((e) => e.dir === (dir + turn) % 4));
        const pick = turns.find((i) => i >= 0) ?? 0;
        const [edge] = out.splice(pick, 1);
        if (!edge) break;
        if (edge.dir !== dir)
          points.push({ x: (at % (cols + 1)) * cell, y: Math.floor(at / (cols + 1)) * cell });
        dir = edge.dir;
        at = edge.to;
      } while (at !== start);
      if (points.length >= 4) loops.push(points);
    }
  }
  return loops;
}

function roundedLoop(points: Point[]): string {
  const n = points.length;
  const parts: string[] = [];
  points.forEach((p, i) => {
    const prev = points[(i + n - 1) % n] as Point;
    const next = points[(i + 1) % n] as Point;
    const inLength = Math.hypot(p.x - prev.x, p.y - prev.y);
    const outLength = Math.hypot(next.x - p.x, next.y - p.y);
    const r = Math.min(cornerRadius, inLength / 2, outLength / 2);
    const a = { x: p.x - ((p.x - prev.x) / inLength) * r, y: p.y - ((p.y - prev.y) / inLength) * r };
    const b = { x: p.x + ((next.x - p.x) / outLength) * r, y: p.y + ((next.y - p.y) / outLength) * r };
    parts.push(
      `${i === 0 ? 'M' : 'L'}${num(a.x)} ${num(a.y)} Q${num(p.x)} ${num(p.y)} ${num(b.x)} ${num(b.y)}`,
    );
  });
  return `${parts.join(' ')} Z`;
}

/**
 * Path data of the closed line around `inside` (the first box anchors it) that keeps every `blocked`
 * box outside. `bridges` join neighbours with nobody between them; `lanes` are the heights where
 * corridors may run (between the rows of the drawing).
 */
export function enclosurePath(
  inside: Box[],
  blocked: Box[],
  bridges: Box[],
  size: { width: number; height: number },
  lanes: number[],
): string | null {
  if (inside.length === 0) return null;
  const grid = new Grid(size.width, size.height);
  for (const box of blocked) for (const i of grid.cells(box)) grid.blocked[i] = 1;
  for (const box of inside) for (const i of grid.cells(box)) grid.inside[i] = 1;
  for (const box of bridges) for (const i of grid.cells(box)) if (!grid.blocked[i]) grid.inside[i] = 1;
  connect(grid, inside, lanes);
  close(grid);
  fillEmptyHoles(grid);
  const loops = trace(grid);
  return loops.length ? loops.map(roundedLoop).join(' ') : null;
}
