/**
 * The canary test at the level of the whole app: distinctive secrets are typed through the UI
 * (vault passphrase, a Landax preset's client key and password), used for a token, a renewal
 * and an API call through the runner, and every view is opened. Then nothing the main side
 * sent to the renderer, nothing in the page, and no file in the data folder holds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startLandax } from '../testing/emulators';
import { addAllowedHost, addFromPreset, createEnvironment, getTokenNow, setUpVault, tokenState } from './credential-steps';
import { expect, test } from './fixtures/app';

const CLIENT_KEY = 'CANARY-client-key-5f1e9c';
const PASSWORD = 'CANARY-password-b77d20';
const PASSPHRASE = 'CANARY passphrase 8e2c41';
const CANARIES = [CLIENT_KEY, PASSWORD, PASSPHRASE];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

test('planted secrets never reach the renderer or the disk in plain text', async ({ app }) => {
  const landax = await startLandax({ clientId: 'landax-app', clientSecret: CLIENT_KEY, username: 'api-user', password: PASSWORD, lifetimeSeconds: 3600 });
  try {
    const { page } = app;
    await setUpVault(page, PASSPHRASE);
    await createEnvironment(page, 'Landax sandbox');
    await addAllowedHost(page, '127.0.0.1');
    await addFromPreset(page, 'Landax', {
      'Landax address': landax.url,
      'Application key': 'landax-app',
      'Client key': CLIENT_KEY,
      Username: 'api-user',
      Password: PASSWORD,
    });
    await getTokenNow(page);
    await expect(tokenState(page)).toHaveText(/^Valid/);
    // The emulator saw the real values: the canaries were really used, not lost on the way.
    expect(landax.tokenRequestLog[0]!.body).toContain(PASSWORD);

    const views = page.getByRole('navigation', { name: 'Views' });
    await views.getByRole('button', { name: 'Runner' }).click();
    await page.getByLabel('Environment', { exact: true }).selectOption({ label: 'Landax sandbox' });
    await page.getByLabel('Credential', { exact: true }).selectOption({ label: 'Landax' });
    await page.getByLabel('URL', { exact: true }).fill(`{{baseUrl}}/api/v20/Projects?key={{clientSecret}}`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toContainText('200');
    expect(landax.apiRequests).toBe(1);

    for (const view of ['Dashboard', 'Timeline', 'Environments']) {
      await views.getByRole('button', { name: view }).click();
      await expect(page.getByRole('main', { name: view })).toBeVisible();
    }

    const html = await page.content();
    const traffic = app.mainToRenderer();
    const files = filesUnder(app.dataDir);
    expect(files.length).toBeGreaterThan(3);
    for (const canary of CANARIES) {
      expect(html, 'the page').not.toContain(canary);
      if (traffic) expect(traffic.join('\n'), 'answers and events sent to the renderer').not.toContain(canary);
      for (const file of files) expect(fs.readFileSync(file).includes(canary), path.relative(app.dataDir, file)).toBe(false);
    }
    if (traffic) {
      // The recording is real: names and masked hints did reach the renderer.
      expect(traffic.join('\n')).toContain('clientSecret');
      expect(traffic.join('\n')).toContain('••••');
    }
  } finally {
    await landax.close();
  }
});
