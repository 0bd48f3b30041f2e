/**
 * A Postman collection imported through the Import dialog: the preview says what will be created
 * and what cannot be mapped before anything is written; after the import the OAuth 2.0
 * client-credentials credential it brought fetches a token from the emulator. No secret planted
 * in the file reaches the window.
 */
import fs from 'node:fs';
import type { RendererApi } from '../shared/ipc/renderer-api';
import { setUpVault, showEnvironments } from './credential-steps';
import { startOAuth2ClientCredentials } from '../testing/emulators';
import { expect, test } from './fixtures/app';

const FIXTURE = 'testing/fixtures/imports/postman-v2.1.collection.json';
const CLIENT_SECRET = 'CANARY-client-secret-7f3a';

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form; no app is started for a skipped test.
test.beforeEach(({}, testInfo) => {
  testInfo.skip(testInfo.project.metadata.transport === 'electron', 'The open dialog is native in the Electron app; the web project scripts it.');
});

test('a Postman collection is previewed, imported, and its OAuth 2.0 credential gets a token', async ({ app }) => {
  const { page } = app;
  const emulator = await startOAuth2ClientCredentials({ clientId: 'acme-client', clientSecret: CLIENT_SECRET });
  try {
    const text = fs.readFileSync(FIXTURE, 'utf8').replaceAll('http://127.0.0.1:4010', emulator.url);
    const file = test.info().outputPath('acme.postman_collection.json');
    fs.writeFileSync(file, text);
    app.files!.nextImportPath = file;
    await setUpVault(page);
    await showEnvironments(page);

    await page.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import', exact: true });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await expect(dialog.getByRole('status')).toHaveText('acme.postman_collection.json is a Postman collection. Nothing is written until you import it.', { timeout: 20_000 });
    const created = dialog.getByRole('region', { name: 'Will be created' });
    await expect(created).toContainText('Acme Commerce API (OAuth 2.0 client credentials): OAuth 2.0 client credentials');
    await expect(created).toContainText('Collection Acme Commerce API: 10 saved requests');
    await expect(dialog.getByRole('region', { name: 'Cannot be mapped' })).toContainText('auth of Partners / Signed upload: its awsv4 auth has no Tokenbench recipe.');
    await expect(page.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: 'Acme Commerce API' })).toHaveCount(0);

    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText('Imported 1 environment, 4 credentials and 10 saved requests from a Postman collection.', { timeout: 20_000 });
    await expect(dialog).toContainText('8 values that were in the file in clear are now secret in the vault.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: 'Acme Commerce API' })).toBeVisible();

    const state = await page.evaluate(async () => {
      const api = (globalThis as unknown as { tokenbench: RendererApi }).tokenbench;
      const environments = await api.environments.list({});
      const credentials = await api.credentials.list({});
      if (!environments.ok || !credentials.ok) throw new Error('listing failed');
      const oauth = credentials.value.find((c) => c.name.includes('OAuth'))!;
      const key = { environmentId: environments.value[0]!.id, credentialId: oauth.id };
      const fetched = await api.tokens.fetch(key);
      if (!fetched.ok) return fetched.error.message;
      const statuses = await api.tokens.list({});
      return statuses.ok ? statuses.value.find((s) => s.key.credentialId === oauth.id)?.state : statuses.error.message;
    });
    expect(state).toBe('valid');
    expect(emulator.tokenRequests).toBe(1);
    const canaries = [...new Set(text.match(/CANARY-[A-Za-z0-9-]+/g) ?? [])];
    const content = await page.content();
    expect(canaries.filter((c) => content.includes(c))).toEqual([]);
  } finally {
    await emulator.close();
  }
});
