import { describe, expect, it } from 'vitest';
import { ALREADY_MASKED, createMask, isCredentialHeader, maskDeep, maskHeaders, maskLiteralCredential, maskSetCookie } from './mask';

const scope = {
  apiKey: { value: 'scope-api-key-0001', secret: true },
  truth: { value: 'true', secret: true },
  baseUrl: { value: 'https://api.example.com', secret: false },
};
const noOther = (text: string) => text;

describe('createMask', () => {
  it('masks the secret variables of the request in every encoding, and not its plain variables', () => {
    const mask = createMask(scope, noOther);
    expect(mask('k=scope-api-key-0001')).toBe('k=••••0001');
    expect(mask(Buffer.from('scope-api-key-0001').toString('base64'))).toBe('••••0001');
    expect(mask('https://api.example.com')).toBe('https://api.example.com');
  });

  it('also applies the other known secrets it is given, after its own', () => {
    const seen: string[] = [];
    const mask = createMask(scope, (text) => {
      seen.push(text);
      return text.replace('session-token', '••••');
    });
    expect(mask('scope-api-key-0001 session-token')).toBe('••••0001 ••••');
    expect(seen).toEqual(['••••0001 session-token']);
  });

  it('masks bytes with the request\'s secrets, same length', () => {
    const data = Buffer.from('\u0000scope-api-key-0001\u0000');
    const masked = createMask(scope, noOther).bytes(data);
    expect(masked.toString('latin1')).toBe(`\u0000${'*'.repeat(18)}\u0000`);
  });
});

describe('maskDeep', () => {
  it('masks structurally: a secret equal to true never breaks the value', () => {
    const mask = createMask(scope, noOther);
    expect(maskDeep({ ok: true, text: 'is true', nested: [{ key: 'scope-api-key-0001' }], n: 2 }, mask)).toEqual({ ok: true, text: 'is ••••', nested: [{ key: '••••0001' }], n: 2 });
  });

  it('leaves already-masked data as it is', () => {
    expect(maskDeep({ a: 'scope-api-key-0001' }, ALREADY_MASKED)).toEqual({ a: 'scope-api-key-0001' });
    const data = Buffer.from('x');
    expect(ALREADY_MASKED.bytes(data)).toBe(data);
  });
});

describe('credential headers', () => {
  it('knows every header that carries a credential, in any case and with spaces', () => {
    for (const name of ['Authorization', 'proxy-authorization', 'Cookie', 'X-API-Key', 'api-key', 'ApiKey', ' authorization ']) expect(isCredentialHeader(name), name).toBe(true);
    for (const name of ['accept', 'x-api-keys', 'content-type', 'set-cookie-x']) expect(isCredentialHeader(name), name).toBe(false);
  });

  it('masks a typed credential but keeps the scheme word and {{references}}', () => {
    expect(maskLiteralCredential('Bearer abc.def')).toBe('Bearer ••••');
    expect(maskLiteralCredential('Bearer {{token}}')).toBe('Bearer {{token}}');
    expect(maskLiteralCredential('raw-key')).toBe('••••');
    expect(maskLiteralCredential('Basic ')).toBe('••••');
    expect(maskLiteralCredential('{{a}} and {{b}}')).toBe('{{a}}••••{{b}}');
    expect(maskLiteralCredential('Token key {{k}}')).toBe('Token ••••{{k}}');
  });

  it('masks credential headers structurally and every header through the mask', () => {
    const mask = createMask(scope, noOther);
    expect(
      maskHeaders(
        [
          ['x-api-key', 'typed-in-key'],
          ['Cookie', 'sid=abc'],
          ['accept', 'application/json'],
          ['x-trace', 'scope-api-key-0001'],
        ],
        mask,
      ),
    ).toEqual([
      ['x-api-key', '••••'],
      ['Cookie', '••••'],
      ['accept', 'application/json'],
      ['x-trace', '••••0001'],
    ]);
  });

  it('masks a cookie value but keeps its attributes', () => {
    expect(maskSetCookie('sid=abc123; Path=/; HttpOnly')).toBe('sid=••••; Path=/; HttpOnly');
    expect(maskSetCookie('sid=; Path=/')).toBe('sid=••••; Path=/');
  });
});

describe('a token the engine already masked', () => {
  it('keeps its hint, as the dashboard shows it, so the user can tell which token was sent', () => {
    expect(maskLiteralCredential('Bearer ••••af5c')).toBe('Bearer ••••af5c');
    expect(maskLiteralCredential('••••af5c')).toBe('••••af5c');
    // More than a 4-character tail is a value, not a hint.
    expect(maskLiteralCredential('Bearer ••••af5c99')).toBe('Bearer ••••');
  });
});
