// secret-tool against gnome-keyring in a private D-Bus session the test starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecretService, type SecretServiceSession } from '../../../testing/secret-managers/secret-service';
import { keychainSource } from './keychain';

const VALUE = 'keyring-canary-90d2aa';

describe('OS keychain (Secret Service)', () => {
  let session: SecretServiceSession;
  beforeAll(async () => {
    session = await startSecretService();
    session.store(['service', 'tokenbench-test', 'account', 'lengow'], VALUE);
  }, 60_000);
  afterAll(() => session?.dispose());
  const read = (account: string, env = session.env) => keychainSource.read({ source: 'keychain', attributes: [['service', 'tokenbench-test'], ['account', account]] }, { env, timeoutMs: 30_000 });

  it('reads an item by its attributes', async () => {
    expect(await read('lengow')).toBe(VALUE);
  });

  it('names a missing item', async () => {
    await expect(read('nobody')).rejects.toMatchObject({ code: 'secret-source-not-found', message: expect.stringContaining('account=nobody') });
  });

  it('says when no keychain runs in the session', async () => {
    await expect(read('lengow', { ...session.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' })).rejects.toMatchObject({ code: 'secret-source-missing' });
  });

  it('says when the keyring is locked, without the value', async () => {
    session.lock();
    const error = await read('lengow').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'secret-source-locked', message: expect.stringContaining('locked') });
    expect(JSON.stringify(error)).not.toContain(VALUE);
  });
});
