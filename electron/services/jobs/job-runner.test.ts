import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../ipc/contract.js';
import type { JobProgress } from '../../ipc/schemas/jobs.js';
import { readAnchor, readDatabaseHead } from '../anchor.js';
import { verifyAuditChain } from '../audit.js';
import type { App } from '../context.js';
import { signedInContext } from '../context.js';
import { dataDirPaths } from '../data-dir.js';
import { dispatch } from '../dispatch.js';
import { fileOf, largeLedger } from '../import/fixtures.js';
import { statisticsFor } from '../statistics/index.js';
import { appWithJobWorker } from '../testing/job-app.js';
import { deriveKey } from '../vault-keys.js';
import type { VaultSession } from '../vault-session.js';

let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;
let app: App;
let seen: JobProgress[];
const phrase = 'correct horse battery';
const call = (channel: string, input: unknown) => dispatch(app, channel, input);

beforeEach(async () => {
  ({ dir, cleanup, session, app, seen } = await appWithJobWorker(phrase));
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

async function acknowledged(): Promise<void> {
  const result = await call('acknowledgement.acknowledge', { textVersion: '2025-06-01' });
  if (!result.ok) throw new Error(`acknowledge: ${result.code}`);
}

/** Resolves at the first report of a step while the job still runs. */
function firstReport(step: JobProgress['step']): Promise<JobProgress> {
  return new Promise((resolve) => {
    const stop = app.jobs?.onProgress((p) => {
      if (p.step === step && p.done < p.total) {
        stop?.();
        resolve(p);
      }
    });
  });
}

const householdCount = async () =>
  Number(
    (
      await session
        .signedIn()
        .store.db.selectFrom('households')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function reopen(): Promise<void> {
  await session.lock('user');
  const status = await session.unlock({ passphrase: phrase });
  expect(status.state).toBe('unlocked');
}

describe('重い処理をワーカーで実行する（issue 14）', () => {
  it('取り込みはワーカーの接続で書き込み、進捗を世帯数で伝え、本体の接続に見え、到達点と監査の鎖が続く', async () => {
    await acknowledged();
    const ledger = fileOf('台帳.xlsx', await largeLedger(300));
    const result = (await call('imports.run', { files: [ledger] })) as IpcResult<{ ok: boolean }>;
    expect(result).toMatchObject({
      ok: true,
      value: { ok: true, counts: { households: 300, members: 1200 } },
    });
    const writing = seen.filter((p) => p.job === 'import' && p.step === 'writing' && p.unit === '世帯');
    expect(writing.length).toBeGreaterThan(1);
    expect(writing.at(-1)).toMatchObject({ done: 300, total: 300 });
    expect(writing.map((p) => p.done)).toEqual([...writing.map((p) => p.done)].sort((a, b) => a - b));
    expect(await householdCount()).toBe(300);
    expect((await verifyAuditChain(session.signedIn().store.db)).ok).toBe(true);
    // The anchor recorded the worker's commit (its counter and its import.completed event).
    const { vault } = session.signedIn();
    const head = readDatabaseHead(vault.store.sqlite);
    expect(head.audit?.kind).toBe('import.completed');
    const anchor = readAnchor(dataDirPaths(join(dir, 'vault')).anchor, deriveKey(vault.dataKey, 'anchor'));
    expect(anchor).toMatchObject({ state: 'ok', record: { commits: head.commits, audit: head.audit } });
    await reopen();
    expect(await householdCount()).toBe(300);
  }, 180_000);

  it('「中止」で取り込みを巻き戻し、何も登録せず、中止を監査に記録する', async () => {
    await acknowledged();
    const ledger = fileOf('台帳.xlsx', await largeLedger(1500));
    const running = call('imports.run', { files: [ledger] });
    await firstReport('writing');
    expect(await call('jobs.cancel', { job: 'import' })).toEqual({ ok: true, value: { cancelled: true } });
    const result = await running;
    expect(result).toMatchObject({
      ok: false,
      code: 'CANCELLED',
      message: '取り込みを中止しました。何も登録していません。',
    });
    expect(await householdCount()).toBe(0);
    const events = await session.signedIn().store.db.selectFrom('audit_events').select('kind').execute();
    expect(events.map((e) => e.kind)).toContain('import.cancelled');
    expect(events.map((e) => e.kind)).not.toContain('import.completed');
    await reopen();
    expect(await householdCount()).toBe(0);
  }, 180_000);

  it('取り込みの最中も本体は応え、放置ロックがかかる（取り込みは巻き戻り、鍵は閉じる）', async () => {
    await acknowledged();
    const ledger = fileOf('台帳.xlsx', await largeLedger(1500));
    let finished = false;
    const running = call('imports.run', { files: [ledger] }).finally(() => {
      finished = true;
    });
    await firstReport('writing');
    // A read and a write from the main thread answer while the worker holds its transaction.
    expect(await call('households.list', {})).toMatchObject({ ok: true });
    expect(await session.lockIfIdle(24 * 60 * 60)).toBe(true);
    expect((await session.status()).state).toBe('locked');
    const result = await running;
    expect(finished).toBe(true);
    expect(result).toMatchObject({ ok: false, code: 'CANCELLED' });
    const status = await session.unlock({ passphrase: phrase });
    expect(status.state).toBe('unlocked');
    expect(await householdCount()).toBe(0);
    const kinds = (await session.signedIn().store.db.selectFrom('audit_events').select('kind').execute()).map(
      (e) => e.kind,
    );
    expect(kinds).toContain('lock');
    // Cancelled by the lock, not by the person: no import event at all.
    expect(kinds).not.toContain('import.cancelled');
  }, 180_000);

  it('ひとつ実行中に2つ目の重い処理は断る', async () => {
    await acknowledged();
    const ledger = fileOf('台帳.xlsx', await largeLedger(1500));
    const running = call('imports.run', { files: [ledger] });
    await firstReport('writing');
    expect(await call('imports.preview', { files: [ledger] })).toMatchObject({
      ok: false,
      code: 'JOB_RUNNING',
    });
    // A write from the main thread waits for the worker's transaction (on a timer), then lands.
    const write = call('issueTags.add', { name: '取り込み中に追加' });
    await call('jobs.cancel', { job: 'import' });
    expect(await running).toMatchObject({ ok: false, code: 'CANCELLED' });
    expect(await write).toMatchObject({ ok: true });
  }, 180_000);

  it('複数年度の統計はワーカーで数え、本体で数えた表と同じになる', async () => {
    await acknowledged();
    const ledger = fileOf('台帳.xlsx', await largeLedger(120));
    expect(await call('imports.run', { files: [ledger] })).toMatchObject({ ok: true });
    const input = { fiscalYears: [2022, 2023] };
    const inWorker = await call('statistics.compute', input);
    expect(seen.some((p) => p.job === 'statistics' && p.unit === '年度')).toBe(true);
    const { jobs: _jobs, ...withoutWorker } = signedInContext(app);
    const here = await statisticsFor(withoutWorker, input);
    expect(inWorker).toEqual({ ok: true, value: here });
  }, 180_000);

  it('様式2–5 の60部の作成は「中止」で止まり、何も発行せず配布番号も残さず、次の作成はできる', async () => {
    await acknowledged();
    const must = async <T>(result: Promise<IpcResult<T>>): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      return r.value;
    };
    const agencies = (await must(call('agencies.list', {}) as Promise<IpcResult<{ id: string }[]>>)).slice(
      0,
      14,
    );
    const { id: householdId } = await must(
      call('households.create', {
        caseNo: 'R8-300',
        receivedOn: '2026-04-01',
        label: '大森氏世帯',
        referralAgencyId: null,
        issues: [],
        note: '',
      }) as Promise<IpcResult<{ id: string }>>,
    );
    const { id: meetingId } = await must(
      call('meetings.create', {
        householdId,
        kind: 'unconsented',
        meetingNo: 'R8-300-1',
        heldOn: '2026-06-14',
        startTime: '14:00',
        endTime: '15:00',
        place: '第2会議室',
        agenda: [],
        handouts: [],
        attendees: agencies.map((a, i) => ({
          agencyId: a.id,
          title: '相談員',
          personName: `担当 ${i + 1}`,
          scopeReason: '',
        })),
        noticeNumber: null,
        issuedOn: '2026-06-01',
        replyBy: '',
      }) as Promise<IpcResult<{ id: string }>>,
    );
    const request = {
      meetingId,
      document: 'form2',
      together: ['form3', 'form4', 'form5'],
      names: 'masked',
      namesReason: '',
      copies: 60,
      perAgency: false,
      notice: { number: '', issuedOn: '', replyBy: '' },
    };
    const running = call('documents.preview', request);
    const report = await firstReport('rendering');
    expect(report).toMatchObject({ job: 'render', total: 60 * 4 + 1, unit: 'ファイル' });
    expect(await call('jobs.cancel', { job: 'render' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({
      ok: false,
      code: 'CANCELLED',
      message: '文書の作成を中止しました。何も発行していません（配布番号も使っていません）。',
    });
    const { db } = session.signedIn().store;
    const count = async (table: 'document_issues' | 'distributed_copies') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('document_issues')).toBe(0);
    expect(await count('distributed_copies')).toBe(0);
    const kinds = (await db.selectFrom('audit_events').select('kind').execute()).map((e) => e.kind);
    expect(kinds).not.toContain('document.issued');
    expect(app.jobs?.running).toBeNull();
    // The worker is free: the next packet renders.
    const next = (await call('documents.preview', { ...request, copies: 2 })) as IpcResult<{
      fileNames: string[];
    }>;
    expect(next).toMatchObject({ ok: true });
    expect(next.ok && next.value.fileNames).toHaveLength(2 * 4 + 1);
  }, 300_000);
});
