/** Steps the runner specs share: open the Runner view, and create a request from a cURL command. */
import { expect, type Page } from '@playwright/test';

export async function openRunner(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Runner' }).click();
  await expect(page.getByRole('region', { name: 'Request' })).toBeVisible();
}

export async function importCurl(page: Page, command: string): Promise<void> {
  await page.getByRole('button', { name: 'Import cURL' }).click();
  await page.getByLabel('cURL command', { exact: true }).fill(command);
  await page.getByRole('button', { name: 'Create request' }).click();
}
