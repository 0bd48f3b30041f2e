// Token bookkeeping shared by the emulators: opaque tokens with expiry on an injectable clock,
// and the RS256 key pair the JWT-issuing servers sign with.
import { generateKeyPair, type CryptoKey } from 'jose';

/** Issued opaque tokens with an expiry on an injectable clock. */
export class TokenStore<T = undefined> {
  private readonly tokens = new Map<string, { data: T; expiresAt: number }>();
  constructor(private readonly now: () => number) {}

  issue(value: string, lifetimeSeconds: number, data: T): { value: string; expiresAt: number } {
    const expiresAt = this.now() + lifetimeSeconds * 1000;
    this.tokens.set(value, { data, expiresAt });
    return { value, expiresAt };
  }

  /** The token's data while it is live; expired tokens are forgotten. */
  find(value: string | undefined): { data: T; expiresAt: number } | undefined {
    if (value === undefined) return undefined;
    const entry = this.tokens.get(value);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.tokens.delete(value);
      return undefined;
    }
    return entry;
  }

  delete(value: string): boolean {
    return this.tokens.delete(value);
  }

  revokeAll(): void {
    this.tokens.clear();
  }
}

let signingKeys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;

/** One RS256 key pair per process: generating RSA keys costs ~0.3 s on a small CI machine, and
 * tokens stay bound to the server that issued them by their `iss` (each has its own port). */
export function rs256KeyPair(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  signingKeys ??= generateKeyPair('RS256', { extractable: true });
  return signingKeys;
}
