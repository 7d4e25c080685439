import type { ChannelOutput, ParsedInput } from '../ipc/contract.js';
import type { PublicContext, SignedInContext } from './context.js';
import { KasaneError } from './errors.js';
import { confidentialityWarning } from './legal.js';
import { saveOfficeSettings } from './office-settings.js';
import { checkPassphrase } from './vault.js';
import { addUser, setPassphrase } from './vault-keyslot-changes.js';

/** The channels that act on the running vault session: unlock, lock, recovery, users, settings. */

export const vaultStatus = (ctx: PublicContext) => ctx.session.status();

export const setUpVault = (ctx: PublicContext, input: ParsedInput<'vault.setup'>) => ctx.session.setup(input);

export const unlock = (ctx: PublicContext, input: ParsedInput<'vault.unlock'>) => ctx.session.unlock(input);

/** After an unlock that found records missing since the last anchor: the person accepts the loss. */
export const acceptRecordsLoss = (ctx: PublicContext) => ctx.session.acceptRecordsLoss();

export const unlockWithRecoveryCode = (
  ctx: PublicContext,
  input: ParsedInput<'vault.unlockWithRecoveryCode'>,
) => ctx.session.unlockWithRecoveryCode(input);

export const completeRecovery = (ctx: PublicContext, input: ParsedInput<'vault.completeRecovery'>) =>
  ctx.session.completeRecovery(input);

export const lock = (ctx: PublicContext) => ctx.session.lock('user');

/** The 159条 warning in force today, as the acknowledgement screen shows it (rule 5). */
export function confidentialityWarningToday(
  ctx: PublicContext,
): ChannelOutput<'legal.confidentialityWarning'> {
  const { textId, version, effectiveFrom, title, body } = confidentialityWarning(ctx.today);
  return { textId, version, effectiveFrom, title, body };
}

/** The rule-6 banner text in force today. */
export function unconsentedBanner(ctx: PublicContext): ChannelOutput<'legal.unconsentedBanner'> {
  const { version, unconsentedBanner: text } = confidentialityWarning(ctx.today);
  return { version, text };
}

export const acknowledge = (ctx: SignedInContext, input: ParsedInput<'acknowledgement.acknowledge'>) =>
  ctx.session.acknowledge(input.textVersion);

export function addCoordinator(ctx: SignedInContext, input: ParsedInput<'users.add'>) {
  return addUser(ctx.session.ctx, ctx.session.signedIn().vault, ctx.user.id, input);
}

export async function changePassphrase(
  ctx: SignedInContext,
  input: ParsedInput<'users.changePassphrase'>,
): Promise<{ changed: true }> {
  if (!(await checkPassphrase(ctx.session.ctx, ctx.user.id, input.currentPassphrase))) {
    throw new KasaneError('WRONG_PASSPHRASE', '現在のパスフレーズが違います。');
  }
  await setPassphrase(ctx.session.ctx, ctx.session.signedIn().vault, ctx.user.id, input.newPassphrase);
  return { changed: true };
}

/** Saves the office settings, then lets the session pick up a new auto-lock time. */
export async function saveSettings(ctx: SignedInContext, input: ParsedInput<'settings.save'>) {
  const saved = await saveOfficeSettings(ctx, input);
  await ctx.session.refreshSettings();
  return saved;
}
