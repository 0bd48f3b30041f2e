/** Auth headers for display: typed credentials masked, the engine's token hint kept. */
import { describe, expect, it } from 'vitest';
import { maskLiteralCredential } from './mask';

describe('credential headers for display', () => {
  it('masks a typed credential but keeps the scheme and references', () => {
    expect(maskLiteralCredential('Bearer abc.def.ghi')).toBe('Bearer ••••');
    expect(maskLiteralCredential('Basic {{apiKey}}')).toBe('Basic {{apiKey}}');
    expect(maskLiteralCredential('secret-token-value')).toBe('••••');
  });

  it('keeps the hint of a token the engine masked, as the dashboard shows it', () => {
    expect(maskLiteralCredential('Bearer ••••af5c')).toBe('Bearer ••••af5c');
    expect(maskLiteralCredential('••••af5c')).toBe('••••af5c');
    // More than a 4-character tail is a value, not a hint.
    expect(maskLiteralCredential('Bearer ••••af5c99')).toBe('Bearer ••••');
  });
});
