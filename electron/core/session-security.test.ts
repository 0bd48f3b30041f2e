// A realistic session through the app's own services (vault, presets, token engine, runner,
// timeline, export, demo) against a local server that echoes everything it receives and hands
// out cookies. Afterwards: no secret value, token or refresh token reached any handler answer,
// event or file in plain text, and every file and folder in the data folder is private.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyDraft } from '../../shared/runner/draft';
import { createMainServices } from './services';
import { TEST_SCRYPT, tempDir, testClipboard } from '../../testing/vault';

const CLIENT_SECRET = 'client-secret-9d3f6a1c7e';
const API_KEY = 'api~key!9c2e(5b)7a'; // characters that form and URL encodings treat differently
const PASSWORD = 'basic-password-4b8e1d';
const ACCESS_TOKEN = 'access-token-1e5c9a7f3b';
const REFRESH_TOKEN = 'refresh-token-6a2d8c4e0f';
const SESSION_COOKIE = 'session-cookie-3f7b1e9d5c';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      response.setHeader('Set-Cookie', [`sid=${SESSION_COOKIE}; Path=/; HttpOnly`]);
      response.setHeader('Content-Type', 'application/json');
      if (request.url === '/token') {
        response.end(JSON.stringify({ access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN, token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      // An API that echoes what it received (like httpbin), under names that say nothing secret.
      response.end(JSON.stringify({ url: request.url, received: request.headers, got: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? [full, ...walk(full)] : [full];
  });
}

it('a whole session leaks no secret to the renderer or the disk, and keeps every file private', async () => {
  // Electron creates its userData folder world-readable before Tokenbench runs.
  const dataDir = tempDir();
  fs.chmodSync(dataDir, 0o755);
  const exportDir = tempDir();
  const exports: string[] = [];
  const files = {
    chooseExportFile: async (name: string) => exports[exports.push(path.join(exportDir, `${exports.length}-${name}`)) - 1]!,
    chooseImportFile: async () => null,
  };
  const seen: unknown[] = [];
  const logged: string[] = [];
  const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, clipboard: testClipboard(), files, log: (m) => logged.push(m) });
  app.onEvent((event, payload) => seen.push({ event, payload }));
  const call = async <T>(pending: Promise<T>): Promise<T> => {
    const value = await pending;
    seen.push(value);
    return value;
  };
  try {
    await call(app.handlers['vault:setup']({ passphrase: 'a long test passphrase' }));
    const env = await call(app.handlers['environments:create']({ name: 'Sandbox' }));
    const oauth = await call(
      app.handlers['credentials:add-from-preset']({
        presetId: 'oauth2-client-credentials-basic',
        environmentId: env.id,
        values: { tokenUrl: `${base}/token`, clientId: 'client-id', clientSecret: CLIENT_SECRET },
      }),
    );
    const apiKey = await call(
      app.handlers['credentials:add-from-preset']({ presetId: 'static-api-key', environmentId: env.id, name: 'Query key', values: { apiKey: API_KEY, expiresOn: '2099-01-01' } }),
    );
    // The key travels in the query string.
    await call(
      app.handlers['credentials:update']({
        id: apiKey.credential.id,
        recipe: { ...(apiKey.credential.recipe as object), use: { in: 'query', name: 'key', value: '{{token}}' } } as never,
      }),
    );
    const basic = await call(
      app.handlers['credentials:add-from-preset']({ presetId: 'http-basic', environmentId: env.id, values: { username: 'user', password: PASSWORD, expiresOn: '2099-01-01' } }),
    );

    await call(app.handlers['tokens:fetch']({ environmentId: env.id, credentialId: oauth.credential.id }));
    await call(app.handlers['tokens:list']({}));
    await call(app.handlers['tokens:inspect']({ environmentId: env.id, credentialId: oauth.credential.id }));
    const timeline = await call(app.handlers['timeline:list']({}));
    for (const entry of timeline) {
      // Reading the body getter, as sending it over IPC would.
      seen.push(JSON.parse(JSON.stringify(entry)));
      await call(app.handlers['timeline:curl']({ entryId: entry.id, reveal: false }));
    }

    for (const credential of [oauth.credential, apiKey.credential, basic.credential]) {
      const draft = emptyDraft({ method: 'POST', url: `${base}/echo?x=1`, environmentId: env.id, credentialId: credential.id, body: { type: 'raw', text: 'hello' } });
      const result = await call(app.handlers['runner:send']({ draft, sendId: credential.id }));
      if (result.body.bodyId) await call(app.handlers['runner:body-page']({ bodyId: result.body.bodyId, view: 'raw', from: 0, count: 100 }));
      await call(app.handlers['runner:export-curl']({ draft, reveal: false }));
    }
    const history = await call(app.handlers['history:list']({}));
    for (const entry of history.entries) await call(app.handlers['history:get']({ id: entry.id }));
    await call(app.handlers['requests:save']({ name: 'Echo', collection: 'Tests', draft: emptyDraft({ url: `${base}/echo`, environmentId: env.id }) }));
    await call(app.handlers['demo:start']({}));
    await call(app.handlers['portability:export']({}));
    await call(app.handlers['portability:export']({ includeSecrets: true, passphrase: 'export passphrase 123' }));
    await call(app.handlers['environments:list']({}));
    await call(app.handlers['credentials:list']({}));

    const everything = JSON.stringify(seen) + logged.join('\n');
    const basicHeader = Buffer.from(`user:${PASSWORD}`).toString('base64');
    const clientAuth = Buffer.from(`client-id:${CLIENT_SECRET}`).toString('base64');
    const written = [...walk(dataDir), ...exports].filter((file) => fs.statSync(file).isFile());
    const secrets = [CLIENT_SECRET, API_KEY, encodeURIComponent(API_KEY), new URLSearchParams({ k: API_KEY }).toString().slice(2), PASSWORD, ACCESS_TOKEN, REFRESH_TOKEN, SESSION_COOKIE, basicHeader, clientAuth];
    const leaks = [{ where: 'handler answers, events and logs', text: everything }, ...written.map((file) => ({ where: path.basename(file), text: fs.readFileSync(file, 'utf8') }))].flatMap(({ where, text }) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${where}: …${text.slice(Math.max(0, text.indexOf(secret) - 80), text.indexOf(secret) + secret.length)}`),
    );
    expect(leaks).toEqual([]);

    expect(exports).toHaveLength(2);
    const modes = [dataDir, ...walk(dataDir), ...exports].map((file) => {
      const stat = fs.statSync(file);
      return { file: path.relative(dataDir, file) || '(data folder)', mode: (stat.mode & 0o777).toString(8), expected: stat.isDirectory() ? '700' : '600' };
    });
    expect(modes.length).toBeGreaterThan(10);
    expect(modes.filter((m) => m.mode !== m.expected)).toEqual([]);
  } finally {
    await app.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(exportDir, { recursive: true, force: true });
  }
});
