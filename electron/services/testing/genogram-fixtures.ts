import type { GenogramInput, GenogramPerson } from '../drawings/genogram-types.js';

function person(p: Partial<GenogramPerson> & Pick<GenogramPerson, 'key' | 'sex'>): GenogramPerson {
  return {
    caption: [`${p.key}氏`],
    age: null,
    isPrincipal: false,
    livesInHousehold: true,
    deceased: false,
    isKeyPerson: false,
    birthDate: null,
    ...p,
  };
}

/**
 * Three generations: 本人 A remarried (B) after a divorce (C); his son D from the first marriage lives
 * apart; his father F has died; his mother G lives with him and is the キーパーソン.
 */
export const threeGenerations: GenogramInput = {
  title: 'A氏世帯の家族構成図',
  deceasedStyle: 'cross',
  people: [
    person({
      key: 'A',
      sex: 'male',
      caption: ['A氏', '本人'],
      age: 45,
      isPrincipal: true,
      birthDate: '1980-05-01',
    }),
    person({ key: 'B', sex: 'female', caption: ['B氏', '妻'], age: 42, birthDate: '1983-02-11' }),
    person({ key: 'C', sex: 'female', caption: ['C氏', '前妻'], age: 44, livesInHousehold: false }),
    person({
      key: 'D',
      sex: 'male',
      caption: ['D氏', '長男'],
      age: 20,
      livesInHousehold: false,
      birthDate: '2005-06-01',
    }),
    person({ key: 'E', sex: 'female', caption: ['E氏', '長女'], age: 12, birthDate: '2013-09-09' }),
    person({ key: 'F', sex: 'male', caption: ['F氏', '父'], deceased: true, livesInHousehold: false }),
    person({ key: 'G', sex: 'female', caption: ['G氏', '母'], age: 75, isKeyPerson: true }),
  ],
  relations: [
    { kind: 'married', a: 'F', b: 'G', yearText: '昭和52年' },
    { kind: 'parentChild', parent: 'F', child: 'A' },
    { kind: 'parentChild', parent: 'G', child: 'A' },
    { kind: 'divorced', a: 'A', b: 'C', yearText: '平成20年' },
    { kind: 'married', a: 'A', b: 'B', yearText: '平成24年' },
    { kind: 'parentChild', parent: 'A', child: 'D' },
    { kind: 'parentChild', parent: 'C', child: 'D' },
    { kind: 'parentChild', parent: 'A', child: 'E' },
    { kind: 'parentChild', parent: 'B', child: 'E' },
  ],
};

/**
 * Twelve people over four generations: the principal's grandparents (one deceased), her parents,
 * an uncle living apart, her partner (内縁), a separated sister, and three children of their own.
 */
export const twelvePeople: GenogramInput = {
  title: 'A氏世帯の家族構成図',
  deceasedStyle: 'cross',
  people: [
    person({
      key: 'A',
      sex: 'female',
      caption: ['A氏', '本人'],
      age: 38,
      isPrincipal: true,
      birthDate: '1987-04-02',
    }),
    person({ key: 'B', sex: 'male', caption: ['B氏', '内縁の夫'], age: 41 }),
    person({ key: 'C', sex: 'male', caption: ['C氏', '長男'], age: 14, birthDate: '2011-07-07' }),
    person({ key: 'D', sex: 'female', caption: ['D氏', '長女'], age: 10, birthDate: '2015-01-20' }),
    person({ key: 'E', sex: 'unknown', caption: ['E氏', '第3子'], age: 2, birthDate: '2023-03-03' }),
    person({ key: 'F', sex: 'male', caption: ['F氏', '父'], age: 66, birthDate: '1959-08-08' }),
    person({ key: 'G', sex: 'female', caption: ['G氏', '母'], age: 63, isKeyPerson: true }),
    person({
      key: 'H',
      sex: 'female',
      caption: ['H氏', '姉'],
      age: 40,
      livesInHousehold: false,
      birthDate: '1985-02-02',
    }),
    person({ key: 'I', sex: 'male', caption: ['I氏', '姉の夫'], age: 42, livesInHousehold: false }),
    person({
      key: 'J',
      sex: 'male',
      caption: ['J氏', '叔父'],
      age: 60,
      livesInHousehold: false,
      birthDate: '1965-05-05',
    }),
    person({ key: 'K', sex: 'male', caption: ['K氏', '祖父'], deceased: true, livesInHousehold: false }),
    person({ key: 'L', sex: 'female', caption: ['L氏', '祖母'], age: 88 }),
  ],
  relations: [
    { kind: 'married', a: 'K', b: 'L', yearText: null },
    { kind: 'parentChild', parent: 'K', child: 'F' },
    { kind: 'parentChild', parent: 'L', child: 'F' },
    { kind: 'parentChild', parent: 'K', child: 'J' },
    { kind: 'parentChild', parent: 'L', child: 'J' },
    { kind: 'married', a: 'F', b: 'G', yearText: '昭和58年' },
    { kind: 'parentChild', parent: 'F', child: 'H' },
    { kind: 'parentChild', parent: 'G', child: 'H' },
    { kind: 'parentChild', parent: 'F', child: 'A' },
    { kind: 'parentChild', parent: 'G', child: 'A' },
    { kind: 'separated', a: 'H', b: 'I', yearText: '令和5年' },
    { kind: 'commonLaw', a: 'A', b: 'B', yearText: null },
    { kind: 'parentChild', parent: 'A', child: 'E' },
    { kind: 'parentChild', parent: 'B', child: 'E' },
    { kind: 'parentChild', parent: 'A', child: 'C' },
    { kind: 'parentChild', parent: 'B', child: 'C' },
    { kind: 'parentChild', parent: 'A', child: 'D' },
    { kind: 'parentChild', parent: 'B', child: 'D' },
  ],
};
