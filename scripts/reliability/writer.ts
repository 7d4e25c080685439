/**
 * A process that writes to a vault until it is killed: the "app" of the kill -9 suite. It calls
 * the services the window's handlers call (kept to those, so it starts fast) and prints
 * `committed <受付番号>` only after the call that created that household returned — after COMMIT
 * and the anchor write — and `viewed <受付番号>` after opening it returned (its 閲覧 record
 * committed, the WAL not yet flushed). Lines: `ready`, `committed …`, `viewed …`,
 * `records-lost <reason>`, `error <code>`.
 *
 * Usage: node writer.js DATA_DIR RUN   (KASANE_PASSPHRASE in the environment)
 */
import { createContext } from '../../electron/services/context.js';
import { createHousehold, getHousehold } from '../../electron/services/households.js';
import { saveProgressNote } from '../../electron/services/progress-notes.js';
import { VaultSession } from '../../electron/services/vault-session.js';

const [dataDir, run] = process.argv.slice(2);
if (!dataDir || !run) throw new Error('usage: writer DATA_DIR RUN');
const passphrase = process.env.KASANE_PASSPHRASE ?? '';
const say = (line: string) => process.stdout.write(`${line}\n`);

const session = new VaultSession({ dataDir, via: 'app' });

async function signIn(): Promise<boolean> {
  const status = await session.unlock({ passphrase });
  if (status.state === 'recordsLost') {
    say(`records-lost ${status.recordsLost?.reason}`);
    return false;
  }
  return true;
}

try {
  if (await signIn()) {
    say('ready');
    for (let n = 1; ; n++) {
      const { store, user } = session.signedIn();
      const now = new Date();
      const caseNo = `K${run}-${n}`;
      const ctx = createContext({ db: store.db, user: { id: user.id, name: user.name }, now });
      const { id } = await createHousehold(ctx, {
        caseNo,
        receivedOn: '2026-04-10',
        label: `検証${n}`,
        referralAgencyId: null,
        issues: [],
        note: `kill -9 の検証 ${run}-${n}`,
      });
      say(`committed ${caseNo}`);
      // Other shapes of commit: an audit event alone, a note, a checkpoint, a lock and unlock.
      if (n % 3 === 0) {
        // Rule 10: a view's record is committed before the case is shown, its WAL flushed later.
        await getHousehold(ctx, { id });
        say(`viewed ${caseNo}`);
      }
      if (n % 5 === 0)
        await saveProgressNote(ctx, {
          householdId: id,
          notedOn: '2026-11-20',
          agencyId: null,
          staff: '',
          content: `経過 ${n}`,
          nextPlan: '',
        });
      if (n % 11 === 0) store.sqlite.pragma('wal_checkpoint(PASSIVE)');
      if (n % 17 === 0) {
        await session.lock('user');
        if (!(await signIn())) break;
      }
    }
  }
} catch (err) {
  say(`error ${(err as { code?: string }).code ?? (err as Error).name}`);
  process.exitCode = 1;
}
