import { type Kysely, sql } from 'kysely';

/**
 * A meeting's 会次第 and 報告事項 follow its kind until the coordinator edits them (stored as JSON
 * null), and its 配布資料 holds only what was added by hand: the documents Kasane issues are listed by
 * what is issued. Round-1 files stored the defaults as text, which told a 支援会議 that consent was
 * obtained: rows still holding those defaults go back to null, and the two issued documents leave
 * the hand-added list.
 */
const round1Agenda = JSON.stringify([
  '開会',
  '参加機関紹介',
  '現状及び課題の共有',
  '当面の支援方針及び役割分担',
  'その他（次回開催予定）',
  '閉会',
]);
const round1ReportBodies = [
  '世帯全体を一つの単位として支援するため、本人の同意を得て開催した。',
  '家族構成図のとおり。',
  '世帯支援プランシートのとおり。',
];
const issuedDocuments = new Set(['家族構成図', '世帯支援プラン検討シート']);

function isRound1Report(json: string): boolean {
  const sections = JSON.parse(json) as unknown;
  return (
    Array.isArray(sections) &&
    sections.length === round1ReportBodies.length &&
    sections.every(
      (s: { title?: unknown; body?: unknown }, i) =>
        typeof s?.title === 'string' && s.body === round1ReportBodies[i],
    )
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE meetings SET agenda_json = 'null' WHERE agenda_json = ${round1Agenda}`.execute(db);
  const rows = (
    await sql<{
      id: string;
      report_sections_json: string;
      handouts_json: string;
    }>`SELECT id, report_sections_json, handouts_json FROM meetings`.execute(db)
  ).rows;
  for (const row of rows) {
    const handouts = (JSON.parse(row.handouts_json) as string[]).filter((h) => !issuedDocuments.has(h));
    const report = isRound1Report(row.report_sections_json) ? 'null' : row.report_sections_json;
    await sql`UPDATE meetings SET report_sections_json = ${report}, handouts_json = ${JSON.stringify(handouts)} WHERE id = ${row.id}`.execute(
      db,
    );
  }
}
