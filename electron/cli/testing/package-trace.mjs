// `node --import ./package-trace.mjs …` prints, at exit, every npm package the process imported or
// required: CLI tests use it to see that a command loads only what it needs.
import { isBuiltin, registerHooks } from 'node:module';

const packages = new Set();
registerHooks({
  resolve(specifier, context, next) {
    if (!/^(\.|\/|file:|data:)/.test(specifier) && !isBuiltin(specifier) && !specifier.includes(':\\')) {
      const parts = specifier.split('/');
      packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
    return next(specifier, context);
  },
});
process.on('exit', () => process.stderr.write(`\npackages loaded: ${[...packages].sort().join(' ')}\n`));
