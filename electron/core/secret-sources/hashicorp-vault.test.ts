// Vault's documented HTTP API served by a stand-in (testing/secret-managers/vault-server.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVaultServer, type VaultServer } from '../../../testing/secret-managers/vault-server';
import { hashicorpVaultSource } from './hashicorp-vault';

const VALUE = 'vault-canary-b83f10';
const reference = (path = 'lengow', field = 'client_secret') => ({ source: 'vault' as const, mount: 'secret', path, field });

describe('HashiCorp Vault KV v2', () => {
  let vault: VaultServer;
  beforeAll(async () => {
    vault = await startVaultServer({ secrets: { secret: { lengow: { client_secret: VALUE, count: 3 } } }, rootToken: 'hvs.root', appRole: { roleId: 'role-1', secretId: 'secret-1' } });
  });
  afterAll(() => vault?.close());
  const read = (env: NodeJS.ProcessEnv, ref = reference()) => hashicorpVaultSource.read(ref, { env: { VAULT_ADDR: vault.address, ...env }, timeoutMs: 30_000 });

  it('reads with a token', async () => {
    expect(await read({ VAULT_TOKEN: 'hvs.root' })).toBe(VALUE);
  });

  it('logs in with AppRole once and reuses that token', async () => {
    const before = vault.requests.filter((r) => r.includes('approle')).length;
    expect(await read({ VAULT_ROLE_ID: 'role-1', VAULT_SECRET_ID: 'secret-1' })).toBe(VALUE);
    expect(await read({ VAULT_ROLE_ID: 'role-1', VAULT_SECRET_ID: 'secret-1' })).toBe(VALUE);
    expect(vault.requests.filter((r) => r.includes('approle')).length - before).toBe(1);
  });

  it('fails clearly: no login, refused login, refused token, sealed, wrong path or field, unreachable', async () => {
    await expect(read({})).rejects.toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('VAULT_TOKEN') });
    await expect(read({ VAULT_ROLE_ID: 'role-2', VAULT_SECRET_ID: 'bad' })).rejects.toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('AppRole login') });
    await expect(read({ VAULT_TOKEN: 'hvs.wrong' })).rejects.toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('permission denied') });
    await expect(read({ VAULT_TOKEN: 'hvs.root' }, reference('nope'))).rejects.toMatchObject({ code: 'secret-source-not-found' });
    await expect(read({ VAULT_TOKEN: 'hvs.root' }, reference('lengow', 'nope'))).rejects.toMatchObject({ code: 'secret-source-not-found', message: expect.stringContaining('client_secret, count') });
    await expect(read({ VAULT_TOKEN: 'hvs.root' }, reference('lengow', 'count'))).rejects.toMatchObject({ code: 'secret-source-failed', message: expect.stringContaining('not text') });
    vault.sealed = true;
    await expect(read({ VAULT_TOKEN: 'hvs.root' })).rejects.toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('sealed') });
    vault.sealed = false;
    await expect(hashicorpVaultSource.read(reference(), { env: { VAULT_ADDR: 'http://127.0.0.1:9', VAULT_TOKEN: 'hvs.root' }, timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'secret-source-missing' });
    await expect(hashicorpVaultSource.read(reference(), { env: { VAULT_TOKEN: 'hvs.root' }, timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'secret-source-missing', message: expect.stringContaining('VAULT_ADDR') });
  });
});
