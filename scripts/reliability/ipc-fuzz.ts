import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { type Channel, channels } from '../../electron/ipc/channels.js';
import { contract } from '../../electron/ipc/contract.js';
import { setAgencyRetired } from '../../electron/services/agencies.js';
import type { App } from '../../electron/services/context.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { createApp } from '../../electron/services/handlers.js';
import { folderPlatform } from '../../electron/services/platform.js';
import { householdForMeetings } from '../../electron/services/testing/meeting-fixture.js';
import { serviceCtx } from '../../electron/services/testing/service-context.js';
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { testSeed } from '../../electron/services/testing/test-seed.js';
import { VaultSession } from '../../electron/services/vault-session.js';

/**
 * Property-based fuzz of every IPC channel in every vault state, through the same dispatch the
 * window and the harness use. Inputs are generated from each channel's own zod schema (right
 * shapes with hostile or stray values, and ids that exist), mixed with arbitrary values. Every
 * answer must be a designed one: never INTERNAL, never a stack trace or a path, and nothing above
 * the level the state allows.
 */

export const vaultStates = [
  'uninitialized',
  'locked',
  'recovery',
  'unlocked',
  'acknowledged',
  'recordsLost',
] as const;
export type VaultState = (typeof vaultStates)[number];
const stateAccess: Record<VaultState, 'public' | 'unlocked' | 'acknowledged'> = {
  uninitialized: 'public',
  locked: 'public',
  recovery: 'public',
  unlocked: 'unlocked',
  acknowledged: 'acknowledged',
  recordsLost: 'public',
};
const rank = { public: 0, unlocked: 1, acknowledged: 2 } as const;

export interface FuzzReport {
  seed: number;
  cases: number;
  perState: Record<VaultState, number>;
  /** Calls that answered INTERNAL (or threw out of dispatch), with channel and state. */
  internal: string[];
  /** Answers that carried a stack trace or a file path. */
  stacks: string[];
  /** Calls that succeeded although the state does not allow the channel. */
  aboveLevel: string[];
  /** Calls that succeeded (inputs that got past validation and did something). */
  succeeded: number;
  /** Answers by code, to see how deep the inputs reach (VALIDATION only = too shallow). */
  codes: Record<string, number>;
}

const passphrase = 'fuzz passphrase 2026';
const hostileText = fc.constantFrom(
  '',
  ' ',
  '<&>"\'',
  '\u0000\u0007\u001b[31m',
  '𠮷田 髙橋 﨑山',
  '🙂👨‍👩‍👧',
  '\ud800',
  'x'.repeat(5000),
  '../../../etc/passwd',
  '%E0%A4%A',
  '=HYPERLINK("http://x")',
  '2026-13-45',
  '令和8年11月30日',
  'null',
  '__proto__',
);
const hostileNumber = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(
    0,
    -1,
    2 ** 31,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -0,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  valueType?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Values shaped by the schema: mostly plausible, sometimes hostile, ids drawn from real rows. */
function fromSchema(schema: z.ZodType, ids: string[], depth = 0, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const stray = fc.oneof(hostileText, hostileNumber, fc.constant(null), fc.boolean(), fc.constant([]));
  const plausible = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'object': {
        const fields = Object.fromEntries(
          Object.entries(def.shape ?? {}).map(([name, field]) => [
            name,
            fromSchema(field, ids, depth + 1, name),
          ]),
        );
        // Every key present (a missing one is the stray case); optional fields may still be undefined.
        return fc.record(fields);
      }
      case 'string': {
        const format = (schema as unknown as { format?: string }).format;
        const id = ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid({ version: 4 });
        if (format === 'uuid' || /Id$|^id$/.test(key))
          return fc.oneof(id, id, fc.uuid({ version: 4 }), hostileText);
        // The field's name says what a plausible value is: dates, times, numbers the office types.
        if (/On$|^date$|At$/.test(key))
          return fc.oneof(
            fc.constantFrom('2026-11-24', '2026-04-10', '2026-05-01', '2030-01-01', '1899-12-31'),
            hostileText,
          );
        if (/Time$/.test(key))
          return fc.oneof(fc.constantFrom('09:00', '14:00', '15:30', '25:61'), hostileText);
        if (/No$/.test(key))
          return fc.oneof(
            fc.integer({ min: 1, max: 99999 }).map((n) => `F-${n}`),
            hostileText,
          );
        return fc.oneof(
          fc.constantFrom(
            '2026-11-24',
            '2026-04-10',
            '1990-01-01',
            '14:00',
            'R8-001',
            '相談 花子',
            'consented',
          ),
          id,
          fc.string({ maxLength: 30 }),
          hostileText,
        );
      }
      case 'number':
      case 'int':
        if (/[Yy]ears?$|^fy$/.test(key)) return fc.oneof(fc.integer({ min: 2023, max: 2027 }), hostileNumber);
        return fc.oneof(fc.integer({ min: 1, max: 30 }), hostileNumber);
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
      case 'literal':
        return fc.constantFrom(...(def.values ?? [null]));
      case 'array':
        // 課題 must be registered tags: mostly none, sometimes an unknown one.
        if (key === 'issues') return fc.oneof(fc.constant([]), fc.constant(['未登録の課題']));
        return depth > 4
          ? fc.constant([])
          : fc.array(fromSchema(def.element as z.ZodType, ids, depth + 1), { maxLength: 4 });
      case 'optional':
        return fc.option(fromSchema(def.innerType as z.ZodType, ids, depth, key), { nil: undefined });
      case 'nullable':
        return fc.option(fromSchema(def.innerType as z.ZodType, ids, depth, key), { nil: null });
      case 'default':
      case 'catch':
      case 'readonly':
        return fromSchema(def.innerType as z.ZodType, ids, depth, key);
      case 'union':
        return fc.oneof(...(def.options ?? []).map((o) => fromSchema(o, ids, depth, key)));
      case 'pipe':
        return fromSchema(def.in as z.ZodType, ids, depth, key);
      case 'record':
        return fc.dictionary(
          fc.string({ maxLength: 8 }),
          fromSchema(def.valueType as z.ZodType, ids, depth + 1),
          {
            maxKeys: 3,
          },
        );
      default:
        return fc.anything({ maxDepth: 2 });
    }
  })();
  // Mostly right-shaped values (they reach the services), sometimes a stray one (validation).
  return fc.oneof({ weight: depth === 0 ? 12 : 40, arbitrary: plausible }, { weight: 1, arbitrary: stray });
}

/** A stack frame, a source path or a Node internal in an answer: a leak of internals. */
const leak =
  /\bat [^\s()]+ \(|\bat [^\s]+:\d+:\d+|node:internal|file:\/\/|\/(?:work|home|tmp|usr)\/|\\Users\\|\.ts:\d+/;

/** Vaults to copy for each state, made once. */
async function templates(root: string) {
  const vault = join(root, 'template-vault');
  const session = new VaultSession({ dataDir: vault, via: 'harness', kdf: fastKdf });
  const { recoveryCode } = await session.setup({ userName: '検証 花子', passphrase });
  const { store, user } = session.signedIn();
  const { agencies } = await householdForMeetings(store.db, user.id, { consentOn: '2026-05-01' });
  const retired = agencies[2];
  if (retired)
    await setAgencyRetired(serviceCtx(store.db, user.id, new Date()), { id: retired.id, retired: true });
  const ids: string[] = [];
  for (const table of [
    'households',
    'members',
    'agencies',
    'consents',
    'users',
    'meetings',
    'progress_notes',
  ])
    ids.push(
      ...(store.sqlite.prepare(`SELECT id FROM ${table} LIMIT 20`).pluck().all() as string[]).filter(
        (id) => typeof id === 'string',
      ),
    );
  await session.close();
  // A vault whose database is behind its anchor: an older kasane.db put back.
  const lost = join(root, 'template-lost');
  await cp(vault, lost, { recursive: true });
  const older = join(root, 'older.db');
  await copyFile(join(lost, 'kasane.db'), older);
  const later = new VaultSession({ dataDir: lost, via: 'harness' });
  await later.unlock({ passphrase });
  await later.close();
  await copyFile(older, join(lost, 'kasane.db'));
  return { vault, lost, recoveryCode, ids };
}

export async function runIpcFuzz(options: {
  casesPerState: number;
  seed?: number;
  log?: (line: string) => void;
}): Promise<FuzzReport> {
  const seed = options.seed ?? testSeed();
  const root = await mkdtemp(join(tmpdir(), 'kasane-fuzz-'));
  const report: FuzzReport = {
    seed,
    cases: 0,
    perState: Object.fromEntries(vaultStates.map((s) => [s, 0])) as Record<VaultState, number>,
    internal: [],
    stacks: [],
    aboveLevel: [],
    succeeded: 0,
    codes: {},
  };
  try {
    const made = await templates(root);
    let now = new Date('2026-11-24T01:00:00Z');
    let session: VaultSession | null = null;
    let app: App | null = null;
    let work = 0;
    const downloads = join(root, 'downloads');

    async function fresh(from: string | null): Promise<VaultSession> {
      await session?.close();
      work += 1;
      const dir = join(root, `work-${work}`);
      if (from) await cp(from, dir, { recursive: true });
      session = new VaultSession({ dataDir: dir, via: 'harness', kdf: fastKdf, clock: () => now });
      app = createApp(session, folderPlatform(downloads));
      return session;
    }

    /** Brings the session into `state`, from wherever the previous call left it. */
    async function enter(state: VaultState): Promise<void> {
      if (session) {
        const status = await session.status();
        const access = await session.access();
        const here =
          status.state === 'unlocked'
            ? access === 'acknowledged'
              ? 'acknowledged'
              : 'unlocked'
            : status.state;
        if (here === state) return;
      }
      if (state === 'uninitialized') {
        await fresh(null);
        return;
      }
      if (state === 'recordsLost') {
        const s = await fresh(made.lost);
        await s.unlock({ passphrase });
        return;
      }
      const s = await fresh(made.vault);
      if (state === 'locked') return;
      if (state === 'recovery') {
        await s.unlockWithRecoveryCode({ recoveryCode: made.recoveryCode });
        return;
      }
      // A new office day: today's 159条 acknowledgement is due again.
      now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
      const status = await s.unlock({ passphrase });
      if (state === 'acknowledged' && status.needsAcknowledgement) {
        const { confidentialityWarning } = await import('../../electron/services/legal.js');
        const { officeDate } = await import('../../electron/domain/office-day.js');
        await s.acknowledge(confidentialityWarning(officeDate(now)).version);
      }
    }

    const channelInput = (channel: Channel) =>
      fc.oneof(
        { weight: 12, arbitrary: fromSchema(contract[channel].input as z.ZodType, made.ids) },
        { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
      );
    const call = fc
      .constantFrom(...channels)
      .chain((channel) => channelInput(channel).map((input) => ({ channel, input })));

    for (const state of vaultStates) {
      const samples = fc.sample(call, {
        numRuns: options.casesPerState,
        seed: seed + vaultStates.indexOf(state),
      });
      for (const { channel, input } of samples) {
        await enter(state);
        const current = app as unknown as App;
        const where = `${state} ${channel}`;
        let answer: Awaited<ReturnType<typeof dispatch>>;
        try {
          answer = await dispatch(current, channel, input);
        } catch (err) {
          report.internal.push(`${where}: dispatch threw ${(err as Error)?.name}`);
          continue;
        } finally {
          report.cases += 1;
          report.perState[state] += 1;
        }
        const text = JSON.stringify(answer) ?? '';
        const code = answer.ok ? 'ok' : answer.code;
        report.codes[code] = (report.codes[code] ?? 0) + 1;
        if (!answer.ok && answer.code === 'INTERNAL')
          report.internal.push(`${where}: ${JSON.stringify(input).slice(0, 200)}`);
        if (leak.test(text)) report.stacks.push(`${where}: ${text.slice(0, 200)}`);
        if (answer.ok) {
          report.succeeded += 1;
          if (rank[stateAccess[state]] < rank[contract[channel].access]) report.aboveLevel.push(where);
        }
      }
      options.log?.(`fuzz: ${state} done (${report.cases} cases so far)`);
    }
    await (session as VaultSession | null)?.close();
    return report;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
