import { agencyFields } from '../../domain/agency.js';
import { methodLabels } from '../../domain/consent.js';
import { relationKindLabels } from '../../domain/family.js';
import { sexLabels, statusLabels } from '../../domain/household.js';
import { statutoryMeetingLabels } from '../../domain/meeting.js';

/**
 * The sheets and columns of the 移行用テンプレート (docs: import-template.md). The importer checks
 * headers against these and the template is built from them: one definition for both.
 */

export type CellKind = 'text' | 'date' | 'time' | 'choice';

export interface ColumnDef {
  readonly name: string;
  readonly required: boolean;
  readonly kind: CellKind;
  /** Fixed values offered as a drop-down in the template. */
  readonly choices?: readonly string[];
  /** Excel column width in characters. */
  readonly width: number;
  /** One line for the template's 説明 sheet. */
  readonly help: string;
}

export interface SheetDef {
  readonly name: string;
  readonly help: string;
  readonly columns: readonly ColumnDef[];
}

export type ColumnName<S extends SheetDef> = S['columns'][number]['name'];

export const consentChoices = ['あり', 'なし'] as const;
export const consentMethodChoices = Object.values(methodLabels);
export const principalChoices = ['○'] as const;

export const householdSheet = {
  name: '世帯',
  help: '1行に1世帯',
  columns: [
    {
      name: '受付番号',
      required: true,
      kind: 'text',
      width: 12,
      help: '世帯ごとに重ならない番号（例: R6-012）。登録済みの番号は取り込めません（上書きしません）',
    },
    { name: '受付日', required: true, kind: 'date', width: 14, help: '相談を受け付けた日' },
    {
      name: '世帯表示名',
      required: true,
      kind: 'text',
      width: 16,
      help: '一覧に表示する世帯の呼び名（例: 山田、A氏世帯）',
    },
    {
      name: '本人同意',
      required: true,
      kind: 'choice',
      choices: consentChoices,
      width: 10,
      help: '情報共有への本人同意',
    },
    {
      name: '同意取得日',
      required: false,
      kind: 'date',
      width: 14,
      help: '本人同意が「あり」のときは必須（「なし」のときは空欄）',
    },
    {
      name: '同意方法',
      required: false,
      kind: 'choice',
      choices: consentMethodChoices,
      width: 10,
      help: '書面 / 口頭 / 不明。空欄や列がないときは「不明」として記録します（書面とはみなしません）',
    },
    {
      name: '同意範囲',
      required: false,
      kind: 'text',
      width: 30,
      help: '情報を共有してよい機関名を「、」で区切る。空欄は出席するすべての機関。一覧にない機関は分野「その他」で追加されます',
    },
    {
      name: '相談経路',
      required: false,
      kind: 'text',
      width: 24,
      help: '相談をつないだ機関名。一覧にない機関は分野「その他」で追加されます',
    },
    {
      name: '課題',
      required: false,
      kind: 'text',
      width: 30,
      help: '課題名を「、」で区切る。かさねの課題一覧にない名前は取り込めません',
    },
    {
      name: '状態',
      required: false,
      kind: 'choice',
      choices: Object.values(statusLabels),
      width: 10,
      help: '空欄は「受付」',
    },
    {
      name: '終結日',
      required: false,
      kind: 'date',
      width: 14,
      help: '状態が「終結」のときは必須（それ以外は空欄）',
    },
    { name: '終結理由', required: false, kind: 'text', width: 20, help: '状態が「終結」のときだけ入力' },
    { name: '備考', required: false, kind: 'text', width: 40, help: '自由記述（5,000字まで）' },
  ],
} as const satisfies SheetDef;

export const memberSheet = {
  name: '世帯員',
  help: '1行に1人',
  columns: [
    { name: '受付番号', required: true, kind: 'text', width: 12, help: '「世帯」シートにある受付番号' },
    {
      name: '記号',
      required: true,
      kind: 'text',
      width: 6,
      help: 'A, B, C …（世帯の中で重ならないよう、A から順に）',
    },
    {
      name: '氏名',
      required: true,
      kind: 'text',
      width: 16,
      help: '氏名（𠮷・髙・﨑などもそのまま入力できます）',
    },
    { name: 'ふりがな', required: false, kind: 'text', width: 18, help: 'ひらがなかカタカナ' },
    { name: '続柄', required: false, kind: 'text', width: 10, help: '本人、母、長男 など' },
    { name: '生年月日', required: false, kind: 'date', width: 14, help: '生年月日' },
    {
      name: '性別',
      required: false,
      kind: 'choice',
      choices: Object.values(sexLabels),
      width: 8,
      help: '空欄は「不明」',
    },
    {
      name: '本人',
      required: false,
      kind: 'choice',
      choices: principalChoices,
      width: 6,
      help: '本人の行に ○（世帯に1人まで）',
    },
    {
      name: '同居',
      required: false,
      kind: 'choice',
      choices: principalChoices,
      width: 6,
      help: '世帯で一緒に暮らす人に ○。空欄は別に暮らす親族（家族構成図に描く人）。この列がなければ全員が同居',
    },
    {
      name: '死亡',
      required: false,
      kind: 'text',
      width: 12,
      help: '亡くなった人に ○、または亡くなった日か年（令和2年5月1日、令和2年、2020）',
    },
    {
      name: 'キーパーソン',
      required: false,
      kind: 'choice',
      choices: principalChoices,
      width: 12,
      help: 'キーパーソンに ○',
    },
  ],
} as const satisfies SheetDef;

export const relationSheet = {
  name: '家族関係',
  help: '家族構成図の線: 1行に1組（使わなければ空のまま）',
  columns: [
    { name: '受付番号', required: true, kind: 'text', width: 12, help: '「世帯」シートにある受付番号' },
    { name: '記号', required: true, kind: 'text', width: 6, help: '「世帯員」シートにある、その世帯の記号' },
    {
      name: '相手の記号',
      required: true,
      kind: 'text',
      width: 10,
      help: '同じ世帯のもう1人の記号',
    },
    {
      name: '関係',
      required: true,
      kind: 'choice',
      choices: Object.values(relationKindLabels),
      width: 8,
      help: '親子は「記号」の人が「相手の記号」の人の親。夫婦・内縁・離婚・別居はどちらの順でも同じ',
    },
    {
      name: '年',
      required: false,
      kind: 'text',
      width: 10,
      help: '結婚・離婚・別居の年（2008、平成20年）。分からなければ空欄。親子には入れません',
    },
  ],
} as const satisfies SheetDef;

export const meetingSheet = {
  name: '会議',
  help: '1行に1回の会議',
  columns: [
    {
      name: '会議番号',
      required: true,
      kind: 'text',
      width: 12,
      help: '会議ごとに重ならない番号。登録済みの番号は取り込めません（上書きしません）',
    },
    {
      name: '受付番号',
      required: true,
      kind: 'text',
      width: 12,
      help: '「世帯」シートにある受付番号か、かさねに登録済みの受付番号',
    },
    {
      name: '種別',
      required: true,
      kind: 'choice',
      choices: Object.values(statutoryMeetingLabels),
      width: 16,
      help: '重層的支援会議は、開催日に本人同意（取得済みで撤回されていないもの）がある世帯だけ',
    },
    { name: '開催日', required: true, kind: 'date', width: 14, help: '開催日' },
    { name: '開始時刻', required: false, kind: 'time', width: 10, help: 'HH:MM' },
    { name: '終了時刻', required: false, kind: 'time', width: 10, help: 'HH:MM（開始時刻より後）' },
    { name: '場所', required: false, kind: 'text', width: 20, help: '開催場所' },
    {
      name: '支援プラン作成',
      required: false,
      kind: 'choice',
      choices: consentChoices,
      width: 14,
      help: '「あり」はこの会議の「プラン」シートの行を確定したプランとして登録（目標か検討内容のある行が必要）。「なし」・空欄は未確定として登録',
    },
  ],
} as const satisfies SheetDef;

export const attendeeSheet = {
  name: '出席者',
  help: '1行に1人の出席者',
  columns: [
    { name: '会議番号', required: true, kind: 'text', width: 12, help: '「会議」シートにある会議番号' },
    {
      name: '分野',
      required: false,
      kind: 'choice',
      choices: agencyFields,
      width: 12,
      help: '一覧にない機関を追加するときの分野（空欄は「その他」）。登録済みの機関の分野は変えません（機関の画面で変更できます）',
    },
    {
      name: '機関名',
      required: true,
      kind: 'text',
      width: 24,
      help: '一覧にない機関は追加されます。重層的支援会議では、世帯の同意範囲に含まれる機関だけ',
    },
    { name: '職名', required: false, kind: 'text', width: 12, help: '職名' },
    { name: '出席者', required: false, kind: 'text', width: 14, help: '出席者の氏名' },
  ],
} as const satisfies SheetDef;

export const planSheet = {
  name: 'プラン',
  help: '世帯支援プランの1行（会議ごとに、世帯員・危機介入・その他）',
  columns: [
    { name: '会議番号', required: true, kind: 'text', width: 12, help: '「会議」シートにある会議番号' },
    {
      name: '対象',
      required: true,
      kind: 'text',
      width: 10,
      help: 'その会議の世帯の世帯員の記号（A, B …）、危機介入、その他',
    },
    { name: '目標', required: false, kind: 'text', width: 30, help: '目標' },
    { name: '検討内容', required: false, kind: 'text', width: 30, help: '検討内容' },
    { name: '当面の取組事項', required: false, kind: 'text', width: 30, help: '当面の取組事項' },
    { name: '役割分担', required: false, kind: 'text', width: 30, help: '役割分担' },
  ],
} as const satisfies SheetDef;

export const sheetDefs: readonly SheetDef[] = [
  householdSheet,
  memberSheet,
  relationSheet,
  meetingSheet,
  attendeeSheet,
  planSheet,
];

/** The template's own instructions; a filled-in template still carries it, so the importer skips it. */
export const guideSheetName = '説明';
