// `npm run kasane -- <command>`. Runs the CLI from an esbuild bundle instead of transpiling every
// module with tsx at run time, which cost about a second of every command (see README, Admin CLI).
import { enableCompileCache } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledEntry } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = join(root, 'node_modules', '.cache', 'kasane-cli');
// V8's compiled code for the bundle and node_modules (kysely and zod are hundreds of small modules).
enableCompileCache(join(cacheDir, 'compile-cache'));
const entry = await bundledEntry({ root, entry: 'electron/cli/main.ts', cacheDir });
await import(pathToFileURL(entry).href);
