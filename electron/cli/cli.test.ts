import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.js';
import { dataDirPaths } from '../services/data-dir.js';
import { readKeyslots } from '../services/keyslots.js';
import { filesContaining } from '../services/testing/scan-files.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import {
  copyOfDataDir,
  dataKeyOf,
  initDataDir,
  testPassphrase as passphrase,
  kasane as runKasane,
} from './testing/cli-run.js';

let root: string;
let cleanup: () => Promise<void>;
let pristine: string;
let recoveryLine: string;

/** Without a passphrase in the environment unless the test gives one. */
const kasane = (args: string[], env: Record<string, string> = {}) =>
  runKasane(args, { KASANE_PASSPHRASE: '', ...env });

/** Each scenario works on its own copy of one initialised data directory. */
const copyOfVault = async () => (await copyOfDataDir(pristine, root)).dir;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  // The real `kasane init` (its scrypt tuned to this machine) for the init tests; the scenarios' copies
  // unlock at a fixed cost, however busy the machine was when it was tuned (initDataDir).
  const init = kasane(['init', '--data-dir', join(root, 'init'), '--user', '相談 花子'], {
    KASANE_PASSPHRASE: passphrase,
  });
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  recoveryLine = init.stdout;
  pristine = join(root, 'pristine');
  await initDataDir(pristine);
});
afterAll(async () => cleanup());

describe('管理コマンド（kasane CLI）', () => {
  it('init は回復コードを一度だけ表示し、KDF の計測時間を示す', () => {
    expect(recoveryLine).toMatch(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    expect(recoveryLine).toMatch(/鍵の導出時間.*\d+ ms/);
  });

  it('init は初期設定済みのフォルダを上書きしない', () => {
    const again = kasane(['init', '--data-dir', join(root, 'init'), '--user', '別人'], {
      KASANE_PASSPHRASE: passphrase,
    });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('すでに初期設定済み');
  });

  it('verify は正常なデータで 0 を返す', async () => {
    const dir = await copyOfVault();
    const result = kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('改ざんは検出されませんでした');
  });

  it('違うパスフレーズでは終了コード 3 で、データベースも鍵ファイルも変わらない', async () => {
    const dir = await copyOfVault();
    const paths = dataDirPaths(dir);
    const before = [await readFile(paths.database), await readFile(paths.keyslots)];
    const result = kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: 'not the passphrase at all' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('パスフレーズが違います');
    expect(await readFile(paths.database)).toEqual(before[0]);
    expect(await readFile(paths.keyslots)).toEqual(before[1]);
  });

  it('データベースファイルのバイトを書き換えると、終了コード 4 で「壊れている」と伝える', async () => {
    const dir = await copyOfVault();
    const path = dataDirPaths(dir).database;
    const bytes = await readFile(path);
    expect(bytes.length).toBeGreaterThan(8192);
    for (let i = 0; i < 16; i++) bytes[4096 + 200 + i] = (bytes[4096 + 200 + i] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
    const result = kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('データベースファイルが壊れている');
    expect(result.stderr).toContain('バックアップから復元');
  });

  it('先頭ページが壊れても、パスフレーズ違いではなく「壊れている」になる', async () => {
    const dir = await copyOfVault();
    const path = dataDirPaths(dir).database;
    const bytes = await readFile(path);
    for (let i = 100; i < 140; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    await writeFile(path, bytes);
    const result = kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('壊れている');
  });

  it('監査ログの1行を鍵を使って直接書き換えると、verify は終了コード 1 でその記録を名指しする', async () => {
    const dir = await copyOfVault();
    const store = await openStore(dataDirPaths(dir).database, await dataKeyOf(dir));
    store.sqlite.exec('DROP TRIGGER audit_events_no_update');
    store.sqlite.prepare(`UPDATE audit_events SET detail_json = '{"via":"forged"}' WHERE id = 1`).run();
    await store.close();
    const result = kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('#1');
    expect(result.stdout).toContain('vault.initialized');
  });

  it('新しいスキーマ（user_version が大きい）のファイルは開かず、終了コード 5 で変更もしない', async () => {
    const dir = await copyOfVault();
    const store = await openStore(dataDirPaths(dir).database, await dataKeyOf(dir));
    store.sqlite.pragma('user_version = 99999');
    await store.close();
    const before = await readFile(dataDirPaths(dir).database);
    const result = kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase });
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('新しいバージョン');
    expect(await readFile(dataDirPaths(dir).database)).toEqual(before);
  });

  it('passwd は鍵だけを包み直し、古いパスフレーズは使えなくなる', async () => {
    const dir = await copyOfVault();
    const changed = kasane(['passwd', '--data-dir', dir, '--user', '相談 花子'], {
      KASANE_PASSPHRASE: passphrase,
      KASANE_NEW_PASSPHRASE: 'a completely new passphrase',
    });
    expect(changed.code).toBe(0);
    const file = await readKeyslots(dataDirPaths(dir).keyslots);
    expect(file.slots.filter((s) => s.kind === 'passphrase')).toHaveLength(1);
    expect(kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase }).code).toBe(3);
    expect(
      kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: 'a completely new passphrase' }).code,
    ).toBe(0);
    // The data key did not change: the file was not re-encrypted, only re-wrapped.
    const store = await openStore(dataDirPaths(dir).database, await dataKeyOf(pristine));
    await store.close();
  });

  it('passwd は別の利用者のパスフレーズでは実行できない', async () => {
    const dir = await copyOfVault();
    const result = kasane(['passwd', '--data-dir', dir, '--user', '存在しない人'], {
      KASANE_PASSPHRASE: passphrase,
      KASANE_NEW_PASSPHRASE: 'a completely new passphrase',
    });
    expect(result.code).toBe(3);
  });

  it('users add で二人目は自分のパスフレーズで開け、監査ログは誰の操作かを記録する', async () => {
    const dir = await copyOfVault();
    const added = kasane(['users', 'add', '--data-dir', dir, '--user', '支援 太郎'], {
      KASANE_PASSPHRASE: passphrase,
      KASANE_NEW_PASSPHRASE: 'second coordinator phrase',
    });
    expect(added.code).toBe(0);
    expect(
      kasane(['verify', '--data-dir', dir, '--user', '支援 太郎'], {
        KASANE_PASSPHRASE: 'second coordinator phrase',
      }).code,
    ).toBe(0);
    const store = await openStore(dataDirPaths(dir).database, await dataKeyOf(dir));
    const users = store.sqlite.prepare('SELECT id, name FROM users ORDER BY created_at').all() as {
      id: string;
      name: string;
    }[];
    const unlocks = store.sqlite.prepare(`SELECT user_id FROM audit_events WHERE kind = 'unlock'`).all() as {
      user_id: string;
    }[];
    await store.close();
    expect(users.map((u) => u.name)).toEqual(['相談 花子', '支援 太郎']);
    expect(new Set(unlocks.map((u) => u.user_id))).toEqual(new Set(users.map((u) => u.id)));

    const duplicate = kasane(['users', 'add', '--data-dir', dir, '--user', '支援 太郎'], {
      KASANE_PASSPHRASE: passphrase,
      KASANE_NEW_PASSPHRASE: 'yet another passphrase',
    });
    expect(duplicate.code).toBe(2);
    const samePhrase = kasane(['users', 'add', '--data-dir', dir, '--user', '三人目'], {
      KASANE_PASSPHRASE: passphrase,
      KASANE_NEW_PASSPHRASE: 'second coordinator phrase',
    });
    expect(samePhrase.code).toBe(2);
  });

  it('使い方の誤りは終了コード 2 で日本語の説明を出す', () => {
    expect(kasane([]).code).toBe(2);
    const unknown = kasane(['frobnicate', '--data-dir', pristine]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('不明なコマンド');
    expect(kasane(['verify']).stderr).toContain('--data-dir');
    const noSecret = kasane(['verify', '--data-dir', pristine]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('KASANE_PASSPHRASE');
    const shortPhrase = kasane(['init', '--data-dir', join(root, 'new'), '--user', 'x'], {
      KASANE_PASSPHRASE: 'short',
    });
    expect(shortPhrase.code).toBe(2);
    expect(shortPhrase.stderr).toContain('12文字以上');
  });

  it('--help はコマンドごとに、宣言したオプションから日本語の説明を出して終了コード 0', () => {
    const commands = [
      ['init', '--user <NAME>'],
      ['verify', '--data-dir <DIR>'],
      ['passwd', '--user <NAME>'],
      ['users add', '--user <NAME>'],
      ['backup', '--out <DIR>'],
      ['restore', '--from <BACKUP>'],
      ['import', '--dry-run'],
      ['cases', '--json'],
      ['meetings', '--json'],
      ['render', '--names-reason <TEXT>'],
      ['stats', '--threshold <N>'],
    ] as const;
    const overview = kasane(['--help']);
    expect(overview.code).toBe(0);
    for (const [command, option] of commands) {
      expect(overview.stdout).toContain(`  ${command.split(' ')[0]}`);
      const help = kasane([...command.split(' '), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`使い方: kasane ${command} [オプション]`);
      expect(help.stdout).toContain('--data-dir <DIR>');
      expect(help.stdout).toContain(option);
    }
    const unknownOption = kasane(['cases', '--data-dir', pristine, '--csv']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('不明なオプションです: --csv');
    expect(unknownOption.stderr).toContain('npm run kasane -- cases --help');
  });

  it('コマンドのモジュールはそのコマンドを実行するときだけ読み込まれる', () => {
    const traced = (args: string[]) => {
      const result = spawnSync(
        process.execPath,
        ['--import', './electron/cli/testing/package-trace.mjs', 'electron/cli/kasane.mjs', ...args],
        { env: { ...process.env, KASANE_PASSPHRASE: '' }, encoding: 'utf8' },
      );
      const list = (what: string) =>
        result.stderr.match(new RegExp(`${what} loaded: (.*)`))?.[1]?.split(' ') ?? [];
      return { packages: list('packages'), modules: list('modules'), builtins: list('builtins') };
    };
    for (const args of [['--help'], ['render', '--help'], ['verify']]) {
      const { packages, builtins } = traced(args);
      expect(packages).toContain('commander');
      // commander's child_process (for executable subcommands, which kasane has none of) stays unloaded.
      expect(builtins).toContain('fs');
      expect(builtins).not.toContain('child_process');
      for (const heavy of ['better-sqlite3-multiple-ciphers', 'kysely', 'zod', 'docx', 'exceljs'])
        expect(packages).not.toContain(heavy);
    }
    // cases opens the vault (and stops for want of a passphrase) without the document libraries.
    const cases = traced(['cases', '--data-dir', pristine]);
    expect(cases.packages).toContain('better-sqlite3-multiple-ciphers');
    expect(cases.packages).not.toContain('docx');
    expect(cases.packages).not.toContain('exceljs');
    expect(cases.builtins).not.toContain('child_process');
    // Nor the whole IPC contract: building all its schemas was about a third of a command's start.
    expect(cases.modules).toContain('electron/services/household-page.ts');
    expect(cases.modules).not.toContain('electron/ipc/contract.ts');
    // Nor the household schemas and services that change a household, nor the app's session (whose
    // 159条 text is parsed when it loads): 世帯一覧 and the unlock are all cases needs.
    for (const unneeded of [
      'electron/ipc/schemas/households.ts',
      'electron/services/households.ts',
      'electron/services/vault-session.ts',
      'electron/services/legal.ts',
      'electron/ipc/schemas/settings.ts',
    ])
      expect(cases.modules).not.toContain(unneeded);
  });

  it('読み手が先に閉じても（kasane cases | head）、スタックトレースを出さずに終了コード 0 で静かに終わる', async () => {
    const dir = await copyOfVault();
    const child = spawn(process.execPath, ['electron/cli/kasane.mjs', 'cases', '--data-dir', dir], {
      env: { ...process.env, KASANE_PASSPHRASE: passphrase },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader is gone before the command writes its first line.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('初期設定されていないフォルダは終了コード 4', () => {
    const result = kasane(['verify', '--data-dir', join(root, 'nothing-here')], {
      KASANE_PASSPHRASE: passphrase,
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('初期設定');
  });
});

describe('バックアップと復元', () => {
  it('バックアップは暗号化されたままで、復元すると元のデータに戻り、置き換えたデータも残す', async () => {
    const dir = await copyOfVault();
    const out = join(root, 'backups');
    const made = kasane(['backup', '--data-dir', dir, '--out', out], { KASANE_PASSPHRASE: passphrase });
    expect(made.code).toBe(0);
    const backupDir = made.stdout.match(/バックアップを作成しました: (.+)/)?.[1]?.trim() ?? '';
    expect(await filesContaining(backupDir, '相談 花子')).toEqual([]);

    // Change the live data after the backup: a second user appears.
    kasane(['users', 'add', '--data-dir', dir, '--user', '後から追加'], {
      KASANE_PASSPHRASE: passphrase,
      KASANE_NEW_PASSPHRASE: 'added after the backup',
    });
    const restored = kasane(['restore', '--data-dir', dir, '--from', backupDir], {
      KASANE_PASSPHRASE: passphrase,
    });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('それまでのデータは次のフォルダに残してあります');
    expect(kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: 'added after the backup' }).code).toBe(
      3,
    );
    expect(kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase }).code).toBe(0);
  });

  it('違うパスフレーズや壊れたバックアップでは復元せず、今のデータはそのまま', async () => {
    const dir = await copyOfVault();
    const out = join(root, 'backups-2');
    const made = kasane(['backup', '--data-dir', dir, '--out', out], { KASANE_PASSPHRASE: passphrase });
    const backupDir = made.stdout.match(/バックアップを作成しました: (.+)/)?.[1]?.trim() ?? '';
    const before = await readFile(dataDirPaths(dir).database);
    expect(
      kasane(['restore', '--data-dir', dir, '--from', backupDir], { KASANE_PASSPHRASE: 'wrong wrong wrong' })
        .code,
    ).toBe(3);
    const db = join(backupDir, 'kasane.db');
    const bytes = await readFile(db);
    bytes[5000] = (bytes[5000] ?? 0) ^ 1;
    await writeFile(db, bytes);
    const damaged = kasane(['restore', '--data-dir', dir, '--from', backupDir], {
      KASANE_PASSPHRASE: passphrase,
    });
    expect(damaged.code).toBe(4);
    expect(damaged.stderr).toContain('壊れているか、書き換えられています');
    expect(await readFile(dataDirPaths(dir).database)).toEqual(before);
  });
});
