import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { emptyDraft, type RequestDraft } from '../../../shared/runner/draft';
import { FIRST_PAGE_LINES } from '../../../shared/runner/results';
import { jsonOfSize, startApiServer, testEnvironment, createTestWorld, type ApiServer, type TestWorld } from '../../../testing/runner';
import { createRunnerService, openRunnerStores } from '../runner/service';
import { runnerHandlers, type RunnerHandlers } from './runner';

let server: ApiServer;
let dataDir: string;
let world: TestWorld;
let handlers: RunnerHandlers;
let sends = 0;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-runner-'));
  world = createTestWorld(dataDir);
  handlers = runnerHandlers(createRunnerService(world.deps, openRunnerStores({ dataDir: world.deps.dataDir, now: () => world.deps.clock.now() })));
  server.received.length = 0;
});
afterEach(() => {
  world.engine.dispose();
  world.http.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function send(draft: RequestDraft, confirmed?: boolean) {
  sends += 1;
  return handlers['runner:send']({ draft, sendId: `send-${sends}`, confirmed });
}

async function failure(pending: Promise<unknown>): Promise<AppError> {
  const error = await pending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function sandbox(overrides: Parameters<typeof testEnvironment>[0] = { name: 'Sandbox' }) {
  const environment = testEnvironment(overrides);
  world.environments.push(environment);
  world.variables.set(environment.id, {
    base: { value: server.url, secret: false },
    apiKey: { value: 'sk_live_0123456789abcdef', secret: true },
  });
  return environment;
}

describe('sending a request', () => {
  it('fills variables, shows status, headers, pretty JSON and timings, and keeps it in history', async () => {
    const env = sandbox();
    const result = await send(emptyDraft({ url: '{{base}}/json', query: [{ name: 'bytes', value: '1000', enabled: true }], environmentId: env.id }));

    expect(result.response.status).toBe(200);
    expect(result.response.headers).toContainEqual(['content-type', 'application/json']);
    expect(result.body.kind).toBe('json');
    expect(result.body.text).toBe(JSON.stringify(JSON.parse(jsonOfSize(1000)), null, 2));
    for (const phase of ['dnsMs', 'connectMs', 'tlsMs', 'firstByteMs', 'downloadMs', 'totalMs'] as const) expect(result.response.timings[phase]).toBeGreaterThanOrEqual(0);
    expect(result.response.timings.totalMs).toBeGreaterThan(0);
    expect(server.received[0]!.url).toBe('/json?bytes=1000');

    const history = await handlers['history:list']({});
    expect(history.entries.map((e) => [e.method, e.url, e.status])).toEqual([['GET', `${server.url}/json?bytes=1000`, 200]]);
    const reopened = await handlers['history:get']({ id: history.entries[0]!.id });
    expect(reopened.draft.url).toBe('{{base}}/json');
    expect(reopened.result?.body.text).toBe(result.body.text);
    expect(world.events.filter((e) => e.event === 'history:changed')).toHaveLength(1);
  });

  it('shows the request exactly as the server received it, secrets masked', async () => {
    const env = sandbox();
    const result = await send(
      emptyDraft({
        method: 'POST',
        url: '{{base}}/echo',
        headers: [
          { name: 'X-Signature', value: '{{apiKey}}', enabled: true },
          { name: 'Authorization', value: 'Bearer typed-by-hand-token', enabled: true },
        ],
        body: { type: 'json', text: '{"key":"{{apiKey}}"}' },
        environmentId: env.id,
      }),
    );
    const raw = server.received[0]!.rawHeaders;
    const receivedHeaders = raw.filter((_, i) => i % 2 === 0).map((name, i) => [name, raw[i * 2 + 1]]);
    expect(result.request.headers.map(([name]) => name)).toEqual(receivedHeaders.map(([name]) => name));
    expect(result.request.headers).toContainEqual(['X-Signature', '••••cdef']);
    expect(result.request.headers).toContainEqual(['Authorization', 'Bearer ••••']);
    expect(result.request.body).toBe('{"key":"••••cdef"}');
    expect(server.received[0]!.body).toBe('{"key":"sk_live_0123456789abcdef"}');
    expect(result.response.headers).toContainEqual(['set-cookie', 'sid=••••; Path=/; HttpOnly']);
  });

  it('refuses unknown variables before sending anything, naming them and where they are used', async () => {
    const env = sandbox();
    const error = await failure(send(emptyDraft({ url: '{{base}}/echo', headers: [{ name: 'X-Id', value: '{{tenant}}', enabled: true }], environmentId: env.id })));
    expect(error.code).toBe('unknown-variable');
    expect(error.message).toBe('{{tenant}} in header "X-Id": environment "Sandbox" has no variable named "tenant".');
    expect(server.received).toHaveLength(0);
  });

  it('asks for confirmation in a production environment, then sends once confirmed', async () => {
    const env = sandbox({ name: 'Live', production: true, confirmProduction: true });
    const draft = emptyDraft({ url: '{{base}}/echo', environmentId: env.id });
    const error = await failure(send(draft));
    expect(error.code).toBe('confirmation-required');
    expect(error.message).toContain('"Live" is a production environment');
    expect(server.received).toHaveLength(0);
    expect((await send(draft, true)).response.status).toBe(200);
  });

  it("refuses to send an environment's secrets to a host it does not allow", async () => {
    const env = sandbox({ name: 'Locked', allowedHosts: ['api.example.com'] });
    const error = await failure(send(emptyDraft({ url: '{{base}}/echo', headers: [{ name: 'X-Api-Key', value: '{{apiKey}}', enabled: true }], environmentId: env.id })));
    expect(error.code).toBe('host-not-allowed');
    expect(error.message).toContain(`to ${new URL(server.url).host}, which is not among its allowed hosts (api.example.com)`);
    expect(server.received).toHaveLength(0);
    // Without secrets the environment's non-secret variables may go anywhere.
    expect((await send(emptyDraft({ url: '{{base}}/echo', environmentId: env.id }))).response.status).toBe(200);
  });

  it('cancels a request in flight, and the history says so', async () => {
    const pending = handlers['runner:send']({ draft: emptyDraft({ url: `${server.url}/slow?ms=5000` }), sendId: 'to-cancel' });
    await expect.poll(() => server.received.length).toBe(1);
    expect(await handlers['runner:cancel']({ sendId: 'to-cancel' })).toEqual({ cancelled: true });
    const error = await failure(pending);
    expect(error.code).toBe('request-cancelled');
    expect((await handlers['history:list']({})).entries[0]!.error).toMatch(/was cancelled/);
    expect(await handlers['runner:cancel']({ sendId: 'to-cancel' })).toEqual({ cancelled: false });
  });

  it('gives up after the request timeout with advice', async () => {
    const started = Date.now();
    const error = await failure(send(emptyDraft({ url: `${server.url}/slow?ms=5000`, timeoutSeconds: 1 })));
    expect(error.code).toBe('request-error');
    expect(error.message).toMatch(/did not answer in time/);
    expect(error.hint).toMatch(/Raise the timeout/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('says visibly when the token was rejected, renewed, and the request sent again', async () => {
    const env = sandbox();
    world.credentials.push({ id: 'cred-1', name: 'Shop API', tokenUrl: `${server.url}/token` });
    const draft = emptyDraft({ url: '{{base}}/protected', environmentId: env.id, credentialId: 'cred-1' });
    expect((await send(draft)).response.renewedAfter401).toBe(false);
    // The server issues a newer token to someone else: the one Tokenbench holds is now refused.
    await fetch(`${server.url}/token`, { method: 'POST' });
    const result = await send(draft);
    expect(server.issued).toHaveLength(3);
    expect(result.response.status).toBe(200);
    expect(result.response.renewedAfter401).toBe(true);
    const auth = result.request.headers.find(([name]) => name === 'Authorization');
    expect(auth?.[1]).toMatch(/^Bearer ••••/);
    expect(auth?.[1]).not.toContain(server.issued.at(-1));
    expect(result.request.credentialName).toBe('Shop API');
  });
});

describe('large bodies', () => {
  it('sends only the first page of a large JSON body and pages the rest, formatted', async () => {
    const size = 3 * 1024 * 1024;
    const result = await send(emptyDraft({ url: `${server.url}/json?bytes=${size}` }));
    expect(result.body.text).toBeNull();
    expect(result.body.firstLines).toHaveLength(FIRST_PAGE_LINES);
    expect(result.body.firstLines.slice(0, 3)).toEqual(['[', '  {', '    "id": 0,']);

    const expected = JSON.stringify(JSON.parse(jsonOfSize(size)), null, 2).split('\n');
    const page = await handlers['runner:body-page']({ bodyId: result.body.bodyId!, view: 'pretty', from: 5000, count: 50 });
    expect(page.lines).toEqual(expected.slice(5000, 5050));
    const last = await handlers['runner:body-page']({ bodyId: result.body.bodyId!, view: 'pretty', from: expected.length - 2, count: 50 });
    expect(last).toMatchObject({ lines: expected.slice(-2), lineCount: expected.length, complete: true });

    const found = await handlers['runner:body-search']({ bodyId: result.body.bodyId!, view: 'pretty', query: '"SKU-1234"', from: 0 });
    expect(expected[found.line!]).toContain('"SKU-1234"');
    const raw = await handlers['runner:body-page']({ bodyId: result.body.bodyId!, view: 'raw', from: 0, count: 1 });
    expect(raw.lines[0]).toMatch(/… \(\d+ more characters\)$/);

    const history = await handlers['history:get']({ id: result.historyId });
    expect(history.result?.body).toMatchObject({ text: null, sizeBytes: result.body.sizeBytes, note: expect.stringMatching(/too large/) });
  });

  it('shows binary bodies as hex with an image preview', async () => {
    const result = await send(emptyDraft({ url: `${server.url}/binary` }));
    expect(result.body.kind).toBe('binary');
    expect(result.body.firstLines[0]).toBe('00000000  89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52  |.PNG........IHDR|');
    expect(result.body.imageDataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const error = await failure(handlers['runner:body-page']({ bodyId: result.body.bodyId!, view: 'pretty', from: 0, count: 10 }));
    expect(error.message).toMatch(/binary/);
  });
});

describe('saved requests and history', () => {
  it('saves, renames, moves and deletes requests, telling every window', async () => {
    const draft = emptyDraft({ url: 'https://{{host}}/orders' });
    const saved = await handlers['requests:save']({ name: 'List orders', collection: 'Shop', folder: ' orders / v3 ', draft });
    expect(saved).toMatchObject({ name: 'List orders', collection: 'Shop', folder: 'orders/v3' });
    const renamed = await handlers['requests:save']({ id: saved.id, name: 'All orders', collection: 'Shop', draft });
    expect(renamed).toMatchObject({ id: saved.id, folder: 'orders/v3', createdAt: saved.createdAt });
    expect(await runnerHandlers(createRunnerService(world.deps, openRunnerStores({ dataDir: world.deps.dataDir, now: () => world.deps.clock.now() })))['requests:list']({})).toEqual([renamed]);
    await handlers['requests:delete']({ id: saved.id });
    expect(await handlers['requests:list']({})).toEqual([]);
    expect(world.events.filter((e) => e.event === 'requests:changed')).toHaveLength(3);
    expect((await failure(handlers['requests:delete']({ id: saved.id }))).code).toBe('not-found');
  });

  it('searches and clears the history', async () => {
    await send(emptyDraft({ url: `${server.url}/text` }));
    await send(emptyDraft({ method: 'POST', url: `${server.url}/echo`, body: { type: 'raw', text: 'hi' } }));
    expect((await handlers['history:list']({ search: 'post' })).entries.map((e) => e.method)).toEqual(['POST']);
    expect((await handlers['history:list']({ search: '/text' })).entries).toHaveLength(1);
    expect(await handlers['history:clear']({})).toEqual({ cleared: 2 });
    expect((await handlers['history:list']({})).entries).toEqual([]);
    expect((await failure(handlers['history:get']({ id: '../../requests' }))).code).toBe('not-found');
  });
});
