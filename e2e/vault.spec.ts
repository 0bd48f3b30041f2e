/**
 * The vault from the user's side: first-run passphrase setup with its strength hint, secret
 * actions disabled (with the reason) while locked, the main process's message for a wrong
 * passphrase, unlocking, the auto-lock setting and changing the passphrase.
 */
import { createEnvironment, PASSPHRASE, setUpVault, unlockVault } from './credential-steps';
import { expect, test } from './fixtures/app';

/** The page's getComputedStyle, as seen from code run with evaluate (this file compiles without DOM types). */
interface ComputedStyleWindow {
  getComputedStyle(element: unknown): { color: string; lineHeight: string; fontSize: string };
}

test('first run: set a passphrase, lock, a wrong passphrase is refused, unlock', async ({ app }) => {
  const { page } = app;
  const setup = page.getByRole('region', { name: 'Vault setup' });
  await expect(setup.getByRole('heading', { name: 'Set up the vault' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vault not set up' })).toBeVisible();

  // The keychain choice is offered only where the main process says it is usable, with its reason otherwise.
  const keychain = setup.getByRole('radio', { name: /system keychain/ });
  if (await keychain.isDisabled()) await expect(setup.getByText('The system keychain cannot be used here:')).toBeVisible();

  // The hint is advice until something is typed, not an error in red.
  const hint = setup.getByText('At least 10 characters; a few unrelated words work well.');
  const colourBefore = await hint.evaluate((p) => (globalThis as unknown as ComputedStyleWindow).getComputedStyle(p).color);
  await setup.getByLabel('Passphrase', { exact: true }).fill('short');
  await expect(setup.getByText(/Strength: Too short/)).toBeVisible();
  const colourTooShort = await setup.getByText(/Strength: Too short/).evaluate((p) => (globalThis as unknown as ComputedStyleWindow).getComputedStyle(p).color);
  expect(colourBefore).not.toBe(colourTooShort);
  await setup.getByLabel('Confirm passphrase').fill('short');
  await expect(setup.getByRole('button', { name: 'Set up vault' })).toBeDisabled();
  await setup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await expect(setup.getByText(/Strength: Strong/)).toBeVisible();
  await expect(setup.getByRole('alert')).toHaveText('The two entries differ.');
  await page.getByRole('region', { name: 'Vault setup' }).getByRole('button', { name: 'Not now' }).click();
  await page.getByRole('region', { name: 'Vault setup' }).getByRole('button', { name: 'Set up now' }).click();
  await setUpVault(page);
  await expect(page.getByRole('region', { name: 'Vault setup' })).toHaveCount(0);

  await createEnvironment(page, 'Sandbox');
  await page.getByRole('button', { name: 'Vault unlocked' }).click();
  await page.getByRole('dialog', { name: 'Vault settings' }).getByRole('button', { name: 'Lock now' }).click();
  const locked = page.getByRole('region', { name: 'Vault locked' });
  await expect(locked).toBeVisible();

  // Keyboard only: the passphrase field has focus, Enter submits.
  await expect(locked.getByLabel('Vault passphrase')).toBeFocused();
  await page.keyboard.type('not my passphrase at all');
  await page.keyboard.press('Enter');
  await expect(locked.getByRole('alert')).toContainText('That passphrase does not unlock this vault.');
  await expect(locked.getByLabel('Vault passphrase')).toHaveValue('');

  // While locked, secret work is disabled and the UI says why. Tabs follow the arrow keys.
  await page.getByRole('tab', { name: 'Credentials' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Variables' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Variables' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('The vault is locked: unlock it (at the top of the window) to use secrets and get tokens.')).toBeVisible();

  await unlockVault(page);
  await expect(page.getByRole('region', { name: 'Vault locked' })).toHaveCount(0);
  await expect(page.getByText('The vault is locked')).toHaveCount(0);
});

test('the passphrase can be changed and the auto-lock delay set; a restart asks for the new passphrase', async ({ app }) => {
  const { page } = app;
  await setUpVault(page);
  await page.getByRole('button', { name: 'Vault unlocked' }).click();
  const panel = page.getByRole('dialog', { name: 'Vault settings' });

  await panel.getByLabel('Lock after idle minutes (0 = never)').fill('30');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();

  const next = 'a different long passphrase';
  await panel.getByRole('button', { name: 'Change passphrase…' }).click();
  await panel.getByLabel('Current passphrase').fill('wrong current passphrase');
  await panel.getByLabel('New passphrase', { exact: true }).fill(next);
  await panel.getByLabel('Confirm new passphrase').fill(next);
  await panel.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(panel.getByRole('alert')).toContainText('That passphrase does not unlock this vault.');
  await panel.getByLabel('Current passphrase').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(panel.getByLabel('Current passphrase')).toHaveCount(0);

  await app.restart();
  await unlockVault(app.page, next);
  await app.page.getByRole('button', { name: 'Vault unlocked' }).click();
  await expect(app.page.getByLabel('Lock after idle minutes (0 = never)')).toHaveValue('30');
});
