import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/services/backup.js';
import { createHousehold } from '../../electron/services/households.js';
import { serviceCtx } from '../../electron/services/testing/service-context.js';
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { VaultSession } from '../../electron/services/vault-session.js';
import { bundled, kasane, start } from './processes.js';

const passphrase = 'crash steps passphrase';
let root: string;
let pristine: string;
let backupDir: string;
let recoveryCode: string;

/** A vault with a backup of it, then one more household after the backup. */
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kasane-crash-'));
  pristine = join(root, 'pristine');
  const session = new VaultSession({ dataDir: pristine, via: 'app', kdf: fastKdf });
  ({ recoveryCode } = await session.setup({ userName: '検証 花子', passphrase }));
  const { store, user, vault } = session.signedIn();
  const add = (caseNo: string) =>
    createHousehold(serviceCtx(store.db, user.id, new Date()), {
      caseNo,
      receivedOn: '2026-04-10',
      label: caseNo,
      referralAgencyId: null,
      issues: [],
      note: '',
    });
  await add('BEFORE-BACKUP');
  ({ path: backupDir } = await createBackup(session.ctx, vault, user.id, join(root, 'backups')));
  await add('AFTER-BACKUP');
  await session.close();
}, 120_000);
afterAll(async () => rm(root, { recursive: true, force: true }));

let copies = 0;
async function copy(): Promise<string> {
  copies += 1;
  const dir = join(root, `copy-${copies}`);
  await cp(pristine, dir, { recursive: true });
  return dir;
}

async function caseNos(dir: string, pass = passphrase): Promise<{ code: number | null; cases: string[] }> {
  const result = await kasane(['cases', '--json', '--data-dir', dir], { KASANE_PASSPHRASE: pass });
  if (result.code !== 0) return { code: result.code, cases: [] };
  return { code: 0, cases: (JSON.parse(result.stdout) as { caseNo: string }[]).map((c) => c.caseNo) };
}

const leftovers = async (dir: string) =>
  (await readdir(dir)).filter(
    (n) => n.startsWith('.staging-') || n === 'kasane.journal' || n.endsWith('.tmp'),
  );

describe('復元はどの段階で強制終了されても、元のデータか復元したデータのどちらかで開ける', () => {
  const steps = [
    'restore:staged',
    'restore:journal-written',
    ...Array.from({ length: 8 }, (_, i) => `restore:moved-${i + 1}`),
  ];
  for (const step of steps) {
    it(`${step} で kill -9`, async () => {
      const dir = await copy();
      const killed = await kasane(['restore', '--data-dir', dir, '--from', backupDir], {
        KASANE_PASSPHRASE: passphrase,
        KASANE_FAILPOINT: step,
      });
      expect(killed.signal).toBe('SIGKILL');
      // The next command (as the next app start would) finishes or discards the swap.
      const after = await caseNos(dir);
      expect(after.code).toBe(0);
      const restored = step !== 'restore:staged';
      expect(after.cases.includes('AFTER-BACKUP')).toBe(!restored);
      expect(after.cases).toContain('BEFORE-BACKUP');
      expect(await leftovers(dir)).toEqual([]);
      if (restored) expect((await readdir(dir)).some((n) => n.startsWith('before-restore-'))).toBe(true);
      expect((await kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase })).code).toBe(0);
    });
  }
});

describe('初期設定はどこで強制終了されても、もう一度初期設定できる', () => {
  const setUp = async (dir: string, env: Record<string, string> = {}) => {
    const worker = await bundled('scripts/reliability/setup-worker.ts');
    let said = '';
    const run = start(worker, [dir], { KASANE_PASSPHRASE: passphrase, ...env }, (line) => {
      said += line;
    });
    return { run, said: () => said };
  };
  const steps = [
    'setup:staged',
    'setup:journal-written',
    'setup:moved-1',
    'setup:moved-2',
    'setup:moved-3',
    'setup:moved-4',
  ];
  for (const step of steps) {
    it(`${step} で kill -9`, async () => {
      const dir = join(root, `setup-${step.replace(':', '-')}`);
      const killed = await setUp(dir, { KASANE_FAILPOINT: step });
      expect((await killed.run.exited).signal).toBe('SIGKILL');
      // Never "initialised but unusable": the folder looks untouched and set-up runs again.
      const again = await setUp(dir);
      await again.run.exited;
      expect(again.said()).toBe('set up');
      expect((await kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase })).code).toBe(0);
      expect(await leftovers(dir)).toEqual([]);
    });
  }

  it('でたらめな時点で8回強制終了しても、毎回「未設定」か「使える保管庫」のどちらか', async () => {
    for (let i = 0; i < 8; i++) {
      const dir = join(root, `setup-random-${i}`);
      const killed = await setUp(dir);
      const timer = setTimeout(() => killed.run.child.kill('SIGKILL'), 150 + i * 120);
      await killed.run.exited;
      clearTimeout(timer);
      const again = await setUp(dir);
      await again.run.exited;
      // Set up now, or already set up before the kill (then it must open).
      expect(['set up', 'state locked']).toContain(again.said());
      if (again.said() === 'state locked')
        expect((await kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase })).code).toBe(0);
    }
  }, 300_000);
});

describe('鍵ファイルとデータベースの両方を変える操作は、途中で強制終了されても全部か無か', () => {
  const other = 'a second coordinator phrase';
  for (const [step, committed] of [
    ['addUser:keyslots-staged', false],
    ['addUser:committed', true],
  ] as const) {
    it(`利用者の追加: ${step} で kill -9`, async () => {
      const dir = await copy();
      const killed = await kasane(['users', 'add', '--data-dir', dir, '--name', '支援 太郎'], {
        KASANE_PASSPHRASE: passphrase,
        KASANE_NEW_PASSPHRASE: other,
        KASANE_FAILPOINT: step,
      });
      expect(killed.signal).toBe('SIGKILL');
      // The first user opens either way; the new one exactly when the database committed the user.
      const first = await kasane(['verify', '--data-dir', dir, '--user', '検証 花子'], {
        KASANE_PASSPHRASE: passphrase,
      });
      expect(first.code).toBe(0);
      const second = await kasane(['verify', '--data-dir', dir, '--user', '支援 太郎'], {
        KASANE_PASSPHRASE: other,
      });
      expect(second.code).toBe(committed ? 0 : 3);
    });
  }

  for (const [step, committed] of [
    ['setPassphrase:keyslots-staged', false],
    ['setPassphrase:committed', true],
  ] as const) {
    it(`パスフレーズの変更: ${step} で kill -9`, async () => {
      const dir = await copy();
      const killed = await kasane(['passwd', '--data-dir', dir, '--user', '検証 花子'], {
        KASANE_PASSPHRASE: passphrase,
        KASANE_NEW_PASSPHRASE: other,
        KASANE_FAILPOINT: step,
      });
      expect(killed.signal).toBe('SIGKILL');
      const withNew = await kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: other });
      const withOld = await kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase });
      expect([withOld.code, withNew.code]).toEqual(committed ? [3, 0] : [0, 3]);
    });
  }

  for (const [step, committed] of [
    ['recovery:keyslots-staged', false],
    ['recovery:committed', true],
  ] as const) {
    it(`回復コードでの回復: ${step} で kill -9`, async () => {
      const dir = await copy();
      const worker = await bundled('scripts/reliability/recovery-worker.ts');
      const { exited } = start(
        worker,
        [dir],
        { KASANE_RECOVERY_CODE: recoveryCode, KASANE_NEW_PASSPHRASE: other, KASANE_FAILPOINT: step },
        () => {},
      );
      expect((await exited).signal).toBe('SIGKILL');
      const withNew = await kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: other });
      const withOld = await kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase });
      expect([withOld.code, withNew.code]).toEqual(committed ? [3, 0] : [0, 3]);
    });
  }
});
