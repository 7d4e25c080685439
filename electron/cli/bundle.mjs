// Plain JavaScript: this runs before anything could transpile TypeScript.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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

const inlined = /^(kysely|zod|commander|@commander-js\/extra-typings|canonicalize)(\/|$)/;

/** Every bare import (node: built-ins and packages) is external, except the inlined packages. */
const externalUnlessInlined = {
  name: 'external-unless-inlined',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      inlined.test(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * commander imports child_process (and with it net, dgram and streams) for executable subcommands,
 * which kasane has none of: its import becomes a stand-in that loads the module on first use.
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'kasane-lazy' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'kasane-lazy' }, () => ({
      contents:
        "import { createRequire } from 'node:module';\nconst load = () => createRequire(import.meta.url)('node:child_process');\nexport default new Proxy({}, { get: (_, key) => load()[key] });\n",
      loader: 'js',
    }));
  },
};

/** commander is CommonJS: its require() of Node's built-ins needs a real require in an ES module. */
const requireForBundledCommonJs =
  "import { createRequire as kasaneCreateRequire } from 'node:module'; const require = kasaneCreateRequire(import.meta.url);";

/**
 * The path of `entry` bundled by esbuild (most packages stay external, dynamic imports stay lazy as
 * chunks), rebuilt only when a file it was built from has changed since. Each build has its own
 * folder, so a command still running from an older build keeps loading its own chunks.
 */
export async function bundledEntry({ root, entry, cacheDir }) {
  const latestFile = join(cacheDir, 'latest.json');
  const latest = await readFile(latestFile, 'utf8').then(JSON.parse, () => null);
  if (latest && (await fingerprint(root, latest.inputs)) === latest.fingerprint) {
    const path = join(cacheDir, latest.dir, 'entry.mjs');
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
    const now = Date.now();
    const dir = `build-${now}-${process.pid}`;
    // When the build began by the disk's clock, which stamps the sources: this process's clock may
    // differ from it (a virtual machine, a shared folder), and then no build would ever count as settled.
    await mkdir(join(cacheDir, dir), { recursive: true });
    const started = (await stat(join(cacheDir, dir))).mtimeMs;
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      entryNames: 'entry',
      // .mjs, not .js: under node_modules no package.json says "type": "module", so Node would
      // parse every .js chunk twice to guess its format (about 40 ms of each command under load).
      outExtension: { '.js': '.mjs' },
      outdir: join(cacheDir, dir),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      // Pure-JavaScript packages every command loads go into the bundle: Node's ESM loader resolving
      // and linking kysely's and zod's hundreds of files cost most of a command's start-up. The
      // rest (the native store, exceljs, docx, …) stay external and load from node_modules.
      plugins: [lazyChildProcessForCommander, externalUnlessInlined],
      banner: { js: requireForBundledCommonJs },
      metafile: true,
      logLevel: 'error',
    });
    const sources = Object.keys(result.metafile.inputs).filter(
      (input) => !input.startsWith('node_modules/') && !input.startsWith('kasane-lazy:'),
    );
    // A package's files change with package-lock.json (fingerprinted instead of hundreds of files),
    // and how the bundle is made changes it too.
    const inputs = [...sources, 'package-lock.json', 'electron/cli/bundle.mjs'];
    const built = await Promise.all(sources.map((input) => stat(join(root, input))));
    const settled = built.every((s) => s.mtimeMs < started);
    if (settled) {
      const temp = `${latestFile}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ dir, inputs, fingerprint: await fingerprint(root, inputs) }));
      await rename(temp, latestFile);
      await removeOldBuilds(cacheDir, dir, now);
    }
    if (settled || attempt === 3) return join(cacheDir, dir, 'entry.mjs');
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
