import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { bundledEntry } from '../../electron/cli/bundle.mjs';

/**
 * Real processes for the reliability suite: each script is bundled once (as the CLI is), so a
 * process starts in a fraction of a second and the suite can afford hundreds of them.
 */

const root = resolve(import.meta.dirname, '../..');

export function bundled(entry: string): Promise<string> {
  const name = entry.replace(/[^a-z0-9]+/gi, '-');
  return bundledEntry({
    root,
    entry,
    cacheDir: join(root, 'node_modules', '.cache', 'kasane-reliability', name),
  });
}

/** The CLI as scripts call it (`electron/cli/kasane.mjs`, the bundle). */
export function kasane(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'electron/cli/kasane.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, KASANE_PASSPHRASE: '', KASANE_NEW_PASSPHRASE: '', KASANE_FAILPOINT: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** A bundled script as a child process, its stdout read line by line. */
export function start(
  entry: string,
  args: string[],
  env: Record<string, string>,
  onLine: (line: string, child: ChildProcess) => void,
): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: root,
    env: {
      ...process.env,
      // V8's compiled code is kept between runs: each of hundreds of processes starts faster.
      NODE_COMPILE_CACHE: join(root, 'node_modules', '.cache', 'kasane-reliability', 'compile-cache'),
      KASANE_FAILPOINT: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line, child);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) =>
    child.on('close', (code, signal) => {
      if (pending) onLine(pending, child);
      done({ code, signal, stderr });
    }),
  );
  return { child, exited };
}

/** A small seeded generator, so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
