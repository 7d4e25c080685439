import { formatWareki } from '../../domain/dates.js';
import { statutoryMeetingLabels } from '../../domain/meeting.js';
import { listMeetings } from '../../services/meetings.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, serviceContext, withCliVault } from '../open-vault.js';

/** Every meeting, upcoming first: as JSON for scripts, or one line each for a person. */
export async function meetingsCommand(opts: {
  dataDir: string;
  user?: string;
  json?: boolean;
}): Promise<number> {
  const ctx = cliContext(opts.dataDir, opts.user, { pageCheck: 'pagesRead' });
  return withCliVault(ctx, async (vault) => {
    const meetings = await listMeetings(serviceContext(vault, ctx.clock()), { limit: 1_000_000 });
    if (opts.json) {
      const rows = meetings.map((m) => ({
        meetingNo: m.meetingNo,
        caseNo: m.caseNo,
        kind: m.kind,
        date: m.heldOn,
        attendeeCount: m.attendeeCount,
        planRowCount: m.planRowCount,
      }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (meetings.length === 0) {
      process.stdout.write('会議はまだ登録されていません。\n');
    } else {
      for (const m of meetings) {
        const kind = statutoryMeetingLabels[m.kind];
        const missing = m.missing.length ? `  未了: ${m.missing.join('、')}` : '';
        // The same marks as the screen (rules 21, 22): a 中止 or an imported past record lacks nothing.
        const state = m.cancelled ? '  中止' : m.migrated === 'pastRecord' ? '  移行データ' : '';
        process.stdout.write(
          `${m.meetingNo}  ${formatWareki(m.heldOn)}  ${kind}  受付番号 ${m.caseNo}  出席 ${m.attendeeCount}人${state}${missing}\n`,
        );
      }
    }
    return exitCodes.ok;
  });
}
