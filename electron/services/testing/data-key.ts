import { dataDirPaths } from '../data-dir.js';
import { openAnyKeyslot, readKeyslots } from '../keyslots.js';

/** The data key of the data directory `dir`, from its passphrase keyslots (throws when none opens). */
export async function dataKeyOf(dir: string, passphrase: string): Promise<Buffer> {
  const keyslots = await readKeyslots(dataDirPaths(dir).keyslots);
  const opened = await openAnyKeyslot(
    keyslots.slots.filter((s) => s.kind === 'passphrase'),
    passphrase,
  );
  if (!opened) throw new Error('the test passphrase does not open the vault');
  return opened.dataKey;
}
