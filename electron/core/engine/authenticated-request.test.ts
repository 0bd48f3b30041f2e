// The URL reported as sent masks a token that travels in the query string, whatever characters it
// holds: URL objects encode `~!'()` and spaces differently from encodeURIComponent. Every token sent
// is announced before it leaves, so the caller can mask what comes back.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient } from '../http';
import { authenticatedRequest } from './authenticated-request';
import type { IssuedToken } from './types';

const TOKEN = "query~token!with'(odd) chars";
let server: http.Server;
let base: string;
const client = createHttpClient();

beforeAll(async () => {
  server = http.createServer((request, response) => {
    response.statusCode = request.headers.authorization === 'Bearer rejected-token' ? 401 : 200;
    response.end(request.url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('masks a query-string token in the URL it reports, and still sends it', async () => {
  const issued: IssuedToken = { token: TOKEN, tokenType: 'Bearer', issuedAt: null, expiresAt: null, extras: {}, use: { in: 'query', name: 'key', value: TOKEN }, fromCache: true };
  const env = { id: 'e', name: 'Sandbox', production: false, allowedHosts: [], allowInsecureTls: false, variables: {} };
  const sent = await authenticatedRequest({ http: client, token: async () => issued, renewAfterRejection: async () => undefined }, env, { method: 'GET', url: `${base}/orders?page=2` });

  expect(new URL(base + sent.response.body.toString()).searchParams.get('key')).toBe(TOKEN);
  const shown = new URL(sent.sentUrl);
  expect(shown.searchParams.get('page')).toBe('2');
  expect(shown.searchParams.get('key')).not.toContain('query~token');
  expect(decodeURIComponent(sent.sentUrl.replace(/\+/g, ' '))).not.toContain(TOKEN);
});

it('announces every token before it is sent, the rejected one and its renewal', async () => {
  const token = (value: string): IssuedToken => ({ token: value, tokenType: 'Bearer', issuedAt: null, expiresAt: null, extras: {}, use: { in: 'header', name: 'Authorization', value: `Bearer ${value}` }, fromCache: false });
  const env = { id: 'e', name: 'Sandbox', production: false, allowedHosts: [], allowInsecureTls: false, variables: {} };
  const announced: string[] = [];
  const sent = await authenticatedRequest(
    { http: client, token: async () => token('rejected-token'), renewAfterRejection: async () => token('renewed-token') },
    env,
    { method: 'GET', url: `${base}/orders`, onTokenAttached: (value) => announced.push(value) },
  );
  expect(sent.renewedAfter401).toBe(true);
  expect(sent.response.status).toBe(200);
  expect(announced).toEqual(['rejected-token', 'renewed-token']);
});
