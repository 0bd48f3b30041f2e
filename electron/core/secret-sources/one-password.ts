/**
 * 1Password through its CLI, `op read op://Vault/Item/field`. `op` brings its own sign-in
 * (desktop app integration, `OP_SERVICE_ACCOUNT_TOKEN` in CI); when it is not signed in, that is
 * reported as a locked manager.
 */
import type { SecretReference } from '../../../shared/domain/secret-reference';
import { sourceError, type SecretSource } from './source';
import { complaint, runTool, ToolNotFound } from './run-tool';

type OnePasswordReference = Extract<SecretReference, { source: '1password' }>;

export const onePasswordSource: SecretSource<OnePasswordReference> = {
  name: '1password',
  describe: (reference) => `the 1Password secret ${reference.uri}`,
  async read(reference, context) {
    const what = this.describe(reference);
    let run;
    try {
      run = await runTool('op', ['read', '--no-newline', reference.uri], { env: context.env, timeoutMs: context.timeoutMs });
    } catch (error) {
      if (error instanceof ToolNotFound) throw sourceError('missing', '1password', `${what} cannot be read: the 1Password CLI (op) is not installed (or not on the PATH of Tokenbench).`, 'Install the 1Password CLI and sign in (op signin), or set OP_SERVICE_ACCOUNT_TOKEN.');
      throw error;
    }
    if (run.timedOut) throw sourceError('locked', '1password', `op did not answer within ${Math.round(context.timeoutMs / 1000)} s for ${what}; it may be waiting for you to approve the sign-in.`, 'Sign in with op signin (or unlock the 1Password app), then try again.');
    if (run.exitCode === 0) return run.stdout;
    const said = complaint(run);
    if (/not (currently )?signed in|sign in|session expired|authoriz|locked/i.test(said)) {
      throw sourceError('locked', '1password', `${what} cannot be read: 1Password is not signed in or is locked (${said}).`, 'Run op signin (or unlock the 1Password app); in CI set OP_SERVICE_ACCOUNT_TOKEN.');
    }
    if (/isn't an item|isn't a vault|isn't a field|no item|could not find|not found|invalid secret reference/i.test(said)) {
      throw sourceError('not-found', '1password', `${what} does not exist: ${said}`, 'Copy the secret reference from 1Password (the item field\'s "Copy Secret Reference").');
    }
    throw sourceError('failed', '1password', `op could not read ${what}: ${said}`, `Run "op read ${reference.uri}" in a terminal to see why.`);
  },
};
