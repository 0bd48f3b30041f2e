/**
 * A stand-in for HashiCorp Vault's HTTP API, the part Tokenbench uses, as documented: KV v2 reads
 * (`GET /v1/MOUNT/data/PATH` with X-Vault-Token; `{ data: { data, metadata } }`), AppRole login
 * (`POST /v1/auth/approle/login` -> `{ auth: { client_token } }`), `{ errors: [...] }` with 403,
 * 404 and 503 (sealed). No Vault server can be installed on this machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface VaultServerOptions {
  /** mount -> path -> fields */
  secrets: Record<string, Record<string, Record<string, unknown>>>;
  rootToken: string;
  appRole?: { roleId: string; secretId: string };
}

export interface VaultServer {
  address: string;
  sealed: boolean;
  /** Requests seen, without bodies: method and path. */
  requests: string[];
  close(): Promise<void>;
}

export async function startVaultServer(options: VaultServerOptions): Promise<VaultServer> {
  const tokens = new Set([options.rootToken]);
  let issued = 0;
  const state = { sealed: false, requests: [] as string[] };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://vault');
      state.requests.push(`${request.method} ${url.pathname}`);
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (state.sealed) return answer(503, { errors: ['Vault is sealed'] });
      if (request.method === 'POST' && url.pathname === '/v1/auth/approle/login') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { role_id?: string; secret_id?: string };
        if (!options.appRole || body.role_id !== options.appRole.roleId || body.secret_id !== options.appRole.secretId) return answer(400, { errors: ['invalid role or secret ID'] });
        const token = `hvs.approle-${++issued}`;
        tokens.add(token);
        return answer(200, { auth: { client_token: token, lease_duration: 3600, renewable: true } });
      }
      const match = /^\/v1\/([^/]+)\/data\/(.+)$/.exec(url.pathname);
      if (request.method !== 'GET' || !match) return answer(404, { errors: [] });
      if (!tokens.has(String(request.headers['x-vault-token'] ?? ''))) return answer(403, { errors: ['permission denied'] });
      const fields = options.secrets[decodeURIComponent(match[1]!)]?.[match[2]!.split('/').map(decodeURIComponent).join('/')];
      if (!fields) return answer(404, { errors: [] });
      return answer(200, { data: { data: fields, metadata: { version: 1, created_time: '2026-11-30T09:00:00Z', deletion_time: '', destroyed: false } } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    get sealed() {
      return state.sealed;
    },
    set sealed(value) {
      state.sealed = value;
    },
    requests: state.requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
