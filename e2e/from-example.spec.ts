/**
 * "From example": Lemonway's cURL and sample response pasted as the docs print them, the API
 * address pointed at the emulator, saved, and a token comes back. The key pasted in the example
 * is never shown, and nothing of it stays in the window after saving. Takes the README screenshot.
 */
import { startLemonway } from '../testing/emulators';
import { addAllowedHost, createEnvironment, getTokenNow, openTab, setUpVault, tokenState } from './credential-steps';
import { accessibilityProblems } from './axe-steps';
import { expect, test } from './fixtures/app';
import { LEMONWAY_DOC_KEY, lemonway } from '../testing/examples/vendor-examples';

test('a vendor example pasted in the dialog becomes a credential that gets a token, and exports as code', async ({ app }) => {
  // Two accessibility passes in two themes on a loaded machine: room to spare.
  test.setTimeout(240_000);
  const emulator = await startLemonway({ apiKey: LEMONWAY_DOC_KEY, environment: 'sandbox' });
  try {
    const { page } = app;
    await setUpVault(page);
    await createEnvironment(page, 'Lemonway sandbox');
    await addAllowedHost(page, '127.0.0.1');
    await openTab(page, 'Credentials');
    await page.getByRole('button', { name: 'From example…' }).click();

    const dialog = page.getByRole('dialog', { name: 'New credential from an example' });
    await dialog.getByLabel('Example request').fill(lemonway.example);
    await dialog.getByLabel('Sample response').fill(lemonway.sampleResponse!);
    await dialog.getByRole('button', { name: 'Read example' }).click();

    const guesses = dialog.getByRole('list', { name: 'Guesses' });
    await expect(guesses).toContainText('is not base64 of id:secret: sent exactly so');
    await expect(guesses).toContainText('"token_Type" names the token type, spelled as this vendor spells it');
    await expect(dialog.getByLabel('Credential name')).toHaveValue('Lemonway');
    await expect(dialog.getByLabel('Value of apiKey')).toHaveAttribute('placeholder', 'from the example (••••85e2)');
    const preview = dialog.getByLabel('Request preview');
    await expect(preview).toContainText('POST https://sandbox-api.lemonway.fr/oauth/api/v1/oauth/token');
    await expect(preview).toContainText('Authorization: basic ••••');
    await expect(preview).not.toContainText(LEMONWAY_DOC_KEY);
    await app.screenshot('from-example');
    expect(await accessibilityProblems(page, 'from-example dialog')).toEqual([]);

    await dialog.getByLabel('Value of baseUrl').fill(emulator.url);
    await expect(preview).toContainText(`POST ${emulator.url}/oauth/api/v1/oauth/token`);
    await dialog.getByRole('button', { name: 'Save credential' }).click();
    await expect(dialog).toBeHidden();
    // The paste held the key: after saving nothing of it is left in the page.
    expect(await page.content()).not.toContain(LEMONWAY_DOC_KEY);

    await page.getByRole('region', { name: 'Credentials' }).getByRole('button', { name: /^Lemonway/ }).click();
    await getTokenNow(page);
    await expect(tokenState(page)).toHaveText(/^Valid/);
    expect(emulator.tokenRequests).toBe(1);
    expect(emulator.tokenRequestLog[0]!.headers.authorization).toBe(`basic ${LEMONWAY_DOC_KEY}`);

    await page.getByText('Export as code').click();
    const code = page.getByLabel('Exported code');
    await expect(code).toContainText('export class TokenClient');
    await expect(code).toContainText('LEMONWAY_API_KEY');
    await expect(code).not.toContainText(LEMONWAY_DOC_KEY);
    await page.getByLabel('Language').selectOption('python');
    await expect(code).toContainText('class TokenClient:');
    expect(await accessibilityProblems(page, 'export as code')).toEqual([]);
  } finally {
    await emulator.close();
  }
});
