import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { type Context, createContext } from '../context.js';

/** The context a handler would get: this user, at this moment (tests pin the moment). */
export function serviceCtx(db: Kysely<Database>, userId: string, now: Date): Context {
  return createContext({ db, user: { id: userId, name: '相談 花子' }, now });
}

/** A reader's context on one office day (noon in Japan), for lists and statistics. */
export function dayCtx(db: Kysely<Database>, today: string): Context {
  return serviceCtx(db, '', new Date(`${today}T03:00:00Z`));
}
