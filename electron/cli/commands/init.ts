/** `tokenbench init`: creates the vault in the data folder, protected by a passphrase. */
import { AppError } from '../../../shared/errors';
import { askPassphrase } from '../core';
import { isInteractive, promptHidden } from '../io';
import type { Command } from './command';

export const initCommand: Command = {
  words: ['init'],
  usage: '',
  arity: 0,
  local: true,
  summary: 'Create the vault that keeps secrets, protected by a passphrase.',
  details: 'The passphrase comes from TOKENBENCH_PASSPHRASE, or is typed twice in a terminal.',
  async run({ io, dataDir, print, core: openCore }) {
    const core = await openCore();
    if (core.vault.status().state !== 'not-set-up') {
      throw new AppError('vault-already-set-up', `${dataDir} already has a vault.`, { hint: 'Nothing to do; commands unlock it with TOKENBENCH_PASSPHRASE or a prompt.' });
    }
    const passphrase = await askPassphrase(io, 'Choose a vault passphrase: ');
    if (!io.env.TOKENBENCH_PASSPHRASE && isInteractive(io) && (await promptHidden(io, 'Type it again: ')) !== passphrase) {
      throw new AppError('invalid-request', 'The two passphrases differ. Nothing was created.', { hint: 'Run tokenbench init again.' });
    }
    await core.vault.setup({ passphrase });
    print(`Vault created in ${dataDir}.`);
    print('Keep the passphrase safe: Tokenbench cannot recover it.');
    return 0;
  },
};
