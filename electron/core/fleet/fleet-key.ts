/**
 * The fleet key: one secret the whole fleet shares (taken from a secret manager), from which each
 * machine derives the same two keys: one seals tokens before they go to Redis (AES-256-GCM), the
 * other names Redis slots (HMAC), so neither a token nor an environment or credential name is
 * readable in Redis or in a dump of it.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { seal, unseal } from '../vault/cipher';

/** Shorter keys are guessable from a dump; 32 random bytes in base64 are 44 characters. */
export const MIN_FLEET_KEY_LENGTH = 32;

export interface FleetKeys {
  /** The Redis key prefix of one environment x credential's slot. */
  slotOf(name: string): string;
  seal(value: string, slot: string): string;
  open(sealed: string, slot: string): string;
}

export function fleetKeys(secret: string): FleetKeys {
  if (secret.length < MIN_FLEET_KEY_LENGTH) {
    throw new AppError('invalid-request', `The fleet key is too short (${secret.length} characters; at least ${MIN_FLEET_KEY_LENGTH}).`, {
      hint: 'Make one with: openssl rand -base64 32, and give every machine the same one from your secret manager.',
    });
  }
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), `tokenbench fleet ${purpose}`, 32));
  const sealKey = derive('token sealing');
  const slotKey = derive('slot naming');
  const aad = (slot: string) => `tokenbench/fleet/${slot}`;
  return {
    slotOf: (name) => `tokenbench:${createHmac('sha256', slotKey).update(name).digest('hex').slice(0, 40)}`,
    seal: (value, slot) => seal(sealKey, value, aad(slot)),
    open: (sealed, slot) => unseal(sealKey, sealed, aad(slot), 'a token in the fleet cache').toString('utf8'),
  };
}
