/**
 * `npm run soak`: the reliability suite's long versions (the CI runs the short ones under vitest).
 * Prints one summary and exits non-zero if anything committed was lost unnamed, any restart raised a
 * false alarm, or any IPC call answered INTERNAL, leaked internals or went above its level.
 *
 *   KASANE_SOAK_KILLS (default 500) · KASANE_SOAK_FUZZ (cases per vault state, default 5000)
 *   KASANE_TEST_SEED (repeat a run; otherwise a fresh seed, printed first). Then the largest ledger
 *   the import accepts, its peak memory measured.
 */
import { freshTestSeed, testSeed } from '../electron/services/testing/test-seed.js';
import { importMemoryBudgetMb, largestLedger, measureImportMemory } from './reliability/import-memory.js';
import { runIpcFuzz, vaultStates } from './reliability/ipc-fuzz.js';
import { runKillSuite } from './reliability/kill-suite.js';

const kills = Number(process.env.KASANE_SOAK_KILLS ?? 500);
const fuzzPerState = Number(process.env.KASANE_SOAK_FUZZ ?? 5000);
// Printed first, so that even a run cut off can be repeated.
const seed = process.env.KASANE_TEST_SEED?.trim() ? testSeed() : freshTestSeed();
const log = (line: string) => console.log(`  ${line}`);

const started = Date.now();
console.log(`seed ${seed} (repeat: KASANE_TEST_SEED=${seed} npm run soak)`);
console.log(`kill -9 during writes: ${kills} kills`);
const kill = await runKillSuite({ kills, log, seed });
console.log(`IPC fuzz: ${fuzzPerState} cases in each of ${vaultStates.length} vault states`);
const fuzz = await runIpcFuzz({ casesPerState: fuzzPerState, log, seed });
const rows = largestLedger.households * (2 + 4 * largestLedger.perHousehold - 2);
console.log(
  `import memory: the largest accepted ledger (${rows.toLocaleString('en')} rows) through kasane import`,
);
const memory = await measureImportMemory(largestLedger);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

const failures = [
  ...kill.errors,
  ...kill.lost.map((id) => `lost committed household ${id}`),
  ...kill.viewsLost.map((id) => `lost the 閲覧 record of household ${id}`),
  ...(kill.recordsLost > 0 ? [`${kill.recordsLost} restart(s) found the database behind its anchor`] : []),
  ...(kill.auditOk ? [] : ['the audit chain does not verify']),
  ...(kill.integrity === 'ok' ? [] : [`integrity_check: ${kill.integrity}`]),
  ...fuzz.internal.map((c) => `INTERNAL: ${c}`),
  ...fuzz.stacks.map((c) => `leak: ${c}`),
  ...fuzz.aboveLevel.map((c) => `above level: ${c}`),
  ...(memory.code === 0 ? [] : [`import exited ${memory.code}: ${memory.stderr}`]),
  ...(memory.peakMb < importMemoryBudgetMb
    ? []
    : [`import peaked at ${memory.peakMb} MB (budget ${importMemoryBudgetMb} MB)`]),
];
console.log(`
soak summary (${minutes} min; seed ${seed}: KASANE_TEST_SEED=${seed} npm run soak repeats it)
  kills:            ${kill.kills}
  committed:        ${kill.committed}
  lost rows:        ${kill.lost.length}
  views / lost:     ${kill.viewed} / ${kill.viewsLost.length}
  false alarms:     ${kill.recordsLost}
  audit events:     ${kill.auditEvents} (${kill.auditOk ? 'chain verifies' : 'CHAIN BROKEN'}), integrity_check ${kill.integrity}
  fuzz cases:       ${fuzz.cases} (${fuzz.succeeded} succeeded; ${Object.entries(fuzz.codes)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')})
  internal errors:  ${fuzz.internal.length}
  leaks:            ${fuzz.stacks.length}
  above level:      ${fuzz.aboveLevel.length}
  import memory:    ${memory.peakMb} MB peak for ${rows.toLocaleString('en')} rows (budget ${importMemoryBudgetMb} MB)
${failures.length === 0 ? 'soak: ok' : `soak: FAILED\n${failures.map((f) => `  - ${f}`).join('\n')}`}`);
process.exitCode = failures.length === 0 ? 0 : 1;
