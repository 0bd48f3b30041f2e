// Secret variables that are references, end to end through the IPC handlers, with the real `pass`:
// the workspace holds only the reference, the value is read at use, masked, and never stored.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPassStore, type PassStore } from '../../../testing/secret-managers/pass-store';
import { createManualClock } from '../clock';
import { createMainServices } from '../services';
import { TEST_SCRYPT, tempDir, testClipboard } from '../../../testing/vault';

const VALUE = 'team-pass-canary-4d81b7';
const SEALED = 'sealed-before-canary-99';

describe('secret references in environments', () => {
  let pass: PassStore;
  beforeAll(() => {
    pass = createPassStore();
    pass.insert('team/lengow', `${VALUE}\n`);
  }, 60_000);
  afterAll(() => pass?.dispose());

  async function setup() {
    const dataDir = tempDir();
    const main = await createMainServices({ dataDir, clipboard: testClipboard(), clock: createManualClock(), scryptCost: TEST_SCRYPT, secretSourceEnv: pass.env, log: () => {} });
    const { workspace, dispatch } = main;
    const services = main.secrets;
    const stamp = new Date().toISOString();
    await workspace.update((c) => ({ ...c, environments: [{ id: 'e1', name: 'Sandbox', production: false, allowedHosts: [], allowInsecureTls: false, confirmProduction: true, variables: [], createdAt: stamp, updatedAt: stamp }] }));
    await services.vault.setup({ passphrase: 'a long enough passphrase' });
    return { dataDir, services, dispatch };
  }

  it('keeps only the reference on disk and reads the value at use, masked in errors and logs', async () => {
    const { dataDir, services, dispatch } = await setup();
    await dispatch('variables:set', { environmentId: 'e1', name: 'secret', value: SEALED, secret: true });
    const set = await dispatch('variables:set', { environmentId: 'e1', name: 'secret', ref: 'pass:team/lengow', secret: true });
    expect(set).toMatchObject({ ok: true, value: { variables: [{ name: 'secret', secret: true, hint: null, ref: 'pass:team/lengow', value: '' }] } });
    expect(await services.variables.resolveVariables('e1')).toEqual({ secret: { value: VALUE, secret: true } });
    expect(await dispatch('secrets:reveal', { environmentId: 'e1', name: 'secret' })).toMatchObject({ ok: true, value: { value: VALUE } });
    expect(services.redact(`answer echoed ${VALUE}`)).not.toContain(VALUE);
    // The sealed value it replaced is gone; the referenced one was never written.
    for (const file of fs.readdirSync(dataDir)) {
      const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
      expect(text, file).not.toContain(VALUE);
    }
    expect(services.vault.secrets.ids()).toEqual([]);
    expect(fs.readFileSync(path.join(dataDir, 'workspace.json'), 'utf8')).toContain('pass:team/lengow');
  });

  it('refuses a malformed reference, a value with a reference, and says which entry is missing', async () => {
    const { services, dispatch } = await setup();
    expect(await dispatch('variables:set', { environmentId: 'e1', name: 'x', ref: 'pass:--help', secret: true })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('may not start with "-"') } });
    expect(await dispatch('variables:set', { environmentId: 'e1', name: 'x', ref: 'pass:a', value: 'v', secret: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch('variables:set', { environmentId: 'e1', name: 'x', ref: 'pass:a', secret: false })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await dispatch('variables:set', { environmentId: 'e1', name: 'x', ref: 'pass:team/missing', secret: true });
    await expect(services.variables.resolveVariables('e1')).rejects.toMatchObject({ code: 'secret-source-not-found', message: expect.stringContaining('team/missing') });
  });

  it('reads nothing while the vault is locked, and asks the manager again after unlocking', async () => {
    const { services, dispatch } = await setup();
    await dispatch('variables:set', { environmentId: 'e1', name: 'secret', ref: 'pass:team/lengow', secret: true });
    expect((await services.variables.resolveVariables('e1')).secret?.value).toBe(VALUE);
    services.vault.lock();
    await expect(services.variables.resolveVariables('e1')).rejects.toMatchObject({ code: 'vault-locked' });
    await services.vault.unlock({ passphrase: 'a long enough passphrase' });
    expect((await services.variables.resolveVariables('e1')).secret?.value).toBe(VALUE);
  });
});
