import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../shared/domain/environment';
import { openWorkspace } from '../store/workspace';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { createVault } from '../vault/vault';
import { createVariablesService } from './variables';

const SECRET = 'variable-canary-0123456789';

async function setup() {
  const dataDir = tempDir();
  const problems: never[] = [];
  const workspace = openWorkspace({ dataDir, problems });
  const vault = createVault({ dataDir, problems, scryptCost: TEST_SCRYPT });
  await vault.setup({ passphrase: 'a long enough passphrase' });
  const stamp = new Date().toISOString();
  const environment: Environment = { id: 'env-1', name: 'Sandbox', production: false, allowedHosts: [], allowInsecureTls: false, confirmProduction: true, variables: [], createdAt: stamp, updatedAt: stamp };
  await workspace.update((c) => ({ ...c, environments: [environment] }));
  const changes: Environment[][] = [];
  const variables = createVariablesService({ workspace, vault, clock: { now: () => Date.now() }, onChanged: (e) => changes.push(e) });
  return { dataDir, workspace, vault, variables, changes };
}

describe('variables', () => {
  it('keeps plain values in the workspace and secret values only in the vault', async () => {
    const { workspace, variables, changes } = await setup();
    await variables.set({ environmentId: 'env-1', name: 'BASE_URL', value: 'https://api.example.com', secret: false });
    const updated = await variables.set({ environmentId: 'env-1', name: 'CLIENT_SECRET', value: SECRET, secret: true, description: 'from the vendor portal' });
    expect(updated.variables.find((v) => v.name === 'CLIENT_SECRET')).toEqual({ name: 'CLIENT_SECRET', value: '', secret: true, description: 'from the vendor portal', hint: '••••6789' });
    expect(fs.readFileSync(workspace.path, 'utf8')).not.toContain(SECRET);
    expect(changes).toHaveLength(2);
    expect(await variables.resolveVariables('env-1')).toEqual({
      BASE_URL: { value: 'https://api.example.com', secret: false },
      CLIENT_SECRET: { value: SECRET, secret: true },
    });
  });

  it('changes only the description of a secret when no value is given, and needs a value otherwise', async () => {
    const { variables } = await setup();
    await variables.set({ environmentId: 'env-1', name: 'CLIENT_SECRET', value: SECRET, secret: true, description: 'old' });
    const updated = await variables.set({ environmentId: 'env-1', name: 'CLIENT_SECRET', secret: true, description: 'rotated monthly' });
    expect(updated.variables[0]).toMatchObject({ description: 'rotated monthly', hint: '••••6789' });
    expect((await variables.resolveVariables('env-1')).CLIENT_SECRET?.value).toBe(SECRET);
    await expect(variables.set({ environmentId: 'env-1', name: 'NEW_ONE', secret: true })).rejects.toThrow('Type a value for NEW_ONE.');
    await expect(variables.set({ environmentId: 'env-1', name: 'CLIENT_SECRET', secret: false })).rejects.toThrow('Type a value for CLIENT_SECRET.');
  });

  it('gives no hint at all for short secrets', async () => {
    const { variables } = await setup();
    const updated = await variables.set({ environmentId: 'env-1', name: 'PIN', value: 'short', secret: true });
    expect(updated.variables[0]!.hint).toBe('••••');
  });

  it('removes the sealed value when a secret is deleted or becomes plain', async () => {
    const { vault, variables } = await setup();
    await variables.set({ environmentId: 'env-1', name: 'A', value: SECRET, secret: true });
    await variables.set({ environmentId: 'env-1', name: 'B', value: SECRET, secret: true });
    await variables.delete({ environmentId: 'env-1', name: 'A' });
    await variables.set({ environmentId: 'env-1', name: 'B', value: 'now plain', secret: false });
    expect(vault.secrets.ids()).toEqual([]);
    expect(await variables.resolveVariables('env-1')).toEqual({ B: { value: 'now plain', secret: false } });
  });

  it('needs the vault unlocked for secrets, and changes nothing when it is locked', async () => {
    const { workspace, vault, variables } = await setup();
    await variables.set({ environmentId: 'env-1', name: 'A', value: SECRET, secret: true });
    vault.lock();
    const before = fs.readFileSync(workspace.path, 'utf8');
    await expect(variables.resolveVariables('env-1')).rejects.toMatchObject({ code: 'vault-locked' });
    await expect(variables.set({ environmentId: 'env-1', name: 'B', value: SECRET, secret: true })).rejects.toMatchObject({ code: 'vault-locked' });
    await expect(variables.delete({ environmentId: 'env-1', name: 'A' })).rejects.toMatchObject({ code: 'vault-locked' });
    expect(fs.readFileSync(workspace.path, 'utf8')).toBe(before);
    // Plain variables do not need the vault.
    const updated = await variables.set({ environmentId: 'env-1', name: 'PLAIN', value: 'x', secret: false });
    expect(updated.variables.find((v) => v.name === 'PLAIN')).toMatchObject({ value: 'x', secret: false });
    expect(workspace.read().environments[0]!.variables.map((v) => v.name)).toEqual(['A', 'PLAIN']);
  });

  it('says which secret has no stored value, and cleans up after deleted environments', async () => {
    const { workspace, vault, variables } = await setup();
    await variables.set({ environmentId: 'env-1', name: 'A', value: SECRET, secret: true });
    await vault.secrets.remove(() => true);
    await expect(variables.resolveVariables('env-1')).rejects.toMatchObject({ code: 'secret-missing', message: expect.stringContaining('the secret variable A of environment "Sandbox"') });
    await variables.set({ environmentId: 'env-1', name: 'A', value: SECRET, secret: true });
    await expect(variables.removeSecretsOfEnvironment('env-1')).rejects.toThrow(/still exists/);
    await workspace.update((c) => ({ ...c, environments: [] }));
    vault.lock();
    expect(await variables.removeSecretsOfEnvironment('env-1')).toBe(1);
    expect(vault.secrets.ids()).toEqual([]);
  });
});
