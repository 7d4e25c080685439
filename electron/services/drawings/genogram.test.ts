import { describe, expect, it } from 'vitest';
import { threeGenerations, twelvePeople } from '../testing/genogram-fixtures.js';
import {
  allText,
  byClass,
  descendants,
  insidePath,
  numberAttr,
  readSvg,
  type SvgNode,
} from '../testing/svg-reader.js';
import { drawGenogram, type GenogramInput } from './genogram.js';

function people(root: SvgNode): Map<string, SvgNode> {
  return new Map(byClass(root, 'person').map((g) => [g.attrs['data-member'] ?? '', g]));
}

function symbolOf(group: SvgNode): SvgNode {
  const [symbol] = byClass(group, 'symbol');
  if (!symbol) throw new Error('no symbol');
  return symbol;
}

/** Centre of a symbol, read back from its geometry. */
function centreOf(symbol: SvgNode): { x: number; y: number } {
  if (symbol.name === 'rect')
    return {
      x: numberAttr(symbol, 'x') + numberAttr(symbol, 'width') / 2,
      y: numberAttr(symbol, 'y') + numberAttr(symbol, 'height') / 2,
    };
  if (symbol.name === 'circle') return { x: numberAttr(symbol, 'cx'), y: numberAttr(symbol, 'cy') };
  const points = (symbol.attrs.points ?? '').split(' ').map((p) => p.split(',').map(Number));
  const xs = points.map(([x = 0]) => x);
  const ys = points.map(([, y = 0]) => y);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

function centres(root: SvgNode): Map<string, { x: number; y: number }> {
  return new Map([...people(root)].map(([key, g]) => [key, centreOf(symbolOf(g))]));
}

describe('家族構成図 (rule 23): three generations, a divorce and a remarriage', () => {
  const svg = drawGenogram(threeGenerations);
  const root = readSvg(svg);
  const groups = people(root);
  const at = centres(root);

  it('draws □ for men, ○ for women and ◇ for other or unknown, as real shapes', () => {
    const expected = { A: 'rect', B: 'circle', C: 'circle', D: 'rect', E: 'circle', F: 'rect', G: 'circle' };
    for (const [key, element] of Object.entries(expected)) {
      const symbol = symbolOf(groups.get(key) as SvgNode);
      expect(symbol.name, key).toBe(element);
      if (element === 'rect') expect(numberAttr(symbol, 'width')).toBe(numberAttr(symbol, 'height'));
    }
    const other = readSvg(
      drawGenogram({
        ...threeGenerations,
        people: threeGenerations.people.map((p) => (p.key === 'E' ? { ...p, sex: 'unknown' as const } : p)),
      }),
    );
    const diamond = symbolOf(people(other).get('E') as SvgNode);
    expect(diamond.name).toBe('polygon');
    expect(diamond.attrs.points?.split(' ')).toHaveLength(4);
  });

  it('puts the age inside the symbol', () => {
    for (const [key, age] of [
      ['A', '45'],
      ['G', '75'],
      ['E', '12'],
    ] as const) {
      const [label] = byClass(groups.get(key) as SvgNode, 'age');
      expect(label?.text).toBe(age);
      const symbol = symbolOf(groups.get(key) as SvgNode);
      const c = centreOf(symbol);
      expect(Math.abs(numberAttr(label as SvgNode, 'x') - c.x)).toBeLessThan(1);
      expect(Math.abs(numberAttr(label as SvgNode, 'y') - c.y)).toBeLessThan(
        symbol.name === 'rect' ? 20 : 20,
      );
    }
  });

  it('gives 本人, and only 本人, a second outline around the symbol', () => {
    const outlines = byClass(root, 'principal-outline');
    expect(outlines).toHaveLength(1);
    const [outline] = byClass(groups.get('A') as SvgNode, 'principal-outline');
    const inner = symbolOf(groups.get('A') as SvgNode);
    expect(outline?.name).toBe(inner.name);
    expect(numberAttr(outline as SvgNode, 'width')).toBeGreaterThan(numberAttr(inner, 'width'));
    expect(centreOf(outline as SvgNode)).toEqual(centreOf(inner));
  });

  it('crosses out the deceased grandfather from corner to corner, and nobody else', () => {
    expect(byClass(root, 'deceased-mark')).toHaveLength(1);
    const [mark] = byClass(groups.get('F') as SvgNode, 'deceased-mark');
    const symbol = symbolOf(groups.get('F') as SvgNode);
    const [x0, y0, x1, y1] = [
      numberAttr(symbol, 'x'),
      numberAttr(symbol, 'y'),
      numberAttr(symbol, 'x') + numberAttr(symbol, 'width'),
      numberAttr(symbol, 'y') + numberAttr(symbol, 'height'),
    ];
    expect(mark?.attrs.d).toBe(`M${x0} ${y0} L${x1} ${y1} M${x1} ${y0} L${x0} ${y1}`);
    expect(byClass(groups.get('F') as SvgNode, 'age')).toHaveLength(0);
  });

  it('fills the deceased instead when the office prefers it', () => {
    const filled = readSvg(drawGenogram({ ...threeGenerations, deceasedStyle: 'filled' }));
    expect(byClass(filled, 'deceased-mark')).toHaveLength(0);
    const f = people(filled).get('F') as SvgNode;
    expect(symbolOf(f).attrs.fill).not.toBe('#ffffff');
    expect(symbolOf(people(filled).get('A') as SvgNode).attrs.fill).toBe('#ffffff');
  });

  it('marks the キーパーソン with a star beside her symbol', () => {
    const stars = byClass(root, 'key-person').filter((s) =>
      descendants(groups.get('G') as SvgNode).includes(s),
    );
    expect(stars).toHaveLength(1);
    expect(byClass(root, 'key-person')).toHaveLength(1);
    expect(stars[0]?.attrs.points?.split(' ')).toHaveLength(10);
  });

  it('draws the grandparents, the parents and the children in three rows', () => {
    const y = (k: string) => at.get(k)?.y ?? Number.NaN;
    expect(y('F')).toBe(y('G'));
    expect(y('A')).toBe(y('B'));
    expect(y('A')).toBe(y('C'));
    expect(y('D')).toBe(y('E'));
    expect(y('F')).toBeLessThan(y('A'));
    expect(y('A')).toBeLessThan(y('D'));
  });

  it('joins partners with a line: the divorce crossed twice, the remarriage plain', () => {
    const partners = byClass(root, 'partner');
    const pair = (a: string, b: string) =>
      partners.find((p) => [p.attrs['data-a'], p.attrs['data-b']].sort().join() === [a, b].sort().join());
    const divorce = pair('A', 'C') as SvgNode;
    const remarriage = pair('A', 'B') as SvgNode;
    expect(divorce.attrs['data-kind']).toBe('divorced');
    expect(byClass(divorce, 'slash')).toHaveLength(2);
    expect(remarriage.attrs['data-kind']).toBe('married');
    expect(byClass(remarriage, 'slash')).toHaveLength(0);
    expect(pair('F', 'G')?.attrs['data-kind']).toBe('married');
    // Each line runs between the two partners at the height of their symbols.
    const [line] = byClass(remarriage, 'partner-line');
    const [, x1, y1, x2, y2] = (line?.attrs.d ?? '').match(/M([\d.]+) ([\d.]+) L([\d.]+) ([\d.]+)/) ?? [];
    expect(Number(y1)).toBe(at.get('A')?.y);
    expect(Number(y2)).toBe(at.get('B')?.y);
    expect(Number(x1)).toBeGreaterThan(at.get('A')?.x ?? 0);
    expect(Number(x2)).toBeLessThan(at.get('B')?.x ?? 0);
    expect(allText(divorce)).toContain('平成20年');
  });

  it('hangs each child from the middle of their own parents’ line', () => {
    const descents = byClass(root, 'descent');
    const from = (parents: string) => {
      const path = descents.find((d) => d.attrs['data-parents'] === parents);
      const [, x, y] = (path?.attrs.d ?? '').match(/^M([\d.]+) ([\d.]+)/) ?? [];
      return { x: Number(x), y: Number(y), d: path?.attrs.d ?? '' };
    };
    const ab = from('A B');
    expect(ab.x).toBeCloseTo(((at.get('A')?.x ?? 0) + (at.get('B')?.x ?? 0)) / 2, 0);
    expect(ab.y).toBe(at.get('A')?.y);
    expect(ab.d).toContain(`M${at.get('E')?.x} `);
    const ca = from('C A');
    expect(ca.x).toBeCloseTo(((at.get('A')?.x ?? 0) + (at.get('C')?.x ?? 0)) / 2, 0);
    expect(ca.d).toContain(`M${at.get('D')?.x} `);
    expect(from('F G').d).toContain(`M${at.get('A')?.x} `);
  });

  it('draws one closed line around exactly those who live together', () => {
    const [enclosure, ...more] = byClass(root, 'enclosure');
    expect(more).toHaveLength(0);
    const d = enclosure?.attrs.d ?? '';
    expect(d.trim().endsWith('Z')).toBe(true);
    for (const key of ['A', 'B', 'E', 'G'])
      expect(insidePath(d, at.get(key) ?? { x: 0, y: 0 }), key).toBe(true);
    for (const key of ['C', 'D', 'F']) expect(insidePath(d, at.get(key) ?? { x: 0, y: 0 }), key).toBe(false);
  });

  it('gives the same bytes for the same data', () => {
    expect(drawGenogram(structuredClone(threeGenerations))).toBe(svg);
  });

  it('names nobody in its title: the caller’s label only', () => {
    expect(root.attrs['aria-label']).toBe('A氏世帯の家族構成図');
    expect(byClass(root, 'caption').map((c) => c.text)).toContain('本人');
  });
});

describe('家族構成図: more shapes of family', () => {
  it('orders siblings by birth, whatever order they were entered in', () => {
    const input: GenogramInput = {
      title: 't',
      deceasedStyle: 'cross',
      people: [
        {
          key: 'A',
          sex: 'female',
          caption: ['A'],
          age: 30,
          isPrincipal: true,
          livesInHousehold: true,
          deceased: false,
          isKeyPerson: false,
          birthDate: '1995-01-01',
        },
        {
          key: 'B',
          sex: 'male',
          caption: ['B'],
          age: 35,
          isPrincipal: false,
          livesInHousehold: true,
          deceased: false,
          isKeyPerson: false,
          birthDate: '1990-01-01',
        },
        {
          key: 'C',
          sex: 'male',
          caption: ['C'],
          age: 25,
          isPrincipal: false,
          livesInHousehold: true,
          deceased: false,
          isKeyPerson: false,
          birthDate: '2000-01-01',
        },
        {
          key: 'M',
          sex: 'female',
          caption: ['M'],
          age: 60,
          isPrincipal: false,
          livesInHousehold: true,
          deceased: false,
          isKeyPerson: false,
          birthDate: null,
        },
      ],
      relations: ['A', 'B', 'C'].map((child) => ({ kind: 'parentChild' as const, parent: 'M', child })),
    };
    const at = centres(readSvg(drawGenogram(input)));
    const xs = ['B', 'A', 'C'].map((k) => at.get(k)?.x ?? 0);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(at.get('M')?.x).toBeCloseTo(at.get('A')?.x ?? 0, 0);
  });

  it('draws 内縁 dashed and 別居 with one slash, over four generations', () => {
    const root = readSvg(drawGenogram(twelvePeople));
    const partners = byClass(root, 'partner');
    const commonLaw = partners.find((p) => p.attrs['data-kind'] === 'commonLaw') as SvgNode;
    expect(byClass(commonLaw, 'partner-line')[0]?.attrs['stroke-dasharray']).toBeTruthy();
    const separated = partners.find((p) => p.attrs['data-kind'] === 'separated') as SvgNode;
    expect(byClass(separated, 'slash')).toHaveLength(1);
    const rows = new Set([...centres(root).values()].map((c) => c.y));
    expect(rows.size).toBe(4);
    const d = byClass(root, 'enclosure')[0]?.attrs.d ?? '';
    const at = centres(root);
    for (const p of twelvePeople.people)
      expect(insidePath(d, at.get(p.key) ?? { x: 0, y: 0 }), p.key).toBe(p.livesInHousehold);
  });

  it('leaves a member who lives apart outside the line even when those who live together surround them', () => {
    const apart = new Set(['D', 'G']);
    const input = {
      ...twelvePeople,
      people: twelvePeople.people.map((p) => ({ ...p, livesInHousehold: !apart.has(p.key) })),
    };
    const root = readSvg(drawGenogram(input));
    const d = byClass(root, 'enclosure')[0]?.attrs.d ?? '';
    // The outline and the hole around them.
    expect(d.match(/M/g)).toHaveLength(2);
    const at = centres(root);
    for (const p of input.people)
      expect(insidePath(d, at.get(p.key) ?? { x: 0, y: 0 }), p.key).toBe(p.livesInHousehold);
  });

  it('keeps every symbol apart, and every row inside the picture', () => {
    const root = readSvg(drawGenogram(twelvePeople));
    const at = [...centres(root).values()];
    for (const a of at)
      for (const b of at) if (a !== b && a.y === b.y) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(60);
    const width = numberAttr(root, 'width');
    for (const c of at) {
      expect(c.x).toBeGreaterThan(20);
      expect(c.x).toBeLessThan(width - 20);
    }
  });

  it('survives hostile captions: XML specials, controls, 𠮷, emoji and 5,000 characters', () => {
    const hostile = '<script>&"\'\u0000\u0007𠮷髙﨑😀'.concat('長'.repeat(5000));
    const input: GenogramInput = {
      ...threeGenerations,
      people: threeGenerations.people.map((p) => ({ ...p, caption: [hostile, p.caption[1] ?? ''] })),
    };
    const svg = drawGenogram(input);
    const root = readSvg(svg);
    expect(svg).not.toContain('<script>');
    expect([...svg].some((c) => (c.codePointAt(0) ?? 0) < 0x09)).toBe(false);
    const first = byClass(root, 'caption')[0]?.text ?? '';
    expect(first.startsWith('<script>')).toBe(true);
    expect(first.endsWith('…')).toBe(true);
    expect(first.length).toBeLessThan(20);
  });

  it('says so when the household has no members yet', () => {
    const root = readSvg(drawGenogram({ ...threeGenerations, people: [], relations: [] }));
    expect(allText(root)).toContain('世帯員が登録されていません');
  });

  it('draws a lone member without relations, enclosed when living in the household', () => {
    const [only] = threeGenerations.people;
    const root = readSvg(drawGenogram({ ...threeGenerations, people: [only as never], relations: [] }));
    const at = centres(root).get('A') ?? { x: 0, y: 0 };
    expect(insidePath(byClass(root, 'enclosure')[0]?.attrs.d ?? '', at)).toBe(true);
  });
});
