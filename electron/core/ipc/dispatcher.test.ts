import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createMainServices, type MainServices } from '../services';
import { createDispatcher } from './dispatcher';

let services: MainServices;
let dataDir: string;

async function start() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-dispatch-'));
  services = await createMainServices({ dataDir, log: () => {} });
}

afterEach(async () => {
  await services?.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('refuses a payload that breaks the schema, saying which field and why', async () => {
    await start();
    const result = await services.dispatch('environments:create', { name: '   ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toBe('Give the environment a name.');
    expect(result.error.hint).toBe('Nothing was changed. The "create environments" request was refused at: name.');
  });

  it('refuses fields the contract does not know, and non-object payloads', async () => {
    await start();
    const extra = await services.dispatch('environments:create', { name: 'ok', shell: 'rm -rf /' });
    expect(extra.ok).toBe(false);
    const notObject = await services.dispatch('environments:rename', 'sandbox');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses ids and id lists of a size no id of ours has', async () => {
    await start();
    const huge = 'x'.repeat(1_000_000);
    for (const [channel, payload] of [
      ['tokens:fetch', { environmentId: huge, credentialId: 'c' }],
      ['secrets:reveal', { environmentId: huge, name: 'clientSecret' }],
      ['timeline:curl', { entryId: huge, reveal: true }],
      ['credentials:delete', { id: huge }],
      ['portability:export', { environmentIds: Array.from({ length: 20_000 }, () => 'e') }],
    ] as const) {
      const result = await services.dispatch(channel, payload);
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.code, channel).toBe('invalid-request');
    }
  });

  it('refuses a channel that is not in the contract', async () => {
    await start();
    expect(await services.dispatch('fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('returns handler failures as readable errors, not exceptions', async () => {
    await start();
    const result = await services.dispatch('environments:rename', { id: 'missing', name: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('no longer exists') } });
  });

  it('scrubs secrets from every text of an error: message, hint and details', async () => {
    await start();
    const secret = 'sk-live-CANARY-4410';
    const failing = async (): Promise<never> => {
      throw new AppError('bad', `message ${secret}`, { hint: `hint ${secret}`, details: { url: `https://x/?k=${secret}`, status: 401 } });
    };
    const dispatch = createDispatcher({ ...services.handlers, 'environments:list': failing }, { redact: (text) => text.split(secret).join('••••') });
    const result = await dispatch('environments:list', {});
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(result).toMatchObject({ ok: false, error: { message: 'message ••••', hint: 'hint ••••', details: { url: 'https://x/?k=••••', status: 401 } } });
  });

  it('creates, renames and deletes environments, and emits the new list each time', async () => {
    await start();
    const seen: unknown[] = [];
    services.onEvent((event, payload) => event === 'environments:changed' && seen.push([event, payload]));
    const created = await services.dispatch('environments:create', { name: 'Sandbox' });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: string };
    expect(await services.dispatch('environments:rename', { id, name: 'Staging' })).toMatchObject({ ok: true, value: { name: 'Staging' } });
    expect(await services.dispatch('environments:delete', { id })).toEqual({ ok: true, value: { deleted: id } });
    expect(seen.map((entry) => (entry as [string, { name: string }[]])[1].map((e) => e.name))).toEqual([['Sandbox'], ['Staging'], []]);
  });
});
