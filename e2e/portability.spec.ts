/**
 * Export and import from the Environments view: secret values leave only when asked, and then
 * encrypted; an encrypted export comes back with its passphrase; a Postman environment is
 * imported with its secret masked, renamed or skipped when its name is taken. The web project's
 * file "dialogs" answer with the paths the test sets (`app.files`).
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { RendererApi } from '../shared/ipc/renderer-api';
import { openTab, setUpVault, showEnvironments } from './credential-steps';
import { expect, test, type TokenbenchApp } from './fixtures/app';
import type { ScriptedFileChooser } from './fixtures/file-chooser';

const ALPHA_SECRET = 'alpha-secret-PORTABILITY-3f9c2e';
const BETA_SECRET = 'beta-secret-PORTABILITY-81d4aa';
const POSTMAN_SECRET = 'postman-secret-PORTABILITY-c0ffee';
const EXPORT_PASSPHRASE = 'export passphrase for the team';

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form; no app is started for a skipped test.
test.beforeEach(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.transport === 'electron',
    'Export and import open native save/open dialogs in the Electron app, which Playwright cannot drive; the web project covers them with scripted dialogs.',
  );
});

function dialogs(app: TokenbenchApp): ScriptedFileChooser {
  if (!app.files) throw new Error('This project has no scripted file dialogs.');
  return app.files;
}

/** Creates an environment with variables through the renderer's API (the UI for that is covered elsewhere). */
async function addEnvironment(page: Page, name: string, variables: Array<{ name: string; value: string; secret: boolean }>): Promise<void> {
  await page.evaluate(
    async ({ name, variables }) => {
      const api = (globalThis as unknown as { tokenbench: RendererApi }).tokenbench;
      const created = await api.environments.create({ name });
      if (!created.ok) throw new Error(created.error.message);
      for (const variable of variables) {
        const set = await api.variables.set({ environmentId: created.value.id, ...variable });
        if (!set.ok) throw new Error(set.error.message);
      }
    },
    { name, variables },
  );
}

function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'Environments' });
}

async function openImport(page: Page, onConflict: 'Import under a new name, such as “Sandbox (imported)”' | 'Skip it') {
  await sidebar(page).getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import', exact: true });
  await dialog.getByRole('radio', { name: onConflict }).check();
  return dialog;
}

/** Chooses the file, looks at the preview (nothing written yet), then imports. */
async function chooseAndImport(dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect(dialog.getByRole('region', { name: 'Will be created' })).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
}

const RENAME = 'Import under a new name, such as “Sandbox (imported)”';

test('environments are exported with secret names only, or with their values encrypted, and come back with the passphrase', async ({ app }) => {
  const { page } = app;
  const files = dialogs(app);
  await setUpVault(page);
  await addEnvironment(page, 'Alpha', [
    { name: 'BASE_URL', value: 'https://alpha.example', secret: false },
    { name: 'API_KEY', value: ALPHA_SECRET, secret: true },
  ]);
  await addEnvironment(page, 'Beta', [
    { name: 'BASE_URL', value: 'https://beta.example', secret: false },
    { name: 'API_KEY', value: BETA_SECRET, secret: true },
  ]);
  await showEnvironments(page);

  // Without secrets: all environments by default, secret variables by name only.
  const plainFile = test.info().outputPath('plain.json');
  files.nextExportPath = plainFile;
  await sidebar(page).getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export environments' });
  await expect(exportDialog.getByRole('checkbox', { name: 'All environments' })).toBeChecked();
  await expect(exportDialog.getByRole('checkbox', { name: 'Include secret values' })).not.toBeChecked();
  await expect(exportDialog).toContainText('the file holds the names of secret variables only');
  await exportDialog.getByRole('button', { name: 'Choose file and export…' }).click();
  await expect(exportDialog.getByRole('status')).toContainText('Exported 2 environments and 0 credentials to plain.json.');
  await expect(exportDialog.getByRole('status')).toContainText('by name only');
  await exportDialog.getByRole('button', { name: 'Done' }).click();
  await expect(exportDialog).toHaveCount(0);

  const plainText = fs.readFileSync(plainFile, 'utf8');
  const plain = JSON.parse(plainText) as { environments: Array<{ name: string; variables: Array<{ name: string; value: string; secret: boolean }> }>; secrets: unknown };
  expect(plain.environments.map((e) => e.name)).toEqual(['Alpha', 'Beta']);
  expect(plain.environments[0]!.variables).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'BASE_URL', value: 'https://alpha.example', secret: false }),
      expect.objectContaining({ name: 'API_KEY', value: '', secret: true }),
    ]),
  );
  expect(plain.secrets).toBeNull();
  expect(plainText).not.toContain(ALPHA_SECRET);
  expect(plainText).not.toContain(BETA_SECRET);

  // With secrets, keyboard only: the values are in the file, encrypted with the passphrase typed twice.
  const encryptedFile = test.info().outputPath('with-secrets.json');
  files.nextExportPath = encryptedFile;
  await sidebar(page).getByRole('button', { name: 'Export…' }).focus();
  await page.keyboard.press('Enter');
  const includeSecrets = exportDialog.getByRole('checkbox', { name: 'Include secret values' });
  await includeSecrets.focus();
  await page.keyboard.press('Space');
  await expect(exportDialog).toContainText('needs it');
  await expect(exportDialog.getByRole('button', { name: 'Choose file and export…' })).toBeDisabled();
  await page.keyboard.press('Tab');
  await expect(exportDialog.getByLabel('Export passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type(EXPORT_PASSPHRASE);
  await page.keyboard.press('Tab');
  await expect(exportDialog.getByLabel('Confirm export passphrase')).toBeFocused();
  await page.keyboard.type(EXPORT_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(exportDialog.getByRole('status')).toContainText('Exported 2 environments and 0 credentials to with-secrets.json.', { timeout: 20_000 });
  await expect(exportDialog.getByRole('status')).toContainText('encrypted with the passphrase you chose');
  await page.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);

  const encryptedText = fs.readFileSync(encryptedFile, 'utf8');
  expect(encryptedText).not.toContain(ALPHA_SECRET);
  expect(encryptedText).not.toContain(BETA_SECRET);
  expect(encryptedText).not.toContain(EXPORT_PASSPHRASE);
  expect((JSON.parse(encryptedText) as { secrets: { cipher: string } }).secrets.cipher).toBe('aes-256-gcm');

  // Alpha is lost; the encrypted export brings it back (Beta, still here, is skipped).
  await sidebar(page).getByRole('button', { name: /Alpha/ }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(sidebar(page).getByRole('button', { name: /Alpha/ })).toHaveCount(0);

  files.nextImportPath = encryptedFile;
  const opensBefore = files.shown.import;
  const importDialog = await openImport(page, 'Skip it');
  await importDialog.getByRole('button', { name: 'Choose file…' }).click();
  const filePassphrase = importDialog.getByLabel('Passphrase of the exported file');
  await expect(filePassphrase).toBeFocused();
  await expect(importDialog).toContainText('This file holds encrypted secret values.');
  await expect(importDialog.getByRole('alert')).toHaveCount(0);

  await filePassphrase.fill('not the right passphrase');
  await importDialog.getByRole('button', { name: 'Open with this passphrase' }).click();
  await expect(importDialog.getByRole('alert')).toContainText('That passphrase does not open the secrets in this file', { timeout: 20_000 });
  await expect(sidebar(page).getByRole('button', { name: /Alpha/ })).toHaveCount(0);

  await filePassphrase.fill(EXPORT_PASSPHRASE);
  await importDialog.getByRole('button', { name: 'Open with this passphrase' }).click();
  await expect(importDialog.getByRole('region', { name: 'Will be created' })).toContainText('Alpha', { timeout: 20_000 });
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog.getByRole('status')).toHaveText('Imported 1 environment and 0 credentials from a Tokenbench export.', { timeout: 20_000 });
  await expect(importDialog.getByRole('region', { name: 'Imported' })).toContainText('Alpha');
  await expect(importDialog.getByRole('region', { name: 'Skipped' })).toContainText('Beta: an environment with this name already exists');
  await expect(importDialog).not.toContainText('no value yet');
  // The file was chosen once: the main process held it while the passphrase was typed.
  expect(files.shown.import - opensBefore).toBe(1);
  await importDialog.getByRole('button', { name: 'Done' }).click();

  await sidebar(page).getByRole('button', { name: /Alpha/ }).click();
  await openTab(page, 'Variables');
  await page.getByRole('button', { name: 'Reveal API_KEY' }).click();
  await expect(page.getByLabel('Value of API_KEY')).toHaveText(ALPHA_SECRET);

  // The export without values, imported under new names: the secrets are there by name, to be set.
  files.nextImportPath = plainFile;
  const again = await openImport(page, RENAME);
  await chooseAndImport(again);
  await expect(again.getByRole('status')).toHaveText('Imported 2 environments and 0 credentials from a Tokenbench export.');
  await expect(again.getByRole('region', { name: 'Imported' })).toContainText('Alpha as “Alpha (imported)”: the name was taken');
  await expect(again.getByRole('region', { name: 'Imported' })).toContainText('Beta as “Beta (imported)”: the name was taken');
  await expect(again).toContainText('2 secret variables have no value yet: set them before use.');
  await again.getByRole('button', { name: 'Done' }).click();
  await expect(sidebar(page).getByRole('button', { name: /Beta \(imported\)/ })).toBeVisible();
});

test('a Postman environment is imported with its secret masked, then renamed or skipped when imported again', async ({ app }) => {
  const { page } = app;
  const files = dialogs(app);
  await setUpVault(page);
  await showEnvironments(page);
  const postmanFile = test.info().outputPath('acme.postman_environment.json');
  fs.writeFileSync(
    postmanFile,
    JSON.stringify({
      name: 'Acme sandbox',
      values: [
        { key: 'baseUrl', value: 'https://acme.example', type: 'default', enabled: true },
        { key: 'clientSecret', value: POSTMAN_SECRET, type: 'secret', enabled: true },
        { key: 'oldToken', value: 'stale', type: 'default', enabled: false },
      ],
    }),
  );
  files.nextImportPath = postmanFile;

  const first = await openImport(page, RENAME);
  await chooseAndImport(first);
  await expect(first.getByRole('status')).toHaveText('Imported 1 environment and 0 credentials from a Postman environment.');
  await expect(first.getByRole('region', { name: 'Imported' })).toHaveText(/Acme sandbox$/);
  await expect(first.getByRole('region', { name: 'Variables left out' })).toContainText('Acme sandbox / oldToken: it is disabled in Postman');
  await first.getByRole('button', { name: 'Done' }).click();

  await sidebar(page).getByRole('button', { name: 'Acme sandbox' }).click();
  await openTab(page, 'Variables');
  await expect(page.getByLabel('Value of baseUrl')).toHaveText('https://acme.example');
  await expect(page.getByLabel('Value of clientSecret')).toContainText('•');
  await expect(page.getByLabel('Value of clientSecret')).not.toContainText(POSTMAN_SECRET);
  expect(await page.content()).not.toContain(POSTMAN_SECRET);

  const renamed = await openImport(page, RENAME);
  await chooseAndImport(renamed);
  await expect(renamed.getByRole('region', { name: 'Imported' })).toContainText('Acme sandbox as “Acme sandbox (imported)”: the name was taken');
  await renamed.getByRole('button', { name: 'Done' }).click();
  await expect(sidebar(page).getByRole('button', { name: 'Acme sandbox (imported)' })).toBeVisible();

  const skipped = await openImport(page, 'Skip it');
  await chooseAndImport(skipped);
  await expect(skipped.getByRole('status')).toHaveText('Nothing was imported from a Postman environment.');
  await expect(skipped.getByRole('region', { name: 'Skipped' })).toContainText('Acme sandbox: an environment with this name already exists');
  await skipped.getByRole('button', { name: 'Done' }).click();
  await expect(sidebar(page).getByRole('button', { name: /Acme sandbox/ })).toHaveCount(2);
});

test('a cancelled save or open dialog shows nothing and changes nothing', async ({ app }) => {
  const { page } = app;
  const files = dialogs(app);
  await addEnvironment(page, 'Gamma', [{ name: 'BASE_URL', value: 'https://gamma.example', secret: false }]);
  await showEnvironments(page);
  files.nextExportPath = null;
  files.nextImportPath = null;

  await sidebar(page).getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export environments' });
  await exportDialog.getByRole('button', { name: 'Choose file and export…' }).click();
  await expect.poll(() => files.shown.export).toBe(1);
  await expect(exportDialog.getByRole('button', { name: 'Choose file and export…' })).toBeEnabled();
  await expect(exportDialog.getByRole('status')).toHaveCount(0);
  await expect(exportDialog.getByRole('alert')).toHaveCount(0);
  await exportDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(exportDialog).toHaveCount(0);

  const importDialog = await openImport(page, RENAME);
  await importDialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect.poll(() => files.shown.import).toBe(1);
  await expect(importDialog.getByRole('button', { name: 'Choose file…' })).toBeEnabled();
  await expect(importDialog.getByRole('status')).toHaveCount(0);
  await expect(importDialog.getByRole('alert')).toHaveCount(0);
  await expect(sidebar(page).getByRole('button', { name: /Gamma/ })).toHaveCount(1);
});
