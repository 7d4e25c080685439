import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers (README's layout table) are Biome `noRestrictedImports` overrides in biome.json.
 * This copies the real biome.json into a temporary folder laid out like the project, plants one
 * import per file, and lints it: every wrong import must be refused and every right one let through,
 * so a rule that stops matching (a moved folder, a changed pattern, a Biome upgrade) turns this red.
 */

const root = join(import.meta.dirname, '..');
const biome = join(root, 'node_modules', '.bin', 'biome');
const layerRules = new Set(['lint/style/noRestrictedImports', 'lint/correctness/noNodejsModules']);

interface Plant {
  file: string;
  from: string;
}

const wrong: Plant[] = [
  // renderer → only electron/ipc and electron/domain
  { file: 'renderer/src/planted/NodePrefixed.tsx', from: 'node:fs' },
  { file: 'renderer/src/planted/NodeBare.tsx', from: 'fs' },
  { file: 'renderer/src/planted/Services.tsx', from: '../../../electron/services/households.js' },
  { file: 'renderer/src/planted/Main.tsx', from: '../../../electron/main/index.js' },
  { file: 'renderer/src/planted/Preload.tsx', from: '../../../electron/preload/index.js' },
  { file: 'renderer/src/planted/Db.tsx', from: '../../../db/schema.js' },
  { file: 'renderer/src/planted/Electron.tsx', from: 'electron' },
  // services, ipc, domain, cli, db → never electron
  { file: 'electron/services/planted.ts', from: 'electron' },
  { file: 'electron/services/import/planted.ts', from: 'electron/main' },
  { file: 'electron/ipc/planted.ts', from: 'electron' },
  { file: 'electron/cli/planted.ts', from: 'electron' },
  { file: 'electron/domain/planted-electron.ts', from: 'electron' },
  { file: 'db/planted-electron.ts', from: 'electron' },
  // the contract → only zod, electron/domain and itself; services and the CLI → not the Electron shell
  { file: 'electron/ipc/schemas/planted-services.ts', from: '../../services/households.js' },
  { file: 'electron/ipc/planted-db.ts', from: '../../db/schema.js' },
  { file: 'electron/ipc/planted-node.ts', from: 'node:fs' },
  { file: 'electron/services/planted-main.ts', from: '../main/index.js' },
  { file: 'electron/services/import/planted-main.ts', from: '../../main/window.js' },
  { file: 'electron/cli/planted-main.ts', from: '../main/index.js' },
  { file: 'electron/services/planted-renderer.ts', from: '../../renderer/src/api.js' },
  // db → nothing under electron/ (its tests: only the test helpers)
  { file: 'db/planted-domain.ts', from: '../electron/domain/dates.js' },
  { file: 'db/migrations/planted-services.ts', from: '../../electron/services/households.js' },
  { file: 'db/planted-helper.ts', from: '../electron/services/testing/temp-data-dir.js' },
  { file: 'db/planted-service.test.ts', from: '../electron/services/households.js' },
  // electron/domain → only zod
  { file: 'electron/domain/planted-kysely.ts', from: 'kysely' },
  { file: 'electron/domain/planted-node.ts', from: 'node:path' },
  { file: 'electron/domain/planted-services.ts', from: '../services/households.js' },
  { file: 'electron/domain/planted-db.ts', from: '../../db/schema.js' },
  { file: 'electron/domain/planted-resource.ts', from: '../../resources/search/kanji-variants.json' },
  { file: 'electron/domain/planted-kysely.test.ts', from: 'kysely' },
];

const right: Plant[] = [
  { file: 'renderer/src/planted/Contract.tsx', from: '../../../electron/ipc/contract.js' },
  { file: 'renderer/src/planted/Domain.tsx', from: '../../../electron/domain/dates.js' },
  { file: 'renderer/src/planted/React.tsx', from: 'react' },
  { file: 'renderer/src/planted/Sibling.tsx', from: '../ui/Button' },
  { file: 'electron/services/planted-db.ts', from: '../../db/schema.js' },
  { file: 'electron/services/planted-domain.ts', from: '../domain/dates.js' },
  { file: 'electron/ipc/planted-zod.ts', from: 'zod' },
  { file: 'electron/ipc/planted-channels.ts', from: './channels.js' },
  { file: 'electron/ipc/planted-schemas.ts', from: './schemas/common.js' },
  { file: 'electron/ipc/planted-domain.ts', from: '../domain/dates.js' },
  { file: 'electron/ipc/schemas/planted-sibling.ts', from: './common.js' },
  { file: 'electron/ipc/schemas/planted-domain.ts', from: '../../domain/dates.js' },
  { file: 'electron/cli/planted-services.ts', from: '../services/vault.js' },
  { file: 'electron/main/planted.ts', from: 'electron' },
  { file: 'electron/domain/planted-zod.ts', from: 'zod' },
  { file: 'electron/domain/planted-sibling.ts', from: './dates.js' },
  { file: 'electron/domain/planted-vitest.test.ts', from: 'vitest' },
  { file: 'db/planted-kysely.ts', from: 'kysely' },
  { file: 'db/planted-sibling.ts', from: './schema.js' },
  { file: 'db/planted-helper.test.ts', from: '../electron/services/testing/temp-data-dir.js' },
];

async function plant(dir: string, plants: readonly Plant[]): Promise<void> {
  const config = await readFile(join(root, 'biome.json'), 'utf8');
  await writeFile(join(dir, 'biome.json'), config);
  for (const p of plants) {
    await mkdir(join(dir, dirname(p.file)), { recursive: true });
    await writeFile(join(dir, p.file), `import planted from '${p.from}';\n\nexport const used = planted;\n`);
  }
}

interface Diagnostic {
  category: string;
  location: { path: string };
}

async function lint(dir: string): Promise<{ exitCode: number; layerErrors: Map<string, number> }> {
  const run = promisify(execFile);
  const result = await run(biome, ['lint', '--reporter=json', '.'], { cwd: dir }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
  const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
  const layerErrors = new Map<string, number>();
  for (const d of report.diagnostics) {
    if (!layerRules.has(d.category)) continue;
    const path = d.location.path.replaceAll('\\', '/');
    layerErrors.set(path, (layerErrors.get(path) ?? 0) + 1);
  }
  return { exitCode: result.code, layerErrors };
}

describe('層の決まり（biome.json の noRestrictedImports）', () => {
  let wrongDir: string;
  let rightDir: string;
  let wrongRun: Awaited<ReturnType<typeof lint>>;
  let rightRun: Awaited<ReturnType<typeof lint>>;

  beforeAll(async () => {
    wrongDir = await mkdtemp(join(tmpdir(), 'kasane-layers-wrong-'));
    rightDir = await mkdtemp(join(tmpdir(), 'kasane-layers-right-'));
    await plant(wrongDir, [...wrong, ...right]);
    await plant(rightDir, right);
    [wrongRun, rightRun] = await Promise.all([lint(wrongDir), lint(rightDir)]);
  });
  afterAll(async () => {
    await rm(wrongDir, { recursive: true, force: true });
    await rm(rightDir, { recursive: true, force: true });
  });

  it('誤った読み込みが一つでもあれば biome lint は失敗する', () => {
    expect(wrongRun.exitCode).not.toBe(0);
  });

  it.each(wrong)('$file が $from を読み込むと拒まれる', ({ file }) => {
    expect(wrongRun.layerErrors.get(file)).toBeGreaterThanOrEqual(1);
  });

  it.each(right)('$file が $from を読み込むのは通る', ({ file }) => {
    expect(wrongRun.layerErrors.get(file)).toBeUndefined();
  });

  it('正しい読み込みだけなら biome lint は通る', () => {
    expect([...rightRun.layerErrors]).toEqual([]);
    expect(rightRun.exitCode).toBe(0);
  });
});
