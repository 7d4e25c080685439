import { formatWareki, parseJapaneseDate } from '../../domain/dates.js';
import { preparationGapLabels } from '../../domain/desk.js';
import { monitoringStatusLabels } from '../../domain/monitoring.js';
import { officeDate } from '../../domain/office-day.js';
import type { Desk } from '../../ipc/schemas/desk.js';
import { deskOn } from '../../services/desk.js';
import { getOfficeSettings } from '../../services/office-settings.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';

/** The object scripts read (issue 13): exactly these arrays, with these fields. */
function forScripts(desk: Desk) {
  return {
    upcomingMeetings: desk.upcomingMeetings.map((m) => ({
      meetingNo: m.meetingNo,
      caseNo: m.caseNo,
      date: m.date,
      missing: m.missing,
    })),
    reportsMissing: desk.reportsMissing.map((m) => ({ meetingNo: m.meetingNo, date: m.date })),
    plansUnconfirmed: desk.plansUnconfirmed.map((m) => ({ meetingNo: m.meetingNo, date: m.date })),
    reviewsDue: desk.reviewsDue.map((r) => ({ caseNo: r.caseNo, meetingNo: r.meetingNo, dueOn: r.dueOn })),
    quietHouseholds: desk.quietHouseholds.map((h) => ({
      caseNo: h.caseNo,
      lastActivityOn: h.lastActivityOn,
    })),
    copiesOutstanding: desk.copiesOutstanding.map((c) => ({
      meetingNo: c.meetingNo,
      copyNo: c.copyNo,
      recipient: c.recipient,
    })),
    backup: { lastOn: desk.backup.lastOn },
  };
}

function forPeople(desk: Desk): string {
  const w = (iso: string) => formatWareki(iso);
  const sections: [string, string[]][] = [
    [
      `${desk.window.upcomingMeetingDays}日以内の会議`,
      desk.upcomingMeetings.map(
        (m) =>
          `${w(m.date)}  ${m.meetingNo}  受付番号 ${m.caseNo}${m.missing.length ? `  未了: ${m.missing.map((g) => preparationGapLabels[g]).join('、')}` : ''}`,
      ),
    ],
    ['会議報告（様式4）が未発行', desk.reportsMissing.map((m) => `${w(m.date)}  ${m.meetingNo}`)],
    ['支援プランが未確定', desk.plansUnconfirmed.map((m) => `${w(m.date)}  ${m.meetingNo}`)],
    [
      '見直しの時期',
      desk.reviewsDue.map(
        (r) =>
          `${w(r.dueOn)}  受付番号 ${r.caseNo}  ${r.meetingNo}${r.rows.some((row) => row.status === 'needsReview') ? `  ${monitoringStatusLabels.needsReview}あり` : ''}`,
      ),
    ],
    [
      `${desk.window.quietHouseholdDays}日以上動きのない支援中の世帯`,
      desk.quietHouseholds.map(
        (h) => `最後の記録 ${w(h.lastActivityOn)}（${h.days}日前）  受付番号 ${h.caseNo}`,
      ),
    ],
    ['次回予定日を過ぎた世帯', desk.contactsDue.map((c) => `${w(c.dueOn)}  受付番号 ${c.caseNo}`)],
    [
      '回収していない配布資料',
      desk.copiesOutstanding.map((c) => `${w(c.date)}  ${c.meetingNo}  配布番号 ${c.copyNo}  ${c.recipient}`),
    ],
    ['口頭の同意（書面が未受領）', desk.oralConsents.map((c) => `${w(c.obtainedOn)}  受付番号 ${c.caseNo}`)],
  ];
  const lines = [`${w(desk.asOf)}の時点`];
  for (const [title, items] of sections) {
    lines.push(
      '',
      `■ ${title}（${items.length}件）`,
      ...(items.length ? items.map((i) => `  ${i}`) : ['  なし']),
    );
  }
  lines.push(
    '',
    `■ バックアップ: ${desk.backup.lastOn ? `最後は${w(desk.backup.lastOn)}` : 'まだ作成していません'}${desk.backup.due ? `（${desk.window.backupReminderDays}日を過ぎています。作成してください）` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

/** ホーム「今日の仕事」 as of a day: the same service the screen calls. */
export async function dueCommand(opts: { dataDir: string; asOf?: string; json?: boolean }): Promise<number> {
  if (
    opts.asOf !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || parseJapaneseDate(opts.asOf) === null)
  )
    throw new CliError(
      exitCodes.usage,
      `--as-of は存在する日付を YYYY-MM-DD で指定してください（${opts.asOf}）。`,
    );
  const ctx = cliContext(opts.dataDir, undefined, { pageCheck: 'pagesRead' });
  return withCliVault(ctx, async (vault) => {
    const db = vault.store.db;
    const today = officeDate(ctx.clock());
    const desk = await deskOn(
      { db, today, settings: () => getOfficeSettings(db) },
      opts.asOf ? { asOf: opts.asOf } : {},
    );
    process.stdout.write(opts.json ? `${JSON.stringify(forScripts(desk), null, 2)}\n` : forPeople(desk));
    return exitCodes.ok;
  });
}
