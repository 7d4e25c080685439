import { consentLabels } from '../../domain/consent.js';
import { formatWareki } from '../../domain/dates.js';
import { statusLabels } from '../../domain/household.js';
import type { HouseholdSummary } from '../../ipc/schemas/households.js';
import { listHouseholds } from '../../services/household-page.js';
import { displayWidth } from '../display-width.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, serviceContext, withCliVault } from '../open-vault.js';

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i] ?? '')))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function readable(households: HouseholdSummary[], search: string | undefined): string {
  if (households.length === 0)
    return search === undefined
      ? '世帯はまだ登録されていません。\n'
      : `「${search}」に当てはまる世帯はありません。\n`;
  const rows = households.map((h) => [
    h.caseNo,
    formatWareki(h.receivedOn),
    h.label.replace(/\s+/g, ' '),
    statusLabels[h.status],
    consentLabels[h.consent],
    `${h.memberCount}人`,
    h.issues.join('、'),
  ]);
  const header = ['受付番号', '受付日', '表示名', '状態', '本人同意', '世帯員', '課題'];
  return `${table([header, ...rows])}\n${households.length}世帯\n`;
}

/**
 * Every household (or, with --search, those the screen's search finds), newest first, as a table or
 * (--json) one JSON array for scripts.
 */
export async function casesCommand(opts: {
  dataDir: string;
  user?: string;
  json?: boolean;
  search?: string;
}): Promise<number> {
  const ctx = cliContext(opts.dataDir, opts.user, { pageCheck: 'pagesRead' });
  return withCliVault(ctx, async (vault) => {
    const db = vault.store.db;
    const { total } = await db
      .selectFrom('households')
      .select(({ fn }) => fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    const households =
      total === 0
        ? []
        : await listHouseholds(serviceContext(vault, ctx.clock()), {
            query: opts.search ?? '',
            sort: 'receivedOn',
            limit: total,
          });
    if (opts.json) {
      const shaped = households.map((h) => ({
        caseNo: h.caseNo,
        label: h.label,
        consent: h.consent,
        status: h.status,
        receivedOn: h.receivedOn,
        memberCount: h.memberCount,
        issues: h.issues,
      }));
      process.stdout.write(`${JSON.stringify(shaped, null, 2)}\n`);
    } else process.stdout.write(readable(households, opts.search));
    return exitCodes.ok;
  });
}
