import { describe, expect, it } from 'vitest';
import { householdStatusSchema, memberLabel, statusLabels } from './household.js';

describe('世帯の言葉', () => {
  it('状態はそれぞれ日本語の名前をもつ', () => {
    expect(householdStatusSchema.options.map((s) => statusLabels[s])).toEqual(['受付', '支援中', '終結']);
  });

  it('世帯員の記号は順に A, B, C…', () => {
    expect([0, 1, 25].map(memberLabel)).toEqual(['A', 'B', 'Z']);
  });
});
