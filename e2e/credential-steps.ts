/**
 * Steps the credential, vendor and vault specs share, written the way a keyboard or screen-reader
 * user finds things: by role and accessible name. Not a spec itself (no `.spec.ts`).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const PASSPHRASE = 'correct horse battery staple';

export async function setUpVault(page: Page, passphrase = PASSPHRASE): Promise<void> {
  const setup = page.getByRole('region', { name: 'Vault setup' });
  await setup.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await setup.getByLabel('Confirm passphrase').fill(passphrase);
  await setup.getByRole('button', { name: 'Set up vault' }).click();
  await expect(page.getByRole('button', { name: 'Vault unlocked' })).toBeVisible({ timeout: 20_000 });
}

export async function unlockVault(page: Page, passphrase = PASSPHRASE): Promise<void> {
  const banner = page.getByRole('region', { name: 'Vault locked' });
  await banner.getByLabel('Vault passphrase').fill(passphrase);
  await banner.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Vault unlocked' })).toBeVisible({ timeout: 20_000 });
}

/** Opens the Environments view from the rail (the app may start on another view). */
export async function showEnvironments(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Environments' }).click();
  await expect(page.getByRole('main', { name: 'Environments' })).toBeVisible();
}

export async function createEnvironment(page: Page, name: string, options: { production?: boolean } = {}): Promise<void> {
  await showEnvironments(page);
  const newButton = page.getByRole('button', { name: 'New environment' });
  if (await newButton.isEnabled()) {
    // With no environment yet the empty state already shows the form.
    if ((await page.getByLabel('Environment name').count()) === 0) await newButton.click();
  }
  await page.getByLabel('Environment name').fill(name);
  if (options.production) await page.getByRole('checkbox', { name: 'Production' }).check();
  await page.getByRole('button', { name: 'Create environment' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

export async function openTab(page: Page, name: 'Credentials' | 'Variables' | 'Settings'): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

export async function addAllowedHost(page: Page, host: string): Promise<void> {
  await openTab(page, 'Settings');
  await page.getByLabel('Allowed host', { exact: true }).fill(host);
  await page.getByRole('button', { name: 'Add host' }).click();
  await expect(page.getByRole('list', { name: 'Allowed hosts' }).getByText(host, { exact: true })).toBeVisible();
}

/**
 * Picks a preset and fills its fields (by label); the credential editor opens on success.
 * `beforeSubmit` may look at the filled form first (e.g. a warning it shows).
 */
export async function addFromPreset(page: Page, presetName: string, values: Record<string, string>, beforeSubmit?: (form: Locator) => Promise<void>): Promise<void> {
  await openTab(page, 'Credentials');
  await page.getByRole('button', { name: 'Add credential' }).click();
  await page.getByRole('button', { name: `Use preset ${presetName}` }).click();
  const form = page.getByRole('form', { name: `Add ${presetName}` });
  for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(value);
  await beforeSubmit?.(form);
  // However long the form, its actions stay in view at 1280x800 (they stick to the bottom).
  await expect(form.getByRole('button', { name: 'Add credential' })).toBeInViewport({ ratio: 1 });
  await form.getByRole('button', { name: 'Add credential' }).click();
  await expect(page.getByRole('article', { name: /^Credential / })).toBeVisible();
}

/** The token's state as the credential view shows it ("Valid", "Failed", ...). */
export function tokenState(page: Page) {
  return page.getByTestId('token-state');
}

export async function getTokenNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Get token now' }).click();
}
