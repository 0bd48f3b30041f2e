// The renderer never receives a secret value: secret variables (and a credential's token) are
// planted, sent in every part of requests to a server that echoes them back, and then looked for
// in every handler response, every event and every file the runner wrote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyDraft, type RequestDraft } from '../../../shared/runner/draft';
import { createTestWorld, startApiServer, testEnvironment, type ApiServer } from '../../../testing/runner';
import { createRunnerService, openRunnerStores } from '../runner/service';
import { runnerHandlers } from './runner';

const CANARY_HEADER = 'canary-header-7f3a9c1e5b2d';
const CANARY_QUERY = 'canary query & 4e8d0b6a91';
const CANARY_BODY = 'canary"body\\5c2e7a3f9d';

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

it('no secret value reaches a handler response, an event, the history or any file', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-canary-'));
  const world = createTestWorld(dataDir);
  const handlers = runnerHandlers(createRunnerService(world.deps, openRunnerStores({ dataDir: world.deps.dataDir, now: () => world.deps.clock.now() })));
  const env = testEnvironment({ name: 'Canary' });
  world.environments.push(env);
  world.variables.set(env.id, {
    base: { value: server.url, secret: false },
    headerSecret: { value: CANARY_HEADER, secret: true },
    querySecret: { value: CANARY_QUERY, secret: true },
    bodySecret: { value: CANARY_BODY, secret: true },
  });
  world.credentials.push({ id: 'cred', name: 'Echo API', tokenUrl: `${server.url}/token` });
  const outputs: unknown[] = [];
  const keep = async <T>(pending: Promise<T>): Promise<T> => {
    try {
      const value = await pending;
      outputs.push(value);
      return value;
    } catch (error) {
      outputs.push({ message: (error as Error).message, hint: (error as { hint?: string }).hint });
      throw error;
    }
  };

  const everywhere = (extra: Partial<RequestDraft> = {}): RequestDraft =>
    emptyDraft({
      method: 'POST',
      url: '{{base}}/echo',
      query: [{ name: 'q', value: '{{querySecret}}', enabled: true }],
      headers: [
        { name: 'X-Signature', value: '{{headerSecret}}', enabled: true },
        { name: 'Authorization', value: 'Basic {{headerSecret}}', enabled: true },
      ],
      body: { type: 'json', text: JSON.stringify({ secret: '{{bodySecret}}', again: '{{headerSecret}}' }) },
      environmentId: env.id,
      ...extra,
    });

  await keep(handlers['runner:send']({ draft: everywhere(), sendId: 'a' }));
  await keep(handlers['runner:send']({ draft: everywhere({ credentialId: 'cred', headers: [] }), sendId: 'b' }));
  await keep(handlers['runner:send']({ draft: everywhere({ body: { type: 'form', fields: [{ name: 's', value: '{{bodySecret}}', enabled: true }] } }), sendId: 'c' }));
  // A body large enough to be paged from the main process.
  const large = await keep(handlers['runner:send']({ draft: everywhere({ body: { type: 'raw', text: `${'x'.repeat(300_000)} {{bodySecret}} {{querySecret}}` } }), sendId: 'd' }));
  expect(large.body.text).toBeNull();
  for (const view of ['raw', 'pretty'] as const) {
    await keep(handlers['runner:body-page']({ bodyId: large.body.bodyId!, view, from: 0, count: 5000 }));
  }
  // A failure: nothing listens on port 1.
  await keep(handlers['runner:send']({ draft: everywhere({ url: 'http://127.0.0.1:1/{{headerSecret}}' }), sendId: 'e' })).catch(() => undefined);
  await keep(handlers['runner:export-curl']({ draft: everywhere(), reveal: false }));
  const history = await keep(handlers['history:list']({}));
  for (const entry of history.entries) await keep(handlers['history:get']({ id: entry.id }));

  expect(history.entries).toHaveLength(5);
  expect(server.issued).toHaveLength(1);
  const secrets = [CANARY_HEADER, CANARY_QUERY, encodeURIComponent(CANARY_QUERY), CANARY_BODY, JSON.stringify(CANARY_BODY).slice(1, -1), server.issued[0]!];
  const seen = {
    responses: JSON.stringify(outputs),
    events: JSON.stringify(world.events),
    files: filesUnder(dataDir).map((file) => fs.readFileSync(file, 'utf8')).join('\n'),
  };
  // The echo server really got the secrets, so the masking had something to do.
  expect(server.received.map((r) => r.body).join('')).toContain(CANARY_BODY);
  for (const [where, text] of Object.entries(seen)) {
    for (const secret of secrets) expect(text.includes(secret), `${where} contain ${secret}`).toBe(false);
  }
  // The same check finds the secrets when the user explicitly asks to reveal them.
  const revealed = await handlers['runner:export-curl']({ draft: everywhere(), reveal: true });
  expect(revealed.command).toContain(CANARY_HEADER);
  expect(revealed.command).toContain(encodeURIComponent(CANARY_QUERY).replace(/%20/g, '+'));

  world.engine.dispose();
  world.http.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
