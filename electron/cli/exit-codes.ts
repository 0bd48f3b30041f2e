/**
 * The CLI's exit codes, so scripts can tell "fix your command line" from "the vault is locked"
 * from "the auth service may not be asked yet". Listed in `--help` and the README.
 */
import { AppError } from '../../shared/errors';

export const EXIT = {
  ok: 0,
  /** The call or the command failed (including an HTTP answer of 400 or more). */
  failed: 1,
  /** The command line was wrong (a missing option, a bad value), or a production environment needs --yes. */
  usage: 2,
  /** The vault is locked and could not be unlocked (no passphrase, or a wrong one). */
  vaultLocked: 3,
  /** The guard refused to ask the auth service yet (spacing, backoff, Retry-After, ban window). */
  guardRefused: 4,
} as const;

export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0  done',
  '  1  the call or the command failed (an HTTP answer of 400 or more too)',
  '  2  the command line is wrong (or a value in it), or a production environment needs --yes',
  '  3  the vault is locked and could not be unlocked',
  '  4  the guard refused to ask for a token yet (the message says when it may)',
].join('\n');

const LOCKED_CODES = new Set(['vault-locked', 'vault-wrong-passphrase', 'vault-not-set-up']);

export function exitCodeFor(error: unknown): number {
  if (!(error instanceof AppError)) return EXIT.failed;
  if (error.code === 'confirmation-required' || error.code === 'invalid-request') return EXIT.usage;
  if (LOCKED_CODES.has(error.code)) return EXIT.vaultLocked;
  if (error.code === 'guard-refused') return EXIT.guardRefused;
  return EXIT.failed;
}
