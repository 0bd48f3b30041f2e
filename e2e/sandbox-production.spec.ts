/**
 * Sandbox and production the way every vendor doc describes them: the Lemonway preset set up in
 * a sandbox environment, then in a production one by using the existing credential there; each
 * environment brings its own API key and gets its own, different, valid token.
 */
import type { RendererApi } from '../shared/ipc/renderer-api';
import { addAllowedHost, addFromPreset, createEnvironment, getTokenNow, openTab, setUpVault, tokenState } from './credential-steps';
import { startLemonway } from '../testing/emulators';
import { openRunner } from './runner-steps';
import { expect, test } from './fixtures/app';

const SANDBOX_KEY = 'lemonway-sandbox-key-e2e-1111';
const PROD_KEY = 'lemonway-prod-key-e2e-2222';

test('Lemonway sandbox and production from the preset share one credential, each with its own key and token', async ({ app }) => {
  test.setTimeout(120_000);
  const sandbox = await startLemonway({ apiKey: SANDBOX_KEY, environment: 'sandbox' });
  const prod = await startLemonway({ apiKey: PROD_KEY, environment: 'prod' });
  try {
    const { page } = app;
    await setUpVault(page);
    await createEnvironment(page, 'Lemonway sandbox');
    await addAllowedHost(page, '127.0.0.1');
    await addFromPreset(page, 'Lemonway', { 'API address': sandbox.url, 'API key': SANDBOX_KEY });
    await getTokenNow(page);
    await expect(tokenState(page)).toHaveText(/^Valid/);

    await createEnvironment(page, 'Lemonway prod', { production: true });
    await addAllowedHost(page, '127.0.0.1');
    await openTab(page, 'Credentials');
    await page.getByRole('button', { name: 'Add credential' }).click();
    await page.getByRole('button', { name: 'Use preset Lemonway' }).click();
    const form = page.getByRole('form', { name: 'Add Lemonway' });
    // The description's `code` is shown as code, not as backticks.
    await expect(form.locator('p code').first()).toHaveText('Authorization: basic <API key>');

    // A new credential under the same name is refused at the name field, saying where the other one is.
    await form.getByRole('radio', { name: 'Create a new credential' }).check();
    await expect(form.getByLabel('Credential name')).toHaveAccessibleDescription('A credential called "Lemonway" already exists, used in "Lemonway sandbox". Pick another name.');
    await expect(form.getByRole('button', { name: 'Add credential' })).toBeDisabled();

    const share = form.getByRole('radio', { name: /Use the existing credential “Lemonway” here \(used in "Lemonway sandbox"\)/ });
    await share.check();
    await expect(form.getByLabel('Credential name')).toHaveCount(0);
    // The production default is filled in; the key is this environment's own.
    await expect(form.getByLabel('API address', { exact: true })).toHaveValue('https://api.lemonway.fr');
    await form.getByLabel('API address', { exact: true }).fill(prod.url);
    await form.getByLabel('API key', { exact: true }).fill(PROD_KEY);
    await form.getByRole('button', { name: 'Use “Lemonway” here' }).click();
    await expect(page.getByRole('article', { name: /^Credential / })).toBeVisible();

    await getTokenNow(page);
    await page.getByRole('button', { name: 'Yes, get a production token' }).click();
    await expect(tokenState(page)).toHaveText(/^Valid/);
    expect(sandbox.tokenRequests).toBe(1);
    expect(prod.tokenRequests).toBe(1);

    const statuses = await page.evaluate(async () => {
      const api = (globalThis as unknown as { tokenbench: RendererApi }).tokenbench;
      const [credentials, tokens] = await Promise.all([api.credentials.list({}), api.tokens.list({})]);
      if (!credentials.ok || !tokens.ok) throw new Error('listing failed');
      return { credentials: credentials.value.map((c) => ({ name: c.name, environments: c.environmentIds.length })), tokens: tokens.value.map((t) => ({ state: t.state, hint: t.tokenHint })) };
    });
    expect(statuses.credentials).toEqual([{ name: 'Lemonway', environments: 2 }]);
    expect(statuses.tokens).toHaveLength(2);
    expect(statuses.tokens.every((t) => t.state === 'valid')).toBe(true);
    // Each token works against its own environment's API only: two different, valid tokens.
    await openRunner(page);
    await page.getByLabel('URL', { exact: true }).fill('{{baseUrl}}/v2/accounts/1');
    const response = page.getByRole('region', { name: 'Response' });
    for (const [environment, emulator] of [['Lemonway sandbox', sandbox], ['Lemonway prod (production)', prod]] as const) {
      await page.getByLabel('Environment', { exact: true }).selectOption({ label: environment });
      await page.getByLabel('Credential', { exact: true }).selectOption({ label: 'Lemonway' });
      await page.getByRole('button', { name: 'Send' }).click();
      if (emulator === prod) await page.getByRole('button', { name: 'Send to production' }).click();
      await expect(response.getByLabel('Response status')).toContainText('200');
      await expect(response.getByRole('region', { name: 'Response body' }).or(response.getByRole('textbox', { name: 'Response body' }))).toContainText(`"environment": "${emulator.environment}"`);
      expect(emulator.apiRequests).toBe(1);
      // The wire view names the token by the same suffix as the dashboard.
      const hint = await page.evaluate(async () => {
        const api = (globalThis as unknown as { tokenbench: RendererApi }).tokenbench;
        const [environments, tokens] = await Promise.all([api.environments.list({}), api.tokens.list({})]);
        if (!environments.ok || !tokens.ok) throw new Error('listing failed');
        return Object.fromEntries(tokens.value.map((t) => [environments.value.find((e) => e.id === t.key.environmentId)!.name, t.tokenHint]));
      });
      const expected = hint[emulator === prod ? 'Lemonway prod' : 'Lemonway sandbox']!;
      expect(expected).toMatch(/^[\w-]{4}$/);
      await response.getByRole('tab', { name: 'Request sent' }).click();
      await expect(response.getByLabel('Request as sent')).toContainText(`Authorization: Bearer ••••${expected}`);
      await response.getByRole('tab', { name: 'Body' }).click();
    }
    expect(sandbox.tokenRequests + prod.tokenRequests).toBe(2);
  } finally {
    await Promise.all([sandbox.close(), prod.close()]);
  }
});
