import { describe, expect, it } from 'vitest';
import { type RelationLike, relationProblems } from './family.js';

const parent = (member: string, other: string): RelationLike => ({ kind: 'parentChild', member, other });
const married = (member: string, other: string): RelationLike => ({ kind: 'married', member, other });

describe('家族関係の誤り', () => {
  it('正しい三世代の関係には誤りがない', () => {
    expect(
      relationProblems(
        ['A', 'B', 'C', 'D', 'E'],
        [
          married('D', 'E'),
          parent('D', 'A'),
          parent('E', 'A'),
          married('A', 'B'),
          parent('A', 'C'),
          parent('B', 'C'),
        ],
      ),
    ).toEqual([]);
  });

  it('知らない世帯員・自分自身・同じ組の2回目・3人目の親を、その行で知らせる', () => {
    const problems = relationProblems(
      ['A', 'B', 'C', 'D'],
      [
        parent('A', 'X'),
        parent('B', 'B'),
        married('A', 'B'),
        married('B', 'A'),
        parent('A', 'D'),
        parent('B', 'D'),
        parent('C', 'D'),
      ],
    );
    expect(problems.map((p) => [p.index, p.code])).toEqual([
      [0, 'unknownMember'],
      [1, 'self'],
      [3, 'duplicate'],
      [6, 'tooManyParents'],
    ]);
    expect(problems[1]?.message).toBe('Bが自分自身の親になっています');
  });

  it('親子の循環は、輪を閉じた行で1回だけ知らせる', () => {
    const problems = relationProblems(
      ['A', 'B', 'C'],
      [parent('A', 'B'), parent('B', 'C'), parent('C', 'A')],
    );
    expect(problems).toEqual([
      { index: 2, code: 'cycle', message: '親子関係が循環しています（AがCの祖先にもなっています）' },
    ]);
    expect(relationProblems(['A', 'B'], [parent('A', 'B'), parent('B', 'A')]).map((p) => p.code)).toEqual([
      'duplicate',
    ]);
  });
});
