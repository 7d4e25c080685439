import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily, userOption } from '../shared-options.js';

export const render = new Command('render')
  .summary('重層会議様式・家族構成図・評価シートを Word 文書で書き出す（目的は監査ログに記録）')
  .description(
    '重層会議様式を Word 文書で書き出す（目的は監査ログに記録。支援会議は既定で記号表示、' +
      '実名には --names-reason が必要。いくつもの様式を1回の解錠で書き出せる。2部以上は、' +
      '一緒に書き出す様式に機関ごとに同じ配布番号をつけた各部と、回収チェック表1枚）。' +
      '--document genogram --case 受付番号 で、世帯の別添資料「家族構成図・エコマップ」を Word 文書' +
      '（.docx）か家族構成図の SVG（.svg）で書き出す（同意のない世帯は既定で記号表示）。' +
      '--document evaluation --case 受付番号 で、世帯の最新の終結時の「支援評価シート」を書き出す',
  )
  .addOption(dataDirOption())
  .addOption(userOption())
  .option('--meeting <NO>', '会議番号（様式には必須。家族構成図ではその会議の配布資料として出す）')
  .option('--form <LIST>', '様式の番号（1〜5）。3、1,2,4、1-5 のように')
  .option(
    '--document <KIND>',
    '様式ではない資料: genogram（別添資料「家族構成図・エコマップ」）、evaluation（支援評価シート）',
  )
  .option('--case <CASENO>', '世帯の受付番号（--document genogram / evaluation のとき）')
  .requiredOption(
    '--out <FILE.docx|FILE.svg|DIR>',
    '書き出す Word 文書（家族構成図は .svg も可）。ファイルが2つ以上になるときは、その隣（またはフォルダー）に書き出す',
  )
  .option('--purpose <TEXT>', '持ち出す目的（必須。監査ログに記録する）')
  .option('--names <real|masked>', '氏名を実名（real）か記号（masked）で載せる（既定: 支援会議は masked）')
  .option('--names-reason <TEXT>', '支援会議の資料に実名を載せる理由')
  .option('--copies <N>', '部数（2部以上で配布番号つきの各部と回収チェック表。様式1は番号をつけない）')
  .option('--issued-on <DATE>', '様式1の発信日（既定: 今日）。2026-11-10 や 令和8年11月10日')
  .option('--doc-no <N>', '様式1の文書番号の N（第N号。既定: 会議の通知番号）')
  .option('--reply-by <DATE>', '様式1の出欠の回答期限（既定: 事務所の設定の開庁日数だけ開催日より前）')
  .option('--per-agency', '様式1を宛先の機関ごとに別のファイルにする')
  .action(runLazily(async () => (await import('./render.js')).renderCommand));
