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
  /** Summed-area table of `blocked`, made once the blocked boxes are marked. */
  private blockedSums: Int32Array | null = null;
  /** The flood fill's stack, shared by every call of `reach`. */
  private stack: Int32Array | null = null;

  constructor(width: number, height: number) {
    this.cols = Math.ceil(width / cell) + 2;
    this.rows = Math.ceil(height / cell) + 2;
    this.inside = new Uint8Array(this.cols * this.rows);
    this.blocked = new Uint8Array(this.cols * this.rows);
  }

  /** Columns and rows whose cell centres lie in the box (empty when c0 > c1 or r0 > r1). */
  span(box: Box) {
    return {
      c0: Math.max(0, Math.ceil(box.left / cell - 0.5)),
      c1: Math.min(this.cols - 1, Math.floor(box.right / cell - 0.5)),
      r0: Math.max(0, Math.ceil(box.top / cell - 0.5)),
      r1: Math.min(this.rows - 1, Math.floor(box.bottom / cell - 0.5)),
    };
  }

  /** The first cell of the box, or 0 when it holds none. */
  firstCell(box: Box): number {
    const { c0, c1, r0, r1 } = this.span(box);
    return c0 <= c1 && r0 <= r1 ? r0 * this.cols + c0 : 0;
  }

  /** Sets `value` in `layer` on the box's cells; `unlessBlocked` leaves blocked cells alone. */
  mark(layer: Uint8Array, box: Box, unlessBlocked = false): void {
    const { c0, c1, r0, r1 } = this.span(box);
    for (let r = r0; r <= r1; r++)
      for (let i = r * this.cols + c0, end = r * this.cols + c1; i <= end; i++)
        if (!unlessBlocked || !this.blocked[i]) layer[i] = 1;
  }

  /** Whether any cell of the box is blocked. */
  isBlocked(box: Box): boolean {
    const { c0, c1, r0, r1 } = this.span(box);
    if (c0 > c1 || r0 > r1) return false;
    const w = this.cols + 1;
    if (!this.blockedSums) {
      const sums = new Int32Array(w * (this.rows + 1));
      for (let r = 0; r < this.rows; r++) {
        let row = 0;
        for (let c = 0; c < this.cols; c++) {
          row += this.blocked[r * this.cols + c] as number;
          sums[(r + 1) * w + c + 1] = (sums[r * w + c + 1] as number) + row;
        }
      }
      this.blockedSums = sums;
    }
    const t = this.blockedSums;
    const sum =
      (t[(r1 + 1) * w + c1 + 1] as number) -
      (t[r0 * w + c1 + 1] as number) -
      (t[(r1 + 1) * w + c0] as number) +
      (t[r0 * w + c0] as number);
    return sum > 0;
  }

  /**
   * The cells where `layer` equals `value` that are 4-connected to one of `seeds` (1 = reached).
   * Seeds where `layer` differs reach nothing.
   */
  reach(layer: Uint8Array, value: number, seeds: Iterable<number>): Uint8Array {
    const { cols } = this;
    const n = cols * this.rows;
    const reached = new Uint8Array(n);
    // Each cell is pushed once at most.
    this.stack ??= new Int32Array(n);
    const { stack } = this;
    let top = 0;
    for (const seed of seeds)
      if (!reached[seed] && layer[seed] === value) {
        reached[seed] = 1;
        stack[top++] = seed;
      }
    while (top > 0) {
      const i = stack[--top] as number;
      const c = i % cols;
      if (i >= cols && !reached[i - cols] && layer[i - cols] === value) {
        reached[i - cols] = 1;
        stack[top++] = i - cols;
      }
      if (i + cols < n && !reached[i + cols] && layer[i + cols] === value) {
        reached[i + cols] = 1;
        stack[top++] = i + cols;
      }
      if (c > 0 && !reached[i - 1] && layer[i - 1] === value) {
        reached[i - 1] = 1;
        stack[top++] = i - 1;
      }
      if (c < cols - 1 && !reached[i + 1] && layer[i + 1] === value) {
        reached[i + 1] = 1;
        stack[top++] = i + 1;
      }
    }
    return reached;
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
  const firstCells = boxes.map((b) => grid.firstCell(b));
  for (let round = 0; round < boxes.length; round++) {
    // Only the first box's region is needed: the boxes in it are joined, the others apart.
    const main = grid.reach(grid.inside, 1, firstCells.slice(0, 1));
    const region = (cell: number) => (grid.inside[cell] !== 1 ? 0 : main[cell] ? 1 : 2);
    const mainRegion = region(firstCells[0] ?? 0);
    const joined = boxes.filter((_, i) => region(firstCells[i] ?? 0) === mainRegion);
    const apart = boxes.filter((_, i) => region(firstCells[i] ?? 0) !== mainRegion);
    if (apart.length === 0) return;
    let best: { boxes: Box[]; length: number } | null = null;
    for (const a of joined)
      for (const b of apart)
        for (const laneY of lanes) {
          const [p, q] = [centre(a), centre(b)];
          const length = Math.abs(p.y - laneY) + Math.abs(p.x - q.x) + Math.abs(q.y - laneY);
          if (best && length >= best.length) continue;
          const path = corridor(p, q, laneY);
          if (path.some((box) => grid.isBlocked(box))) continue;
          best = { boxes: path, length };
        }
    if (!best) return;
    for (const box of best.boxes) grid.mark(grid.inside, box);
  }
}

/** Cells with at least one (`any`) or only (`!any`) marked cells within `radius` along one axis. */
function sweep(grid: Grid, mask: Uint8Array, radius: number, horizontal: boolean, any: boolean): Uint8Array {
  const out = new Uint8Array(mask.length);
  const [lines, length] = horizontal ? [grid.rows, grid.cols] : [grid.cols, grid.rows];
  // Cell i of a line is at base + i * step.
  const step = horizontal ? 1 : grid.cols;
  const lineStep = horizontal ? grid.cols : 1;
  const prefix = new Int32Array(length + 1);
  const full = 2 * radius + 1;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let i = 0; i < length; i++)
      prefix[i + 1] = (prefix[i] as number) + (mask[base + i * step] as number);
    for (let i = 0; i < length; i++) {
      const lo = i - radius;
      const hi = i + radius;
      const count =
        (prefix[hi + 1 < length ? hi + 1 : length] as number) - (prefix[lo > 0 ? lo : 0] as number);
      out[base + i * step] = any ? (count > 0 ? 1 : 0) : lo >= 0 && hi < length && count === full ? 1 : 0;
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
  const { cols, rows, inside, blocked } = grid;
  // What stays outside: every empty area that touches the edge of the grid or holds a blocked cell.
  const seeds: number[] = [];
  for (let c = 0; c < cols; c++) seeds.push(c, (rows - 1) * cols + c);
  for (let r = 0; r < rows; r++) seeds.push(r * cols, r * cols + cols - 1);
  for (let i = 0; i < blocked.length; i++) if (blocked[i]) seeds.push(i);
  const outside = grid.reach(inside, 0, seeds);
  for (let i = 0; i < inside.length; i++) if (!inside[i] && !outside[i]) inside[i] = 1;
}

/** Outline loops of the marked cells, clockwise on screen, corners only. */
function trace(grid: Grid): Point[][] {
  const { cols, rows, inside } = grid;
  const isIn = (c: number, r: number) =>
    c >= 0 && r >= 0 && c < cols && r < rows && inside[r * cols + c] === 1;
  // Directed edges by their start vertex (at most 4 each, in the order found); the inside is on the right.
  const vertices = (cols + 1) * (rows + 1);
  const count = new Uint8Array(vertices);
  const to = new Int32Array(vertices * 4);
  const dirs = new Uint8Array(vertices * 4);
  const vertex = (c: number, r: number) => r * (cols + 1) + c;
  const add = (from: number, end: number, dir: number) => {
    const slot = from * 4 + (count[from] as number);
    to[slot] = end;
    dirs[slot] = dir;
    count[from] = (count[from] as number) + 1;
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (inside[r * cols + c] !== 1) continue;
      if (!isIn(c, r - 1)) add(vertex(c, r), vertex(c + 1, r), 0);
      if (!isIn(c + 1, r)) add(vertex(c + 1, r), vertex(c + 1, r + 1), 1);
      if (!isIn(c, r + 1)) add(vertex(c + 1, r + 1), vertex(c, r + 1), 2);
      if (!isIn(c - 1, r)) add(vertex(c, r + 1), vertex(c, r), 3);
    }
  /** The slot of the first edge out of `at` going `dir`, or -1. */
  const find = (at: number, dir: number) => {
    for (let k = 0; k < (count[at] as number); k++) if (dirs[at * 4 + k] === dir) return k;
    return -1;
  };
  const loops: Point[][] = [];
  for (let start = 0; start < vertices; start++) {
    while ((count[start] as number) > 0) {
      const points: Point[] = [];
      let at = start;
      let dir = -1;
      do {
        const n = count[at] as number;
        if (n === 0) break;
        // Where two loops touch at a corner, turn right: each loop keeps to its own cells.
        let pick = 0;
        if (dir !== -1) {
          const right = find(at, (dir + 1) % 4);
          const straight = right >= 0 ? right : find(at, dir);
          const left = straight >= 0 ? straight : find(at, (dir + 3) % 4);
          pick = left >= 0 ? left : 0;
        }
        const edgeTo = to[at * 4 + pick] as number;
        const edgeDir = dirs[at * 4 + pick] as number;
        for (let k = pick; k < n - 1; k++) {
          to[at * 4 + k] = to[at * 4 + k + 1] as number;
          dirs[at * 4 + k] = dirs[at * 4 + k + 1] as number;
        }
        count[at] = n - 1;
        if (edgeDir !== dir)
          points.push({ x: (at % (cols + 1)) * cell, y: Math.floor(at / (cols + 1)) * cell });
        dir = edgeDir;
        at = edgeTo;
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
  for (const box of blocked) grid.mark(grid.blocked, box);
  for (const box of inside) grid.mark(grid.inside, box);
  for (const box of bridges) grid.mark(grid.inside, box, true);
  connect(grid, inside, lanes);
  close(grid);
  fillEmptyHoles(grid);
  const loops = trace(grid);
  return loops.length ? loops.map(roundedLoop).join(' ') : null;
}
