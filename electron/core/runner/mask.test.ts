import { describe, expect, it } from 'vitest';
import { ALREADY_MASKED, createMask, isCredentialHeader, maskDeep, maskHeaders, maskLiteralCredential, maskSetCookie } from './mask';

const scope = {
  apiKey: { value: 'scope-api-key-0001', secret: true },
  truth: { value: 'true', secret: true },
  baseUrl: { value: 'https://api.example.com', secret: false },
};
describe('createMask', () => {
  it('masks the secret variables of the request in every encoding, and not its plain variables', () => {
    const mask = createMask(scope);
    expect(mask('k=scope-api-key-0001')).toBe('k=••••0001');
    expect(mask(Buffer.from('scope-api-key-0001').toString('base64'))).toBe('••••0001');
    expect(mask('https://api.example.com')).toBe('https://api.example.com');
  });

  it('masks with nothing but the environment it is given: any other value stays as it is', () => {
    const mask = createMask(scope);
    expect(mask('other-environment-secret-99 and scope-api-key-0001')).toBe('other-environment-secret-99 and ••••0001');
    expect(createMask({})('scope-api-key-0001')).toBe('scope-api-key-0001');
  });

  it('masks a token it learns while the request runs, in text and bytes, by the dashboard\'s suffix', () => {
    const mask = createMask(scope);
    const token = 'tok-attached-5e1d';
    expect(mask(`Bearer ${token}`)).toBe(`Bearer ${token}`);
    mask.remember(token);
    expect(mask(`Bearer ${token} ${encodeURIComponent(token)} ${Buffer.from(token).toString('base64url')}`)).toBe('Bearer ••••5e1d ••••5e1d ••••5e1d');
    expect(mask.bytes(Buffer.from(`[${token}]`)).toString('latin1')).toBe(`[${'*'.repeat(token.length)}]`);
    // The environment's own secrets stay masked alongside it.
    expect(mask('scope-api-key-0001')).toBe('••••0001');
  });

  it('masks bytes with the request\'s secrets, same length', () => {
    const data = Buffer.from('\u0000scope-api-key-0001\u0000');
    const masked = createMask(scope).bytes(data);
    expect(masked.toString('latin1')).toBe(`\u0000${'*'.repeat(18)}\u0000`);
  });
});

describe('maskDeep', () => {
  it('masks structurally: a secret equal to true never breaks the value', () => {
    const mask = createMask(scope);
    expect(maskDeep({ ok: true, text: 'is true', nested: [{ key: 'scope-api-key-0001' }], n: 2 }, mask)).toEqual({ ok: true, text: 'is ••••', nested: [{ key: '••••0001' }], n: 2 });
  });

  it('leaves already-masked data as it is', () => {
    expect(maskDeep({ a: 'scope-api-key-0001' }, ALREADY_MASKED)).toEqual({ a: 'scope-api-key-0001' });
    const data = Buffer.from('x');
    expect(ALREADY_MASKED.bytes(data)).toBe(data);
    ALREADY_MASKED.remember('scope-api-key-0001');
    expect(ALREADY_MASKED('scope-api-key-0001')).toBe('scope-api-key-0001');
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
    expect(maskLiteralCredential('Bearer  two-spaces')).toBe('Bearer  ••••');
    expect(maskLiteralCredential('{{a}} {{b}}')).toBe('{{a}} {{b}}');
  });

  it('masks credential headers structurally and every header through the mask', () => {
    const mask = createMask(scope);
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
    expect(maskSetCookie('=abc; Path=/')).toBe('=••••; Path=/');
    expect(maskSetCookie('nameless-session-value; Secure')).toBe('••••; Secure');
    expect(maskSetCookie('sid=a=b')).toBe('sid=••••');
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
