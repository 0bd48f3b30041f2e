/**
 * KeePassXC databases through `keepassxc-cli show`. The database password comes from
 * TOKENBENCH_KEEPASSXC_PASSWORD (handed to the tool on standard input, never as an argument)
 * and/or a key file named by TOKENBENCH_KEEPASSXC_KEYFILE; with neither, the database is locked
 * to us and we say so instead of letting the tool wait for a prompt.
 */
import type { SecretReference } from '../../../shared/domain/secret-reference';
import { sourceError, type SecretSource } from './source';
import { complaint, runTool, ToolNotFound } from './run-tool';

type KeePassXcReference = Extract<SecretReference, { source: 'keepassxc' }>;

export const keepassxcSource: SecretSource<KeePassXcReference> = {
  name: 'keepassxc',
  describe: (reference) => `the KeePassXC entry ${reference.entry} (${reference.attribute}) in ${reference.database}`,
  async read(reference, context) {
    const what = this.describe(reference);
    const password = context.env.TOKENBENCH_KEEPASSXC_PASSWORD;
    const keyFile = context.env.TOKENBENCH_KEEPASSXC_KEYFILE;
    if (!password && !keyFile) {
      throw sourceError('locked', 'keepassxc', `${what} cannot be read: the database is locked (Tokenbench has no password or key file for it).`, 'Set TOKENBENCH_KEEPASSXC_PASSWORD (and/or TOKENBENCH_KEEPASSXC_KEYFILE) in the environment Tokenbench starts in.');
    }
    const args = ['show', '--attributes', reference.attribute, ...(keyFile ? ['--key-file', keyFile] : []), ...(password ? [] : ['--no-password']), reference.database, reference.entry];
    let run;
    try {
      run = await runTool('keepassxc-cli', args, { env: context.env, timeoutMs: context.timeoutMs, input: password ? `${password}\n` : '' });
    } catch (error) {
      if (error instanceof ToolNotFound) throw sourceError('missing', 'keepassxc', `${what} cannot be read: keepassxc-cli is not installed (or not on the PATH of Tokenbench).`, 'Install KeePassXC (it brings keepassxc-cli).');
      throw error;
    }
    if (run.exitCode === 0 && !run.timedOut) return run.stdout.replace(/\r?\n$/, '');
    const said = complaint(run);
    if (run.timedOut) throw sourceError('failed', 'keepassxc', `keepassxc-cli did not answer within ${Math.round(context.timeoutMs / 1000)} s for ${what}.`, 'Check that the database opens in KeePassXC.');
    if (/invalid credentials|wrong key|key file/i.test(said)) {
      throw sourceError('locked', 'keepassxc', `${what} cannot be read: the database did not open with the password or key file Tokenbench was given.`, 'Check TOKENBENCH_KEEPASSXC_PASSWORD and TOKENBENCH_KEEPASSXC_KEYFILE.');
    }
    if (/failed to open database file|not found|does not exist/i.test(said) && !/entry/i.test(said)) {
      throw sourceError('not-found', 'keepassxc', `${what} cannot be read: there is no database file ${reference.database}.`, 'Check the path in the reference (keepassxc:/path/to/database.kdbx#Group/Entry).');
    }
    if (/could not find entry|unknown attribute/i.test(said)) {
      throw sourceError('not-found', 'keepassxc', `${what} does not exist: ${said}`, 'Check the group, entry and attribute names (keepassxc-cli ls DATABASE lists them).');
    }
    throw sourceError('failed', 'keepassxc', `keepassxc-cli could not read ${what}: ${said}`, 'Run the same keepassxc-cli show command in a terminal to see why.');
  },
};
