import { describe, expect, it } from 'vitest';
import { allText, byClass, numberAttr, readSvg, type SvgNode } from '../testing/svg-reader.js';
import { drawEcoMap, type EcoMapInput } from './eco-map.js';

const input: EcoMapInput = {
  title: 'A氏世帯のエコマップ',
  household: ['A氏世帯', '同居 4人'],
  agencies: [
    {
      key: 'g1',
      name: '〇〇市地域包括支援センター',
      field: '高齢',
      strength: 'strong',
      direction: 'toHousehold',
    },
    {
      key: 'g2',
      name: '〇〇地区障がい者基幹相談支援センター',
      field: '障がい',
      strength: 'normal',
      direction: 'both',
    },
    { key: 'g3', name: '〇〇市生活自立相談センター', field: '生活困窮', strength: 'weak', direction: 'none' },
    { key: 'g4', name: '〇〇県〇〇保健所', field: '保健・医療', strength: 'stress', direction: 'toAgency' },
  ],
};

function ties(root: SvgNode): Map<string, SvgNode> {
  return new Map(byClass(root, 'tie').map((t) => [t.attrs['data-agency'] ?? '', t]));
}

const centre = (root: SvgNode) => {
  const circle = byClass(root, 'household')[0]?.children.find((c) => c.name === 'circle') as SvgNode;
  return { x: numberAttr(circle, 'cx'), y: numberAttr(circle, 'cy'), r: numberAttr(circle, 'r') };
};

describe('エコマップ', () => {
  const root = readSvg(drawEcoMap(input));

  it('puts the household in the centre and every agency around it, by name and 分野', () => {
    const c = centre(root);
    expect(c.x).toBeCloseTo(numberAttr(root, 'width') / 2, 0);
    expect(allText(byClass(root, 'household')[0] as SvgNode)).toContain('A氏世帯');
    const agencies = byClass(root, 'agency');
    expect(agencies.map((a) => a.attrs['data-agency'])).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(allText(agencies[2] as SvgNode)).toContain('生活困窮');
    for (const a of agencies) {
      const e = a.children.find((n) => n.name === 'ellipse') as SvgNode;
      expect(Math.hypot(numberAttr(e, 'cx') - c.x, numberAttr(e, 'cy') - c.y)).toBeGreaterThan(c.r + 60);
    }
  });

  it('draws 強い thick, 普通 thin, 弱い dashed and ストレス as a zigzag', () => {
    const t = ties(root);
    const line = (key: string) => t.get(key)?.children.find((n) => n.name === 'line') as SvgNode;
    expect(numberAttr(line('g1'), 'stroke-width')).toBeGreaterThan(
      numberAttr(line('g2'), 'stroke-width') * 2,
    );
    expect(line('g2').attrs['stroke-dasharray']).toBeUndefined();
    expect(line('g3').attrs['stroke-dasharray']).toBeTruthy();
    const zigzag = t.get('g4')?.children.find((n) => n.name === 'polyline') as SvgNode;
    expect((zigzag.attrs.points ?? '').split(' ').length).toBeGreaterThanOrEqual(8);
    expect(t.get('g4')?.children.some((n) => n.name === 'line')).toBe(false);
  });

  it('points the arrow the way support goes', () => {
    const c = centre(root);
    const t = ties(root);
    const tips = (key: string) =>
      byClass(t.get(key) as SvgNode, 'arrow').map((a) => {
        const [tip = '0,0'] = (a.attrs.points ?? '').split(' ');
        const [x = 0, y = 0] = tip.split(',').map(Number);
        return Math.hypot(x - c.x, y - c.y) < c.r + 10 ? 'household' : 'agency';
      });
    expect(tips('g1')).toEqual(['household']);
    expect(tips('g2').sort()).toEqual(['agency', 'household']);
    expect(tips('g3')).toEqual([]);
    expect(tips('g4')).toEqual(['agency']);
  });

  it('gives the same bytes for the same data, and says so when no agency is linked yet', () => {
    expect(drawEcoMap(structuredClone(input))).toBe(drawEcoMap(input));
    const empty = readSvg(drawEcoMap({ ...input, agencies: [] }));
    expect(allText(empty)).toContain('関係機関はまだありません');
  });

  it('keeps a long agency name on two lines and hostile text as text', () => {
    const hostile = readSvg(
      drawEcoMap({
        ...input,
        agencies: [
          { ...(input.agencies[0] as EcoMapInput['agencies'][number]), name: `<b>&"'${'支'.repeat(5000)}` },
        ],
      }),
    );
    const names = byClass(hostile, 'agency-name').map((n) => n.text);
    expect(names).toHaveLength(2);
    expect(names[0]?.startsWith('<b>&"\'')).toBe(true);
    expect(names[1]?.endsWith('…')).toBe(true);
  });
});
