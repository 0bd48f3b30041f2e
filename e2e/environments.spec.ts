/** The foundation slice: environments are created, renamed, deleted, and survive a restart. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';

/** The app opens on the dashboard; environments have their own view. */
async function openEnvironments(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Environments' }).click();
}

test.beforeEach(async ({ app }) => openEnvironments(app.page));

test('a new user is told what to do first', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Create your first environment' })).toBeVisible();
  await app.screenshot('empty-workspace');
});

test('environments can be created, renamed and deleted, and survive a restart', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Environment name').fill('Lemonway sandbox');
  await page.getByRole('button', { name: 'Create environment' }).click();
  await expect(page.getByRole('heading', { name: 'Lemonway sandbox', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New environment' }).click();
  await page.getByLabel('Environment name').fill('Lemonway prod');
  await page.getByRole('checkbox', { name: 'Production' }).check();
  await page.getByRole('button', { name: 'Create environment' }).click();
  await expect(page.getByText('PRODUCTION', { exact: true })).toBeVisible();
  await app.screenshot('workspace');

  await app.restart();
  await openEnvironments(app.page);
  const sidebar = app.page.getByRole('navigation', { name: 'Environments' });
  await expect(sidebar.getByRole('button', { name: /Lemonway sandbox/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /Lemonway prod/ })).toBeVisible();

  await sidebar.getByRole('button', { name: /Lemonway sandbox/ }).click();
  await app.page.getByRole('button', { name: 'Rename' }).click();
  await app.page.getByLabel('New name').fill('Lemonway staging');
  await app.page.getByRole('button', { name: 'Save name' }).click();
  await expect(app.page.getByRole('heading', { name: 'Lemonway staging', level: 1 })).toBeVisible();

  await app.page.getByRole('button', { name: 'Delete' }).click();
  await app.page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(sidebar.getByRole('button', { name: /Lemonway staging/ })).toHaveCount(0);

  await app.restart();
  await openEnvironments(app.page);
  const after = app.page.getByRole('navigation', { name: 'Environments' });
  await expect(after.getByRole('button', { name: /Lemonway prod/ })).toBeVisible();
  await expect(after.getByRole('button', { name: /Lemonway staging/ })).toHaveCount(0);
});

test('a duplicate name is refused with a readable reason', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Environment name').fill('Sandbox');
  await page.getByRole('button', { name: 'Create environment' }).click();
  await page.getByRole('button', { name: 'New environment' }).click();
  await page.getByLabel('Environment name').fill('sandbox');
  await page.getByRole('button', { name: 'Create environment' }).click();
  await expect(page.getByRole('alert')).toContainText('An environment called "Sandbox" already exists.');
});
