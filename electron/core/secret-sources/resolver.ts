/**
 * Reads secret references at use, in the main process: the value is kept in memory for a short
 * while (a burst of requests does not run `gpg` each time), remembered by the redactor so no log
 * or error shows it, and never written anywhere.
 */
import { AppError } from '../../../shared/errors';
import { parseSecretReference, type SecretReference, type SecretSourceName } from '../../../shared/domain/secret-reference';
import { environmentSource } from './environment';
import { hashicorpVaultSource } from './hashicorp-vault';
import { keepassxcSource } from './keepassxc';
import { keychainSource } from './keychain';
import { onePasswordSource } from './one-password';
import { passSource } from './pass';
import type { SecretSource } from './source';

export interface SecretResolver {
  /** The value `reference` points at; an AppError naming the manager and what to do otherwise. */
  resolve(reference: string): Promise<string>;
  /** Drops every value read so far (on vault lock). */
  forget(): void;
}

export interface SecretResolverOptions {
  /** Called with every value read, so logs and errors mask it. */
  remember(value: string): void;
  env?: NodeJS.ProcessEnv;
  /** Per look-up (a tool run, an HTTP call). */
  timeoutMs?: number;
  /** How long a value read is reused. */
  keepMs?: number;
  now?: () => number;
}

export const SECRET_SOURCES: { [S in SecretSourceName]: SecretSource<Extract<SecretReference, { source: S }>> } = {
  pass: passSource('pass'),
  gopass: passSource('gopass'),
  keepassxc: keepassxcSource,
  '1password': onePasswordSource,
  vault: hashicorpVaultSource,
  env: environmentSource,
  keychain: keychainSource,
};

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_KEEP_MS = 60_000;

export function createSecretResolver(options: SecretResolverOptions): SecretResolver {
  const now = options.now ?? Date.now;
  const keepMs = options.keepMs ?? DEFAULT_KEEP_MS;
  const known = new Map<string, { at: number; value: Promise<string> }>();

  async function read(text: string): Promise<string> {
    let reference: SecretReference;
    try {
      reference = parseSecretReference(text);
    } catch (error) {
      throw new AppError('invalid-request', (error as Error).message);
    }
    const source = SECRET_SOURCES[reference.source] as SecretSource;
    const value = await source.read(reference, { env: options.env ?? process.env, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    options.remember(value);
    return value;
  }

  return {
    resolve(reference) {
      const entry = known.get(reference);
      if (entry && now() - entry.at < keepMs) return entry.value;
      const value = read(reference);
      known.set(reference, { at: now(), value });
      // A failure is not kept: the next use asks the manager again (it may be unlocked by then).
      value.catch(() => {
        if (known.get(reference)?.value === value) known.delete(reference);
      });
      return value;
    },
    forget() {
      known.clear();
    },
  };
}
