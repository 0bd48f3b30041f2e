/**
 * Accessibility: axe-core (WCAG 2.1 A/AA and best practices) over every main view and dialog, in
 * the light and the dark theme. No critical, serious or moderate finding is allowed, except the
 * moderate rules listed with their reason in axe-steps.ts.
 */
import type { Page } from '@playwright/test';
import { accessibilityProblems } from './axe-steps';
import { addAllowedHost, addFromPreset, createEnvironment, getTokenNow, openTab, setUpVault, tokenState } from './credential-steps';
import { openView, startDemoWithToken } from './demo-steps';
import { startOAuth2ClientCredentials } from '../testing/emulators';
import { expect, test } from './fixtures/app';
import { startRunnerApi } from './runner-server';
import { importCurl, openRunner } from './runner-steps';

// axe takes seconds per screen on a loaded machine; the verdict never depends on speed.
test.describe.configure({ timeout: 600_000 });

/** Checks each state as a soft expectation, so one run reports the problems of every state. */
function recorder(page: Page) {
  return {
    check: async (state: string) => {
      const problems = await accessibilityProblems(page, state);
      expect.soft(problems, problems.join('\n')).toEqual([]);
    },
  };
}

test('first run: vault setup and every view while empty', async ({ app }) => {
  const { page } = app;
  const axe = recorder(page);
  await openView(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Vault setup' })).toBeVisible();
  await page.getByRole('region', { name: 'Vault setup' }).getByLabel('Passphrase', { exact: true }).fill('short');
  await axe.check('vault setup');
  for (const view of ['Environments', 'Timeline', 'Runner'] as const) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
    await expect(page.getByRole('main', { name: view })).toBeVisible();
    // Views load on demand: check the view itself (with its h1), not its "Loading…" placeholder.
    await expect(page.getByRole('main', { name: view }).getByRole('heading', { level: 1 })).toHaveCount(1);
    await axe.check(`${view} (empty)`);
  }
});

test('the demo: dashboard, vault settings, JWT inspector, timeline, copy confirmation, locked vault', async ({ app }) => {
  const { page } = app;
  const axe = recorder(page);
  const card = await startDemoWithToken(page);
  await axe.check('dashboard with tokens');

  await page.getByRole('button', { name: 'Call the demo API with the OAuth2 token' }).click();
  await expect(page.getByRole('figure', { name: /Demo API answer/ })).toContainText('HTTP 200');
  await axe.check('dashboard with a demo answer');

  await card.getByRole('button', { name: 'Decode' }).click();
  const inspector = page.getByRole('dialog', { name: 'JWT inspector' });
  await inspector.getByRole('button', { name: /^Use the issuer’s/ }).click();
  await inspector.getByRole('button', { name: 'Check signature' }).click();
  await expect(inspector.getByRole('status')).toContainText('Signature valid.');
  await axe.check('JWT inspector');
  await page.keyboard.press('Escape');

  await card.getByRole('button', { name: 'Timeline' }).click();
  const entry = page.getByRole('listitem', { name: /^Token request for Demo OAuth2/ }).first();
  await entry.getByRole('button', { expanded: false }).click();
  await expect(entry.getByRole('region', { name: 'Response' })).toContainText('HTTP 200');
  await axe.check('timeline with an open exchange');
  await entry.getByRole('button', { name: 'Copy with secrets…' }).click();
  await expect(page.getByRole('dialog', { name: 'Copy with secrets?' })).toBeVisible();
  await axe.check('copy with secrets dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Vault unlocked' }).click();
  const vault = page.getByRole('dialog', { name: 'Vault settings' });
  await vault.getByRole('button', { name: 'Change passphrase…' }).click();
  await axe.check('vault settings');
  await vault.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('region', { name: 'Vault locked' })).toBeVisible();
  await openView(page, 'Dashboard');
  await axe.check('dashboard, vault locked');
});

const PRESET = 'OAuth2 client credentials (Basic auth)';
/** A wrong secret, so the credential editor also shows a failed token. */
const presetValues = (tokenUrl: string) => ({ 'Token URL': tokenUrl, 'Client ID': 'a11y', 'Client secret': 'wrong' });

/** Vault set up, and a production environment whose allowed host is the emulator's. */
async function productionEnvironment(page: Page): Promise<void> {
  await setUpVault(page);
  await createEnvironment(page, 'Live', { production: true });
  await addAllowedHost(page, '127.0.0.1');
}

test('environments and credentials: the tabs, the preset picker and form, the credential editor', async ({ app }) => {
  const { page } = app;
  const axe = recorder(page);
  const emulator = await startOAuth2ClientCredentials({ clientId: 'a11y', clientSecret: 'a11y-secret' });
  try {
    await productionEnvironment(page);
    await axe.check('production environment, credentials tab');
    await openTab(page, 'Variables');
    await axe.check('variables tab');
    await openTab(page, 'Settings');
    await axe.check('settings tab');
    await openTab(page, 'Credentials');
    await page.getByRole('button', { name: 'Add credential' }).click();
    await axe.check('preset picker');
    await page.getByRole('button', { name: `Use preset ${PRESET}` }).click();
    const form = page.getByRole('form', { name: `Add ${PRESET}` });
    for (const [label, value] of Object.entries(presetValues(emulator.tokenEndpoint))) await form.getByLabel(label, { exact: true }).fill(value);
    await axe.check('preset form');
    await form.getByRole('button', { name: 'Add credential' }).click();
    await expect(page.getByRole('article', { name: /^Credential / })).toBeVisible();
    await axe.check('credential editor');
  } finally {
    await emulator.close();
  }
});

test('credentials: production confirmation, a failed token, the JSON tab, export and import', async ({ app }) => {
  const { page } = app;
  const axe = recorder(page);
  const emulator = await startOAuth2ClientCredentials({ clientId: 'a11y', clientSecret: 'a11y-secret' });
  try {
    await productionEnvironment(page);
    await addFromPreset(page, PRESET, presetValues(emulator.tokenEndpoint));
    await getTokenNow(page);
    await expect(page.getByRole('alertdialog', { name: 'Confirm production token fetch' })).toBeVisible();
    await axe.check('production confirmation');
    await page.getByRole('button', { name: 'Yes, get a production token' }).click();
    await expect(tokenState(page)).toHaveText('Failed');
    await axe.check('credential editor, token failed');
    await page.getByRole('tab', { name: 'JSON' }).click();
    await axe.check('credential editor, raw JSON');

    await page.getByRole('button', { name: 'Export…' }).click();
    await axe.check('export dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Import…' }).click();
    await axe.check('import dialog');
    await page.keyboard.press('Escape');
    await openView(page, 'Dashboard');
    await axe.check('dashboard, production token failed');
  } finally {
    await emulator.close();
  }
});

test('the runner: a request, its response body, headers, timings and the request as sent', async ({ app }) => {
  const { page } = app;
  const axe = recorder(page);
  const api = await startRunnerApi();
  try {
    await page.getByRole('button', { name: 'Not now' }).click();
    await openRunner(page);
    await page.getByRole('button', { name: 'Import cURL' }).click();
    await axe.check('runner, cURL import');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await importCurl(page, `curl -X POST '${api.url}/orders?limit=2' -H 'Content-Type: application/json' --data-raw '{"customer":"Ada"}'`);
    await axe.check('runner, request composed');
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByRole('textbox', { name: 'Response body' })).toContainText('"customer": "Ada"');
    await axe.check('runner, response body');
    for (const tab of ['Headers', 'Timings', 'Request sent'] as const) {
      await response.getByRole('tab', { name: tab }).click();
      await axe.check(`runner, response ${tab.toLowerCase()}`);
    }
    await page.getByLabel('URL', { exact: true }).fill(`${api.url}/missing`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(response.getByLabel('Response status')).toContainText('404');
    await axe.check('runner, 404 response and history');
  } finally {
    await api.close();
  }
});
