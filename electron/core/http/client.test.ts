import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from './client';
import { HttpError } from './errors';
import { makeTestCertificates, type TestCertificates } from '../../../testing/certificates';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Array<{ close(): void; closeAllConnections?(): void }> = [];

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server as Server);
  return (server.address() as AddressInfo).port;
}

/** A loopback server recording what it received. */
async function startServer(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, body, res);
    });
  });
  return { url: `http://127.0.0.1:${await listen(server)}`, seen };
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected an HttpError');
}

const client = createHttpClient();
let certs: TestCertificates;

beforeAll(() => {
  certs = makeTestCertificates();
});

afterAll(() => {
  client.close();
  for (const server of servers) {
    server.closeAllConnections?.();
    server.close();
  }
});

describe('HTTP client', () => {
  it('reports a timing breakdown and reuses connections', async () => {
    const server = await startServer((_req, _body, res) => res.end('ok'));
    const first = await client.send({ method: 'GET', url: `${server.url}/a` });
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe('ok');
    expect(first.timings.reusedConnection).toBe(false);
    for (const phase of ['dnsMs', 'connectMs', 'tlsMs', 'firstByteMs', 'downloadMs', 'totalMs'] as const) expect(first.timings[phase]).toBeGreaterThanOrEqual(0);
    expect(first.timings.totalMs).toBeGreaterThan(0);
    const second = await client.send({ method: 'GET', url: `${server.url}/b` });
    expect(second.timings.reusedConnection).toBe(true);
    expect(second.timings.connectMs).toBe(0);
  });

  it('drops credentials when a redirect changes origin, keeps them on the same origin', async () => {
    const other = await startServer((_req, _body, res) => res.end('landed'));
    const first = await startServer((req, _body, res) => {
      if (req.url === '/same') res.writeHead(302, { location: '/final' }).end();
      else if (req.url === '/final') res.end('same origin');
      else res.writeHead(302, { location: `${other.url}/elsewhere` }).end();
    });
    const headers = { Authorization: 'Bearer SECRET-TOKEN', Cookie: 'sid=SECRET-COOKIE', 'X-Api-Key': 'SECRET-KEY', 'X-Trace': 'kept' };
    const crossed = await client.send({ method: 'POST', url: `${first.url}/start`, headers, body: 'client_secret=SECRET', sensitiveHeaders: ['X-Api-Key'] });
    expect(crossed.body.toString()).toBe('landed');
    expect(crossed.url).toBe(`${other.url}/elsewhere`);
    expect(crossed.redirects).toEqual([{ status: 302, from: `${first.url}/start`, to: `${other.url}/elsewhere`, credentialsDropped: true }]);
    const landed = other.seen[0]!;
    expect(landed.method).toBe('GET');
    expect(landed.body).toBe('');
    expect(landed.headers.authorization).toBeUndefined();
    expect(landed.headers.cookie).toBeUndefined();
    expect(landed.headers['x-api-key']).toBeUndefined();
    expect(landed.headers['x-trace']).toBe('kept');
    expect(JSON.stringify(other.seen)).not.toContain('SECRET');

    const same = await client.send({ method: 'GET', url: `${first.url}/same`, headers });
    expect(same.body.toString()).toBe('same origin');
    expect(first.seen.at(-1)!.headers.authorization).toBe('Bearer SECRET-TOKEN');
  });

  it('refuses to resend a credential-bearing body across origins (307), strips headers otherwise', async () => {
    const other = await startServer((_req, body, res) => res.end(`got ${body}`));
    const first = await startServer((_req, _body, res) => res.writeHead(307, { location: `${other.url}/t` }).end());
    const refused = await failure(client.send({ method: 'POST', url: first.url, body: 'secret=x', sensitiveBody: true }));
    expect(refused.code).toBe('redirect-refused');
    expect(other.seen).toHaveLength(0);
    const plain = await client.send({ method: 'POST', url: first.url, body: 'a=1', headers: { Authorization: 'Basic abc' } });
    expect(plain.body.toString()).toBe('got a=1');
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('does not follow a redirect to a host outside the allowed hosts it was given', async () => {
    const other = await startServer((_req, _body, res) => res.end('landed'));
    const first = await startServer((req, _body, res) => {
      if (req.url === '/inside') res.writeHead(302, { location: '/final' }).end();
      else if (req.url === '/final') res.end('same host');
      else res.writeHead(302, { location: `${other.url}/elsewhere` }).end();
    });
    const allowedHosts = [new URL(first.url).host];
    const refused = await failure(client.send({ method: 'GET', url: `${first.url}/out`, allowedHosts }));
    expect(refused.code).toBe('redirect-refused');
    expect(refused.message).toBe(`${new URL(first.url).host} redirected to ${new URL(other.url).host}, which is not among the environment's allowed hosts; the redirect was not followed.`);
    expect(other.seen).toHaveLength(0);
    expect((await client.send({ method: 'GET', url: `${first.url}/inside`, allowedHosts })).body.toString()).toBe('same host');
  });

  it('reports a redirect to an unusable address as an HTTP error naming the host, not the address', async () => {
    const broken = await startServer((_req, _body, res) => res.writeHead(302, { location: 'http://[bad-host/secret?key=k3y-in-location' }).end());
    const error = await failure(client.send({ method: 'GET', url: `${broken.url}/start` }));
    expect(error.code).toBe('invalid-url');
    expect(error.message).not.toContain('k3y-in-location');
    const other = await startServer((_req, _body, res) => res.writeHead(302, { location: 'ftp://files.example.com/secret?key=k3y' }).end());
    const refused = await failure(client.send({ method: 'GET', url: `${other.url}/start` }));
    expect(refused.code).toBe('invalid-url');
    expect(refused.message).not.toContain('k3y');
  });

  it('stops after a few redirects', async () => {
    const loop = await startServer((req, _body, res) => res.writeHead(302, { location: `/${Number(req.url!.slice(1)) + 1}` }).end());
    expect((await failure(client.send({ method: 'GET', url: `${loop.url}/0` }))).code).toBe('too-many-redirects');
    expect(loop.seen).toHaveLength(6);
    const unfollowed = await client.send({ method: 'GET', url: `${loop.url}/0`, maxRedirects: 0 });
    expect(unfollowed.status).toBe(302);
  });

  it('caps the response size, declared or streamed', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const server = await startServer((req, _body, res) => {
      if (req.url === '/declared') res.end(big);
      else {
        res.writeHead(200, { 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 32; i++) res.write('y'.repeat(64 * 1024));
        res.end();
      }
    });
    expect((await failure(client.send({ method: 'GET', url: `${server.url}/declared`, maxBodyBytes: 1024 * 1024 }))).code).toBe('too-large');
    expect((await failure(client.send({ method: 'GET', url: `${server.url}/streamed`, maxBodyBytes: 1024 * 1024 }))).code).toBe('too-large');
    const fine = await client.send({ method: 'GET', url: `${server.url}/declared`, maxBodyBytes: 3 * 1024 * 1024 });
    expect(fine.body.length).toBe(big.length);
  });

  it('times out a server that never answers, and a connection that never completes its TLS handshake', async () => {
    const hung = await startServer(() => undefined);
    const started = Date.now();
    expect((await failure(client.send({ method: 'GET', url: hung.url, timeoutMs: 200 }))).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    const silent = createTcpServer(() => undefined);
    const port = await listen(silent);
    expect((await failure(client.send({ method: 'GET', url: `https://127.0.0.1:${port}/`, connectTimeoutMs: 200, timeoutMs: 5000 }))).code).toBe('connect-timeout');
  });

  it('cancels on AbortSignal', async () => {
    const hung = await startServer(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect((await failure(client.send({ method: 'GET', url: hung.url, signal: controller.signal }))).code).toBe('aborted');
  });

  it('names refused connections, DNS failures and invalid URLs', async () => {
    const closed = createTcpServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await failure(client.send({ method: 'GET', url: `http://127.0.0.1:${port}/` }));
    expect(refused.code).toBe('connection-refused');
    expect(refused.message).toBe(`127.0.0.1:${port} refused the connection: nothing is listening there.`);
    expect((await failure(client.send({ method: 'GET', url: 'http://no-such-host.invalid/' }))).code).toBe('dns-failure');
    expect((await failure(client.send({ method: 'GET', url: 'ftp://example.com/' }))).code).toBe('invalid-url');
  });

  describe('TLS', () => {
    async function tlsServer(pair: { key: string; cert: string }): Promise<string> {
      const server = createHttpsServer(pair, (_req, res) => res.end('secure'));
      return `https://127.0.0.1:${await listen(server)}`;
    }

    it('verifies certificates and names each failure', async () => {
      const trusting = createHttpClient({ trustedCertificates: [certs.ca] });
      try {
        expect((await trusting.send({ method: 'GET', url: await tlsServer(certs.valid) })).body.toString()).toBe('secure');
        expect((await failure(trusting.send({ method: 'GET', url: await tlsServer(certs.expired) }))).code).toBe('tls-expired');
        expect((await failure(trusting.send({ method: 'GET', url: await tlsServer(certs.wrongHost) }))).code).toBe('tls-hostname-mismatch');
        expect((await failure(trusting.send({ method: 'GET', url: await tlsServer(certs.selfSigned) }))).code).toBe('tls-self-signed');
        // The private CA is trusted only by the client that was told to.
        expect((await failure(client.send({ method: 'GET', url: await tlsServer(certs.valid) }))).code).toBe('tls-untrusted');
      } finally {
        trusting.close();
      }
    });

    it('skips verification only when explicitly allowed, on a separate connection pool', async () => {
      const url = await tlsServer(certs.selfSigned);
      expect((await client.send({ method: 'GET', url, allowInsecureTls: true })).body.toString()).toBe('secure');
      expect((await failure(client.send({ method: 'GET', url }))).code).toBe('tls-self-signed');
    });
  });
});
