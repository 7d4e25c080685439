import { type OfficeSettings, officeSettingsSchema } from '../../ipc/schemas/settings.js';
import { getOfficeSettings, saveOfficeSettings } from '../../services/office-settings.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, serviceContext, withCliVault } from '../open-vault.js';

export interface SettingsOptions {
  dataDir: string;
  json?: true;
  set?: string[];
}

/** Every setting as `key` or `group.key`, with its current value: what --set accepts. */
function flatten(settings: OfficeSettings): [string, string | number][] {
  return Object.entries(settings).flatMap(([key, value]) =>
    typeof value === 'object'
      ? Object.entries(value).map(
          ([inner, v]) => [`${key}.${inner}`, v as string | number] as [string, string | number],
        )
      : [[key, value] as [string, string | number]],
  );
}

/** Applies KEY=VALUE pairs to the settings; numbers stay numbers, so the schema checks them as the screen does. */
function applied(current: OfficeSettings, pairs: string[]): Record<string, unknown> {
  const known = new Map(flatten(current));
  const next: Record<string, unknown> = structuredClone(current);
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (!known.has(key))
      throw new CliError(
        exitCodes.usage,
        `${key ? `不明な項目です: ${key}` : `「項目=値」の形で指定してください: ${pair}`}\n使える項目: ${[...known.keys()].join(', ')}`,
      );
    const text = pair.slice(at + 1);
    const value = typeof known.get(key) === 'number' && text.trim() !== '' ? Number(text) : text;
    const [group, inner] = key.split('.');
    if (inner && group) (next[group] as Record<string, unknown>)[inner] = value;
    else next[key] = value;
  }
  return next;
}

/**
 * 事務所の設定 from a script: prints them, or changes them through the same schema and the same
 * service (and audit event) as the settings screen, so a new office can be set up unattended.
 */
export async function settingsCommand(opts: SettingsOptions): Promise<number> {
  const ctx = cliContext(opts.dataDir, undefined, { pageCheck: 'pagesRead' });
  return withCliVault(ctx, async (vault) => {
    const { db } = vault.store;
    let settings = await getOfficeSettings(db);
    if (opts.set && opts.set.length > 0) {
      const parsed = officeSettingsSchema.safeParse(applied(settings, opts.set));
      if (!parsed.success)
        throw new CliError(
          exitCodes.usage,
          parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
        );
      settings = await saveOfficeSettings(serviceContext(vault, ctx.clock()), parsed.data);
    }
    if (opts.json) process.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
    else for (const [key, value] of flatten(settings)) process.stdout.write(`${key}=${value}\n`);
    return exitCodes.ok;
  });
}
