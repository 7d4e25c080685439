/**
 * First-run set-up in its own process (as the app's set-up wizard runs it, with a cheap KDF), so
 * the suite can kill it at a failpoint or at a random moment, then run it again.
 * Usage: node setup-worker.js DATA_DIR   (KASANE_PASSPHRASE)
 */
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { VaultSession } from '../../electron/services/vault-session.js';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: setup-worker DATA_DIR');
const session = new VaultSession({ dataDir, via: 'app', kdf: fastKdf });
const status = await session.status();
if (status.state !== 'uninitialized') process.stdout.write(`state ${status.state}\n`);
else {
  await session.setup({ userName: '初期 設定', passphrase: process.env.KASANE_PASSPHRASE ?? '' });
  process.stdout.write('set up\n');
}
await session.close();
