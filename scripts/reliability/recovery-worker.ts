/**
 * Completes a recovery in its own process (the CLI has no recovery command), so the suite can kill
 * it at a failpoint: unlock with the recovery code, choose the user, set a new passphrase.
 * Usage: node recovery-worker.js DATA_DIR   (KASANE_RECOVERY_CODE, KASANE_NEW_PASSPHRASE)
 */
import { VaultSession } from '../../electron/services/vault-session.js';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: recovery-worker DATA_DIR');
const session = new VaultSession({ dataDir, via: 'app' });
const status = await session.unlockWithRecoveryCode({ recoveryCode: process.env.KASANE_RECOVERY_CODE ?? '' });
const user = status.recoveryUsers[0];
if (!user) throw new Error('no user to recover');
const done = await session.completeRecovery({
  userId: user.id,
  newPassphrase: process.env.KASANE_NEW_PASSPHRASE ?? '',
});
process.stdout.write(`recovered ${done.recoveryCode}\n`);
await session.close();
