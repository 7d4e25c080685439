import { describe, expect, it } from 'vitest';
import { agencyDisplayName, groupByField } from './agency.js';

const agency = (id: string, field: string, retired = false) => ({
  id,
  field,
  name: `機関${id}`,
  department: '',
  retired,
});

describe('関係機関の分野ごとのまとまり', () => {
  it('事務所の分野の順（高齢・障がい・子ども…）で、空の分野は出さない', () => {
    const groups = groupByField([agency('1', 'その他'), agency('2', '高齢'), agency('3', '子ども')]);
    expect(groups.map((g) => g.field)).toEqual(['高齢', '子ども', 'その他']);
  });

  it('使用終了の機関は、すでに選ばれているものだけ残す', () => {
    const all = [agency('1', '高齢'), agency('2', '高齢', true), agency('3', '高齢', true)];
    expect(groupByField(all, new Set(['2']))[0]?.agencies.map((a) => a.id)).toEqual(['1', '2']);
    expect(groupByField(all)[0]?.agencies).toHaveLength(3);
  });

  it('表示名は機関名と部署名、使用終了はそう添える', () => {
    expect(agencyDisplayName({ ...agency('1', '高齢'), department: '相談係' })).toBe('機関1 相談係');
    expect(agencyDisplayName(agency('1', '高齢', true))).toBe('機関1（使用終了）');
  });
});
