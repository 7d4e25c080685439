import { claimDataFolder } from '../data-folder-lock.js';

/**
 * A separate process that holds a data folder until its stdin closes (or it is killed): the
 * reliability tests' "the app is running" without Electron.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-data-folder.ts DATA_DIR');
const lock = await claimDataFolder(dataDir, 'app', { create: true });
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await lock.release();
  process.exit(0);
});
