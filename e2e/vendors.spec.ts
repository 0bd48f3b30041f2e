/**
 * Each of the five vendor presets against its emulator: create the environment, type only the
 * user's own values (the base URL pointed at the emulator), get a token, watch its countdown move,
 * restart the app and see the same token reused with no new token request.
 */
import { startLandax, startLemonway, startLengow, startLiveData, startOAuth2ClientCredentials, type Emulator } from '../testing/emulators';
import { addAllowedHost, addFromPreset, createEnvironment, getTokenNow, openTab, setUpVault, showEnvironments, tokenState, unlockVault } from './credential-steps';
import { expect, test } from './fixtures/app';

interface VendorCase {
  preset: string;
  start(): Promise<Emulator>;
  /** Preset field label -> value, given the running emulator. */
  values(emulator: Emulator): Record<string, string>;
}

const VENDORS: VendorCase[] = [
  {
    preset: 'Lengow',
    start: () => startLengow({ accessToken: 'lengow-access-token-e2e', secret: 'lengow-secret-e2e-4411' }),
    values: (e) => ({ 'API address': e.url, 'Access token': 'lengow-access-token-e2e', Secret: 'lengow-secret-e2e-4411' }),
  },
  {
    preset: 'Landax',
    start: () => startLandax({ clientId: 'landax-app', clientSecret: 'landax-client-key-99', username: 'api-user', password: 'landax-pass-e2e' }),
    values: (e) => ({
      'Landax address': e.url,
      'Application key': 'landax-app',
      'Client key': 'landax-client-key-99',
      Username: 'api-user',
      Password: 'landax-pass-e2e',
    }),
  },
  {
    preset: 'Live Data (service account)',
    start: () => startLiveData({ clientId: 'svc-e2e', clientSecret: 'livedata-secret-e2e', username: 'someone', password: 'unused-pass' }),
    values: (e) => ({ 'API address': e.url, 'Service account ID': 'svc-e2e', 'Client secret': 'livedata-secret-e2e' }),
  },
  {
    preset: 'OAuth2 client credentials (Basic auth)',
    start: () => startOAuth2ClientCredentials({ clientId: 'oauth-e2e', clientSecret: 'oauth-secret-e2e-123' }),
    values: (e) => ({ 'Token URL': `${e.url}/oauth/v2/token`, 'Client ID': 'oauth-e2e', 'Client secret': 'oauth-secret-e2e-123' }),
  },
  {
    preset: 'Lemonway',
    start: () => startLemonway({ apiKey: 'lemonway-sandbox-key-e2e', environment: 'sandbox' }),
    values: (e) => ({ 'API address': e.url, 'API key': 'lemonway-sandbox-key-e2e' }),
  },
];

for (const vendor of VENDORS) {
  test(`${vendor.preset}: a token is fetched, counts down, and is reused after a restart`, async ({ app }) => {
    const emulator = await vendor.start();
    try {
      const { page } = app;
      await setUpVault(page);
      await createEnvironment(page, `${vendor.preset} sandbox`);
      await addAllowedHost(page, '127.0.0.1');
      await addFromPreset(page, vendor.preset, vendor.values(emulator));

      await getTokenNow(page);
      await expect(tokenState(page)).toHaveText(/^Valid/);
      expect(emulator.tokenRequests).toBe(1);
      const timer = page.getByRole('timer', { name: 'Time left' });
      const before = await timer.textContent();
      await expect(timer).not.toHaveText(before ?? '', { timeout: 5_000 });
      const hint = await page.getByText(/^ends with …/).textContent();

      await app.restart();
      const restarted = app.page;
      await unlockVault(restarted);
      await showEnvironments(restarted);
      await openTab(restarted, 'Credentials');
      await restarted.getByRole('region', { name: 'Credentials' }).getByRole('button', { name: new RegExp(`^${vendor.preset.replace(/[()]/g, '\\$&')}`) }).click();
      await expect(tokenState(restarted)).toHaveText(/^Valid/);
      await getTokenNow(restarted);
      await expect(tokenState(restarted)).toHaveText(/^Valid/);
      if (hint) await expect(restarted.getByText(/^ends with …/)).toHaveText(hint);
      expect(emulator.tokenRequests).toBe(1);
    } finally {
      await emulator.close();
    }
  });
}
