/**
 * Credentials end to end, against the OAuth2 client-credentials emulator on 127.0.0.1: the preset
 * flow, the live preview with secrets masked, a diagnosed failure, the production confirmation and
 * the allowed-hosts refusal.
 */
import { startOAuth2ClientCredentials, type OAuth2ClientCredentialsEmulator } from '../testing/emulators';
import { addAllowedHost, addFromPreset, createEnvironment, getTokenNow, openTab, setUpVault, tokenState } from './credential-steps';
import { expect, test } from './fixtures/app';

const CLIENT_ID = 'tokenbench-e2e';
const CLIENT_SECRET = 'e2e-client-secret-7f3a9c21';
const PRESET = 'OAuth2 client credentials (Basic auth)';

let emulator: OAuth2ClientCredentialsEmulator;

test.beforeEach(async () => {
  emulator = await startOAuth2ClientCredentials({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
});

test.afterEach(async () => {
  await emulator.close();
});

const presetValues = (secret = CLIENT_SECRET) => ({ 'Token URL': emulator.tokenEndpoint, 'Client ID': CLIENT_ID, 'Client secret': secret });

test('a credential from a preset gets a valid token, with the request previewed and secrets masked', async ({ app }) => {
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'OAuth sandbox');
  await addAllowedHost(page, '127.0.0.1');
  await addFromPreset(page, PRESET, presetValues());

  const preview = page.getByLabel('Token request preview');
  await expect(preview).toContainText(`POST ${emulator.tokenEndpoint}`);
  await expect(preview).toContainText('Authorization: Basic ••••');
  await expect(preview).toContainText('grant_type=client_credentials');
  await expect(preview).not.toContainText(CLIENT_SECRET);

  await getTokenNow(page);
  await expect(tokenState(page)).toHaveText('Valid');
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^(59:\d\d|1:00:00)$/);
  expect(emulator.tokenRequests).toBe(1);
  await expect(page.locator('body')).not.toContainText(CLIENT_SECRET);

  // The preview follows every keystroke, and a name the environment lacks is flagged at its field.
  await page.getByLabel('Token request URL').fill('{{tokenUrl}}?tenant={{tenant}}');
  await expect(preview).toContainText(`POST ${emulator.tokenEndpoint}?tenant={{tenant}}`);
  await expect(page.getByText('Uses {{tenant}}, but this environment has no variable "tenant".')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Get token now' })).toBeDisabled();
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(preview).not.toContainText('tenant');
  await app.screenshot('credential-editor');
});

test('a wrong secret is diagnosed as bad credentials, with what to check', async ({ app }) => {
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'OAuth sandbox');
  await addAllowedHost(page, '127.0.0.1');
  await addFromPreset(page, PRESET, presetValues('not-the-right-secret'));

  await getTokenNow(page);
  const alert = page.getByRole('alert').filter({ hasText: 'did not accept the credentials' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('(401)');
  await expect(alert).toContainText('Check {{clientSecret}} in environment');
  const details = page.getByRole('definition').filter({ hasText: 'bad credentials' });
  await expect(details).toBeVisible();
  await expect(page.getByLabel('Failure details')).toContainText('HTTP status401');
  await expect(page.locator('body')).not.toContainText('not-the-right-secret');
  expect(emulator.tokenRequests).toBe(1);

  // The recorded exchange is one click away, in the timeline.
  await page.getByRole('button', { name: 'See the recorded exchange in the timeline' }).click();
  await expect(page.getByRole('main', { name: 'Timeline' })).toBeVisible();
});

test('a production environment asks before it fetches a token', async ({ app }) => {
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'OAuth prod', { production: true });
  await expect(page.getByText('PRODUCTION', { exact: true })).toBeVisible();
  await addAllowedHost(page, '127.0.0.1');
  await expect(page.getByRole('checkbox', { name: 'Ask before requests and token fetches' })).toBeChecked();
  await addFromPreset(page, PRESET, presetValues());

  await getTokenNow(page);
  const question = page.getByRole('alertdialog', { name: 'Confirm production token fetch' });
  await expect(question).toContainText('OAuth prod is a production environment');
  expect(emulator.tokenRequests).toBe(0);
  await question.getByRole('button', { name: 'Cancel' }).click();
  expect(emulator.tokenRequests).toBe(0);

  await getTokenNow(page);
  await page.getByRole('button', { name: 'Yes, get a production token' }).click();
  await expect(tokenState(page)).toHaveText('Valid');
  expect(emulator.tokenRequests).toBe(1);
});

test('a token request to a host outside the allowed list is refused, with the reason', async ({ app }) => {
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'OAuth sandbox');
  await addAllowedHost(page, 'auth.example.com');
  await expect(page.getByRole('list', { name: 'Allowed hosts' })).toContainText('auth.example.com');

  // The editor explains the rule and refuses malformed entries before saving anything.
  await page.getByLabel('Allowed host', { exact: true }).fill('https://auth.example.com/token');
  await page.getByRole('button', { name: 'Add host' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Leave out the scheme and path' })).toBeVisible();

  await addFromPreset(page, PRESET, presetValues(), async (form) => {
    await expect(form.getByRole('note')).toContainText('127.0.0.1 is not among the allowed hosts');
  });

  await getTokenNow(page);
  const alert = page.getByRole('alert').filter({ hasText: 'not among its allowed hosts' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Nothing was sent');
  expect(emulator.tokenRequests).toBe(0);
});

test('variables: secrets stay masked unless revealed, show where they are used, and clones leave secret values behind', async ({ app }) => {
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'OAuth sandbox');
  await addAllowedHost(page, '127.0.0.1');
  await addFromPreset(page, PRESET, presetValues());

  await openTab(page, 'Variables');
  const table = page.getByRole('table');
  const secretRow = table.getByRole('row', { name: /^clientSecret/ });
  await expect(secretRow.getByLabel('Value of clientSecret')).toHaveText('••••9c21');
  await expect(secretRow).toContainText(PRESET);
  await expect(table.getByRole('checkbox', { name: 'clientSecret is secret' })).toBeChecked();
  await expect(page.locator('body')).not.toContainText(CLIENT_SECRET);

  await page.getByRole('button', { name: 'Reveal clientSecret' }).click();
  await expect(secretRow.getByLabel('Value of clientSecret')).toHaveText(CLIENT_SECRET);
  await page.getByRole('button', { name: 'Hide clientSecret' }).click();
  await expect(secretRow.getByLabel('Value of clientSecret')).toHaveText('••••9c21');
  // A revealed value does not survive a change of view.
  await page.getByRole('button', { name: 'Reveal clientSecret' }).click();
  await expect(page.getByText(CLIENT_SECRET)).toBeVisible();
  await openTab(page, 'Settings');
  await openTab(page, 'Variables');
  await expect(page.locator('body')).not.toContainText(CLIENT_SECRET);

  await page.getByRole('button', { name: 'Copy clientSecret' }).click();
  if (test.info().project.metadata.transport === 'electron') {
    await expect(page.getByRole('status')).toContainText('Copied clientSecret to the clipboard; it is cleared in');
  } else {
    // The browser harness gives the main side no clipboard: the refusal is shown, with what to do instead.
    await expect(page.getByRole('alert').filter({ hasText: 'There is no clipboard here.' })).toContainText('Use Reveal instead.');
    await page.getByRole('button', { name: 'Dismiss error' }).click();
  }

  await page.getByRole('button', { name: 'Add variable' }).click();
  const form = page.getByRole('form', { name: 'New variable' });
  await form.getByLabel('Variable name').fill('1tenant');
  await expect(form.getByText('Variable names start with a letter')).toBeVisible();
  await form.getByLabel('Variable name').fill('tenant');
  await form.getByLabel('Value', { exact: true }).fill('acme');
  await form.getByRole('button', { name: 'Save variable' }).click();
  await expect(table.getByRole('row', { name: /^tenant/ })).toContainText('not used');

  await openTab(page, 'Settings');
  // Settings are saved as they are toggled; the box shows the saved state once the main process answers.
  const tls = page.getByRole('checkbox', { name: /Accept invalid TLS certificates/ });
  await tls.click();
  await expect(tls).toBeChecked();
  await expect(page.getByRole('note')).toContainText('Certificates are not verified for this environment');

  await page.getByRole('button', { name: 'Clone' }).click();
  const clone = page.getByRole('form', { name: 'Clone environment' });
  await clone.getByLabel('Name of the copy').fill('OAuth prod');
  await clone.getByRole('checkbox', { name: 'The copy is a production environment' }).check();
  await expect(clone.getByRole('checkbox', { name: 'Include secret values' })).not.toBeChecked();
  await clone.getByRole('button', { name: 'Clone environment' }).click();
  await expect(page.getByRole('heading', { name: 'OAuth prod', level: 1 })).toBeVisible();
  await expect(page.getByText('PRODUCTION', { exact: true })).toBeVisible();
  await openTab(page, 'Variables');
  await expect(page.getByLabel('Value of clientSecret')).toHaveText('(not set)');
  await expect(page.getByLabel('Value of tenant')).toHaveText('acme');
});

test('the raw JSON tab validates the recipe and lists problems by field', async ({ app }) => {
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'OAuth sandbox');
  await addFromPreset(page, PRESET, presetValues());

  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = page.getByLabel('Recipe JSON');
  await json.fill('{"version": 1, "kind": "token-request", "tokenRequest": {"url": "{{tokenUrl}}", "method": "DELETE"}');
  await expect(page.getByRole('list', { name: 'Recipe problems' })).toContainText('Not valid JSON');
  await json.fill('{"version": 1, "kind": "token-request", "tokenRequest": {"url": "{{tokenUrl}}", "method": "DELETE"}}');
  await expect(page.getByRole('list', { name: 'Recipe problems' })).toContainText('tokenRequest.method');
  await expect(page.getByRole('tab', { name: 'Form' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save credential' })).toBeDisabled();

  await json.fill('{"version": 1, "kind": "static", "token": "{{apiKey}}"}');
  await expect(page.getByRole('list', { name: 'Recipe problems' })).toContainText('Uses {{apiKey}}, but this environment has no variable "apiKey".');
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByLabel('Kind')).toHaveValue('static');
  await page.getByRole('button', { name: 'Save credential' }).click();
  await expect(page.getByRole('button', { name: 'Save credential' })).toBeDisabled();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
});

test('a credential from scratch starts from a valid recipe of the chosen kind', async ({ app }) => {
  const { page } = app;
  await createEnvironment(page, 'Generic');
  await page.getByRole('button', { name: 'Add credential' }).click();
  const scratch = page.getByRole('form', { name: 'Start from scratch' });
  await scratch.getByLabel('New credential name').fill('Partner API key');
  await scratch.getByLabel('Recipe kind').selectOption('static');
  await scratch.getByRole('button', { name: 'Create and edit' }).click();

  await expect(page.getByRole('article', { name: 'Credential Partner API key' })).toBeVisible();
  await expect(page.getByLabel('Kind')).toHaveValue('static');
  await expect(page.getByLabel('Request preview')).toContainText('No token request: the key is used as it is.');
  await expect(page.getByLabel('Request preview')).toContainText('Authorization: Bearer {{token}}');
  await expect(page.getByText('Uses {{apiKey}}, but this environment has no variable "apiKey".')).toBeVisible();
  // Without the vault, nothing secret can be used, and the editor says so instead of failing later.
  await expect(page.getByRole('button', { name: 'Get token now' })).toBeDisabled();
  await expect(page.getByText('Secrets are kept in the vault, which is not set up yet')).toBeVisible();
});
