/**
 * Keyboard only: vault setup, the demo, a token's Decode dialog, adding a credential from a
 * preset, sending a request and searching its response body. After every step the focus is
 * asserted: it must land on what the step produced, never on the page itself.
 */
import { PASSPHRASE, addAllowedHost, createEnvironment, openTab, setUpVault, tokenState } from './credential-steps';
import { useShortDemoLifetime } from './demo-steps';
import { startOAuth2ClientCredentials } from '../testing/emulators';
import { expect, test } from './fixtures/app';
import { activate, tabTo } from './keyboard-steps';
import { startRunnerApi } from './runner-server';

useShortDemoLifetime();
// The machine may be loaded; nothing here depends on speed.
test.describe.configure({ timeout: 300_000 });

test('vault setup, the demo and a token’s Decode dialog, from the keyboard', async ({ app }) => {
  const { page } = app;
  // The skip link comes first and lands in the view, past the top bar and the rail.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: /^Skip to / });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  const setup = page.getByRole('region', { name: 'Vault setup' });
  await tabTo(page, setup.getByLabel('Passphrase', { exact: true }), { backwards: true });
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, setup.getByLabel('Confirm passphrase'));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  const vaultControl = page.getByRole('button', { name: 'Vault unlocked' });
  await expect(vaultControl).toBeFocused({ timeout: 30_000 });

  // Escape closes the vault settings and gives focus back to their button.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Vault settings' }).getByRole('button', { name: 'Lock now' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Vault settings' })).toHaveCount(0);
  await expect(vaultControl).toBeFocused();

  await activate(page, page.getByRole('button', { name: 'Try the demo' }));
  const card = page.getByRole('article', { name: 'Demo OAuth2 (client credentials, JWT) in Demo' });
  const getToken = card.getByRole('button', { name: 'Get token' });
  await expect(getToken).toBeFocused({ timeout: 30_000 });

  // The button keeps focus while it works and after (it becomes "Renew now").
  await page.keyboard.press('Enter');
  await expect(card.getByText('Valid', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole('button', { name: 'Renew now' })).toBeFocused();

  const decode = card.getByRole('button', { name: 'Decode' });
  await activate(page, decode);
  const inspector = page.getByRole('dialog', { name: 'JWT inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspector.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(inspector.getByRole('region', { name: 'Claims' })).toContainText('"sub": "demo-');
  // Focus stays inside the dialog: Tab reaches its signature check.
  await tabTo(page, inspector.getByRole('button', { name: /^Use the issuer’s/ }));
  await page.keyboard.press('Escape');
  await expect(inspector).toHaveCount(0);
  await expect(decode).toBeFocused();
});

test('adding a credential from a preset, from the keyboard', async ({ app }) => {
  const { page } = app;
  const emulator = await startOAuth2ClientCredentials({ clientId: 'keyboard', clientSecret: 'keyboard-secret' });
  try {
    await setUpVault(page);
    await createEnvironment(page, 'Sandbox');
    await addAllowedHost(page, '127.0.0.1');
    await openTab(page, 'Credentials');

    await activate(page, page.getByRole('button', { name: 'Add credential' }));
    await expect(page.getByRole('heading', { name: 'Add a credential to Sandbox' })).toBeFocused();

    const preset = 'OAuth2 client credentials (Basic auth)';
    await activate(page, page.getByRole('button', { name: `Use preset ${preset}` }));
    const form = page.getByRole('form', { name: `Add ${preset}` });
    await expect(form.getByLabel('Credential name')).toBeFocused();
    for (const [label, value] of [
      ['Token URL', emulator.tokenEndpoint],
      ['Client ID', 'keyboard'],
      ['Client secret', 'keyboard-secret'],
    ] as const) {
      await tabTo(page, form.getByLabel(label, { exact: true }));
      await page.keyboard.type(value);
    }
    await activate(page, form.getByRole('button', { name: 'Add credential' }));
    const editor = page.getByRole('article', { name: `Credential ${preset}` });
    await expect(editor.getByLabel('Credential name')).toBeFocused();

    await activate(page, editor.getByRole('button', { name: 'Get token now' }));
    await expect(tokenState(page)).toHaveText('Valid', { timeout: 30_000 });
    await expect(editor.getByRole('button', { name: 'Get token now' })).toBeFocused();

    // Back to the list lands on the credential just left; opening it again lands in its editor.
    await activate(page, editor.getByRole('button', { name: 'Back to credentials' }), { backwards: true });
    const item = page.getByRole('region', { name: 'Credentials' }).getByRole('button', { name: new RegExp(`^${preset.replace(/[()]/g, '\\$&')}`) });
    await expect(item).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor.getByLabel('Credential name')).toBeFocused();
  } finally {
    await emulator.close();
  }
});

test('sending a request and searching its response body, from the keyboard', async ({ app }) => {
  const { page } = app;
  const api = await startRunnerApi();
  try {
    await activate(page, page.getByRole('button', { name: 'Not now' }));
    await activate(page, page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Runner' }), { backwards: true });
    await expect(page.getByRole('main', { name: 'Runner' })).toBeVisible();

    await activate(page, page.getByRole('button', { name: 'Import cURL' }));
    await expect(page.getByLabel('cURL command', { exact: true })).toBeFocused();
    // The answer is held back 1.5 s, so the second Enter below surely comes while the request is in flight.
    await page.keyboard.type(`curl -X POST '${api.url}/orders?delayMs=1500' -H 'Content-Type: application/json' --data-raw '{"customer":"Ada Lovelace"}'`);
    await activate(page, page.getByRole('button', { name: 'Create request' }));
    const url = page.getByLabel('URL', { exact: true });
    await expect(url).toBeFocused();
    await expect(url).toHaveValue(`${api.url}/orders`); // the query goes to the Params table

    // Send keeps focus, and a second Enter while waiting does not cancel the request.
    const send = page.getByRole('button', { name: 'Send' });
    await activate(page, send);
    await page.keyboard.press('Enter');
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByRole('group', { name: 'Response status' })).toContainText('201 Created', { timeout: 30_000 });
    await expect(send).toBeFocused();
    expect(api.requests.filter((r) => r.url.startsWith('/orders'))).toHaveLength(1);

    // The response tabs follow the arrow keys.
    await tabTo(page, response.getByRole('tab', { name: 'Body' }));
    await page.keyboard.press('ArrowRight');
    await expect(response.getByRole('tab', { name: 'Headers' })).toBeFocused();
    await expect(response.getByRole('tab', { name: 'Headers' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(response.getByRole('tab', { name: 'Body' })).toHaveAttribute('aria-selected', 'true');

    // The read-only body takes focus, and Ctrl+F searches it.
    const body = response.getByRole('textbox', { name: 'Response body' });
    await tabTo(page, body);
    await page.keyboard.press('Control+f');
    const find = response.getByRole('textbox', { name: 'Find' });
    await expect(find).toBeFocused();
    await page.keyboard.type('Lovelace');
    await page.keyboard.press('Enter');
    await expect(response.locator('.cm-searchMatch')).not.toHaveCount(0);
    await expect(find).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(body).toBeFocused();
  } finally {
    await api.close();
  }
});
