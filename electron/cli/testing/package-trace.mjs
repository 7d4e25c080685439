// `node --import ./package-trace.mjs …` prints, at exit, every npm package the process imported or
// required, every project module in the CLI's chunks it loaded, and Node's built-in modules: CLI tests use it to see that a
// command loads only what it needs. Packages and modules bundled into the CLI's chunks
// (electron/cli/bundle.mjs) count when their chunk loads: esbuild marks each bundled file with a
// `// node_modules/<package>/…` or `// electron/…` comment.
import { readFileSync } from 'node:fs';
import { isBuiltin, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const packages = new Set();
const modules = new Set();
registerHooks({
  resolve(specifier, context, next) {
    if (!/^(\.|\/|file:|data:)/.test(specifier) && !isBuiltin(specifier) && !specifier.includes(':\\')) {
      const parts = specifier.split('/');
      packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
    const resolved = next(specifier, context);
    if (/\/kasane-cli\/build-[^/]+\/[^/]+\.m?js$/.test(resolved.url ?? '')) {
      const code = readFileSync(fileURLToPath(resolved.url), 'utf8');
      for (const m of code.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm))
        if (m[1]) packages.add(m[1]);
      for (const m of code.matchAll(/^\/\/ ((?:electron|db)\/\S+\.ts)$/gm)) if (m[1]) modules.add(m[1]);
    }
    return resolved;
  },
});
process.on('exit', () => {
  // Node's own modules the process loaded (its internals left out).
  const builtins = process.moduleLoadList
    .filter((m) => m.startsWith('NativeModule ') && !m.startsWith('NativeModule internal/'))
    .map((m) => m.slice('NativeModule '.length));
  process.stderr.write(
    `\npackages loaded: ${[...packages].sort().join(' ')}\nmodules loaded: ${[...modules].sort().join(' ')}\nbuiltins loaded: ${builtins.sort().join(' ')}\n`,
  );
});
