/**
 * Each of the five vendors through the request runner: the preset's credential gets its token
 * and the runner attaches it the vendor's way (Lengow's bare token, Bearer for the others) to a
 * real call of the vendor's API on its emulator. The request is pasted as cURL with
 * `{{variables}}`, as a user would copy it from the vendor's docs.
 */
import { setUpVault } from './credential-steps';
import { startLandax, startLemonway, startLengow, startLiveData, startOAuth2ClientCredentials, type Emulator } from '../testing/emulators';
import { expect, test } from './fixtures/app';
import { importCurl, openRunner } from './runner-steps';
import type { RendererApi } from '../shared/ipc/renderer-api';

interface VendorCall {
  vendor: string;
  presetId: string;
  start(): Promise<Emulator>;
  /** The preset's variables (by name), given the running emulator. */
  values(emulator: Emulator): Record<string, string>;
  curl(emulator: Emulator): string;
  /** How the auth header looks in the wire view, token masked. */
  sentAuth: RegExp;
}

const CALLS: VendorCall[] = [
  {
    vendor: 'Lengow',
    presetId: 'lengow',
    start: () => startLengow({ accessToken: 'lengow-runner-access', secret: 'lengow-runner-secret' }),
    values: (e) => ({ baseUrl: e.url, accessToken: 'lengow-runner-access', secret: 'lengow-runner-secret' }),
    curl: () => `curl '{{baseUrl}}/v3.0/orders?account_id=1'`,
    sentAuth: /Authorization: ••••/,
  },
  {
    vendor: 'Landax',
    presetId: 'landax',
    start: () => startLandax({ clientId: 'landax-app', clientSecret: 'landax-runner-key', username: 'api-user', password: 'landax-runner-pass' }),
    values: (e) => ({ baseUrl: e.url, clientId: 'landax-app', clientSecret: 'landax-runner-key', username: 'api-user', password: 'landax-runner-pass' }),
    curl: () => `curl '{{baseUrl}}/api/v20/Projects'`,
    sentAuth: /Authorization: Bearer ••••/,
  },
  {
    vendor: 'Live Data',
    presetId: 'livedata-service-account',
    start: () => startLiveData({ clientId: 'svc-runner', clientSecret: 'livedata-runner-secret', username: 'someone', password: 'unused' }),
    values: (e) => ({ baseUrl: e.url, clientId: 'svc-runner', clientSecret: 'livedata-runner-secret' }),
    curl: () => `curl -X POST '{{baseUrl}}/api/people/v1/o_123abc/find' -H 'Content-Type: application/json' --data-raw '{"matches":[]}'`,
    sentAuth: /Authorization: Bearer ••••/,
  },
  {
    vendor: 'OAuth2 client credentials',
    presetId: 'oauth2-client-credentials-basic',
    start: () => startOAuth2ClientCredentials({ clientId: 'oauth-runner', clientSecret: 'oauth-runner-secret' }),
    values: (e) => ({ tokenUrl: `${e.url}/oauth/v2/token`, clientId: 'oauth-runner', clientSecret: 'oauth-runner-secret' }),
    curl: (e) => `curl '${e.url}/api/v1/me'`,
    sentAuth: /Authorization: Bearer ••••/,
  },
  {
    vendor: 'Lemonway',
    presetId: 'lemonway',
    start: () => startLemonway({ apiKey: 'lemonway-runner-key', environment: 'sandbox' }),
    values: (e) => ({ baseUrl: e.url, apiKey: 'lemonway-runner-key' }),
    curl: () => `curl '{{baseUrl}}/v2/accounts/1'`,
    sentAuth: /Authorization: Bearer ••••/,
  },
];

for (const call of CALLS) {
  test(`${call.vendor}: an API call through the runner carries the preset's token`, async ({ app }) => {
    const emulator = await call.start();
    try {
      const { page } = app;
      await setUpVault(page);
      await page.evaluate(
        async ({ presetId, values, name }) => {
          const { tokenbench } = globalThis as unknown as { tokenbench: RendererApi };
          const environment = await tokenbench.environments.create({ name });
          if (!environment.ok) throw new Error(environment.error.message);
          await tokenbench.environments.update({ id: environment.value.id, allowedHosts: ['127.0.0.1'] });
          const added = await tokenbench.credentials['add-from-preset']({ presetId, environmentId: environment.value.id, name: 'API', values });
          if (!added.ok) throw new Error(added.error.message);
        },
        { presetId: call.presetId, values: call.values(emulator), name: `${call.vendor} sandbox` },
      );

      await openRunner(page);
      await importCurl(page, call.curl(emulator));
      await page.getByLabel('Environment', { exact: true }).selectOption({ label: `${call.vendor} sandbox` });
      await page.getByLabel('Credential', { exact: true }).selectOption({ label: 'API' });
      await page.getByRole('button', { name: 'Send' }).click();

      const response = page.getByRole('region', { name: 'Response' });
      await expect(response.getByLabel('Response status')).toContainText('200');
      expect(emulator.tokenRequests).toBe(1);
      expect(emulator.apiRequests).toBe(1);
      await response.getByRole('tab', { name: 'Request sent' }).click();
      await expect(response.getByLabel('Request as sent')).toContainText(call.sentAuth);
    } finally {
      await emulator.close();
    }
  });
}
