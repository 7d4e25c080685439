import type { Database } from 'better-sqlite3-multiple-ciphers';
import { signedInVault } from './signed-in-vault.js';

type Vault = Awaited<ReturnType<typeof signedInVault>>;

/**
 * The triggers, of `names`, whose loss no run of random writes showed. For each: a fresh vault with
 * that trigger dropped, then `writeUntilDiffers(vault, sqlite, seed)` (true when the kept rows came
 * to differ from a recount), with up to three seeds, so that which writes a run reaches (random ids
 * decide a little of it) is not left to one run's luck. An empty list means every trigger is needed.
 */
export async function triggersNotShownNeeded(
  names: string[],
  now: () => Date,
  writeUntilDiffers: (vault: Vault, sqlite: Database, seed: number) => Promise<boolean> | boolean,
): Promise<string[]> {
  const missed: string[] = [];
  for (const name of names) {
    let differed = false;
    for (const seed of [20261130, 1130, 2026]) {
      const vault = await signedInVault(now);
      try {
        const { sqlite } = vault.session.signedIn().store;
        sqlite.exec(`DROP TRIGGER ${name}`);
        differed = await writeUntilDiffers(vault, sqlite, seed);
      } finally {
        await vault.close();
      }
      if (differed) break;
    }
    if (!differed) missed.push(name);
  }
  return missed;
}
