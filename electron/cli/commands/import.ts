/**
 * `tokenbench import FILE`: a Tokenbench export or a Postman environment. Never overwrites: a
 * taken name is imported as "NAME (imported)" (or skipped with --on-conflict skip).
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { readImportFile } from '../../core/portability/service';
import { withUnlockIfNeeded } from '../core';
import { isInteractive, promptHidden } from '../io';
import type { Command } from './command';

export const importCommand: Command = {
  words: ['import'],
  usage: 'FILE',
  arity: 1,
  local: true,
  summary: 'Import a Tokenbench export or a Postman environment file.',
  options: { 'on-conflict': { type: 'string' }, json: { type: 'boolean' } },
  details: '--on-conflict rename|skip  what to do when a name is taken (default: rename)\n--json                     print what was imported as JSON\nEncrypted secrets are opened with TOKENBENCH_EXPORT_PASSPHRASE or a prompt.',
  async run({ io, args, options, print, core: openCore }) {
    const onConflict = (options['on-conflict'] as string | undefined) ?? 'rename';
    if (onConflict !== 'rename' && onConflict !== 'skip') throw new AppError('invalid-request', '--on-conflict takes rename or skip.');
    const filePath = path.resolve(args[0]!);
    const text = readImportFile(filePath);
    const core = await openCore();
    let passphrase = io.env.TOKENBENCH_EXPORT_PASSPHRASE;
    const run = () => core.portability.importText(text, path.basename(filePath), { passphrase, onConflict });
    const summary = await withUnlockIfNeeded(core, io, async () => {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'export-passphrase-needed' || !isInteractive(io)) throw error;
        passphrase = await promptHidden(io, 'Passphrase of the exported secrets: ');
        return run();
      }
    });
    if (options.json) {
      print(JSON.stringify(summary, null, 2));
      return 0;
    }
    for (const item of [...summary.environments, ...summary.credentials]) {
      if (item.importedAs === null) print(`Skipped ${item.name}: ${item.skipped}.`);
      else if (item.importedAs !== item.name) print(`Imported ${item.name} as ${item.importedAs} (the name was taken).`);
      else print(`Imported ${item.name}.`);
    }
    for (const v of summary.skippedVariables) print(`Left out ${v.environment} / ${v.name}: ${v.reason}.`);
    if (summary.secretsWithoutValue > 0) print(`${summary.secretsWithoutValue} secret variable(s) came without a value: set them with tokenbench secret set.`);
    return 0;
  },
};
