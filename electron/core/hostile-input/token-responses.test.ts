/**
 * The hostile-input corpus for token responses: an auth service on 127.0.0.1 answers a real
 * token request with broken, oversized, deeply nested or secret-echoing bodies. Each fetch ends
 * in a clear error (never `internal`, never a stack trace, never the secret), no token is kept,
 * and nothing but the records of token requests change on disk: the auth timeline, and the
 * guard's request history (`guard.json`, which spaces and backs off the next request).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../shared/errors';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, listFiles, tempDir } from '../../../testing/vault';

const SECRET = 'token-corpus-client-secret-3b9f';

interface Answer {
  status?: number;
  type?: string;
  body: string | Buffer;
}

const json = (value: unknown): Answer => ({ body: JSON.stringify(value) });
const CASES: Record<string, () => Answer> = {
  'a body that is not JSON': () => ({ body: '<html>oops</html>' }),
  'an empty body': () => ({ body: '' }),
  'a JSON array': () => json([1, 2, 3]),
  'JSON null': () => ({ body: 'null' }),
  'no access_token': () => json({ token_type: 'Bearer', expires_in: 3600 }),
  'an access_token that is an object': () => json({ access_token: { nested: true }, expires_in: 3600 }),
  'an access_token that is empty': () => json({ access_token: '', expires_in: 3600 }),
  'an expires_in that is text': () => json({ access_token: 'tok-0123456789abcdef', expires_in: 'soon' }),
  'a negative expires_in': () => json({ access_token: 'tok-0123456789abcdef', expires_in: -5 }),
  'a body nested 100,000 deep': () => ({ body: `{"access_token":${'['.repeat(100_000)}${']'.repeat(100_000)},"expires_in":60}` }),
  'a body of 20 MB': () => ({ body: Buffer.alloc(20 * 1024 * 1024, 0x61) }),
  'a __proto__ field': () => ({ body: '{"__proto__":{"access_token":"polluted-token-000000"},"expires_in":60}' }),
  'a server error page': () => ({ status: 500, type: 'text/html', body: '<h1>Internal Server Error</h1>' }),
  'a 401 echoing the client secret': () => ({ status: 401, body: JSON.stringify({ error: 'invalid_client', error_description: `bad secret ${SECRET}` }) }),
  'a 200 echoing the client secret without a token': () => json({ error: `client_secret ${SECRET} refused` }),
};

let app: MainServices;
let dataDir: string;
let server: http.Server;
let answer: Answer = json({});
let key: { environmentId: string; credentialId: string };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/json' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  dataDir = tempDir();
  app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: 'token corpus passphrase' });
  const environment = await app.handlers['environments:create']({ name: 'Vendor' });
  await app.handlers['variables:set']({ environmentId: environment.id, name: 'clientSecret', value: SECRET, secret: true });
  const created = await app.dispatch('credentials:create', {
    name: 'Vendor token',
    recipe: {
      version: 1,
      kind: 'token-request',
      tokenRequest: { url: `http://${host}/token`, body: { encoding: 'form', fields: { grant_type: 'client_credentials', client_secret: '{{clientSecret}}' } } },
      // Each case is a new token request: no pause between them.
      guard: { minIntervalSeconds: 0, backoffInitialSeconds: 0, backoffMaxSeconds: 0 },
    },
    environmentIds: [environment.id],
  });
  if (!created.ok) throw new Error(created.error.message);
  key = { environmentId: environment.id, credentialId: (created.value as { id: string }).id };
  // The first token request fills the allowed hosts (the environment holds a secret): do it now.
  answer = json({ access_token: 'first-token-0123456789abcdef', expires_in: 1 });
  await app.handlers['tokens:fetch']({ ...key, renew: true });
}, 60_000);

afterAll(async () => {
  await app.dispose();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The records of token requests, which every fetch adds to; everything else must stay as it was. */
const REQUEST_RECORDS = new Set(['timeline.jsonl', 'guard.json', 'guard.json.bak']);

/** Every file but the records of token requests (and the per-credential flight locks), by content. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(
    listFiles(dataDir)
      .filter((file) => !REQUEST_RECORDS.has(path.basename(file)) && !path.relative(dataDir, file).startsWith('flights'))
      .map((file) => [path.relative(dataDir, file), fs.readFileSync(file).toString('base64')]),
  );
}

describe('hostile token responses', () => {
  it.each(Object.keys(CASES))('answers %s with a clear error, keeping no token', async (name) => {
    answer = CASES[name]!();
    await app.handlers['tokens:forget'](key);
    const before = snapshot();
    const result = await app.dispatch('tokens:fetch', { ...key, renew: true });
    expect(result.ok, `${name} gave a token`).toBe(false);
    const error = (result as { ok: false; error: ErrorInfo }).error;
    expect(error.code, error.message).not.toBe('internal');
    for (const text of [error.message, error.hint ?? '', JSON.stringify(error.details ?? {})]) {
      expect(text).not.toMatch(/\n\s+at |node:internal|\.ts:\d+/);
      expect(text).not.toContain(SECRET);
      expect(text.length).toBeLessThan(3000);
    }
    expect(snapshot()).toEqual(before);
    expect(fs.readFileSync(path.join(dataDir, 'timeline.jsonl'), 'utf8')).not.toContain(SECRET);
  }, 60_000);
});
