/** Long work that runs off the main thread (electron/services/jobs) and reports its progress. */
export const jobKinds = [
  'import',
  'render',
  'statistics',
  'backup',
  'verify',
  'drawings',
  /** The first unlock after an update: the records are brought to this version's shape. */
  'migrate',
  /** Every unlock: every page of the file is read before it is opened (quick_check). */
  'pageCheck',
] as const;
export type JobKind = (typeof jobKinds)[number];

/** The stage a job is in. */
export const jobSteps = [
  'starting',
  'reading',
  'checking',
  'writing',
  'rendering',
  'counting',
  'copying',
  'verifying',
] as const;
export type JobStep = (typeof jobSteps)[number];

/** What is counted: 世帯 while an import writes households, 会議, ファイル for documents… */
export const jobUnits = ['世帯', '会議', '行', 'ファイル', '年度', 'ページ', '件'] as const;
export type JobUnit = (typeof jobUnits)[number];

/** What the progress bar says a job is doing. */
export const jobStepLabels: Record<JobStep, string> = {
  starting: '準備しています',
  reading: 'ファイルを読み込んでいます',
  checking: '内容を確かめています',
  writing: '登録しています',
  rendering: '文書を作成しています',
  counting: '集計しています',
  copying: 'コピーしています',
  verifying: '確かめています',
};

export const jobLabels: Record<JobKind, string> = {
  import: '取り込み',
  render: '文書の作成',
  statistics: '統計の集計',
  backup: 'バックアップ',
  verify: '監査ログの検証',
  drawings: '別添資料の図の準備',
  migrate: 'データの更新',
  pageCheck: 'データの点検',
};

/** 「1,234 / 3,000 世帯」 */
export function progressCount(done: number, total: number, unit: JobUnit): string {
  const n = (v: number) => v.toLocaleString('ja-JP');
  return `${n(done)} / ${n(total)} ${unit}`;
}
