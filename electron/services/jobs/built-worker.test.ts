import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../context.js';
import { dispatch } from '../dispatch.js';
import { systemDrawingFonts } from '../drawings/raster.js';
import { createApp } from '../handlers.js';
import { fileOf, largeLedger } from '../import/fixtures.js';
import { folderPlatform } from '../platform.js';
import { runningOfficeClock } from '../testing/office-clock.js';
import { fastKdf, tempDataDir } from '../testing/temp-data-dir.js';
import { VaultSession } from '../vault-session.js';
import type { JobRunner } from './job-runner.js';

// What the packaged app starts: electron-vite builds it beside out/main/index.js (npm test builds first).
const built = resolve('out/main/job-worker.js');

let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;
let app: App;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  session = new VaultSession({
    dataDir: join(dir, 'vault'),
    via: 'app',
    kdf: fastKdf,
    clock: runningOfficeClock(),
  });
  app = createApp(session, folderPlatform(join(dir, 'downloads')), { url: pathToFileURL(built) });
  await session.setup({ userName: '花子', passphrase: 'correct horse battery' });
  await dispatch(app, 'acknowledgement.acknowledge', { textVersion: '2025-06-01' });
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

describe('ビルドしたワーカー（out/main/job-worker.js）', () => {
  it('ビルドに含まれ、TypeScript なしで取り込みを実行できる', async () => {
    expect(existsSync(built), `${built} がありません。先に npm run build を実行してください`).toBe(true);
    const ledger = fileOf('台帳.xlsx', await largeLedger(20));
    const result = await dispatch(app, 'imports.run', { files: [ledger] });
    expect(result).toMatchObject({ ok: true, value: { ok: true, counts: { households: 20 } } });
  }, 120_000);

  it('別添資料の図の PNG を作れる（resvg をワーカーで読み込める）', async () => {
    expect(existsSync(built), `${built} がありません。先に npm run build を実行してください`).toBe(true);
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="20" height="10"/></svg>';
    const { pngs } = await (app.jobs as JobRunner).run(
      { kind: 'drawings', drawings: [{ svg, widthPx: 80 }], fonts: systemDrawingFonts() },
      { now: session.now(), user: session.signedIn().user },
    );
    expect(pngs).toHaveLength(1);
    expect(
      Buffer.from(pngs[0] ?? [])
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
  }, 120_000);
});
