import { z } from 'zod';
import { type Channel, channels } from '../ipc/channels.js';
import { contract, type IpcResult } from '../ipc/contract.js';
import { type App, publicContext, signedInContext } from './context.js';
import { errorMessages, KasaneError } from './errors.js';
import { handlers } from './handlers.js';
import type { Access } from './vault-session.js';

const rank: Record<Access, number> = { public: 0, unlocked: 1, acknowledged: 2 };

export function isChannel(name: string): name is Channel {
  return (channels as readonly string[]).includes(name);
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * The one path every request takes, whether it came over Electron IPC or the test harness:
 * parse with the contract's schema, check what the session allows, build the call's context once,
 * run the channel's function from the handler table, turn errors into values.
 */
export async function dispatch(
  app: App,
  channel: string,
  rawInput: unknown,
  log: (line: string) => void = () => {},
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) return { ok: false, code: 'VALIDATION', message: '不明な操作です。' };
  const spec = contract[channel];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      code: 'VALIDATION',
      message: errorMessages.VALIDATION,
      fieldErrors: fieldErrors(parsed.error),
    };
  }
  try {
    const have = await app.session.access();
    if (rank[have] < rank[spec.access]) {
      const code = have === 'public' ? 'LOCKED' : 'NEEDS_ACKNOWLEDGEMENT';
      return { ok: false, code, message: errorMessages[code] };
    }
    const ctx = spec.access === 'public' ? publicContext(app) : signedInContext(app);
    const handler = handlers[channel] as (ctx: unknown, input: unknown) => Promise<unknown> | unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (err) {
    if (err instanceof KasaneError) {
      // A refusal about one field (details.field) is shown next to it.
      const field = typeof err.details?.field === 'string' ? err.details.field : null;
      return {
        ok: false,
        code: err.code,
        message: err.message,
        ...(err.details ? { details: err.details } : {}),
        ...(field ? { fieldErrors: { [field]: err.message } } : {}),
      };
    }
    if (err instanceof z.ZodError) {
      return {
        ok: false,
        code: 'VALIDATION',
        message: errorMessages.VALIDATION,
        fieldErrors: fieldErrors(err),
      };
    }
    // The log gets the error class and channel only: messages may quote personal data.
    log(`internal error on ${channel}: ${(err as Error)?.name ?? 'unknown'}`);
    return { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL };
  }
}
