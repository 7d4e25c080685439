import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../../electron/services/audit.js';
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { testSeed } from '../../electron/services/testing/test-seed.js';
import { VaultSession } from '../../electron/services/vault-session.js';
import { bundled, seededRandom, start } from './processes.js';

export const passphrase = 'kill nine passphrase';

export interface KillReport {
  seed: number;
  kills: number;
  /** Households whose creation returned (after COMMIT and the anchor write) before the kill. */
  committed: number;
  /** Committed households missing afterwards: must be none. */
  lost: string[];
  /** Households whose opening returned before the kill (rule 10: each view is an audit event). */
  viewed: number;
  /** Of those, views without their household.viewed record afterwards: must be none. */
  viewsLost: string[];
  /** Restarts that found the database behind its anchor (a false alarm after a plain crash). */
  recordsLost: number;
  /** Writers that stopped with an error of their own (not the kill). */
  errors: string[];
  auditEvents: number;
  auditOk: boolean;
  integrity: string;
}

/**
 * kill -9 during writes: a real writer process (scripts/reliability/writer.ts) on a real encrypted
 * vault is killed at a random moment — mostly while it writes, sometimes while it unlocks — then
 * the next one starts on the same folder (taking over the stale lock). At the end every household
 * a writer reported committed must be there, and every view it reported must have its 閲覧 record
 * (committed without the WAL's fsync, named by the anchor only later), the chain must verify, and
 * no restart may have found the database behind its anchor.
 */
export async function runKillSuite(options: {
  kills: number;
  seed?: number;
  log?: (line: string) => void;
}): Promise<KillReport> {
  const seed = options.seed ?? testSeed();
  const random = seededRandom(seed);
  const root = await mkdtemp(join(tmpdir(), 'kasane-kill-'));
  const dataDir = join(root, 'data');
  const writer = await bundled('scripts/reliability/writer.ts');
  const committed = new Set<string>();
  const viewed = new Set<string>();
  const errors: string[] = [];
  let recordsLost = 0;
  try {
    const setup = new VaultSession({ dataDir, via: 'app', kdf: fastKdf });
    await setup.setup({ userName: '検証 太郎', passphrase });
    await setup.close();

    for (let kill = 1; kill <= options.kills; kill++) {
      let timer: NodeJS.Timeout | undefined;
      let lostLine = false;
      // One kill in five lands at a random time from start (often during unlock), the rest while writing.
      const early = random() < 0.2;
      const { child, exited } = start(
        writer,
        [dataDir, String(kill)],
        { KASANE_PASSPHRASE: passphrase },
        (line) => {
          if (line.startsWith('committed ')) committed.add(line.slice('committed '.length));
          else if (line.startsWith('viewed ')) viewed.add(line.slice('viewed '.length));
          else if (line.startsWith('records-lost')) lostLine = true;
          else if (line.startsWith('error ')) errors.push(`run ${kill}: ${line}`);
          else if (line === 'ready' && !early)
            timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 400));
        },
      );
      if (early) timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 700));
      const { signal, stderr } = await exited;
      clearTimeout(timer);
      if (lostLine) recordsLost += 1;
      if (signal !== 'SIGKILL' && !lostLine && errors.length === 0)
        errors.push(`run ${kill} ended without being killed: ${stderr.split('\n').slice(0, 3).join(' ')}`);
      if (lostLine || errors.length > 0) break;
      if (kill % 10 === 0)
        options.log?.(`kill -9: ${kill}/${options.kills}, ${committed.size} committed so far`);
    }

    const check = new VaultSession({ dataDir, via: 'app' });
    try {
      const status = await check.unlock({ passphrase });
      if (status.state !== 'unlocked')
        return {
          seed,
          kills: options.kills,
          committed: committed.size,
          lost: [...committed],
          viewed: viewed.size,
          viewsLost: [...viewed],
          recordsLost: recordsLost + 1,
          errors,
          auditEvents: 0,
          auditOk: false,
          integrity: 'not checked: the vault did not open',
        };
      const { store } = check.signedIn();
      const present = new Set(
        (store.sqlite.prepare('SELECT case_no FROM households').pluck().all() as string[]).filter((c) =>
          c.startsWith('K'),
        ),
      );
      const seen = new Set(
        store.sqlite
          .prepare(
            `SELECT h.case_no FROM audit_events e JOIN households h ON h.id = e.target_id
             WHERE e.kind = 'household.viewed'`,
          )
          .pluck()
          .all() as string[],
      );
      const chain = await verifyAuditChain(store.db);
      const integrity = String(store.sqlite.pragma('integrity_check', { simple: true }));
      return {
        seed,
        kills: options.kills,
        committed: committed.size,
        lost: [...committed].filter((c) => !present.has(c)),
        viewed: viewed.size,
        viewsLost: [...viewed].filter((c) => !seen.has(c)),
        recordsLost,
        errors,
        auditEvents: chain.checked,
        auditOk: chain.ok,
        integrity,
      };
    } finally {
      await check.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
