// Plain JavaScript: this runs before anything could transpile TypeScript.
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Size and modification time of every input: a cheap fingerprint that any edit changes. */
async function fingerprint(root, inputs) {
  const parts = await Promise.all(
    inputs.map((input) =>
      stat(join(root, input)).then(
        (s) => `${input}:${s.size}:${s.mtimeMs}`,
        () => `${input}:missing`,
      ),
    ),
  );
  return parts.join('\n');
}

/**
 * The path of `entry` bundled by esbuild (node_modules stay external, dynamic imports stay lazy as
 * chunks), rebuilt only when a file it was built from has changed since. Each build has its own
 * folder, so a command still running from an older build keeps loading its own chunks.
 */
export async function bundledEntry({ root, entry, cacheDir }) {
  const latestFile = join(cacheDir, 'latest.json');
  const latest = await readFile(latestFile, 'utf8').then(JSON.parse, () => null);
  if (latest && (await fingerprint(root, latest.inputs)) === latest.fingerprint) {
    const path = join(cacheDir, latest.dir, 'entry.js');
    if (
      await stat(path).then(
        () => true,
        () => false,
      )
    )
      return path;
  }

  const { build } = await import('esbuild');
  // A file saved while esbuild was reading may be missing from that build: then build again.
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    const dir = `build-${started}-${process.pid}`;
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      entryNames: 'entry',
      outdir: join(cacheDir, dir),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      packages: 'external',
      metafile: true,
      logLevel: 'error',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const built = await Promise.all(inputs.map((input) => stat(join(root, input))));
    const settled = built.every((s) => s.mtimeMs < started);
    if (settled) {
      const temp = `${latestFile}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ dir, inputs, fingerprint: await fingerprint(root, inputs) }));
      await rename(temp, latestFile);
      await removeOldBuilds(cacheDir, dir, started);
    }
    if (settled || attempt === 3) return join(cacheDir, dir, 'entry.js');
  }
}

/** Builds older than a day, other than the newest, cannot still be in use by a running command. */
async function removeOldBuilds(cacheDir, keep, now) {
  for (const name of await readdir(cacheDir)) {
    const at = Number(name.match(/^build-(\d+)-/)?.[1]);
    if (name !== keep && at && now - at > 24 * 60 * 60 * 1000) {
      await rm(join(cacheDir, name), { recursive: true, force: true });
    }
  }
}
