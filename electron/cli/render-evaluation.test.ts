import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../services/audit.js';
import { closedWithPlan } from '../services/testing/evaluation-fixture.js';
import { officeDays } from '../services/testing/office-days.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { exitCodes } from './exit-codes.js';
import { initDataDir, kasane, withStore } from './testing/cli-run.js';

let root: string;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  dir = join(root, 'office');
  await initDataDir(dir);
  await withStore(dir, async ({ db }) => {
    const user = await db.selectFrom('users').select(['id', 'name']).executeTakeFirstOrThrow();
    const office = officeDays(db, user, dir);
    const agency = await office.agency('2025-04-01', '第一地域包括支援センター', '高齢');
    const other = await office.agency('2025-04-01', '障がい者相談支援センターひまわり', '障がい');
    const agencyIds: [string, string] = [agency, other];
    await closedWithPlan(office, {
      caseNo: 'R7-201',
      label: '川辺',
      kind: 'unconsented',
      reason: '課題解決',
      agencyIds,
    });
    await office.household('2025-04-10', 'R7-202', '谷口');
  });
}, 120_000);
afterAll(async () => cleanup());

const render = (...args: string[]) =>
  kasane(['render', '--data-dir', dir, '--document', 'evaluation', ...args]);

async function documentText(file: string) {
  const zip = await JSZip.loadAsync(await readFile(file));
  return ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
}

describe('管理コマンド render --document evaluation（支援評価シート）', () => {
  it('終結した世帯の評価シートを書き出し、支援会議の世帯は記号で、発行記録と監査ログが残る', async () => {
    const file = join(root, '評価.docx');
    const result = render('--case', 'R7-201', '--out', file, '--purpose', '引継ぎ先への説明');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`書き出しました: ${file}`);
    const text = await documentText(file);
    expect(text).toContain('A氏世帯 支援評価シート');
    expect(text).toContain('A氏（本人）');
    expect(text).not.toContain('川辺');
    const { issues, events } = await withStore(dir, async ({ db }) => ({
      issues: await db
        .selectFrom('document_issues')
        .select(['document', 'copies', 'names', 'purpose_note', 'action'])
        .execute(),
      events: await listAuditEvents(db, { kind: 'document.issued', limit: 10 }),
    }));
    expect(issues).toEqual([
      { document: 'evaluation', copies: 1, names: 'masked', purpose_note: '引継ぎ先への説明', action: 'cli' },
    ]);
    expect(events[0]).toMatchObject({ targetType: 'household', detail: { document: 'evaluation' } });
  });

  it('2部以上は評価したプランの会議の機関ごとに配布番号をつけ、回収チェック表を添える', () => {
    const out = join(root, 'copies');
    const result = render('--case', 'R7-201', '--out', out, '--purpose', '会議で共有', '--copies', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('支援評価シート_R7-201_2025-09-01_配布02.docx');
    expect(result.stdout).toContain('資料回収チェック表_支援評価シート_R7-201-1.docx');
  });

  it('実名には理由が要り（7）、評価のない世帯・ない世帯は 13、様式の選択肢や目的なしは 2', () => {
    const file = join(root, 'x.docx');
    expect(render('--case', 'R7-201', '--out', file, '--purpose', 'x', '--names', 'real').code).toBe(
      exitCodes.lawForbids,
    );
    const none = render('--case', 'R7-202', '--out', file, '--purpose', 'x');
    expect(none.code).toBe(exitCodes.notFound);
    expect(none.stderr).toContain('評価の記録がありません');
    expect(render('--case', 'R9-999', '--out', file, '--purpose', 'x').code).toBe(exitCodes.notFound);
    expect(render('--case', 'R7-201', '--out', file, '--purpose', 'x', '--form', '3').code).toBe(
      exitCodes.usage,
    );
    expect(render('--case', 'R7-201', '--out', file).code).toBe(exitCodes.usage);
  });
});
