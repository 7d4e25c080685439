import { formCatalogue } from '../../../electron/domain/forms';
import { statusLabels } from '../../../electron/domain/household';
import { planStatusLabels, statutoryMeetingLabels } from '../../../electron/domain/meeting';
import { formatWarekiDateTime } from '../../../electron/domain/office-day';
import type { AuditDetail, AuditKind } from '../../../electron/ipc/contract';
import { settingsFieldLabels } from '../settings/settingsLabels';

export const auditKindLabels: Record<AuditKind, string> = {
  'vault.initialized': '初期設定',
  unlock: 'ロック解除',
  'unlock.failed': 'ロック解除の失敗',
  'unlock.recovery': '回復コードでのロック解除',
  'unlock.failuresMissing': 'ロック解除の失敗記録の削除・改変を検出',
  'records.lossAccepted': '失われた記録を確認して使用を続行',
  'keyslots.changeResumed': '中断された鍵ファイルの変更の処理',
  'keyslots.replaced': '別の時点の鍵ファイルを使用',
  lock: 'ロック',
  acknowledgement: '守秘義務の確認',
  'user.added': '利用者の追加',
  'user.passphraseChanged': 'パスフレーズの変更',
  'recoveryCode.reissued': '回復コードの再発行',
  'settings.changed': '設定の変更',
  'audit.verified': '監査ログの検証',
  'backup.created': 'バックアップの作成',
  'backup.restored': 'バックアップからの復元',
  'household.viewed': '世帯の閲覧',
  'household.created': '世帯の登録',
  'household.updated': '世帯の変更',
  'members.saved': '世帯員の保存',
  'relations.saved': '家族関係の保存',
  'ecoMap.tieSaved': 'エコマップの関係の変更',
  'household.statusChanged': '世帯の状況の変更',
  'consent.added': '本人同意の登録',
  'consent.withdrawn': '本人同意の撤回',
  'progressNote.added': '支援経過の追加',
  'progressNote.updated': '支援経過の修正',
  'agency.saved': '関係機関の保存',
  'agency.retired': '関係機関の利用停止',
  'agency.deleted': '関係機関の削除',
  'issueTag.added': '課題の追加',
  'issueTag.retired': '課題の利用停止',
  'import.completed': 'データの取り込み',
  'import.cancelled': 'データの取り込み（中止）',
  'template.saved': '取り込み用テンプレートの保存',
  'meeting.created': '会議の登録',
  'meeting.updated': '会議の変更',
  'meeting.viewed': '会議の閲覧',
  'meeting.scopeException': '同意範囲外の機関の出席（理由を記録）',
  'plan.saved': '支援プランの保存',
  'plan.unfinalized': '支援プランの確定の取消',
  'meeting.cancelled': '会議の中止',
  'meeting.deleted': '会議の削除',
  'report.saved': '会議報告の保存',
  'document.issued': '文書・統計の持ち出し（保存・Wordで開く）',
  'monitoring.added': 'モニタリングの記録',
  'attendance.recorded': '出欠の記録',
  'consent.writtenNoted': '口頭の同意の書面を受領',
  'record.voided': '記録の取消（理由を記録）',
  'record.corrected': '記録の訂正（理由を記録）',
  'copy.collected': '配布資料の回収を記録',
  'copy.destroyed': '配布資料の廃棄を記録',
  'copy.reopened': '配布資料の回収・廃棄の記録を取り消し',
};

const detailKeyLabels: Record<string, string> = {
  via: '経路',
  reason: '理由',
  method: '方法',
  fields: '項目',
  textId: '文面',
  textVersion: '文面の版',
  kdfN: '鍵導出の強さ',
  count: '件数',
  status: '状況',
  retired: '利用停止',
  revision: '改訂',
  noteId: '支援経過',
  consentId: '同意の記録',
  backupCreatedAt: 'バックアップの作成日時',
  kind: '会議の種類',
  agencyId: '機関',
  rows: '行数',
  issueId: '発行の記録',
  document: '様式',
  copies: '部数',
  format: '形式',
  names: '氏名の表示',
  action: '操作',
  purpose: '目的',
  lastConfirmedId: '最後に確認できた記録',
  foundId: 'データベースの最新の記録',
  commitsExpected: '到達点の書き込み回数',
  commitsFound: 'データベースの書き込み回数',
  expected: '記録済みの失敗の件数',
  outcome: '結果',
  generation: '鍵ファイルの世代',
  fileGeneration: '鍵ファイルの世代',
  expectedGeneration: '想定していた世代',
  copyNo: '配布番号',
  on: '日付',
};

const detailValueLabels: Record<string, Record<string, string>> = {
  via: { app: 'アプリ', cli: '管理コマンド', harness: '検証用ブラウザ' },
  reason: {
    user: '利用者の操作',
    idle: '無操作による自動ロック',
    suspend: 'スリープ',
    'screen-lock': '画面のロック',
    quit: '終了',
    behind: '記録が到達点より前で終わっている',
    diverged: '記録が到達点と一致しない',
    anchorMissing: '到達点の記録（kasane.anchor）がない',
    anchorDamaged: '到達点の記録（kasane.anchor）が壊れている',
    missing: '失敗の記録ファイルが削除されていた',
    unreadable: '失敗の記録ファイルが読めなかった',
    altered: '失敗の記録ファイルが書き換えられていた',
    fewer: '失敗の記録が減っていた',
  },
  outcome: { completed: '完了させた', undone: '取り消した' },
  method: { passphrase: 'パスフレーズ', recovery: '回復コード' },
  textId: { 'confidentiality-159': '社会福祉法第159条の警告文' },
  fields: settingsFieldLabels,
  status: { ...statusLabels, ...planStatusLabels },
  kind: statutoryMeetingLabels,
  document: {
    ...Object.fromEntries(formCatalogue.map((f) => [f.key, `様式${f.number}`])),
    'statistics.csv': '統計（CSV）',
    'statistics.xlsx': '統計（Excel）',
    'statistics.docx': '統計（Word）',
    'statistics.json': '統計（JSON）',
    householdList: '世帯一覧',
    meetingList: '会議一覧',
    caseRecord: 'ケース記録',
  },
  format: { docx: 'Word', xlsx: 'Excel' },
  names: { real: '実名', masked: '記号（A氏など）', none: '氏名なし（匿名統計）' },
  action: { save: '保存', openInWord: 'Wordで開く', cli: '管理コマンド' },
};

const targetTypeLabels: Record<string, string> = {
  user: '利用者',
  settings: '事務所の設定',
  household: '世帯',
  agency: '関係機関',
  meeting: '会議',
};

function valueText(key: string, value: AuditDetail[string]): string {
  const names = detailValueLabels[key] ?? {};
  if (Array.isArray(value)) return value.map((v) => names[v] ?? v).join('・');
  if (value === null) return '—';
  if (key === 'backupCreatedAt' && typeof value === 'string') return formatWarekiDateTime(value);
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  return names[String(value)] ?? String(value);
}

/** Detail as 「経路：アプリ」 lines; unknown keys are shown as they are. */
export function detailLines(detail: AuditDetail): string[] {
  return Object.entries(detail).map(
    ([key, value]) => `${detailKeyLabels[key] ?? key}：${valueText(key, value)}`,
  );
}

/** 対象: a user by name (the log itself holds only the id), settings by their Japanese name. */
export function targetText(
  targetType: string | null,
  targetId: string | null,
  userNames: ReadonlyMap<string, string>,
): string {
  if (!targetType) return '';
  const type = targetTypeLabels[targetType] ?? targetType;
  if (targetType === 'user' && targetId) return `${type}：${userNames.get(targetId) ?? targetId}`;
  if (targetType === 'settings') return type;
  // Other targets are shown by id only: the log holds ids, and this screen does not open case data.
  return targetId ? `${type}：${targetId.slice(0, 8)}` : type;
}
