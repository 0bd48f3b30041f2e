/**
 * The vault's memory of secret values for redaction: every value it decrypted or stored in this
 * session, masked by the one redaction module (`engine/redact.ts`) in every encoding. The vault
 * makes it forget them when it locks (nothing secret may stay in memory then, and nothing secret
 * can be read until the next unlock).
 */
import { Redactor as Masker } from '../engine/redact';

export interface Redactor {
  redact(text: string): string;
}

export interface SecretMemory extends Redactor {
  remember(value: string): void;
  forgetAll(): void;
}

export function createRedactor(): SecretMemory {
  // No tails: these messages mix values of many environments, and a tail names which one.
  const masker = new Masker([], { showTail: false });
  return {
    remember: (value) => void masker.add(value),
    forgetAll: () => masker.forgetAll(),
    redact: (text) => masker.text(text),
  };
}
