import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { VaultSession } from '../../electron/services/vault-session.js';
import { buildCrashedVault, damageCases, passphrase } from './damage-matrix.js';
import { kasane } from './processes.js';

let root: string;
let base: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kasane-damage-'));
  base = join(root, 'base');
  await buildCrashedVault(base);
}, 120_000);
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('損傷の一覧: どの損傷も、決まった言葉と終了コードで名指しされる（kasane verify）', () => {
  damageCases.forEach((damage, i) => {
    it(`${damage.name} → 終了コード ${damage.exitCode}`, async () => {
      const dir = join(root, `case-${i}`);
      await cp(base, dir, { recursive: true });
      await damage.damage(dir, base);
      const result = await kasane(['verify', '--data-dir', dir], { KASANE_PASSPHRASE: passphrase });
      expect({ code: result.code, said: `${result.stdout}${result.stderr}`.includes(damage.says) }).toEqual({
        code: damage.exitCode,
        said: true,
      });
      // Never a stack trace, never the English of a library.
      expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
    });
  });
});

describe('損傷の一覧: アプリで開いても、同じ損傷が同じ言葉で名指しされる（黙って開かない）', () => {
  damageCases.forEach((damage, i) => {
    it(`${damage.name} → ${damage.opens.as}`, async () => {
      const dir = join(root, `open-${i}`);
      await cp(base, dir, { recursive: true });
      await damage.damage(dir, base);
      const session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf });
      try {
        const opened = await session.unlock({ passphrase }).then(
          (status) => ({
            as: status.recordsLost ? `recordsLost:${status.recordsLost.reason}` : status.state,
            said: status.recordsLost?.message ?? status.user?.name ?? '',
          }),
          (err: { code?: string; message: string }) => ({ as: err.code ?? 'unknown', said: err.message }),
        );
        expect({ as: opened.as, said: opened.said.includes(damage.opens.says) }).toEqual({
          as: damage.opens.as,
          said: true,
        });
      } finally {
        await session.close();
      }
    });
  });
});
