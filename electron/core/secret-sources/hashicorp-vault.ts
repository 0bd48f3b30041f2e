/**
 * A field of a HashiCorp Vault KV v2 secret, read over Vault's HTTP API
 * (`GET /v1/MOUNT/data/PATH`). Vault's own environment variables say where and who: VAULT_ADDR,
 * VAULT_NAMESPACE, and either VAULT_TOKEN or an AppRole login with VAULT_ROLE_ID and
 * VAULT_SECRET_ID (VAULT_APPROLE_PATH when it is not mounted at `approle`). An AppRole token is
 * kept in memory for the process, never written down.
 */
import type { SecretReference } from '../../../shared/domain/secret-reference';
import { sourceError, type SecretSource, type SourceContext } from './source';

type VaultReference = Extract<SecretReference, { source: 'vault' }>;

/** Vault answers are small; a larger one is not Vault. */
const MAX_ANSWER_BYTES = 1024 * 1024;

interface VaultAnswer {
  status: number;
  body: { errors?: unknown; data?: { data?: Record<string, unknown> }; auth?: { client_token?: unknown } } | undefined;
}

function errorsOf(answer: VaultAnswer): string {
  const errors = answer.body?.errors;
  return Array.isArray(errors) && errors.length > 0 ? errors.map(String).join('; ').slice(0, 400) : `HTTP ${answer.status}`;
}

async function call(context: SourceContext, address: string, path: string, init: { method: 'GET' | 'POST'; token?: string; body?: unknown }): Promise<VaultAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers['x-vault-token'] = init.token;
  if (context.env.VAULT_NAMESPACE) headers['x-vault-namespace'] = context.env.VAULT_NAMESPACE;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(new URL(path, address.endsWith('/') ? address : `${address}/`), {
      method: init.method,
      headers,
      redirect: 'error',
      signal: AbortSignal.timeout(context.timeoutMs),
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${Math.round(context.timeoutMs / 1000)} s` : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    throw sourceError('missing', 'vault', `Vault at ${address} cannot be reached (${why}).`, 'Check VAULT_ADDR and that Vault is running and reachable from this machine.');
  }
  const text = await response.text();
  if (Buffer.byteLength(text) > MAX_ANSWER_BYTES) throw sourceError('failed', 'vault', `Vault at ${address} answered with more than 1 MiB; that is not a Vault answer.`, 'Check VAULT_ADDR.');
  let body: VaultAnswer['body'];
  try {
    body = text === '' ? undefined : (JSON.parse(text) as VaultAnswer['body']);
  } catch {
    throw sourceError('failed', 'vault', `${address} answered HTTP ${response.status} with something that is not JSON: it does not look like Vault.`, 'Check VAULT_ADDR.');
  }
  return { status: response.status, body };
}

const appRoleTokens = new Map<string, string>();

async function vaultToken(context: SourceContext, address: string): Promise<string> {
  if (context.env.VAULT_TOKEN) return context.env.VAULT_TOKEN;
  const roleId = context.env.VAULT_ROLE_ID;
  const secretId = context.env.VAULT_SECRET_ID;
  if (!roleId || !secretId) {
    throw sourceError('locked', 'vault', 'Tokenbench has no way to log in to Vault: neither VAULT_TOKEN nor VAULT_ROLE_ID and VAULT_SECRET_ID are set.', 'Set VAULT_TOKEN (e.g. from vault login), or the AppRole pair VAULT_ROLE_ID and VAULT_SECRET_ID.');
  }
  const cacheKey = `${address}\u0000${roleId}`;
  const known = appRoleTokens.get(cacheKey);
  if (known) return known;
  const mount = context.env.VAULT_APPROLE_PATH || 'approle';
  const answer = await call(context, address, `v1/auth/${encodeURIComponent(mount)}/login`, { method: 'POST', body: { role_id: roleId, secret_id: secretId } });
  const token = answer.body?.auth?.client_token;
  if (answer.status !== 200 || typeof token !== 'string') {
    throw sourceError('locked', 'vault', `The AppRole login to Vault was refused (${errorsOf(answer)}).`, 'Check VAULT_ROLE_ID and VAULT_SECRET_ID (a secret id may have expired or been used up).');
  }
  appRoleTokens.set(cacheKey, token);
  return token;
}

export const hashicorpVaultSource: SecretSource<VaultReference> = {
  name: 'vault',
  describe: (reference) => `the Vault secret ${reference.mount}/${reference.path} (field ${reference.field})`,
  async read(reference, context) {
    const what = this.describe(reference);
    const address = context.env.VAULT_ADDR;
    if (!address) throw sourceError('missing', 'vault', `${what} cannot be read: VAULT_ADDR is not set, so Tokenbench does not know where Vault is.`, 'Set VAULT_ADDR (e.g. https://vault.example.com:8200).');
    const token = await vaultToken(context, address);
    const path = `v1/${encodeURIComponent(reference.mount)}/data/${reference.path.split('/').map(encodeURIComponent).join('/')}`;
    const answer = await call(context, address, path, { method: 'GET', token });
    if (answer.status === 503) throw sourceError('locked', 'vault', `${what} cannot be read: Vault is sealed (${errorsOf(answer)}).`, 'Ask whoever runs Vault to unseal it.');
    if (answer.status === 403) {
      if (!context.env.VAULT_TOKEN) appRoleTokens.clear();
      throw sourceError('locked', 'vault', `${what} cannot be read: Vault refused the token (${errorsOf(answer)}).`, 'The token may have expired or lack a policy for this path: log in again or ask for read access.');
    }
    if (answer.status === 404) throw sourceError('not-found', 'vault', `${what} does not exist in Vault (no such mount, path or version).`, `Check with: vault kv get -mount=${reference.mount} ${reference.path}`);
    if (answer.status !== 200) throw sourceError('failed', 'vault', `Vault answered HTTP ${answer.status} for ${what} (${errorsOf(answer)}).`, 'Try again; if it stays, ask whoever runs Vault.');
    const data = answer.body?.data?.data;
    if (!data || typeof data !== 'object') throw sourceError('failed', 'vault', `Vault's answer for ${what} holds no KV v2 data (is ${reference.mount} a KV version 2 mount?).`, 'Use a KV v2 mount, or check the mount name.');
    const value = data[reference.field];
    if (value === undefined) throw sourceError('not-found', 'vault', `${what} does not exist: the secret has the fields ${Object.keys(data).join(', ') || '(none)'}.`, 'Check the field name after # in the reference.');
    if (typeof value !== 'string') throw sourceError('failed', 'vault', `${what} is not text (it is ${value === null ? 'null' : typeof value}).`, 'Point the reference at a field that holds a string.');
    return value;
  },
};
