/**
 * `tokenbench export FILE [--include-secrets]`: environments and credentials to a file in the
 * documented export format. Secret values are left out unless asked for; then they are
 * encrypted with a passphrase for the file (TOKENBENCH_EXPORT_PASSPHRASE or typed twice).
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { findEnvironmentByName, unlock } from '../core';
import { isInteractive, promptHidden, type CliIo } from '../io';
import type { Command } from './command';

async function exportPassphrase(io: CliIo): Promise<string> {
  const fromEnv = io.env.TOKENBENCH_EXPORT_PASSPHRASE;
  const passphrase = fromEnv ?? (isInteractive(io) ? await promptHidden(io, 'Passphrase for the exported secrets: ') : undefined);
  if (passphrase === undefined) {
    throw new AppError('invalid-request', 'An export with secrets is encrypted with its own passphrase, and there is no terminal to type it in.', {
      hint: 'Set TOKENBENCH_EXPORT_PASSPHRASE.',
    });
  }
  if (passphrase.length < 10) throw new AppError('invalid-request', 'Use a passphrase of at least 10 characters for the exported secrets.');
  if (fromEnv === undefined && (await promptHidden(io, 'Type it again: ')) !== passphrase) throw new AppError('invalid-request', 'The two passphrases differ. Nothing was exported.');
  return passphrase;
}

export const exportCommand: Command = {
  words: ['export'],
  usage: 'FILE',
  arity: 1,
  local: true,
  summary: 'Export environments and credentials (secret names, not values).',
  options: { 'include-secrets': { type: 'boolean' }, env: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  details: '--include-secrets  also export secret values, encrypted with a passphrase for the file\n--env NAME         only this environment (repeatable)\n--json             print what was exported as JSON',
  async run({ io, args, options, print, core: openCore }) {
    const core = await openCore();
    const envNames = (options.env as unknown as string[] | undefined) ?? [];
    const environmentIds = envNames.length ? envNames.map((name) => findEnvironmentByName(core, name).id) : undefined;
    let secretsPassphrase: string | undefined;
    if (options['include-secrets']) {
      await unlock(core, io);
      secretsPassphrase = await exportPassphrase(io);
    }
    const filePath = path.resolve(args[0]!);
    const document = await core.portability.exportToFile(filePath, { environmentIds, secretsPassphrase });
    if (options.json) {
      print(JSON.stringify({ file: filePath, environments: document.environments.length, credentials: document.credentials.length, secretsIncluded: Boolean(document.secrets) }, null, 2));
      return 0;
    }
    const what = `${document.environments.length} environment(s) and ${document.credentials.length} credential(s)`;
    print(`Exported ${what} to ${filePath}${document.secrets ? ', secret values encrypted' : ' (secret values not included)'}.`);
    return 0;
  },
};
