import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock';
import { createMainServices } from '../services';
import { TEST_SCRYPT, tempDir, testClipboard, testKeychain } from '../../../testing/vault';
import type { VaultStatus } from '../../../shared/ipc/domains/vault';


const SECRET = 'handler-secret-abcdef-1234';

async function setup() {
  const dataDir = tempDir();
  const time = createManualClock();
  const clipboard = testClipboard();
  const statuses: VaultStatus[] = [];
  const app = await createMainServices({ dataDir, keychain: testKeychain(), clipboard, clock: time, scryptCost: TEST_SCRYPT });
  app.onEvent((event, payload) => event === 'vault:changed' && statuses.push(payload as VaultStatus));
  const { secrets: services, dispatch, workspace } = app;
  const stamp = new Date().toISOString();
  await workspace.update((c) => ({ ...c, environments: [{ id: 'e1', name: 'Sandbox', production: false, allowedHosts: [], allowInsecureTls: false, confirmProduction: true, variables: [], createdAt: stamp, updatedAt: stamp }] }));
  return { services, dispatch, time, clipboard, statuses, dataDir, workspace };
}

describe('vault, variable and portability handlers', () => {
  it('validate requests and answer with status only', async () => {
    const { dispatch, statuses } = await setup();
    expect(await dispatch('vault:setup', {})).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('Choose a passphrase, the system keychain, or both') } });
    expect(await dispatch('vault:unlock', { passphrase: 'x', method: 'keychain' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch('vault:setup', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'vault-weak-passphrase' } });
    const setUp = await dispatch('vault:setup', { passphrase: 'a long enough passphrase', useKeychain: true });
    expect(setUp).toMatchObject({ ok: true, value: { state: 'unlocked', unlockMethods: ['passphrase', 'keychain'], keychain: { usable: true }, autoLockMinutes: 15 } });
    expect(await dispatch('vault:lock', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await dispatch('vault:unlock', { method: 'keychain' })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await dispatch('vault:settings', { autoLockMinutes: 1 })).toMatchObject({ ok: true, value: { autoLockMinutes: 1 } });
    expect(statuses.map((s) => s.state)).toEqual(['unlocked', 'locked', 'unlocked', 'unlocked']);
  });

  it('reveal answers with the value and how long to show it; copy clears the clipboard later if it still holds the value', async () => {
    const { dispatch, time, clipboard } = await setup();
    await dispatch('vault:setup', { passphrase: 'a long enough passphrase' });
    const set = await dispatch('variables:set', { environmentId: 'e1', name: 'TOKEN', value: SECRET, secret: true });
    expect(JSON.stringify(set)).not.toContain(SECRET);
    expect(await dispatch('secrets:reveal', { environmentId: 'e1', name: 'TOKEN' })).toEqual({ ok: true, value: { value: SECRET, hideAfterMs: 30_000 } });

    expect(await dispatch('secrets:copy', { environmentId: 'e1', name: 'TOKEN' })).toEqual({ ok: true, value: { copied: true, clearAfterMs: 30_000 } });
    expect(clipboard.text).toBe(SECRET);
    time.advance(29_000);
    expect(clipboard.text).toBe(SECRET);
    time.advance(1_000);
    expect(clipboard.text).toBe('');

    await dispatch('secrets:copy', { environmentId: 'e1', name: 'TOKEN' });
    clipboard.writeText('something the user copied since');
    time.advance(30_000);
    expect(clipboard.text).toBe('something the user copied since');
  });

  it('refuse secret reads while locked, with how to unlock', async () => {
    const { dispatch } = await setup();
    await dispatch('vault:setup', { passphrase: 'a long enough passphrase' });
    await dispatch('variables:set', { environmentId: 'e1', name: 'TOKEN', value: SECRET, secret: true });
    await dispatch('vault:lock', {});
    for (const channel of ['secrets:reveal', 'secrets:copy']) {
      expect(await dispatch(channel, { environmentId: 'e1', name: 'TOKEN' })).toMatchObject({ ok: false, error: { code: 'vault-locked', hint: expect.stringContaining('Unlock') } });
    }
  });

  it('export asks the app for the file, and a cancelled dialog writes nothing', async () => {
    const { dispatch, services } = await setup();
    await dispatch('vault:setup', { passphrase: 'a long enough passphrase' });
    expect(await dispatch('portability:export', { includeSecrets: true })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('give a passphrase') } });
    expect(await dispatch('portability:export', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(services.vault.status().state).toBe('unlocked');
  });
});
