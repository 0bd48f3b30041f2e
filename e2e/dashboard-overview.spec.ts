/**
 * The dashboard at a glance with seven environments (sandbox and production of several vendors,
 * one failing): cards flow in a grid that uses the 1280-px window, the list mode shows one line
 * per token, the PRODUCTION badge is said once, a failed card says what failed once, and the
 * token is described the way the recipe sends it. Takes the README screenshots, light and dark.
 */
import type { Page } from '@playwright/test';
import type { RendererApi } from '../shared/ipc/renderer-api';
import { setUpVault } from './credential-steps';
import { startLemonway, startLengow, type Emulator } from '../testing/emulators';
import { expect, test } from './fixtures/app';

interface Setup {
  environment: string;
  production?: boolean;
  presetId: string;
  name: string;
  values: Record<string, string>;
}

/** Creates each environment with its credential through the same calls the UI makes, then gets its token. */
async function setUpWorkspace(page: Page, setups: Setup[]): Promise<void> {
  await page.evaluate(async (list) => {
    const api = (globalThis as unknown as { tokenbench: RendererApi }).tokenbench;
    for (const setup of list) {
      const environment = await api.environments.create({ name: setup.environment, production: setup.production ?? false });
      if (!environment.ok) throw new Error(environment.error.message);
      const added = await api.credentials['add-from-preset']({ presetId: setup.presetId, environmentId: environment.value.id, name: setup.name, values: setup.values });
      if (!added.ok) throw new Error(added.error.message);
      // A failed token request is part of the picture: it shows on its card.
      await api.tokens.fetch({ environmentId: environment.value.id, credentialId: added.value.credential.id, confirmed: true });
    }
  }, setups);
}

test('seven environments read at a glance, as cards and as a list, light and dark', async ({ app }) => {
  test.setTimeout(120_000);
  const emulators: Emulator[] = [];
  const start = async <T extends Emulator>(started: Promise<T>) => {
    const emulator = await started;
    emulators.push(emulator);
    return emulator;
  };
  try {
    const sandbox = await start(startLemonway({ apiKey: 'lw-sandbox-key-0001', environment: 'sandbox' }));
    const prod = await start(startLemonway({ apiKey: 'lw-prod-key-0002', environment: 'prod' }));
    const lengow = await start(startLengow({ accessToken: 'lengow-access-e2e', secret: 'lengow-secret-e2e' }));
    const { page } = app;
    await setUpVault(page);
    await setUpWorkspace(page, [
      { environment: 'Lemonway sandbox', presetId: 'lemonway', name: 'Lemonway', values: { baseUrl: sandbox.url, apiKey: 'lw-sandbox-key-0001' } },
      { environment: 'Lemonway prod', production: true, presetId: 'lemonway', name: 'Lemonway (prod)', values: { baseUrl: prod.url, apiKey: 'lw-prod-key-0002' } },
      { environment: 'Lengow shop', presetId: 'lengow', name: 'Lengow', values: { baseUrl: lengow.url, accessToken: 'lengow-access-e2e', secret: 'lengow-secret-e2e' } },
      { environment: 'Marketplace sandbox', presetId: 'static-api-key', name: 'Partner key', values: { apiKey: 'mkp-sandbox-key-7788', expiresOn: '2099-12-31' } },
      { environment: 'Marketplace prod', production: true, presetId: 'static-api-key', name: 'Partner key (prod)', values: { apiKey: 'mkp-prod-key-9911', expiresOn: '2099-12-31' } },
      { environment: 'Warehouse', presetId: 'http-basic', name: 'Warehouse login', values: { username: 'ops', password: 'warehouse-pass-e2e', expiresOn: '2099-06-30' } },
      { environment: 'Lemonway staging', presetId: 'lemonway', name: 'Lemonway (staging)', values: { baseUrl: sandbox.url, apiKey: 'lw-revoked-key-0003' } },
    ]);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Dashboard' }).click();
    const groups = page.locator('.token-group');
    await expect(groups).toHaveCount(7);
    await expect(page.getByRole('article')).toHaveCount(7);

    // Cards share rows: the first three groups start on the same line, and seven fit one screen.
    const tops = await Promise.all([0, 1, 2].map(async (i) => (await groups.nth(i).boundingBox())!.y));
    expect(new Set(tops).size).toBe(1);
    await expect(groups.last()).toBeInViewport();

    // PRODUCTION once per production environment: on its group, not again on its card.
    await expect(page.getByRole('region', { name: 'Lemonway prod' }).getByText('PRODUCTION', { exact: true })).toHaveCount(1);
    await expect(page.getByText('PRODUCTION', { exact: true })).toHaveCount(2);

    // The failed card says what failed and what to do, once, and claims no token.
    const failed = page.getByRole('article', { name: 'Lemonway (staging) in Lemonway staging' });
    await expect(failed.getByText('Failed', { exact: true })).toBeVisible();
    await expect(failed).toContainText('No token held');
    await expect(failed).not.toContainText('No expiry stated');
    await expect(failed.getByRole('alert')).toContainText('401');
    expect((await failed.getByRole('alert').innerText()).match(/401/g)).toHaveLength(1);

    // The token is described as the recipe sends it: Lengow's bare token, Lemonway's Bearer.
    await expect(page.getByRole('article', { name: 'Lengow in Lengow shop' })).toContainText('Authorization: <token>');
    await expect(page.getByRole('article', { name: 'Lemonway in Lemonway sandbox' })).toContainText('Authorization: Bearer <token>');
    await app.screenshot('dashboard-grid');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('dashboard-grid-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // List mode: one line per token, the environment and its badge said once per group.
    await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'List' }).click();
    const table = page.getByRole('table', { name: 'Tokens' });
    await expect(table.locator('tbody tr')).toHaveCount(7);
    await expect(page.getByRole('article')).toHaveCount(0);
    const row = table.getByRole('row', { name: 'Lemonway (prod) in Lemonway prod' });
    await expect(row.getByRole('timer', { name: 'Time left' })).toHaveText(/^Expires in/);
    await expect(row.getByRole('button', { name: 'Renew now' })).toBeEnabled();
    await expect(table.getByText('PRODUCTION', { exact: true })).toHaveCount(2);
    for (const line of await table.locator('tbody tr').all()) expect((await line.boundingBox())!.height).toBeLessThan(90);
    await expect(table.locator('tbody tr').last()).toBeInViewport();
    await app.screenshot('dashboard-list');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('dashboard-list-dark');
  } finally {
    await Promise.all(emulators.map((e) => e.close()));
  }
});
