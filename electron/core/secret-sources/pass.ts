/**
 * `pass` and `gopass` entries: the value is the entry's first line (their convention for the
 * password; the lines after it hold notes). Both decrypt with the user's GPG key, so a key that
 * is locked with no way to ask for its passphrase here is reported as a locked manager.
 */
import { firstLine, sourceError, type SecretSource } from './source';
import { complaint, runTool, ToolNotFound } from './run-tool';


// "--" ends the options: an entry name is never read as one.
const ARGS = { pass: (entry: string) => ['show', '--', entry], gopass: (entry: string) => ['show', '--password', '--', entry] };

export function passSource<T extends 'pass' | 'gopass'>(tool: T): SecretSource<{ source: T; entry: string }> {
  return {
    name: tool,
    describe: (reference) => `the ${tool} entry ${reference.entry}`,
    async read(reference, context) {
      const what = `the ${tool} entry ${reference.entry}`;
      let run;
      try {
        run = await runTool(tool, ARGS[tool](reference.entry), { env: context.env, timeoutMs: context.timeoutMs });
      } catch (error) {
        if (error instanceof ToolNotFound) throw sourceError('missing', tool, `${what} cannot be read: ${tool} is not installed (or not on the PATH of Tokenbench).`, `Install ${tool}, or store the value in Tokenbench's vault instead.`);
        throw error;
      }
      if (run.timedOut) throw sourceError('locked', tool, `${tool} did not answer within ${Math.round(context.timeoutMs / 1000)} s for ${what}; it may be waiting for the GPG passphrase.`, 'Unlock your GPG key (e.g. run the same pass command in a terminal once), then try again.');
      if (run.exitCode === 0) {
        const value = firstLine(run.stdout);
        if (value === '') throw sourceError('not-found', tool, `${what} is empty: its first line holds no value.`, `Put the value on the first line of the entry (${tool} edit ${reference.entry}).`);
        return value;
      }
      const said = complaint(run);
      if (/not in the password store|does not exist|not found/i.test(said)) {
        throw sourceError('not-found', tool, `${what} does not exist: ${said}`, `Check the name with "${tool} ls"; the reference is ${tool}:${reference.entry}.`);
      }
      if (/decryption failed|no secret key|pinentry|passphrase|gpg/i.test(said)) {
        throw sourceError('locked', tool, `${what} could not be decrypted: the GPG key is locked and there is no way to ask for its passphrase here, or this machine lacks the key (${said}).`, 'Unlock the key in your gpg-agent (run the same pass command in a terminal once) and check that the entry is encrypted for a key you hold.');
      }
      throw sourceError('failed', tool, `${tool} could not read ${what}: ${said}`, `Run "${tool} show ${reference.entry}" in a terminal to see why.`);
    },
  };
}
