// The runner masks with the secrets of the environment a request runs in and the token it
// attached, in every encoding they come back in, and with nothing else: a value that merely equals
// another environment's secret is data in this response, and stays as it is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft, type RequestDraft } from '../../../shared/runner/draft';
import { BodyStore } from './body-store';
import { HistoryStore } from './history';
import { sendDraft, type RunnerState } from './send';
import { createTestWorld, startApiServer, testEnvironment, type ApiServer } from '../../../testing/runner';

// Regex, JSON and URL metacharacters, so every encoding differs from the raw value.
const SANDBOX_SECRET = 'sandbox key+/"q"\\7c1e';
const PRODUCTION_SECRET = 'production-secret-9b2f44';

let server: ApiServer;
let dataDir: string;
beforeAll(async () => {
  server = await startApiServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-runner-mask-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function setup() {
  const world = createTestWorld(fs.mkdtempSync(path.join(dataDir, 'world-')));
  const sandbox = testEnvironment({ name: 'Sandbox' });
  const production = testEnvironment({ name: 'Production' });
  world.environments.push(sandbox, production);
  world.variables.set(sandbox.id, { base: { value: server.url, secret: false }, apiKey: { value: SANDBOX_SECRET, secret: true } });
  world.variables.set(production.id, { base: { value: server.url, secret: false }, apiKey: { value: PRODUCTION_SECRET, secret: true } });
  world.credentials.push({ id: 'cred', name: 'Echo API', tokenUrl: `${server.url}/token` });
  const state: RunnerState = { deps: world.deps, bodies: new BodyStore(), history: new HistoryStore(world.deps.dataDir), inFlight: new Map() };
  const done = () => {
    world.engine.dispose();
    world.http.close();
  };
  return { world, state, sandbox, done };
}

/** Every encoding of the sandbox secret the echo can carry back. */
const encodings = (secret: string) => [
  secret,
  encodeURIComponent(secret),
  new URLSearchParams({ v: secret }).toString().slice(2),
  JSON.stringify(secret).slice(1, -1),
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('base64url'),
];

function echoDraft(environmentId: string, extra: Partial<RequestDraft> = {}): RequestDraft {
  return emptyDraft({
    method: 'POST',
    url: '{{base}}/echo',
    query: [{ name: 'k', value: '{{apiKey}}', enabled: true }],
    headers: [
      { name: 'X-Key', value: '{{apiKey}}', enabled: true },
      { name: 'X-Encoded', value: Buffer.from(SANDBOX_SECRET).toString('base64'), enabled: true },
      { name: 'X-Other-Environment', value: PRODUCTION_SECRET, enabled: true },
    ],
    body: { type: 'raw', text: `{{apiKey}} ${Buffer.from(SANDBOX_SECRET).toString('base64url')} ${PRODUCTION_SECRET}` },
    environmentId,
    ...extra,
  });
}

describe('the runner masks with the environment in use', () => {
  it('masks this environment\'s secret and the attached token in every encoding, and leaves another environment\'s secret as it is', async () => {
    const { state, sandbox, done } = setup();
    const result = await sendDraft(state, echoDraft(sandbox.id, { credentialId: 'cred' }), 'one', false);
    const token = server.issued.at(-1)!;
    // The echo really carried every value back, so the masking had something to do.
    expect(server.received.at(-1)!.body).toContain(SANDBOX_SECRET);
    expect(server.received.at(-1)!.rawHeaders).toContain(`Bearer ${token}`);

    const historyDir = path.join(state.deps.dataDir, 'history');
    const files = fs.readdirSync(historyDir, { recursive: true, encoding: 'utf8' }).filter((name) => fs.statSync(path.join(historyDir, name)).isFile());
    expect(files).toHaveLength(2);
    const history = files.map((name) => fs.readFileSync(path.join(historyDir, name), 'utf8')).join('\n');
    for (const [where, text] of Object.entries({ result: JSON.stringify(result), history })) {
      for (const form of [...encodings(SANDBOX_SECRET), ...encodings(token)]) expect(text.includes(form), `${where} holds ${form}`).toBe(false);
      expect(text, where).toContain(`••••${token.slice(-4)}`);
      expect(text, where).toContain(PRODUCTION_SECRET);
    }
    const echoed = JSON.parse(result.body.raw!) as { headers: Record<string, string>; body: string };
    expect(echoed.headers.authorization).toBe(`Bearer ••••${token.slice(-4)}`);
    expect(echoed.headers['x-other-environment']).toBe(PRODUCTION_SECRET);
    expect(echoed.headers['x-key']).toBe('••••7c1e');
    done();
  });

  it('masks a request without a credential by its environment\'s secrets only', async () => {
    const { state, sandbox, done } = setup();
    const result = await sendDraft(state, echoDraft(sandbox.id), 'two', false);
    const echoed = JSON.parse(result.body.raw!) as { body: string };
    expect(echoed.body).toBe(`••••7c1e ••••7c1e ${PRODUCTION_SECRET}`);
    done();
  });
});
