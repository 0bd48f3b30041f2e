import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl } from './trusted-sender';

describe('isTrustedSenderUrl', () => {
  it('accepts only our own origin', () => {
    expect(isTrustedSenderUrl('app://tokenbench/index.html', 'app://tokenbench')).toBe(true);
    expect(isTrustedSenderUrl('https://evil.example/app://tokenbench', 'app://tokenbench')).toBe(false);
    expect(isTrustedSenderUrl('app://tokenbench.evil/index.html', 'app://tokenbench')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
  it('refuses missing or unparsable senders', () => {
    expect(isTrustedSenderUrl(undefined, 'app://tokenbench')).toBe(false);
    expect(isTrustedSenderUrl('not a url', 'app://tokenbench')).toBe(false);
  });
});
