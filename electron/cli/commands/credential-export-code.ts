/**
 * `tokenbench credential export-code CREDENTIAL`: the credential as a small, dependency-free token
 * client in TypeScript or Python. The code reads secrets from environment variables; none is in it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { findCredentialByName, findEnvironmentByName } from '../core';
import type { Command } from './command';

export const credentialExportCodeCommand: Command = {
  words: ['credential', 'export-code'],
  usage: 'CREDENTIAL',
  arity: 1,
  summary: 'Print (or save) the credential as a token client in TypeScript or Python.',
  options: { env: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
  details: [
    '--lang typescript|python   the language (default: typescript; Node >= 18, or Python standard library)',
    '--env NAME                 the environment whose plain values become defaults (default: the first it is used in)',
    '--out FILE                 write the file instead of printing it',
    'The header of the code lists the environment variables it reads.',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const language = (options.lang as string | undefined) ?? 'typescript';
    if (language !== 'typescript' && language !== 'python') throw new AppError('invalid-request', `--lang ${language} is not one of typescript, python.`);
    const core = await openCore();
    const credential = findCredentialByName(core, args[0]!);
    const environmentId = options.env ? findEnvironmentByName(core, options.env as string).id : undefined;
    const exported = await core.codeExport.generate({ credentialId: credential.id, ...(environmentId ? { environmentId } : {}), language });
    if (!options.out) {
      print(exported.code);
      return 0;
    }
    const target = path.resolve(io.cwd ?? process.cwd(), options.out as string);
    await writeFile(target, exported.code, { mode: 0o644 });
    io.stderr.write(`Wrote ${path.basename(target)}; set ${exported.environmentVariables.map((v) => v.name).join(', ')} before running it.\n`);
    return 0;
  },
};
