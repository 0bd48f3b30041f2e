/**
 * Opening a workspace folder from the top bar: an empty folder becomes a workspace holding the
 * current environments; a file added on disk (as a git pull would) shows by itself; a file
 * broken by a merge conflict is named with its line while the rest stays in use. The web
 * project's folder "dialog" answers with the path the test sets (`app.files`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RendererApi } from '../shared/ipc/renderer-api';
import { accessibilityProblems } from './axe-steps';
import { showEnvironments } from './credential-steps';
import { expect, test } from './fixtures/app';

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form; no app is started for a skipped test.
test.beforeEach(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.transport === 'electron',
    'The folder dialog is native in the Electron app, which Playwright cannot drive; the web project covers it with a scripted dialog.',
  );
});

test('opens a workspace folder, reloads what changes on disk, and names a broken file and its line', async ({ app }) => {
  const page = app.page;
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { tokenbench: RendererApi }).tokenbench;
    const created = await api.environments.create({ name: 'Sandbox' });
    if (!created.ok) throw new Error(created.error.message);
  });
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-e2e-')), 'team-workspace');
  fs.mkdirSync(folder);
  app.files!.nextFolderPath = folder;

  await page.getByRole('button', { name: 'Open workspace folder…' }).click();
  await expect(page.getByText('Workspace: team-workspace')).toBeVisible();
  expect(fs.readFileSync(path.join(folder, 'environments/Sandbox.yaml'), 'utf8')).toContain('name: Sandbox');

  // What a git pull does: a new file, written by someone else.
  fs.writeFileSync(path.join(folder, 'environments/Staging.yaml'), 'name: Staging\nid: env-staging\n');
  await showEnvironments(page);
  const environments = page.getByRole('navigation', { name: 'Environments' });
  await expect(environments.getByText('Staging')).toBeVisible({ timeout: 20_000 });

  // A merge that stopped on a conflict in one file.
  const conflicted = 'name: Production\n<<<<<<< HEAD\nid: env-prod-a\n=======\nid: env-prod-b\n>>>>>>> theirs\n';
  fs.writeFileSync(path.join(folder, 'environments/Production.yaml'), conflicted);
  const alert = page.getByRole('alert').filter({ hasText: 'of the workspace folder could not be read' });
  await expect(alert).toContainText('environments/Production.yaml, line 2: an unresolved merge conflict', { timeout: 20_000 });
  await expect(environments.getByText('Sandbox')).toBeVisible();
  await expect(environments.getByText('Staging')).toBeVisible();
  expect(await accessibilityProblems(page, 'workspace folder with a broken file')).toEqual([]);
  expect(fs.readFileSync(path.join(folder, 'environments/Production.yaml'), 'utf8')).toBe(conflicted);

  // Fixed in the editor: it loads, and the message goes.
  fs.writeFileSync(path.join(folder, 'environments/Production.yaml'), 'name: Production\nid: env-prod-a\n');
  await expect(environments.getByText('Production')).toBeVisible({ timeout: 20_000 });
  await expect(alert).toHaveCount(0);

  await page.getByRole('button', { name: 'Close workspace folder' }).click();
  await expect(page.getByRole('button', { name: 'Open workspace folder…' })).toBeVisible();
  await expect(environments.getByText('Staging')).toHaveCount(0);
  await expect(environments.getByText('Sandbox')).toBeVisible();
});
