import { confidentialityWarning } from '../legal.js';
import { defaultOfficeSettings } from '../office-settings.js';
import type { FormData } from './form-data.js';

/** Fictional household for form tests: names with 𠮷 (outside the BMP), 髙 and 﨑 (異体字). */
const realMembers = [
  { label: 'A', displayName: '髙橋 𠮷男', relationship: '本人' },
  { label: 'B', displayName: '髙橋 ハル', relationship: '母' },
  { label: 'C', displayName: '山﨑 美咲', relationship: '姉' },
] as const;

/** Every piece of a real 氏名 that must not appear in a masked document. */
export const realNameParts = ['髙橋', '𠮷男', 'ハル', '山﨑', '美咲'];

const attendees: FormData['attendees'] = [
  {
    field: '高齢',
    agencyName: '〇〇市地域包括支援センター',
    title: '主任介護支援専門員',
    personName: '佐藤 恵子',
  },
  {
    field: '障がい',
    agencyName: '〇〇地区障がい者基幹相談支援センター',
    title: '相談支援専門員',
    personName: '鈴木 一郎',
  },
  {
    field: '生活困窮',
    agencyName: '〇〇市生活自立相談センター',
    title: '主任相談支援員',
    personName: '田中 美和',
  },
  { field: '保健・医療', agencyName: '〇〇県〇〇保健所', title: '保健師', personName: '伊藤 さくら' },
  {
    field: '地域',
    agencyName: '社会福祉法人〇〇市社会福祉協議会',
    title: '地域福祉コーディネーター',
    personName: '渡辺 健',
  },
];

function planRows(names: string[]): FormData['planRows'] {
  const [a = 'A氏', b = 'B氏', c = 'C氏'] = names;
  return [
    {
      heading: a,
      goal: '精神科を受診し、治療を始める。\n日中の居場所を持つ。',
      discussion:
        '10年ほど前に離職してから自宅にひきこもっている。昼夜逆転の生活で、幻聴を疑わせる言動がある。\n母の年金で生活しており、家計は逼迫している。',
      nextActions: '保健師が訪問し、受診を勧める。',
      roles: '保健所（訪問・受診勧奨）\n基幹相談支援センター（障害福祉サービスの説明）',
    },
    {
      heading: b,
      goal: '介護サービスを利用し、在宅生活を続ける。',
      discussion: '認知症の進行がみられ、服薬管理ができていない。要介護認定は未申請。',
      nextActions: '要介護認定を申請する。',
      roles: '地域包括支援センター（申請支援）',
    },
    {
      heading: c,
      goal: '家族の状況を共有し、無理のない範囲で関わる。',
      discussion: '市外に住み、月に1回程度訪問している。',
      nextActions: '',
      roles: '',
    },
    {
      heading: '危機介入',
      goal: '母への暴言・暴力があったときの対応を決めておく。',
      discussion: '緊急時は警察に通報し、母は短期入所で保護する。',
      nextActions: '緊急連絡網を作る。',
      roles: 'コーディネーター（連絡網の作成）',
    },
    {
      heading: 'その他',
      goal: '世帯の生活費を確保する。',
      discussion: '滞納している公共料金がある。',
      nextActions: '家計改善支援につなぐ。',
      roles: '生活自立相談センター',
    },
  ];
}

const warning = confidentialityWarning('2026-11-26');

/** A 重層的支援会議 with consent: real names, as the office prints them for its members. */
export function consentedFormData(): FormData {
  return {
    office: {
      ...defaultOfficeSettings,
      municipalityName: '鹿屋市',
      senderTitle: '鹿屋市保健福祉部福祉政策課長',
      phone: '0994-00-0000',
      email: 'jusou@city.example.lg.jp',
      documentNumberPrefix: '鹿福政',
    },
    kind: 'consented',
    meetingLabel: '重層的支援会議',
    warningFooter: warning.footer,
    meeting: {
      meetingNo: 'R8-07',
      heldOn: '2026-11-26',
      startTime: '14:00',
      endTime: '15:30',
      place: '〇〇市役所本庁舎3階 第2会議室',
      agenda: [
        '開会',
        '参加機関紹介',
        '現状及び課題の共有',
        '当面の支援方針及び役割分担',
        'その他（次回開催予定）',
        '閉会',
      ],
      reportSections: [
        {
          title: '重層的支援会議について',
          body: '・1つの世帯に複数の課題が絡むため、世帯全体を1つの単位として支援する。世帯の同意を得た上で開催した。',
        },
        {
          title: '参加機関紹介、現状及び課題の共有',
          body: '・関係機関から事前に聞き取った現状の共通認識を図った。（別添資料「家族構成図」参照）',
        },
        {
          title: '当面の支援方針や役割分担について',
          body: '・当面の支援方針や役割分担を決定した。（別添資料「世帯支援プランシート」参照）',
        },
      ],
      nextReviewOn: '2027-02-25',
      handouts: ['世帯支援プラン検討シート'],
    },
    notice: {
      style: 'numbered',
      number: '1234',
      issuedOn: '2026-11-10',
      replyBy: '2026-11-18',
      contactPerson: '相談 花子',
      addressees: attendees.map((a) => ({
        agencyName: a.agencyName,
        people: [{ title: a.title, personName: a.personName }],
      })),
    },
    householdTitle: 'A氏世帯',
    attendees: attendees.map((a) => ({ ...a })),
    planRows: planRows(realMembers.map((m) => `${m.label}氏 ${m.displayName}（${m.relationship}）`)),
    monitoringAgencies: ['〇〇市地域包括支援センター', '〇〇県〇〇保健所'],
    reporter: { department: '〇〇市保健福祉部福祉政策課', name: '相談 花子' },
    copy: null,
    createdAt: new Date('2026-11-26T07:00:00Z'),
  };
}

/** A 支援会議 without consent: members by label only (rule 4), the 106条の6 footer. */
export function unconsentedFormData(): FormData {
  const data = consentedFormData();
  return {
    ...data,
    kind: 'unconsented',
    meetingLabel: '支援会議',
    warningFooter: warning.footerUnconsented,
    planRows: planRows(realMembers.map((m) => `${m.label}氏（${m.relationship}）`)),
    notice: { ...data.notice, style: 'officeMemo', number: null },
    meeting: {
      ...data.meeting,
      reportSections: [
        {
          title: '支援会議について',
          body: '・本人の同意が得られていないため、社会福祉法第106条の6に基づく支援会議として開催した。',
        },
        { title: '情報共有', body: '・各機関が把握している世帯の状況を共有した。' },
        { title: '見守り体制について', body: '・見守りの分担と、次の働きかけの方法を決めた。' },
      ],
    },
  };
}

/** Numbered sentences, so a cut or reordered text is caught by the number that is missing. */
export function longDiscussion(length = 5000): string {
  const sentences: string[] = [];
  let total = 0;
  for (let i = 1; total < length; i++) {
    const sentence = `（${i}）関係機関からの聞き取りでは、本人は日中ほとんど外出せず、家族以外との交流がない。`;
    sentences.push(sentence);
    total += sentence.length;
  }
  return sentences.join('').slice(0, length);
}

export function longTextFormData(): FormData {
  const data = consentedFormData();
  const [first, ...rest] = data.planRows;
  return first ? { ...data, planRows: [{ ...first, discussion: longDiscussion() }, ...rest] } : data;
}

const controls = '\u0000\u0007\u001b\u000b\u000c\u007f\u0085\uFFFE\uD800';

/**
 * Text that tries to break the XML or the layout. `kept` is what a document must hold once the control
 * characters are gone; `printable` is the part every installed font can draw, so it must come back from
 * the PDF (no emoji font is installed, so emoji are checked in the .docx only).
 */
export const hostileText = {
  raw: `<b>&amp;</b> "引用" 'x'${controls} <![CDATA[ ]]> </w:t> 𠮷野家 🏠👨‍👩‍👧`,
  kept: `<b>&amp;</b> "引用" 'x' <![CDATA[ ]]> </w:t> 𠮷野家 🏠👨‍👩‍👧`,
  printable: `<b>&amp;</b> "引用" 'x' <![CDATA[ ]]> </w:t>`,
};

export function hostileFormData(): FormData {
  const data = consentedFormData();
  const text = hostileText.raw;
  return {
    ...data,
    meeting: {
      ...data.meeting,
      place: `第2会議室 ${text}`,
      agenda: [...data.meeting.agenda, text],
      reportSections: [...data.meeting.reportSections, { title: text, body: `${text}\r\n${text}` }],
      handouts: [...data.meeting.handouts, text],
    },
    attendees: [
      ...data.attendees,
      { field: 'その他', agencyName: `${text} 支援室`, title: text, personName: text },
    ],
    planRows: data.planRows.map((row) => ({ ...row, goal: `${row.goal}\n${text}`, roles: text })),
    monitoringAgencies: [...data.monitoringAgencies, text],
  };
}

/** 様式1 whose second letter runs to two pages (that agency sends forty people): each letter gets its own footer again. */
export function longLetterData(): FormData {
  const data = consentedFormData();
  const people = Array.from({ length: 40 }, (_, i) => ({ title: '相談員', personName: `職員${i + 1}` }));
  return {
    ...data,
    notice: {
      ...data.notice,
      addressees: data.notice.addressees.map((a, i) => (i === 1 ? { ...a, people } : a)),
    },
  };
}
