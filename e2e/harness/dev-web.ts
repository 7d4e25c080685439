import { resolve } from 'node:path';
import { startHarness } from './server.js';

/**
 * `npm run dev:web`: the real renderer and services in a browser on this machine, for trying the UI.
 * A development tool only — never shipped, and never for real case data.
 */
const dataDir = resolve(process.env.KASANE_DATA_DIR ?? '.tmp/dev-data');
const port = Number(process.env.KASANE_HARNESS_PORT ?? 0);
const harness = await startHarness({ dataDir, port });

process.stdout.write(
  [
    'かさね 開発用ブラウザ版（検証専用・実データを入れないでください）',
    `  URL:            ${harness.url}`,
    `  データフォルダ: ${dataDir}`,
    '  終了: Ctrl+C',
    '',
  ].join('\n'),
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await harness.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
