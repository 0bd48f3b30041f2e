/**
 * Steps the dashboard and demo specs share: open the dashboard, start the demo with a short
 * token lifetime, and find a demo card. Not a spec itself (no `.spec.ts`).
 */
import { expect, test, type Page } from '@playwright/test';
import { setUpVault } from './credential-steps';

/** Short enough to watch a renewal within a test; set before the app (and its demo) starts. */
export const DEMO_LIFETIME_SECONDS = 8;
export const OAUTH2_CARD = 'Demo OAuth2 (client credentials, JWT) in Demo';
export const SESSION_CARD = 'Demo session (custom JSON) in Demo';

/** Sets TOKENBENCH_DEMO_LIFETIME_SECONDS for the specs of one file (the web project's core runs in this process). */
export function useShortDemoLifetime(): void {
  let previous: string | undefined;
  test.beforeAll(() => {
    previous = process.env.TOKENBENCH_DEMO_LIFETIME_SECONDS;
    process.env.TOKENBENCH_DEMO_LIFETIME_SECONDS = String(DEMO_LIFETIME_SECONDS);
  });
  test.afterAll(() => {
    if (previous === undefined) delete process.env.TOKENBENCH_DEMO_LIFETIME_SECONDS;
    else process.env.TOKENBENCH_DEMO_LIFETIME_SECONDS = previous;
  });
}

export async function openView(page: Page, name: 'Dashboard' | 'Environments' | 'Timeline'): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
}

/** From an empty data directory: vault set up, demo started, the OAuth2 demo token fetched. */
export async function startDemoWithToken(page: Page) {
  await openView(page, 'Dashboard');
  await expect(page.getByRole('heading', { name: 'No tokens yet' })).toBeVisible();
  await setUpVault(page);
  await page.getByRole('button', { name: 'Try the demo' }).click();
  const card = page.getByRole('article', { name: OAUTH2_CARD });
  await expect(card.getByText('Never fetched', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Get token' }).click();
  await expect(card.getByText('Valid', { exact: true })).toBeVisible();
  return card;
}
