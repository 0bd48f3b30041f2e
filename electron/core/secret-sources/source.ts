/**
 * One secret manager Tokenbench can read a value from (`pass`, KeePassXC, 1Password, Vault, the
 * environment, the OS keychain). A source reads one value for a parsed reference; it never puts
 * that value, or anything that could hold it, into an error.
 */
import { AppError } from '../../../shared/errors';
import type { SecretReference, SecretSourceName } from '../../../shared/domain/secret-reference';

/** What a source may use from its surroundings (tests give their own). */
export interface SourceContext {
  /** Environment variables for the tools and settings (`VAULT_ADDR`, `GNUPGHOME`, `PATH`, ...). */
  env: NodeJS.ProcessEnv;
  /** Upper bound for one look-up, tool or HTTP call. */
  timeoutMs: number;
}

export interface SecretSource<R extends { source: SecretSourceName } = SecretReference> {
  readonly name: SecretSourceName;
  /** Where the value comes from, for messages ("the pass entry team/lengow"). */
  describe(reference: R): string;
  read(reference: R, context: SourceContext): Promise<string>;
}

export type SecretSourceProblem = 'locked' | 'missing' | 'not-found' | 'failed';

const CODES: Record<SecretSourceProblem, string> = {
  locked: 'secret-source-locked',
  missing: 'secret-source-missing',
  'not-found': 'secret-source-not-found',
  failed: 'secret-source-failed',
};

/** An error about a secret manager, in the user's words; `message` must not hold a secret. */
export function sourceError(problem: SecretSourceProblem, source: SecretSourceName, message: string, hint: string): AppError {
  return new AppError(CODES[problem], message, { hint, details: { source, problem } });
}

/** The first line of a tool's answer: the convention of `pass`, `gopass` and friends. */
export function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}
