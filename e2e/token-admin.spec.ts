/**
 * Against a real authorization server (oidc-provider with introspection and revocation on):
 * the credential editor fills the endpoints from the issuer, the dashboard card asks the server
 * about the token and revokes it (a stronger question in production), each screen checked by axe
 * in both themes.
 */
import type { Page } from '@playwright/test';
import { startAuthorizationServer, type AuthorizationServer } from '../testing/emulators';
import { accessibilityProblems } from './axe-steps';
import { addAllowedHost, addFromPreset, createEnvironment, getTokenNow, setUpVault, tokenState } from './credential-steps';
import { openView } from './demo-steps';
import { expect, test } from './fixtures/app';

const SECRET = 'e2e-admin-secret-0123456789';
const PRESET = 'OAuth2 client credentials (Basic auth)';

// Vault setup (scrypt) and axe in two themes take a while on a loaded machine.
test.describe.configure({ timeout: 240_000 });

let server: AuthorizationServer;
test.beforeEach(async () => {
  server = await startAuthorizationServer({ clients: [{ clientId: 'e2e-client', clientSecret: SECRET, auth: 'client_secret_basic' }], accessTokenFormat: 'opaque' });
});
test.afterEach(() => server.close());

/** A credential whose endpoints come from the issuer, saved, with a token. */
async function credentialFromIssuer(page: Page, environment: string, options: { production?: boolean } = {}) {
  await setUpVault(page);
  await createEnvironment(page, environment, options);
  await addAllowedHost(page, '127.0.0.1');
  await addFromPreset(page, PRESET, { 'Token URL': `${server.issuer}/wrong-path`, 'Client ID': 'e2e-client', 'Client secret': SECRET });

  const fill = page.getByRole('region', { name: 'Fill endpoints from the issuer' });
  await fill.getByLabel('Issuer').fill(server.issuer);
  await fill.getByRole('button', { name: 'Fill endpoints from the issuer' }).click();
  const said = fill.getByRole('status');
  await expect(said).toContainText(`token URL: ${server.tokenEndpoint}`);
  await expect(said).toContainText(`introspection URL: ${server.issuer}/token/introspection`);
  await expect(said).toContainText(`revocation URL: ${server.issuer}/token/revocation`);
  await expect(said).toContainText('client authentication: client_secret_basic (kept; the server supports it)');
  await expect(page.getByLabel('Revocation URL (RFC 7009)')).toHaveValue(`${server.issuer}/token/revocation`);
  return said;
}

async function saved(page: Page) {
  await page.getByRole('button', { name: 'Save credential' }).click();
  await expect(page.getByText('Unsaved changes')).toBeHidden();
}

test('fill endpoints from the issuer, ask the server about the token, revoke it', async ({ app }) => {
  const { page } = app;
  await credentialFromIssuer(page, 'Staging');
  expect(await accessibilityProblems(page, 'endpoints filled from the issuer')).toEqual([]);
  await saved(page);
  await getTokenNow(page);
  await expect(tokenState(page)).toHaveText(/^Valid/);

  await openView(page, 'Dashboard');
  const card = page.getByRole('article', { name: /in Staging$/ });
  await card.getByRole('button', { name: 'Ask the server' }).click();
  const answer = card.getByRole('region', { name: 'What the server says about this token' });
  await expect(answer).toContainText('yes: the service accepts this token');
  await expect(answer).toContainText('e2e-client');
  expect(await accessibilityProblems(page, 'the server\'s answer on the card')).toEqual([]);

  await card.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke this token' });
  await expect(dialog).toContainText('the next use gets a new one');
  expect(await accessibilityProblems(page, 'the revoke question')).toEqual([]);
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Revoked the access token' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Ask the server' })).toBeDisabled();
  await expect(card.getByRole('button', { name: 'Get token' })).toBeVisible();

  await openView(page, 'Timeline');
  await expect(page.getByRole('listitem', { name: /^Revocation for / })).toBeVisible();
  await expect(page.getByRole('listitem', { name: /^Introspection for / })).toBeVisible();
});

test('in production, revoking asks for the environment\'s name first', async ({ app }) => {
  const { page } = app;
  await credentialFromIssuer(page, 'Live', { production: true });
  await saved(page);
  await getTokenNow(page);
  // Getting a production token asks first, as everywhere.
  await page.getByRole('button', { name: 'Yes, get a production token' }).click();
  await expect(tokenState(page)).toHaveText(/^Valid/);

  await openView(page, 'Dashboard');
  const card = page.getByRole('article', { name: /in Live$/ });
  await card.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke a production token' });
  const revoke = dialog.getByRole('button', { name: 'Revoke' });
  await expect(revoke).toBeDisabled();
  await dialog.getByLabel(/Type its name to revoke there/).fill('Liv');
  await expect(revoke).toBeDisabled();
  expect(await accessibilityProblems(page, 'the production revoke question')).toEqual([]);
  await dialog.getByLabel(/Type its name to revoke there/).fill('Live');
  await revoke.click();
  await expect(card.getByRole('status').filter({ hasText: 'Revoked the access token' })).toBeVisible();
});
