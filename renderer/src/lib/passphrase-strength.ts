/**
 * A rough strength hint for a new vault passphrase, shown while typing. The main process has the
 * final word (it refuses passphrases that are too short); this only helps people pick a better one.
 */

/** Same minimum as the vault's own check, so the hint never approves what the vault will refuse. */
export const MIN_PASSPHRASE_LENGTH = 10;

export type StrengthLevel = 'too-short' | 'weak' | 'fair' | 'good' | 'strong';

export interface PassphraseStrength {
  level: StrengthLevel;
  label: string;
  /** What would make it stronger; '' when nothing needs saying. */
  advice: string;
  /** Rough guessing entropy in bits. */
  bits: number;
}

const COMMON = ['password', 'passphrase', 'qwerty', 'azerty', '123456', 'letmein', 'admin', 'welcome', 'tokenbench', 'secret'];

function alphabetSize(text: string): number {
  let size = 0;
  if (/[a-z]/.test(text)) size += 26;
  if (/[A-Z]/.test(text)) size += 26;
  if (/[0-9]/.test(text)) size += 10;
  if (/[^A-Za-z0-9]/.test(text)) size += 33;
  return size;
}

/** Characters that merely repeat the one before (aaaa, 1111) add almost nothing. */
function effectiveLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i += 1) if (i === 0 || text[i] !== text[i - 1]) length += 1;
  return length;
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return {
      level: 'too-short',
      label: 'Too short',
      advice: `Use at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to guess.`,
      bits: 0,
    };
  }
  const lower = passphrase.toLowerCase();
  const common = COMMON.find((word) => lower.includes(word));
  let bits = Math.round(effectiveLength(passphrase) * Math.log2(Math.max(alphabetSize(passphrase), 2)));
  if (common) bits = Math.min(bits, 35);
  const words = passphrase.trim().split(/\s+/).length;
  const advice = common
    ? `Avoid well-known words like "${common}": they are tried first.`
    : bits < 70 && words < 4
      ? 'Longer is stronger: add another unrelated word or two.'
      : '';
  if (bits < 40) return { level: 'weak', label: 'Weak', advice, bits };
  if (bits < 60) return { level: 'fair', label: 'Fair', advice, bits };
  if (bits < 80) return { level: 'good', label: 'Good', advice, bits };
  return { level: 'strong', label: 'Strong', advice, bits };
}
