import type { GenogramInput, GenogramPerson, PartnerKind } from './genogram-types.js';
import { fitText, textWidthEm } from './svg.js';

/**
 * Where each person of the 家族構成図 goes. Generations come from 親子 (a child one row below its
 * parents) and partners (the same row). Partners sit side by side (a man left of a woman), siblings
 * in order of birth under their parents, and rows are spread so parents stand over their children.
 * Plain code: a few barycentre sweeps for the order, then isotonic regression for the x positions.
 */

export const symbolSize = 40;
export const captionFontSize = 11;
export const captionLineHeight = 14;
const captionMaxEm = 9;
const partnerGap = 68;
const otherGap = 40;
const margin = 28;
const barLevelStep = 8;

export interface Partnership {
  a: string;
  b: string;
  kind: PartnerKind;
  yearText: string | null;
}

/** Children hang from their parents' line: one unit per set of parents (one or two people). */
export interface ParentUnit {
  parents: string[];
  children: string[];
}

export interface PlacedPerson {
  person: GenogramPerson;
  caption: string[];
  x: number;
  y: number;
  row: number;
  halfWidth: number;
}

export interface SiblingBar {
  unit: ParentUnit;
  /** Where the line to the children starts: the middle of the couple's line, or the single parent. */
  from: { x: number; y: number };
  barY: number;
  left: number;
  right: number;
}

export interface GenogramLayout {
  people: Map<string, PlacedPerson>;
  partnerships: Partnership[];
  bars: SiblingBar[];
  rowY: number[];
  width: number;
  height: number;
  captionHeight: number;
}

interface Graph {
  order: Map<string, number>;
  parentsOf: Map<string, string[]>;
  childrenOf: Map<string, string[]>;
  partnerships: Partnership[];
  partnersOf: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function buildGraph(input: GenogramInput): Graph {
  const order = new Map(input.people.map((p, i) => [p.key, i]));
  const parentsOf = new Map<string, string[]>();
  const childrenOf = new Map<string, string[]>();
  const partnersOf = new Map<string, string[]>();
  const partnerships: Partnership[] = [];
  const seenPairs = new Set<string>();
  for (const r of input.relations) {
    if (r.kind === 'parentChild') {
      if (!order.has(r.parent) || !order.has(r.child) || r.parent === r.child) continue;
      push(parentsOf, r.child, r.parent);
      push(childrenOf, r.parent, r.child);
    } else {
      if (!order.has(r.a) || !order.has(r.b) || r.a === r.b) continue;
      const pair = [r.a, r.b].sort().join('\u0000');
      if (seenPairs.has(pair)) continue;
      seenPairs.add(pair);
      partnerships.push({ a: r.a, b: r.b, kind: r.kind, yearText: r.yearText });
      push(partnersOf, r.a, r.b);
      push(partnersOf, r.b, r.a);
    }
  }
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  for (const list of [...parentsOf.values(), ...childrenOf.values(), ...partnersOf.values()])
    list.sort(byOrder);
  return { order, parentsOf, childrenOf, partnerships, partnersOf };
}

/** Rows from the generations: the principal's component anchors row 0 before the rows are shifted down. */
function generations(people: readonly GenogramPerson[], g: Graph): Map<string, number> {
  const gen = new Map<string, number>();
  const starts = [...people.filter((p) => p.isPrincipal), ...people].map((p) => p.key);
  for (const start of starts) {
    if (gen.has(start)) continue;
    gen.set(start, 0);
    const queue = [start];
    while (queue.length > 0) {
      const key = queue.shift() as string;
      const level = gen.get(key) ?? 0;
      const visit = (next: string, at: number) => {
        if (gen.has(next)) return;
        gen.set(next, at);
        queue.push(next);
      };
      for (const p of g.parentsOf.get(key) ?? []) visit(p, level - 1);
      for (const c of g.childrenOf.get(key) ?? []) visit(c, level + 1);
      for (const q of g.partnersOf.get(key) ?? []) visit(q, level);
    }
  }
  const top = Math.min(0, ...gen.values());
  for (const [key, level] of gen) gen.set(key, level - top);
  return gen;
}

const isFormer = (kind: PartnerKind) => kind === 'divorced' || kind === 'separated';

/** Partners of one row side by side: a couple man left, woman right; a remarried person between partners. */
function orderChain(members: string[], g: Graph, people: Map<string, GenogramPerson>): string[] {
  const byOrder = (a: string, b: string) => (g.order.get(a) ?? 0) - (g.order.get(b) ?? 0);
  const sorted = [...members].sort(byOrder);
  if (sorted.length === 1) return sorted;
  if (sorted.length === 2) {
    const [a = '', b = ''] = sorted;
    return people.get(a)?.sex === 'female' && people.get(b)?.sex === 'male' ? [b, a] : [a, b];
  }
  const inChain = new Set(members);
  const adjacent = (k: string) => (g.partnersOf.get(k) ?? []).filter((q) => inChain.has(q));
  const kindOf = (a: string, b: string) =>
    g.partnerships.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.kind ?? 'married';
  const edges = g.partnerships.filter((p) => inChain.has(p.a) && inChain.has(p.b)).length;
  const isPath = edges === members.length - 1 && members.every((k) => adjacent(k).length <= 2);
  if (isPath) {
    const ends = sorted.filter((k) => adjacent(k).length === 1);
    const former = ends.filter((k) => isFormer(kindOf(k, adjacent(k)[0] ?? '')));
    let current = former[0] ?? ends[0] ?? sorted[0] ?? '';
    const path = [current];
    while (path.length < members.length) {
      const next = adjacent(current).find((q) => !path.includes(q));
      if (!next) break;
      path.push(next);
      current = next;
    }
    return path;
  }
  const hub = [...sorted].sort((a, b) => adjacent(b).length - adjacent(a).length || byOrder(a, b))[0] ?? '';
  const partners = adjacent(hub).sort(
    (a, b) => Number(isFormer(kindOf(hub, b))) - Number(isFormer(kindOf(hub, a))) || byOrder(a, b),
  );
  const half = Math.floor(partners.length / 2);
  const placed = [...partners.slice(0, half), hub, ...partners.slice(half)];
  return [...placed, ...sorted.filter((k) => !placed.includes(k))];
}

/** Partners in the same row form one chain; every other person is a chain of one. */
function rowChains(row: string[], g: Graph, gen: Map<string, number>, people: Map<string, GenogramPerson>) {
  const parent = new Map(row.map((k) => [k, k]));
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const p of g.partnerships) {
    if (gen.get(p.a) !== gen.get(p.b) || !parent.has(p.a) || !parent.has(p.b)) continue;
    const [ra, rb] = [find(p.a), find(p.b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, string[]>();
  for (const k of row) push(groups, find(k), k);
  return [...groups.values()].map((members) => orderChain(members, g, people));
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Weighted isotonic regression (pool adjacent violators): the non-decreasing fit closest to `values`. */
function isotonic(values: readonly number[], weights: readonly number[]): number[] {
  const pools: { sum: number; weight: number; count: number }[] = [];
  values.forEach((v, i) => {
    const w = weights[i] ?? 1;
    pools.push({ sum: v * w, weight: w, count: 1 });
    while (pools.length > 1) {
      const last = pools[pools.length - 1] as (typeof pools)[number];
      const prev = pools[pools.length - 2] as (typeof pools)[number];
      if (prev.sum / prev.weight <= last.sum / last.weight) break;
      pools.pop();
      prev.sum += last.sum;
      prev.weight += last.weight;
      prev.count += last.count;
    }
  });
  return pools.flatMap((p) => Array.from({ length: p.count }, () => p.sum / p.weight));
}

export function layoutGenogram(input: GenogramInput): GenogramLayout {
  const g = buildGraph(input);
  const people = new Map(input.people.map((p) => [p.key, p]));
  const gen = generations(input.people, g);
  const rowCount = input.people.length === 0 ? 0 : Math.max(...gen.values()) + 1;

  const captions = new Map(input.people.map((p) => [p.key, p.caption.map((l) => fitText(l, captionMaxEm))]));
  const halfWidth = new Map(
    input.people.map((p) => {
      const widest = Math.max(0, ...(captions.get(p.key) ?? []).map(textWidthEm)) * captionFontSize;
      return [p.key, Math.max(symbolSize / 2 + 4, widest / 2 + 4)];
    }),
  );
  const hw = (k: string) => halfWidth.get(k) ?? symbolSize / 2;
  const isPartner = (a: string, b: string) => (g.partnersOf.get(a) ?? []).includes(b);
  const gap = (a: string, b: string) => hw(a) + hw(b) + (isPartner(a, b) ? partnerGap : otherGap);

  const rows: string[][][] = Array.from({ length: rowCount }, (_, r) =>
    rowChains(
      input.people.filter((p) => gen.get(p.key) === r).map((p) => p.key),
      g,
      gen,
      people,
    ),
  );
  const x = new Map<string, number>();
  const offsets = (chain: string[]) => {
    const out = [0];
    for (let i = 1; i < chain.length; i++)
      out.push((out[i - 1] ?? 0) + gap(chain[i - 1] ?? '', chain[i] ?? ''));
    return out;
  };
  const pack = (row: string[][]) => {
    let cursor = 0;
    let previous: string | null = null;
    for (const chain of row) {
      const offs = offsets(chain);
      if (previous !== null) cursor += gap(previous, chain[0] ?? '');
      for (const [i, k] of chain.entries()) x.set(k, cursor + (offs[i] ?? 0));
      cursor += offs.at(-1) ?? 0;
      previous = chain.at(-1) ?? null;
    }
  };
  for (const row of rows) pack(row);

  const at = (k: string) => x.get(k) ?? 0;
  const firstByOrder = (chain: string[]) => Math.min(...chain.map((k) => g.order.get(k) ?? 0));
  const birthKey = (chain: string[]) => {
    const blood = chain.find((k) => (g.parentsOf.get(k) ?? []).length > 0);
    return blood ? (people.get(blood)?.birthDate ?? '~') : '~';
  };

  // A couple where only one of them has parents in the drawing: that one stands on their side, the
  // partner outside, so the partner is not drawn under the siblings' line.
  const turnTowardParents = (chain: string[]) => {
    if (chain.length !== 2) return chain;
    const blood = chain.filter((k) => (g.parentsOf.get(k) ?? []).length > 0);
    const [own] = blood;
    if (blood.length !== 1 || own === undefined) return chain;
    const parentsAt = mean((g.parentsOf.get(own) ?? []).map(at));
    const centre = mean(chain.map(at));
    const other = chain.find((k) => k !== own) ?? '';
    if (parentsAt < centre - 1) return [own, other];
    if (parentsAt > centre + 1) return [other, own];
    return chain;
  };

  // Order: barycentre sweeps over whole chains; siblings of one unit stay in order of birth.
  const sortRow = (r: number, direction: 'down' | 'up') => {
    const row = rows[r] ?? [];
    const keyed = row.map((chain) => {
      const targets = chain.flatMap((k) => {
        const linked = direction === 'down' ? (g.parentsOf.get(k) ?? []) : (g.childrenOf.get(k) ?? []);
        return linked.length ? [mean(linked.map(at))] : [];
      });
      return { chain, key: targets.length ? mean(targets) : mean(chain.map(at)) };
    });
    keyed.sort(
      (a, b) =>
        a.key - b.key ||
        (direction === 'down' ? birthKey(a.chain).localeCompare(birthKey(b.chain)) : 0) ||
        firstByOrder(a.chain) - firstByOrder(b.chain),
    );
    rows[r] = keyed.map((k) => (direction === 'down' ? turnTowardParents(k.chain) : k.chain));
    pack(rows[r] ?? []);
  };
  for (let r = 1; r < rowCount; r++) sortRow(r, 'down');
  for (let r = rowCount - 2; r >= 0; r--) sortRow(r, 'up');
  for (let r = 1; r < rowCount; r++) sortRow(r, 'down');

  // Positions: each row's chains keep their order and spacing; each chain moves toward its targets.
  const placeRow = (r: number, direction: 'down' | 'up') => {
    const row = rows[r] ?? [];
    const desired: number[] = [];
    const weights: number[] = [];
    const shifts: number[] = [];
    let cumulative = 0;
    row.forEach((chain, b) => {
      const offs = offsets(chain);
      if (b > 0) {
        const prev = row[b - 1] ?? [];
        cumulative += (offsets(prev).at(-1) ?? 0) + gap(prev.at(-1) ?? '', chain[0] ?? '');
      }
      shifts.push(cumulative);
      const targets: number[] = [];
      chain.forEach((k, i) => {
        const off = offs[i] ?? 0;
        if (direction === 'down') {
          const parents = g.parentsOf.get(k) ?? [];
          if (parents.length) targets.push(mean(parents.map(at)) - off);
        } else {
          const children = g.childrenOf.get(k) ?? [];
          if (children.length) targets.push(mean(children.map(at)) - off);
        }
      });
      const left = at(chain[0] ?? '');
      desired.push((targets.length ? mean(targets) : left) - cumulative);
      weights.push(targets.length ? targets.length : 0.001);
    });
    const fitted = isotonic(desired, weights);
    row.forEach((chain, b) => {
      const left = (fitted[b] ?? 0) + (shifts[b] ?? 0);
      const offs = offsets(chain);
      for (const [i, k] of chain.entries()) x.set(k, left + (offs[i] ?? 0));
    });
  };
  for (let pass = 0; pass < 4; pass++) {
    for (let r = rowCount - 2; r >= 0; r--) placeRow(r, 'up');
    for (let r = 1; r < rowCount; r++) placeRow(r, 'down');
  }

  const minX = Math.min(...input.people.map((p) => at(p.key) - hw(p.key)));
  const shift = margin - (Number.isFinite(minX) ? minX : 0);
  for (const [k, v] of x) x.set(k, v + shift);

  // Units of children and the bars they hang from.
  const units = new Map<string, ParentUnit>();
  for (const p of input.people) {
    const parents = [...(g.parentsOf.get(p.key) ?? [])].sort((a, b) => at(a) - at(b));
    if (!parents.length) continue;
    const id = parents.join('\u0000');
    const unit = units.get(id) ?? { parents, children: [] };
    unit.children.push(p.key);
    units.set(id, unit);
  }
  const maxCaptionLines = Math.max(1, ...[...captions.values()].map((c) => c.length));
  const captionHeight = maxCaptionLines * captionLineHeight + 4;
  const unitList = [...units.values()];
  const rowOf = (k: string) => gen.get(k) ?? 0;
  const levels = new Map<ParentUnit, number>();
  const levelCount: number[] = Array.from({ length: rowCount }, () => 0);
  for (let r = 0; r < rowCount; r++) {
    const spans = unitList
      .filter((u) => Math.max(...u.parents.map(rowOf)) === r)
      .map((u) => {
        const xs = [mean(u.parents.map(at)), ...u.children.map(at)];
        return { u, left: Math.min(...xs), right: Math.max(...xs) };
      })
      .sort((a, b) => a.left - b.left || a.right - b.right);
    const ends: number[] = [];
    for (const s of spans) {
      let level = ends.findIndex((end) => end < s.left - 6);
      if (level === -1) level = ends.length;
      ends[level] = s.right;
      levels.set(s.u, level);
    }
    levelCount[r] = ends.length;
  }
  const rowY: number[] = [];
  let y = margin + 10 + symbolSize / 2;
  for (let r = 0; r < rowCount; r++) {
    rowY.push(y);
    y += symbolSize + captionHeight + 40 + Math.max(0, (levelCount[r] ?? 0) - 1) * barLevelStep;
  }

  const placed = new Map<string, PlacedPerson>(
    input.people.map((p) => [
      p.key,
      {
        person: p,
        caption: captions.get(p.key) ?? [],
        x: at(p.key),
        y: rowY[rowOf(p.key)] ?? 0,
        row: rowOf(p.key),
        halfWidth: hw(p.key),
      },
    ]),
  );
  const bars: SiblingBar[] = unitList.map((u) => {
    const parentRow = Math.max(...u.parents.map(rowOf));
    const parentY = rowY[parentRow] ?? 0;
    const barY = parentY + symbolSize / 2 + captionHeight + 12 + (levels.get(u) ?? 0) * barLevelStep;
    const fromX = mean(u.parents.map(at));
    const xs = [fromX, ...u.children.map(at)];
    return {
      unit: u,
      from: { x: fromX, y: u.parents.length === 2 ? parentY : parentY + symbolSize / 2 },
      barY,
      left: Math.min(...xs),
      right: Math.max(...xs),
    };
  });

  const maxX = Math.max(0, ...input.people.map((p) => at(p.key) + hw(p.key)));
  const lastRowBottom = rowCount ? (rowY[rowCount - 1] ?? 0) + symbolSize / 2 + captionHeight : 0;
  return {
    people: placed,
    partnerships: g.partnerships,
    bars,
    rowY,
    width: maxX + margin,
    height: lastRowBottom + margin,
    captionHeight,
  };
}
