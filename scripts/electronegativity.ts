/**
 * Electron security scan: Electronegativity over electron/ and renderer/, one finding per line,
 * exit 1 on any finding or when the scan did not really run.
 *
 *   node --import tsx scripts/electronegativity.ts
 *
 * The tool's runner is called directly, not through its CLI: the CLI requires a `commander` it does
 * not declare and breaks on whichever version the project hoists. The runner resolves whatever it
 * finds (and may crash afterwards on its offline release-feed lookup), so its SARIF file is the only
 * truth; a missing or unreadable SARIF is a failure. It also drops parse errors silently, so every
 * file is parsed here first with the tool's own parser: a file it cannot read would otherwise pass
 * unscanned.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';

const repo = join(import.meta.dirname, '..');
const scannedFolders = ['electron', 'renderer'];
// What the tool itself reads (its list_files), so the parse check covers exactly the scanned files.
const scannedExtensions = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const require = createRequire(import.meta.url);

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations?: {
    physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } };
  }[];
}

class ScanError extends Error {}

function locateTool(): {
  toolDir: string;
  toolVersion: string;
  Parser: new (babelFirst: boolean, tsBabelFirst: boolean) => ToolParser;
} {
  let packageJson: string;
  try {
    packageJson = require.resolve('@doyensec/electronegativity/package.json');
  } catch {
    throw new ScanError('@doyensec/electronegativity is not installed (devDependency): run `npm ci`.');
  }
  const toolDir = dirname(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const { Parser } = require(join(toolDir, 'dist', 'parser', 'index.js'));
  return { toolDir, toolVersion: version, Parser };
}

interface ToolParser {
  parse(file: string, content: Buffer): unknown;
}

function electronVersion(): string {
  try {
    return (require('electron/package.json') as { version: string }).version;
  } catch {
    throw new ScanError('electron is not installed (devDependency): run `npm ci`.');
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && scannedExtensions.has(extname(entry.name).toLowerCase()))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes('node_modules'));
}

function locationOf(result: SarifResult): string {
  const location = result.locations?.[0]?.physicalLocation;
  const uri = location?.artifactLocation?.uri;
  // Global checks (no CSP found, no navigation limits…) point at the whole app, not a file.
  if (!uri || uri === 'file:///') return '(whole app)';
  return `${uri}:${location?.region?.startLine ?? 1}`;
}

function scan(workspace: string): number {
  const { toolDir, toolVersion, Parser } = locateTool();
  const electron = electronVersion();

  // One run over both folders: the global checks (CSP, navigation limits, permission handler)
  // must see main and renderer together, and nothing else from the repository (out/, e2e/, …).
  const input = join(workspace, 'app');
  for (const folder of scannedFolders) {
    if (!existsSync(join(repo, folder))) throw new ScanError(`${folder}/ does not exist.`);
    cpSync(join(repo, folder), join(input, folder), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
  }

  const files = listFiles(input);
  const parser = new Parser(false, true);
  const unparsed = files.flatMap((file) => {
    try {
      parser.parse(file, readFileSync(file));
      return [];
    } catch (err) {
      return [`${relative(input, file)}: ${(err as Error).message}`];
    }
  });
  if (unparsed.length > 0) {
    throw new ScanError(`cannot parse, so these files would go unscanned:\n  ${unparsed.join('\n  ')}`);
  }

  const sarifFile = join(workspace, 'result.sarif');
  // AVAILABLE_SECURITY_FIXES compares with Electron's online release list, which an offline machine
  // cannot fetch; the pinned Electron version is reviewed by hand before each release (README).
  const options = {
    input,
    output: sarifFile,
    isSarif: true,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: true,
    electronVersionOverride: electron,
    parserPlugins: [],
  };
  // The same two steps as the tool's CLI: load its messages (the global `__`), then run the scan.
  const runner = `
    const dist = ${JSON.stringify(join(toolDir, 'dist'))};
    const load = (file) => { const m = require(dist + file); return m.default ?? m; };
    // Its online translation lookup fails here (no network) and throws later from a got timer.
    process.on('uncaughtException', (error) => {
      if (String(error && error.stack).includes('/node_modules/got/')) return;
      console.error(error && error.stack);
      process.exit(1);
    });
    (async () => {
      await load('/locales/i18n.js')();
      await load('/runner.js')(${JSON.stringify(options)}, false);
    })().catch((error) => { console.error(error && error.stack); process.exit(1); });
  `;
  const run = spawnSync(process.execPath, ['-e', runner], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 180_000,
  });
  let results: SarifResult[];
  try {
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: SarifResult[] }[] };
    const first = sarif.runs[0];
    if (!first || !Array.isArray(first.results)) throw new Error('no run in the SARIF file');
    results = first.results;
  } catch (err) {
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new ScanError(
      `the scan did not produce a readable SARIF file (${(err as Error).message}).` +
        `${run.error ? `\n${run.error.message}` : ''}\n--- tool output (last lines) ---\n${output}`,
    );
  }

  for (const result of results) {
    console.log(`${result.ruleId} [${result.level}] ${locationOf(result)} — ${result.message.text}`);
  }
  console.log(
    `electronegativity ${toolVersion} (Electron ${electron}): ${results.length} finding(s) in ` +
      `${files.length} files of ${scannedFolders.map((f) => `${f}/`).join(' and ')}`,
  );
  return results.length === 0 ? 0 : 1;
}

const workspace = mkdtempSync(join(tmpdir(), 'kasane-electronegativity-'));
try {
  process.exitCode = scan(workspace);
} catch (err) {
  if (!(err instanceof ScanError)) throw err;
  console.error(`electronegativity: ${err.message}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
