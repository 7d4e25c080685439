import type { Channel } from '../ipc/channels.js';
import type { ChannelOutput, ParsedInput } from '../ipc/contract.js';
import { listAuditEvents, verifyAuditChain } from './audit.js';
import { officeDate } from './clock.js';
import { KasaneError } from './errors.js';
import { confidentialityWarning } from './legal.js';
import { getOfficeSettings, saveOfficeSettings } from './office-settings.js';
import { listUsers } from './users.js';
import { addUser, checkPassphrase, setPassphrase } from './vault.js';
import type { VaultSession } from './vault-session.js';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/** One function per contract channel. Main, the harness and tests all serve this same table. */
export function createHandlers(session: VaultSession): Handlers {
  return {
    'vault.status': () => session.status(),
    'vault.setup': (input) => session.setup(input),
    'vault.unlock': (input) => session.unlock(input),
    'vault.unlockWithRecoveryCode': (input) => session.unlockWithRecoveryCode(input),
    'vault.completeRecovery': (input) => session.completeRecovery(input),
    'vault.lock': () => session.lock('user'),
    'legal.confidentialityWarning': async () => {
      const { textId, version, effectiveFrom, title, body } = confidentialityWarning(
        officeDate(session.now()),
      );
      return { textId, version, effectiveFrom, title, body };
    },
    'acknowledgement.acknowledge': (input) => session.acknowledge(input.textVersion),
    'users.list': () => listUsers(session.signedIn().store.db),
    'users.add': (input) => {
      const { vault, user } = session.signedIn();
      return addUser(session.ctx, vault, user.id, input);
    },
    'users.changePassphrase': async (input) => {
      const { vault, user } = session.signedIn();
      if (!(await checkPassphrase(session.ctx, user.id, input.currentPassphrase))) {
        throw new KasaneError('WRONG_PASSPHRASE', '現在のパスフレーズが違います。');
      }
      await setPassphrase(session.ctx, vault, user.id, input.newPassphrase);
      return { changed: true as const };
    },
    'settings.get': () => getOfficeSettings(session.signedIn().store.db),
    'settings.save': async (input) => {
      const { store, user } = session.signedIn();
      const saved = await saveOfficeSettings(store.db, user.id, input, session.now());
      await session.refreshSettings();
      return saved;
    },
    'audit.list': async (input) => {
      const { db } = session.signedIn().store;
      const [verification, events] = await Promise.all([verifyAuditChain(db), listAuditEvents(db, input)]);
      return { verification, events };
    },
  };
}
