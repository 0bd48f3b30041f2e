/** The built-in demo: a newcomer sees a live token, its renewal and an authenticated call, with no account. */
import { unlockVault } from './credential-steps';
import { DEMO_LIFETIME_SECONDS, OAUTH2_CARD, openView, SESSION_CARD, startDemoWithToken, useShortDemoLifetime } from './demo-steps';
import { expect, test } from './fixtures/app';

useShortDemoLifetime();

test('a newcomer tries the demo: a live countdown, a renewal before expiry, and an authenticated call', async ({ app }) => {
  const { page } = app;
  const card = await startDemoWithToken(page);

  const timer = card.getByRole('timer', { name: 'Time left' });
  await expect(timer).toHaveText(/^Expires in \d+ s/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first!, { timeout: 3000 });

  // The dashboard renews ahead of expiry by itself: a second token request, and still valid.
  await expect(card.getByText(/^([2-9]|\d{2,}) in the last hour/)).toBeVisible({ timeout: DEMO_LIFETIME_SECONDS * 1000 + 5000 });
  await expect(card.getByText(/^(Valid|Renewing soon)$/)).toBeVisible();
  await expect(card.getByText('Expired', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Call the demo API with the OAuth2 token' }).click();
  const answer = page.getByRole('figure', { name: `Demo API answer for ${OAUTH2_CARD.replace(' in Demo', '')}` });
  await expect(answer).toContainText('HTTP 200');
  await expect(answer).toContainText('OAuth2 client credentials (JWT)');

  const session = page.getByRole('article', { name: SESSION_CARD });
  await session.getByRole('button', { name: 'Get token' }).click();
  await expect(session.getByRole('timer', { name: 'Time left' })).toHaveText(/^Expires in \d+ s/);
  await page.getByRole('button', { name: 'Call the demo API with the session token' }).click();
  await expect(page.getByRole('figure', { name: /Demo API answer for Demo session/ })).toContainText('custom JSON session');
});

test('the demo comes back after a restart, and can be removed', async ({ app }) => {
  await startDemoWithToken(app.page);
  await app.restart();
  const { page } = app;
  await unlockVault(page);
  await openView(page, 'Dashboard');
  // A new server (new port, new secrets): the demo panel says where, and tokens work again.
  await expect(page.getByRole('region', { name: 'Built-in demo' })).toContainText('http://127.0.0.1:');
  const card = page.getByRole('article', { name: OAUTH2_CARD });
  // An automatic renewal may have reached the old port first: a refused connection costs no
  // spacing, so one click gets the token from the new server.
  await card.getByRole('button', { name: /^(Get token|Renew now)$/ }).click();
  await expect(card.getByText(/^(Valid|Renewing soon)$/)).toBeVisible();

  await page.getByRole('button', { name: 'Remove the demo' }).click();
  await expect(page.getByRole('heading', { name: 'No tokens yet' })).toBeVisible();
  await expect(page.getByRole('article', { name: OAUTH2_CARD })).toHaveCount(0);
});
