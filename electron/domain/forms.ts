import { z } from 'zod';

/**
 * The 重層会議様式 catalogue (forms.md): number, key and title, once. 様式1 and 2 carry the name of the
 * meeting (重層的支援会議 or 支援会議, as the office calls them) before their title.
 */
export const formCatalogue = [
  { number: 1, key: 'form1', title: '開催通知', withMeetingName: true, when: '会議の前：出席機関ごとの通知' },
  { number: 2, key: 'form2', title: '会次第', withMeetingName: true, when: '会議の前：次第と出席者名簿' },
  {
    number: 3,
    key: 'form3',
    title: '世帯支援プラン検討シート',
    withMeetingName: false,
    when: '会議の場：世帯員ごとの目標と検討内容',
  },
  {
    number: 4,
    key: 'form4',
    title: '会議報告シート',
    withMeetingName: false,
    when: '会議の後：機関内で共有する報告',
  },
  {
    number: 5,
    key: 'form5',
    title: '世帯支援プランシート',
    withMeetingName: false,
    when: '会議の後：合意した支援プラン',
  },
] as const;

export type FormEntry = (typeof formCatalogue)[number];
export type FormKey = FormEntry['key'];
export type FormNumber = FormEntry['number'];
export const formKeys = formCatalogue.map((f) => f.key) as [FormKey, ...FormKey[]];
export const formKeySchema = z.enum(formKeys);

export function formOf(key: FormKey): FormEntry {
  const entry = formCatalogue.find((f) => f.key === key);
  if (!entry) throw new Error(`unknown form ${key}`);
  return entry;
}

export function formByNumber(number: FormNumber): FormEntry {
  return formOf(`form${number}`);
}

/** The title as printed: 「重層的支援会議開催通知」, 「世帯支援プランシート」. */
export function formTitle(key: FormKey, meetingLabel: string): string {
  const form = formOf(key);
  return form.withMeetingName ? `${meetingLabel}${form.title}` : form.title;
}

/** 「（重層会議様式1）」 at the top of every page. */
export function formHeaderLabel(number: FormNumber): string {
  return `（重層会議様式${number}）`;
}

/**
 * 別添資料 issued through the same gate as the 様式: the household's 家族構成図・エコマップ (forms.md).
 * It belongs to a household, and to a meeting when handed out at one.
 */
export const familySheet = {
  key: 'genogram',
  title: '家族構成図・エコマップ',
  headerLabel: '（別添資料）',
} as const;

/**
 * The 評価シート of a 終結 (rule 20, forms.md): the evaluated plan row by row, the 終結理由 and the
 * 引継ぎ先. It belongs to a household; several copies are numbered for the meeting whose plan it evaluates.
 */
export const evaluationSheet = {
  key: 'evaluation',
  title: '支援評価シート',
  headerLabel: '（支援評価シート）',
} as const;

export const documentKeys = [...formKeys, familySheet.key, evaluationSheet.key] as [
  FormKey | 'genogram' | 'evaluation',
  ...(FormKey | 'genogram' | 'evaluation')[],
];
export const documentKeySchema = z.enum(documentKeys);
export type DocumentKey = z.infer<typeof documentKeySchema>;

export const isFormKey = (key: DocumentKey): key is FormKey => (formKeys as string[]).includes(key);

/** As the screens name a document: 「様式2 会次第」, 「別添資料 家族構成図・エコマップ」, 「支援評価シート」. */
export function documentHeading(key: DocumentKey): string {
  if (isFormKey(key)) return `様式${formOf(key).number} ${formOf(key).title}`;
  return key === evaluationSheet.key ? evaluationSheet.title : `別添資料 ${familySheet.title}`;
}
