// The package's "exports" map hides its own index.d.ts from TypeScript; point the compiler at it.
import Database = require('../../node_modules/better-sqlite3-multiple-ciphers/index');
export = Database;
