/**
 * `tokenbench import PATH`: a Tokenbench export, a Postman environment or collection, an
 * Insomnia export, an OpenAPI document, or a Bruno collection folder. Never overwrites: a taken
 * name is imported as "NAME (imported)" (or skipped with --on-conflict skip). `--dry-run` shows
 * what would be created and what cannot be mapped, and writes nothing.
 */
import path from 'node:path';
import { IMPORT_FORMAT_NAMES, type ImportPreview, type ImportSummary } from '../../../shared/ipc/domains/portability';
import { AppError } from '../../../shared/errors';
import { planImport } from '../../core/portability/plan';
import { describePlan } from '../../core/portability/preview';
import { readImportSource } from '../../core/portability/read-source';
import { withUnlockIfNeeded } from '../core';
import { isInteractive, promptHidden } from '../io';
import type { Command } from './command';

export const importCommand: Command = {
  words: ['import'],
  usage: 'PATH',
  arity: 1,
  local: true,
  summary: 'Import a Tokenbench export, a Postman, Insomnia or Bruno collection, or an OpenAPI document.',
  options: { 'on-conflict': { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  details: [
    '--on-conflict rename|skip  what to do when a name is taken (default: rename)',
    '--dry-run                  show what would be created and what cannot be mapped; write nothing',
    '--json                     print what was (or would be) imported as JSON',
    'PATH is a file, or a Bruno collection folder (or its bruno.json).',
    'Encrypted secrets are opened with TOKENBENCH_EXPORT_PASSPHRASE or a prompt.',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const onConflict = (options['on-conflict'] as string | undefined) ?? 'rename';
    if (onConflict !== 'rename' && onConflict !== 'skip') throw new AppError('invalid-request', '--on-conflict takes rename or skip.');
    const source = readImportSource(path.resolve(args[0]!));
    let passphrase = io.env.TOKENBENCH_EXPORT_PASSPHRASE;
    const askOnce = async <T>(attempt: () => Promise<T>): Promise<T> => {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'export-passphrase-needed' || !isInteractive(io)) throw error;
        passphrase = await promptHidden(io, 'Passphrase of the exported secrets: ');
        return attempt();
      }
    };

    if (options['dry-run']) {
      const plan = await askOnce(() => planImport(source.text, source.fileName, passphrase, source.folder));
      const preview: ImportPreview = { chosen: true, fileId: null, fileName: source.fileName, ...describePlan(plan) };
      if (options.json) print(JSON.stringify(preview, null, 2));
      else printPreview(preview, print);
      return 0;
    }

    const core = await openCore();
    const summary = await withUnlockIfNeeded(core, io, () =>
      askOnce(() => core.portability.importText(source.text, source.fileName, { passphrase, onConflict, folder: source.folder })),
    );
    if (options.json) {
      print(JSON.stringify(summary, null, 2));
      return 0;
    }
    printSummary(summary, print);
    return 0;
  },
};

function printPreview(preview: ImportPreview, print: (line: string) => void): void {
  print(`${preview.fileName} is ${IMPORT_FORMAT_NAMES[preview.format!]}. Nothing was written (--dry-run). An import would create:`);
  for (const e of preview.environments) print(`  environment ${e.name}: ${e.variables} variable(s), ${e.secrets} secret`);
  for (const c of preview.credentials) print(`  credential ${c.name}: ${c.kind}`);
  for (const c of preview.collections) print(`  collection ${c.name}: ${c.requests} saved request(s)`);
  for (const r of preview.requests) print(`    ${r.method} ${[r.folder, r.name].filter(Boolean).join('/')}  ${r.url}${r.credential ? `  [${r.credential}]` : ''}`);
  if (preview.secretsMoved > 0) print(`${preview.secretsMoved} value(s) in the file look secret: they would go to the vault as secret variables.`);
  printLeftOut(preview.skippedVariables, preview.notMapped, print);
}

function printSummary(summary: ImportSummary, print: (line: string) => void): void {
  for (const item of [...summary.environments, ...summary.credentials, ...summary.collections]) {
    if (item.importedAs === null) print(`Skipped ${item.name}: ${item.skipped}.`);
    else if (item.importedAs !== item.name) print(`Imported ${item.name} as ${item.importedAs} (the name was taken).`);
    else print(`Imported ${item.name}.`);
  }
  if (summary.requests > 0) print(`Added ${summary.requests} saved request(s).`);
  if (summary.secretsMoved > 0) print(`${summary.secretsMoved} value(s) that were in the file in clear are now secret variables in the vault.`);
  printLeftOut(summary.skippedVariables, summary.notMapped, print);
  if (summary.secretsWithoutValue > 0) print(`${summary.secretsWithoutValue} secret variable(s) came without a value: set them with tokenbench secret set.`);
}

function printLeftOut(variables: ImportSummary['skippedVariables'], notMapped: ImportSummary['notMapped'], print: (line: string) => void): void {
  for (const v of variables) print(`Left out ${v.environment} / ${v.name}: ${v.reason}.`);
  if (notMapped.length > 0) print(`Not mapped (${notMapped.length}):`);
  for (const n of notMapped) print(`  ${n.where}: ${n.what}`);
}

