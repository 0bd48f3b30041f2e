/**
 * A waiting sign-in over the app's own IPC surface: `tokens:sign-in` announces it (the device
 * flow's user code and link, never its device code), `tokens:sign-ins` lists it for a window that
 * opens later, and `tokens:cancel-sign-in` ends it; the fetch then fails as cancelled.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SignInWait } from '../../../shared/domain/token';
import { startAuthorizationServer, type AuthorizationServer } from '../../../testing/emulators';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { createMainServices } from '../services';

let server: AuthorizationServer;
beforeAll(async () => {
  server = await startAuthorizationServer({ clients: [{ clientId: 'ipc-device', auth: 'none', deviceFlow: true }] });
});
afterAll(() => server.close());

it('announces, lists and cancels a waiting device sign-in, with nothing secret in it', { timeout: 60_000 }, async () => {
  const app = await createMainServices({ dataDir: tempDir(), scryptCost: TEST_SCRYPT, log: () => {} });
  try {
    await app.handlers['vault:setup']({ passphrase: 'sign-in channels passphrase' });
    const environment = await app.handlers['environments:create']({ name: 'Channels' });
    const { credential } = await app.handlers['credentials:add-from-preset']({
      presetId: 'oauth2-device-code',
      environmentId: environment.id,
      values: { deviceAuthorizationUrl: server.deviceAuthorizationEndpoint, tokenUrl: server.tokenEndpoint, clientId: 'ipc-device', scope: 'openid' },
    });
    await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(server.issuer).host] });
    const key = { environmentId: environment.id, credentialId: credential.id };
    const announced: Array<SignInWait | null> = [];
    app.onEvent((event, payload) => {
      if (event === 'tokens:sign-in') announced.push((payload as { wait: SignInWait | null }).wait);
    });

    const fetching = app.dispatch('tokens:fetch', key);
    for (let i = 0; i < 3000 && announced.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const listed = await app.dispatch('tokens:sign-ins', {});
    expect(listed).toMatchObject({ ok: true, value: [{ key, flow: 'device-code', userCode: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/), verificationUri: `${server.issuer}/device` }] });
    expect(Object.keys((listed as { value: SignInWait[] }).value[0]!).sort()).toEqual(['expiresAt', 'flow', 'key', 'startedAt', 'userCode', 'verificationUri', 'verificationUriComplete']);

    expect(await app.dispatch('tokens:cancel-sign-in', key)).toEqual({ ok: true, value: { cancelled: true } });
    expect(await fetching).toMatchObject({ ok: false, error: { code: 'authorization-cancelled' } });
    expect(announced).toEqual([expect.objectContaining({ flow: 'device-code' }), null]);
    expect(await app.dispatch('tokens:sign-ins', {})).toEqual({ ok: true, value: [] });
    expect(await app.dispatch('tokens:cancel-sign-in', key)).toEqual({ ok: true, value: { cancelled: false } });
  } finally {
    await app.dispose();
  }
});
