import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { officeDate } from '../domain/office-day.js';
import type { OfficeSettings } from '../ipc/contract.js';
import { type AuditInput, appendAuditEvent } from './audit.js';
import type { DocumentGate } from './document-gate.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { Platform } from './platform.js';
import type { VaultSession } from './vault-session.js';

/**
 * What a service function gets besides its input: built once per call (by the dispatcher, the CLI or
 * a test) so every function reads the same "now" and writes to the same transaction.
 */
export interface Context {
  db: Kysely<Database>;
  user: { id: string; name: string };
  /** The moment of the call; `today` is its date in the office (Japan time). */
  now: Date;
  today: string;
  settings(): Promise<OfficeSettings>;
  /** Runs `work` in one transaction; the context it receives writes (and audits) inside it. */
  transaction<T>(work: (tx: Context) => Promise<T>): Promise<T>;
  /** Appends an audit event by this user at this moment (rule 10), inside the current transaction. */
  audit(event: Omit<AuditInput, 'userId'>): Promise<void>;
}

export function createContext(parts: {
  db: Kysely<Database>;
  user: { id: string; name: string };
  now: Date;
}): Context {
  const { db, user, now } = parts;
  return {
    db,
    user,
    now,
    today: officeDate(now),
    // Imported when first asked for: a command that never reads the settings builds none of their schemas.
    settings: async () => (await import('./office-settings.js')).getOfficeSettings(db),
    transaction: (work) =>
      db.isTransaction
        ? work(createContext(parts))
        : db.transaction().execute((trx) => work(createContext({ ...parts, db: trx }))),
    audit: (event) => appendAuditEvent(db, { ...event, userId: user.id }, now),
  };
}

/** The running app's long-lived parts: the vault session, the desktop, the 159条 gate's previews. */
export interface App {
  session: VaultSession;
  platform: Platform;
  gate: DocumentGate;
  /** Heavy work off the main thread (import, several documents); absent where nobody waits on a window. */
  jobs?: JobRunner;
}

/** What a public channel (before unlock) gets: the app and the moment of the call. */
export type PublicContext = App & { now: Date; today: string };

/** What a channel behind the lock gets: the app plus the signed-in user's context. */
export type SignedInContext = App & Context;

export function publicContext(app: App): PublicContext {
  const now = app.session.now();
  return { ...app, now, today: officeDate(now) };
}

export function signedInContext(app: App): SignedInContext {
  const { store, user } = app.session.signedIn();
  return { ...app, ...createContext({ db: store.db, user, now: app.session.now() }) };
}
