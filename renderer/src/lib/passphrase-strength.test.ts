import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from './passphrase-strength';

describe('passphraseStrength', () => {
  it('calls anything under the vault minimum too short', () => {
    expect(passphraseStrength('a'.repeat(MIN_PASSPHRASE_LENGTH - 1)).level).toBe('too-short');
  });

  it('rates repeats and well-known words weak however long', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa').level).toBe('weak');
    const common = passphraseStrength('MyPassword2024!');
    expect(common.level).toBe('weak');
    expect(common.advice).toContain('"password"');
  });

  it('rates several unrelated words strong', () => {
    expect(passphraseStrength('correct horse battery staple').level).toBe('strong');
    expect(passphraseStrength('correct horse battery staple').advice).toBe('');
  });

  it('grows with length and variety', () => {
    const levels = ['weak', 'fair', 'good', 'strong'];
    const a = levels.indexOf(passphraseStrength('abcdefghij').level);
    const b = levels.indexOf(passphraseStrength('abcdefghij-K7x!').level);
    expect(b).toBeGreaterThan(a);
  });
});
