import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { migrations } from '../../../db/migrations/index.js';
import { type OpenStore, openStore } from '../../../db/open.js';
import { tempDataDir } from './temp-data-dir.js';

export interface OlderStore {
  /** The file as that version left it: write the rows its schema allowed, then close it. */
  old: OpenStore;
  /** Opens the file as the app does, which runs every later migration. */
  upgrade: () => Promise<OpenStore>;
}

/**
 * For migration tests (call it in a describe block, or at the top of a file): each test gets a fresh
 * directory, and `storeAt(version)` makes an encrypted store there migrated only up to `version`.
 */
export function olderStores(): (version: number) => Promise<OlderStore> {
  let temp: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  beforeEach(async () => {
    temp = await tempDataDir();
  });
  afterEach(async () => temp?.cleanup());
  return async (version) => {
    if (!temp) throw new Error('olderStores(): storeAt runs only inside a test');
    const key = randomBytes(32);
    const path = join(temp.dir, 'kasane.db');
    const old = await openStore(path, key, {
      create: true,
      migrations: migrations.filter((m) => m.version <= version),
    });
    return { old, upgrade: () => openStore(path, key) };
  };
}
