import { describe, expect, it } from 'vitest';
import { formsOf, Redactor } from './redact';

const SECRET = 'sk_live_4f9a2c7e1b';
const MASKED = '••••7e1b';

describe('Redactor.text', () => {
  it('masks every occurrence, not only the first', () => {
    expect(new Redactor([SECRET]).text(`${SECRET} and ${SECRET}`)).toBe(`${MASKED} and ${MASKED}`);
  });

  it('masks a secret that contains another one whole (longest first), whichever was added first', () => {
    const outer = 'abcd-1234-efgh-5678';
    expect(new Redactor(['1234', outer]).text(`x ${outer} y`)).toBe('x ••••5678 y');
    expect(new Redactor([outer, '1234']).text(`x ${outer} y 1234`)).toBe('x ••••5678 y ••••');
  });

  it('masks 4-character secrets and ignores shorter ones', () => {
    expect(new Redactor(['abcd']).text('key=abcd')).toBe('key=••••');
    expect(new Redactor(['abc']).text('key=abc')).toBe('key=abc');
    expect(new Redactor(['', undefined]).isEmpty).toBe(true);
  });

  it('shows at most the last 4 characters, and none when asked not to', () => {
    expect(new Redactor(['short-secret1']).text('short-secret1')).toBe('••••ret1');
    expect(new Redactor(['shortsecret']).text('shortsecret')).toBe('••••');
    expect(new Redactor([SECRET], { showTail: false }).text(SECRET)).toBe('••••');
  });

  it('treats regex metacharacters literally (a JWT is masked whole, a dot matches only a dot)', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(new Redactor([jwt]).text(`Bearer ${jwt}`)).toBe('Bearer ••••dXJl');
    expect(new Redactor(['a.b*c+d(e)']).text('a.b*c+d(e) aXbbc+d(e)')).toBe('•••• aXbbc+d(e)');
  });

  it('masks secrets with JSON metacharacters inside JSON text', () => {
    const secret = 'pa"ss\\word';
    expect(new Redactor([secret]).text(JSON.stringify({ password: secret }))).toBe('{"password":"••••"}');
  });

  it('masks the URL-encoded, form-encoded and query forms', () => {
    const secret = 'p@ss word/+~!';
    const redactor = new Redactor([secret], { showTail: false });
    expect(redactor.text(`/x/${encodeURIComponent(secret)}`)).toBe('/x/••••');
    expect(redactor.text(`a=${encodeURIComponent(secret).replace(/%20/g, '+')}`)).toBe('a=••••');
    expect(redactor.text(new URLSearchParams({ a: secret }).toString())).toBe('a=••••');
  });

  it('masks base64 and base64url forms, and the secret inside base64(id:secret) at any alignment', () => {
    const secret = 'q>?~sEcReT-99-x';
    const redactor = new Redactor([secret]);
    expect(redactor.text(Buffer.from(secret).toString('base64'))).not.toContain(Buffer.from(secret).toString('base64').slice(0, 8));
    expect(redactor.text(Buffer.from(secret).toString('base64url'))).toBe('••••99-x');
    for (const id of ['client', 'client1', 'client12']) {
      const basic = Buffer.from(`${id}:${secret}`).toString('base64');
      const shown = redactor.text(`echo: ${basic}`);
      expect(shown).toContain('••••');
      // What is left is the id and at most one partial group on each side: not enough to read the secret.
      expect(Buffer.from(shown.replace(/^echo: /, '').replace(/••••99-x/, ''), 'base64').toString('latin1')).not.toContain('sEcReT');
    }
  });

  it('masks the value after a scheme word on its own (an echoed Basic credential)', () => {
    const header = `Basic ${Buffer.from('id:the-client-secret').toString('base64')}`;
    const redactor = new Redactor([header]);
    expect(redactor.text(`got ${header.slice(6)}`)).not.toContain(header.slice(6));
  });

  it('masks in any letter case (host names are lower-cased by URLs)', () => {
    expect(new Redactor(['TenantSecret42']).text('https://tenantsecret42.example.com TENANTSECRET42')).toBe('https://••••et42.example.com ••••et42');
  });

  it('forgets everything on request', () => {
    const redactor = new Redactor([SECRET]);
    redactor.forgetAll();
    expect(redactor.text(SECRET)).toBe(SECRET);
    expect(redactor.isEmpty).toBe(true);
  });
});

describe('Redactor.value (structural)', () => {
  it('masks strings and keys but keeps numbers and booleans, so a secret equal to true never changes a type', () => {
    const redactor = new Redactor(['true', 'false', '1234', '0001']);
    const masked = redactor.value({ ok: true, no: false, n: 1234, m: 5, s: 'true story', '0001': null, list: ['0001', 7], text: '1234' });
    expect(masked).toEqual({ ok: true, no: false, n: 1234, m: 5, s: '•••• story', '••••': null, list: ['••••', 7], text: '••••' });
  });

  it('returns values untouched when nothing is known', () => {
    const value = { a: 'x', b: [1, true, null] };
    expect(new Redactor().value(value)).toEqual(value);
  });
});

describe('Redactor.bytes (hex view)', () => {
  it('overwrites every form with stars of the same length', () => {
    const secret = 'binary-secret-77';
    const data = Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret), Buffer.from([0xff]), Buffer.from(secret.toUpperCase()), Buffer.from(Buffer.from(secret).toString('base64'))]);
    const masked = new Redactor([secret]).bytes(data);
    expect(masked.length).toBe(data.length);
    expect(masked.toString('latin1')).not.toMatch(/binary-secret|BINARY-SECRET/);
    expect(masked.toString('latin1')).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
    expect([...masked.subarray(0, 3)]).toEqual([0, 1, 2]);
    expect(masked.subarray(3, 3 + secret.length).toString('latin1')).toBe('*'.repeat(secret.length));
  });

  it('matches non-ASCII secrets as written', () => {
    const secret = 'ÉCOLE-sécrète';
    const masked = new Redactor([secret]).bytes(Buffer.from(`x${secret}x`));
    expect(masked.toString('utf8')).not.toContain(secret);
    expect(masked.toString('utf8')).toMatch(/^x\*+x$/);
  });

  it('returns the same bytes when there is nothing to mask', () => {
    const data = Buffer.from('nothing here');
    expect(new Redactor(['absent-secret']).bytes(data)).toBe(data);
    expect(new Redactor().bytes(data)).toBe(data);
  });
});

describe('Redactor.body', () => {
  it('masks fields named as secrets, whatever their value, and keeps token types', () => {
    const shown = JSON.parse(
      new Redactor().body(
        JSON.stringify({ access_token: 'abc', id_token: 'id-token-value-1234', refresh_token: 'r', api_key: 'k', 'api-key': 'k', apikey: 'k', client_secret: 's', token_type: 'Bearer', user: { password: 'pw', name: 'Ann' }, list: [{ session: 'xyz' }], count: 3 }),
      ),
    );
    expect(shown).toEqual({ access_token: '••••', id_token: '••••1234', refresh_token: '••••', api_key: '••••', 'api-key': '••••', apikey: '••••', client_secret: '••••', token_type: 'Bearer', user: { password: '••••', name: 'Ann' }, list: [{ session: '••••' }], count: 3 });
  });

  it('masks known secrets in fields with innocent names, and in text bodies', () => {
    const redactor = new Redactor(['data-value-secret']);
    expect(JSON.parse(redactor.body('{"data":{"value":"data-value-secret"}}'))).toEqual({ data: { value: '••••cret' } });
    expect(redactor.body('not json data-value-secret')).toBe('not json ••••cret');
  });

  it('keeps the JSON valid when a secret is true', () => {
    expect(JSON.parse(new Redactor(['true']).body('{"ok":true,"s":"true"}'))).toEqual({ ok: true, s: '••••' });
  });
});

describe('formsOf', () => {
  it('lists each form once and none shorter than 4 characters', () => {
    const forms = formsOf('abcd');
    expect(new Set(forms).size).toBe(forms.length);
    expect(forms.every((form) => form.length >= 4)).toBe(true);
    expect(forms).toEqual(expect.arrayContaining(['abcd', 'YWJjZA==', 'YWJjZA']));
  });
});

describe('Redactor edge cases', () => {
  it('treats every regex metacharacter literally', () => {
    const secret = 'x?^${}|[]\\y.z';
    const redactor = new Redactor([secret], { showTail: false });
    expect(redactor.text(`<${secret}>`)).toBe('<••••>');
    expect(redactor.text('x?^${}|[]\\yQz xy')).toBe('x?^${}|[]\\yQz xy');
  });

  it('keeps the mask of the first secret when two differ only in letter case', () => {
    expect(new Redactor(['Secret-Value-ABCD', 'secret-value-abcd']).text('SECRET-VALUE-ABCD')).toBe('••••ABCD');
  });

  it('learns secrets added after it was used, in text and in bytes', () => {
    const redactor = new Redactor(['first-secret-1111']);
    expect(redactor.text('second-secret-2222')).toBe('second-secret-2222');
    expect(redactor.bytes(Buffer.from('second-secret-2222')).toString()).toBe('second-secret-2222');
    redactor.add('second-secret-2222');
    expect(redactor.text('first-secret-1111 second-secret-2222')).toBe('••••1111 ••••2222');
    expect(redactor.bytes(Buffer.from('second-secret-2222')).toString()).toBe('*'.repeat(18));
  });

  it('forgets the written forms too: after forgetting, only what is added again is masked in bytes', () => {
    const redactor = new Redactor(['old-secret-3333']);
    redactor.forgetAll();
    redactor.add('new-secret-4444');
    expect(redactor.bytes(Buffer.from('old-secret-3333 new-secret-4444')).toString()).toBe(`old-secret-3333 ${'*'.repeat(15)}`);
    expect(redactor.text('old-secret-3333')).toBe('old-secret-3333');
  });

  it('masks a non-ASCII secret in bytes in either letter case', () => {
    const masked = new Redactor(['ÉCOLE-SÉCRÈTE']).bytes(Buffer.from('[école-sécrète]'));
    expect(masked.toString('utf8')).toMatch(/^\[\*+\]$/);
  });

  it('masks the secret inside a longer base64 text at every alignment, followed by more bytes', () => {
    for (const secret of ['abcdefgh', 'abcdefghi', 'abcdefghij', 'sk_live_4f9a2c7e1b']) {
      const redactor = new Redactor([secret], { showTail: false });
      for (const before of ['', 'x', 'xy', 'xyz']) {
        const encoded = Buffer.from(`${before}${secret}:and-more-bytes-after`).toString('base64');
        const shown = redactor.text(encoded);
        expect(shown, `${before} + ${secret}`).toContain('••••');
        // What is left decodes to at most a partial group either side: the secret cannot be read back.
        const left = shown.split('••••').map((part) => Buffer.from(part, 'base64').toString('latin1')).join('|');
        expect(left, `${before} + ${secret}`).not.toContain(secret.slice(1, -1));
      }
    }
  });

  it('masks the value after a scheme word, however it is spaced, and not a value shorter than 4 characters', () => {
    expect(new Redactor(['Basic abcd']).text('got abcd')).toBe('got ••••');
    expect(new Redactor(['Bearer  two-spaces-token']).text('two-spaces-token')).toBe('••••oken');
    expect(new Redactor(['Token line-one\nline-two']).text('line-one\nline-two')).toBe('••••-two');
    expect(new Redactor(['Bearer abc']).text('abc Bearer abc')).toBe('abc ••••');
    expect(new Redactor(['1Bearer token-value-9']).text('token-value-9')).toBe('token-value-9');
  });
});

describe('Redactor.body field names', () => {
  it('masks every secret-like name and keeps types, hints and non-text values', () => {
    const names = ['token', 'secret', 'password', 'passwd', 'api_key', 'api-key', 'apikey', 'APIKEY', 'session_id', 'jwt', 'credential', 'assertion', 'authorization', 'cookie', 'id_token', 'token_type_hint'];
    const shown = JSON.parse(new Redactor().body(JSON.stringify(Object.fromEntries(names.map((name) => [name, 'value-of-a-field'])))));
    for (const name of names) expect(shown[name], name).toBe('••••ield');
    const kept = JSON.parse(new Redactor().body(JSON.stringify({ token_type: 'Bearer', Token_TYPE: 'MAC', token: 12, flag: true, user: 'ann', credentials: { user: 'bob', password: 'pw-1' } })));
    expect(kept).toStrictEqual({ token_type: 'Bearer', Token_TYPE: 'MAC', token: 12, flag: true, user: 'ann', credentials: { user: 'bob', password: '••••' } });
  });

  it('pretty-prints JSON with two spaces and leaves text that is not JSON as text', () => {
    expect(new Redactor().body('{"a":[1,{"b":null}]}')).toBe('{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}');
    expect(new Redactor().body('{"a":')).toBe('{"a":');
  });
});

describe('Redactor: what the last mutation run left', () => {
  it('knows nothing by default, nor a secret shorter than 4 characters (not even its 4-character base64)', () => {
    expect(new Redactor().isEmpty).toBe(true);
    expect(new Redactor(['abc']).isEmpty).toBe(true);
    expect(new Redactor(['abc']).text('YWJj')).toBe('YWJj');
    expect(new Redactor(['abcd']).isEmpty).toBe(false);
  });

  it('masks nothing in bytes once it has forgotten everything, even with the old pattern compiled', () => {
    const redactor = new Redactor(['forgotten-secret-5555']);
    expect(redactor.bytes(Buffer.from('forgotten-secret-5555')).toString()).toBe('*'.repeat(21));
    redactor.forgetAll();
    expect(redactor.bytes(Buffer.from('forgotten-secret-5555')).toString()).toBe('forgotten-secret-5555');
  });

  it('masks a secret that starts with another one whole, whichever was added first', () => {
    for (const secrets of [['abcd', 'abcd-efgh-1234'], ['abcd-efgh-1234', 'abcd']]) {
      const redactor = new Redactor(secrets, { showTail: false });
      expect(redactor.text('<abcd-efgh-1234>'), secrets.join()).toBe('<••••>');
      expect(redactor.bytes(Buffer.from('<abcd-efgh-1234>')).toString(), secrets.join()).toBe(`<${'*'.repeat(14)}>`);
    }
  });

  it('masks the secret inside a longer base64url text at every alignment, - and _ included', () => {
    // base64 of this secret is full of + and /, which base64url writes as - and _.
    const secret = '>>>???>>>???~~~';
    const redactor = new Redactor([secret], { showTail: false });
    for (const before of ['', 'x', 'xy']) {
      const encoded = Buffer.from(`${before}${secret}:z`).toString('base64url');
      const shown = redactor.text(encoded);
      expect(shown, before).toContain('••••');
      const left = shown.split('••••').map((part) => Buffer.from(part, 'base64url').toString('latin1')).join('|');
      expect(left, before).not.toContain('>??');
    }
  });

  it('masks an aligned secret inside a longer base64 text from its first character', () => {
    // 10 bytes: the secret's own base64 ends in padding, so only its aligned core can match here.
    const redactor = new Redactor(['abcdefghij'], { showTail: false });
    expect(redactor.text(Buffer.from('abcdefghij:and-more').toString('base64'))).toMatch(/^••••/);
  });

  it('lists no base64 run shorter than 8 characters as a form of its own', () => {
    // 'YWJj' (the aligned run of 'abcd') is too short to tell from ordinary text.
    expect(formsOf('abcd')).toEqual(['abcd', 'YWJjZA==', 'YWJjZA']);
    expect(formsOf('abcde')).toEqual(['abcde', 'YWJjZGU=', 'YWJjZGU']);
  });
});
