/**
 * The live token dashboard, the JWT inspector and the auth timeline, on the demo's real tokens.
 * The render check counts real React renders through the DevTools hook protocol.
 */
import type { Page } from '@playwright/test';
import { createEnvironment, openTab } from './credential-steps';
import { OAUTH2_CARD, openView, startDemoWithToken, useShortDemoLifetime } from './demo-steps';
import { expect, test } from './fixtures/app';

useShortDemoLifetime();

/** Counts, per component displayName, the renders React performs (PerformedWork fibers). */
const RENDER_COUNTER = `(() => {
  const counts = {};
  window.__renderCounts = counts;
  const walk = (fiber) => {
    for (let f = fiber; f; f = f.sibling) {
      const name = (f.elementType && f.elementType.displayName) || (f.type && f.type.displayName);
      if (name && (f.flags & 1) === 1) counts[name] = (counts[name] || 0) + 1;
      if (f.child) walk(f.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) { walk(root.current); },
  };
})();`;

async function renderCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate<Record<string, number>>('({ ...window.__renderCounts })');
}

test('only the countdown re-renders each second, not the card', async ({ app }) => {
  const { page } = app;
  await page.addInitScript({ content: RENDER_COUNTER });
  await page.reload();
  await page.locator('body[data-app-ready="true"]').waitFor();
  const card = await startDemoWithToken(page);
  await expect(card.getByRole('timer', { name: 'Time left' })).toHaveText(/^Expires in/);

  const before = await renderCounts(page);
  expect(before.TokenCard).toBeGreaterThan(0); // the counter does see the cards
  await page.waitForTimeout(3200);
  const after = await renderCounts(page);
  const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  // Renewal may re-render a card once when its status changes; ticks must not.
  expect(delta('Countdown')).toBeGreaterThanOrEqual(3);
  expect(delta('TokenCard')).toBeLessThanOrEqual(1);
});

test('the JWT inspector shows the claims and checks the signature against the issuer JWKS', async ({ app }) => {
  const { page } = app;
  const card = await startDemoWithToken(page);
  await app.screenshot('dashboard');

  await card.getByRole('button', { name: 'Decode' }).click();
  const inspector = page.getByRole('dialog', { name: 'JWT inspector' });
  await expect(inspector.getByRole('region', { name: 'Claims' })).toContainText('"sub": "demo-');
  await expect(inspector.getByRole('region', { name: 'Header' })).toContainText('"alg": "ES256"');
  await expect(inspector.getByRole('region', { name: 'Scopes' })).toContainText('hello:read');
  await expect(inspector.getByRole('region', { name: 'Roles' })).toContainText('demo-reader');
  await expect(inspector.getByText('Expires (exp)')).toBeVisible();

  await inspector.getByRole('button', { name: /^Use the issuer’s/ }).click();
  await inspector.getByRole('button', { name: 'Check signature' }).click();
  await expect(inspector.getByRole('status')).toContainText('Signature valid.');
  await app.screenshot('jwt-inspector');

  await inspector.getByLabel('JWKS address').fill('');
  await inspector.getByLabel(/^or a key/).fill('not a key at all');
  await inspector.getByRole('button', { name: 'Check signature' }).click();
  await expect(inspector.getByRole('alert')).toContainText('needs a public key');

  await page.keyboard.press('Escape');
  await expect(inspector).toHaveCount(0);
});

test('the timeline shows the exchange with secrets masked, and copies cURL', async ({ app }) => {
  const { page } = app;
  // The test page is served from a plain-http origin, so the app falls back to the copy command:
  // record what it puts on the clipboard.
  await page.evaluate(`document.addEventListener('copy', () => { window.__clipboard = document.getSelection().toString(); })`);
  const card = await startDemoWithToken(page);
  await card.getByRole('button', { name: 'Timeline' }).click();

  await expect(page.getByRole('heading', { name: 'Auth timeline' })).toBeVisible();
  const entry = page.getByRole('listitem', { name: /^Token request for Demo OAuth2/ }).first();
  await entry.getByRole('button', { expanded: false }).click();
  const request = entry.getByRole('region', { name: 'Request' });
  await expect(request).toContainText('/oauth/token');
  await expect(request.getByRole('row', { name: /authorization/i })).toContainText('••••');
  await expect(entry.getByRole('region', { name: 'Response' })).toContainText('HTTP 200');
  // No token in full anywhere: a JWT would read eyJ....eyJ....sig.
  expect(await page.locator('body').innerText()).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  await app.screenshot('timeline');

  const readClipboard = () => page.evaluate<string>('window.__clipboard');
  await entry.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(entry.getByRole('status')).toHaveText('Copied (secrets masked).');
  const masked = await readClipboard();
  expect(masked).toMatch(/^curl \S+ \\\n\s*-X POST \\\n/);

  await entry.getByRole('button', { name: 'Copy with secrets…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Copy with secrets?' });
  await confirm.getByRole('button', { name: 'Copy with secrets' }).click();
  await expect(entry.getByRole('status')).toContainText('Copied with secrets');
  const revealed = await readClipboard();
  const basic = /Authorization: Basic ([A-Za-z0-9+/=]+)/i.exec(revealed)?.[1];
  expect(basic).toBeTruthy();
  const secret = Buffer.from(basic!, 'base64').toString('utf8').split(':')[1]!;
  expect(secret.length).toBeGreaterThan(10);
  expect(masked).not.toContain(secret);
  expect(await page.locator('body').innerText()).not.toContain(secret);
});

test('production tokens ask first, filtering narrows the cards, and an empty search says so', async ({ app }) => {
  const { page } = app;
  await startDemoWithToken(page);
  await openView(page, 'Environments');
  await createEnvironment(page, 'Shop prod', { production: true });
  await openTab(page, 'Credentials');
  await page.getByRole('button', { name: 'Add credential' }).click();
  await page.getByRole('button', { name: 'Use preset Static API key' }).click();
  const form = page.getByRole('form', { name: 'Add Static API key' });
  await form.getByLabel(/^API key/).fill('prod-key-0123456789');
  await form.getByLabel(/^Expires on/).fill('2099-12-31');
  await form.getByRole('button', { name: 'Add credential' }).click();
  await expect(page.getByRole('article', { name: /^Credential / })).toBeVisible();

  await openView(page, 'Dashboard');
  const prod = page.getByRole('region', { name: 'Shop prod' });
  await expect(prod.getByText('PRODUCTION', { exact: true }).first()).toBeVisible();
  const card = prod.getByRole('article');
  await card.getByRole('button', { name: /^(Get token|Renew now)$/ }).click();
  const question = page.getByRole('dialog', { name: 'Production environment' });
  await expect(question).toContainText('production environment');
  await question.getByRole('button', { name: 'Yes, get a production token' }).click();
  await expect(card.getByText('Valid', { exact: true })).toBeVisible();

  await page.getByLabel('Filter tokens').fill('shop');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: OAUTH2_CARD })).toHaveCount(0);
  await page.getByLabel('Filter tokens').fill('nothing like this');
  await expect(page.getByText('No token matches “nothing like this”.')).toBeVisible();
});
