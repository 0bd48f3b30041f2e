/**
 * An environment's client certificate (mutual TLS) in the Settings tab: a certificate and key
 * chosen in the open dialog, a CA pasted, a PKCS#12 file with a wrong then the right passphrase,
 * an expired certificate's warning; the details shown, and axe in both themes.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeClientCertificates, makeTestCertificates } from '../testing/certificates';
import { accessibilityProblems } from './axe-steps';
import { createEnvironment, openTab, setUpVault } from './credential-steps';
import { expect, test } from './fixtures/app';

test.describe.configure({ timeout: 600_000 });

async function axeClean(page: Page, state: string) {
  const problems = await accessibilityProblems(page, state);
  expect.soft(problems, problems.join('\n')).toEqual([]);
}

test('a client certificate and a custom CA are imported, shown and checked', async ({ app }) => {
  test.skip(app.files === null, 'the native open dialog cannot be scripted');
  const files = app.files!;
  const { page } = app;
  const client = makeClientCertificates();
  const serverCa = makeTestCertificates().ca;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-e2e-certs-'));
  const write = (name: string, content: string | Buffer) => {
    fs.writeFileSync(path.join(folder, name), content);
    return path.join(folder, name);
  };

  await setUpVault(page);
  await createEnvironment(page, 'Bank');
  await openTab(page, 'Settings');
  const section = page.getByRole('region', { name: 'Client certificate (mutual TLS)' });
  await expect(section.getByText('No client certificate: requests to this environment present none.')).toBeVisible();
  await axeClean(page, 'no client certificate');

  // A file holding both the certificate and its key, chosen in the open dialog.
  files.nextCertificatePath = write('client-with-key.pem', client.client.cert + client.client.key);
  const form = section.getByRole('form', { name: 'Set client certificate' });
  await form.getByRole('button', { name: 'Choose a file for Certificate' }).click();
  await expect(form.getByText('client-with-key.pem')).toBeVisible();
  await expect(form.getByText('The key is in the same file.')).toBeVisible();
  await form.getByRole('button', { name: 'Save client certificate' }).click();
  const details = section.getByRole('definition').filter({ hasText: new X509Certificate(client.client.cert).fingerprint256 });
  await expect(details).toBeVisible();
  await expect(section.getByText('CN=Tokenbench Test Client CA')).toBeVisible();
  await expect(section.getByText('Imported as a PEM certificate and key')).toBeVisible();

  // The CA, pasted.
  const caForm = section.getByRole('form', { name: 'Set custom CA' });
  await caForm.getByRole('textbox', { name: 'CA certificate (PEM)' }).fill(serverCa);
  await caForm.getByRole('button', { name: 'Save custom CA' }).click();
  await expect(section.getByText('CN=Tokenbench Test CA', { exact: true }).first()).toBeVisible();
  await axeClean(page, 'client certificate and custom CA');

  // A PKCS#12 file: the wrong passphrase is said, the file is kept for another try.
  await form.getByRole('radio', { name: 'PKCS#12 file (.p12, .pfx)' }).check();
  files.nextCertificatePath = write('client.p12', client.pkcs12);
  await form.getByRole('button', { name: 'Choose a file for PKCS#12 file' }).click();
  await form.getByLabel('Passphrase of the file').fill('not the passphrase');
  await form.getByRole('button', { name: 'Save client certificate' }).click();
  await expect(section.getByRole('alert')).toContainText('The passphrase does not open the PKCS#12 file.');
  await axeClean(page, 'wrong PKCS#12 passphrase');
  await form.getByLabel('Passphrase of the file').fill(client.pkcs12Passphrase);
  await form.getByRole('button', { name: 'Save client certificate' }).click();
  await expect(section.getByText('Imported from a PKCS#12 file')).toBeVisible();
  await expect(form.getByLabel('Passphrase of the file')).toHaveValue('');

  // An expired certificate is kept, with a warning.
  await form.getByRole('radio', { name: 'PEM certificate and key' }).check();
  await form.getByRole('textbox', { name: 'Certificate', exact: true }).fill(client.expired.cert);
  await form.getByRole('textbox', { name: 'Private key' }).fill(client.expired.key);
  await form.getByRole('button', { name: 'Save client certificate' }).click();
  await expect(section.getByRole('status')).toContainText('The client certificate (CN=expired-client) expired on');
  await expect(section.getByRole('note').filter({ hasText: 'This certificate expired on' })).toBeVisible();
  await axeClean(page, 'expired client certificate');

  // The key never comes back to the window.
  const keyLine = client.expired.key.split('\n')[2]!;
  expect(await page.content()).not.toContain(keyLine);
  await section.getByRole('button', { name: 'Remove client certificate' }).click();
  await expect(section.getByText('No client certificate: requests to this environment present none.')).toBeVisible();
  fs.rmSync(folder, { recursive: true, force: true });
});
