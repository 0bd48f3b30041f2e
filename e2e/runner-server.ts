/**
 * A small API for the runner specs and benchmark, on 127.0.0.1 with a random port: `/orders`
 * answers JSON (201 for POST, echoing the body), `/big?mb=N` answers an N MB JSON array (built
 * once, then served from memory), `/small` a 2 KB one. Not a spec (no `.spec.ts`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunnerApiServer {
  url: string;
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

/** A minified JSON array of orders, about `bytes` long. */
export function ordersJson(bytes: number): string {
  const order = (i: number) => ({ id: i, reference: `ORD-${String(i).padStart(7, '0')}`, customer: { name: `Customer ${i}`, city: 'Lyon' }, lines: [{ sku: `SKU-${i % 97}`, qty: (i % 5) + 1, price: 12.5 }], paid: i % 2 === 0 });
  const items: string[] = [];
  let length = 2;
  while (length < bytes || items.length === 0) {
    const item = JSON.stringify(order(items.length));
    items.push(item);
    length += item.length + 1;
  }
  return `[${items.join(',')}]`;
}

export async function startRunnerApi(): Promise<RunnerApiServer> {
  const requests: RunnerApiServer['requests'] = [];
  const cache = new Map<number, Buffer>();
  const body = (bytes: number) => {
    if (!cache.has(bytes)) cache.set(bytes, Buffer.from(ordersJson(bytes)));
    return cache.get(bytes)!;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/orders') {
        // `delayMs` keeps the answer back, so that a spec can act while the request is in flight.
        setTimeout(() => {
          res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json', 'X-Served-By': 'runner-e2e' });
          res.end(JSON.stringify({ received: text ? JSON.parse(text) : null, limit: Number(url.searchParams.get('limit') ?? 10), orders: [{ id: 1, total: 42 }] }));
        }, Number(url.searchParams.get('delayMs') ?? 0));
        return;
      }
      if (url.pathname === '/big' || url.pathname === '/small') {
        const bytes = url.pathname === '/small' ? 2048 : Number(url.searchParams.get('mb') ?? 20) * 1024 * 1024;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(body(bytes));
      }
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":"not found"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
