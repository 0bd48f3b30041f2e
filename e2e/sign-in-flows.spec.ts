/**
 * The two sign-in flows end to end against a real authorization server (oidc-provider), the
 * user's part played in a real Chromium page:
 * - device code (RFC 8628): the dashboard card shows the code, the link and the time left; a
 *   second page opens the link, types the code, signs in and approves; the card then holds a
 *   token. Cancel ends a waiting sign-in, from the keyboard.
 * - authorization code with PKCE: the app's "open the browser" hands the link to a page that
 *   signs in and is sent back to the app's loopback address.
 */
import type { Browser, Page } from '@playwright/test';
import { startAuthorizationServer, type AuthorizationServer } from '../testing/emulators';
import { accessibilityProblems } from './axe-steps';
import { addAllowedHost, addFromPreset, createEnvironment, setUpVault } from './credential-steps';
import { openView } from './demo-steps';
import { expect, test } from './fixtures/app';

const DEVICE_PRESET = 'OAuth2 device code (RFC 8628)';
const CODE_PRESET = 'OAuth2 authorization code with PKCE (sign in in the browser)';

let server: AuthorizationServer;

// Two browsers, a sign-in and polls on a shared, loaded machine: generous, never a verdict on speed.
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  server = await startAuthorizationServer({
    clients: [
      { clientId: 'tv-e2e', auth: 'none', deviceFlow: true },
      { clientId: 'native-e2e', auth: 'none', redirectUris: ['http://127.0.0.1/callback'] },
    ],
    users: [{ username: 'dana', password: 'dana-password-0123' }],
    // 1 s keeps the spec short; the engine's own test covers the pacing.
    devicePollIntervalSeconds: 1,
  });
});

test.afterAll(() => server?.close());

/** oidc-provider's sign-in and consent pages, as a user goes through them. */
async function signInAndConsent(page: Page): Promise<void> {
  await page.getByPlaceholder('Enter any login').fill('dana');
  await page.getByPlaceholder('and password').fill('dana-password-0123');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('device code: the card shows the code and link, a browser approves it, and Cancel stops a waiting sign-in', async ({ app, browser }) => {
  test.skip(app.signInBrowser === null, 'The second browser page needs the web project.');
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'Device sign-in');
  await addAllowedHost(page, '127.0.0.1');
  await addFromPreset(page, DEVICE_PRESET, {
    'Device authorization URL': server.deviceAuthorizationEndpoint,
    'Token URL': server.tokenEndpoint,
    'Client ID': 'tv-e2e',
    Scopes: 'openid api',
  });
  await openView(page, 'Dashboard');
  const card = page.getByRole('article', { name: `${DEVICE_PRESET} in Device sign-in` });

  // A waiting sign-in ends with Cancel, pressed from the keyboard.
  await card.getByRole('button', { name: 'Get token' }).click();
  const waiting = card.getByRole('region', { name: `Waiting for sign-in for ${DEVICE_PRESET} in Device sign-in` });
  await expect(waiting.getByRole('status')).toHaveText(/Waiting for approval/);
  await waiting.getByRole('button', { name: 'Cancel sign-in' }).focus();
  await page.keyboard.press('Enter');
  await expect(waiting).toHaveCount(0);
  await expect(card.getByRole('alert')).toContainText('You cancelled the sign-in');

  // The guard spaces token requests 5 s apart; the next attempt waits that out.
  await expect(card.getByRole('button', { name: 'Get token' })).toBeEnabled();
  await page.waitForTimeout(5_500);
  await card.getByRole('button', { name: 'Get token' }).click();
  await expect(waiting.getByRole('status')).toHaveText(/Waiting for approval/);
  const userCode = (await waiting.getByLabel('Code to enter').textContent())!.trim();
  expect(userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  await expect(waiting.getByRole('link', { name: `${server.issuer}/device` })).toHaveAttribute('href', `${server.issuer}/device?user_code=${userCode}`);
  await expect(waiting.getByRole('timer', { name: 'Code time left' })).toHaveText(/left$/);
  await waiting.getByRole('button', { name: 'Copy code' }).click();
  await expect(waiting.getByRole('status').filter({ hasText: /Code copied|clipboard refused/ })).toBeVisible();
  expect(await accessibilityProblems(page, 'device sign-in waiting')).toEqual([]);

  // Someone opens the plain link on "another device", types the code, signs in and approves.
  const phone = await newPage(browser);
  try {
    await phone.goto(`${server.issuer}/device`);
    await phone.getByPlaceholder('Enter code').fill(userCode);
    await phone.getByRole('button', { name: 'Continue' }).click();
    await expect(phone.getByText(userCode)).toBeVisible();
    await phone.getByRole('button', { name: 'Continue' }).click();
    await signInAndConsent(phone);
    await expect(phone.getByRole('heading', { name: 'Sign-in Success' })).toBeVisible();
  } finally {
    await phone.context().close();
  }

  await expect(card.getByText('Valid', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(waiting).toHaveCount(0);
  // The device code (a secret) never reached the window; the code the user typed did, on purpose.
  const deviceCode = new URLSearchParams(server.tokenRequestLog.at(-1)!.body).get('device_code')!;
  expect(deviceCode.length).toBeGreaterThan(20);
  expect(app.mainToRenderer()!.join('\n')).not.toContain(deviceCode);
  expect(await page.locator('body').innerText()).not.toContain(deviceCode);
});

test('authorization code: the app opens the link, a real browser signs in and comes back to the loopback', async ({ app, browser }) => {
  const signInBrowser = app.signInBrowser;
  test.skip(signInBrowser === null, 'The scripted browser step needs the web project.');
  const { page } = app;
  await setUpVault(page);
  await createEnvironment(page, 'Browser sign-in');
  await addAllowedHost(page, '127.0.0.1');
  await addFromPreset(page, CODE_PRESET, {
    'Authorization URL': `${server.issuer}/auth`,
    'Token URL': server.tokenEndpoint,
    'Client ID': 'native-e2e',
    Scopes: 'openid api',
  });
  await openView(page, 'Dashboard');
  const card = page.getByRole('article', { name: `${CODE_PRESET} in Browser sign-in` });
  const waiting = card.getByRole('region', { name: `Waiting for sign-in for ${CODE_PRESET} in Browser sign-in` });

  let browserPage: Page | undefined;
  let backAtTheApp = '';
  // The browser waits until the card has been seen waiting, as a user reads it before switching.
  let seenWaiting!: () => void;
  const cardSeen = new Promise<void>((resolve) => (seenWaiting = resolve));
  signInBrowser!.open = async (url) => {
    await cardSeen;
    browserPage = await newPage(browser);
    await browserPage.goto(url);
    await signInAndConsent(browserPage);
    await browserPage.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    backAtTheApp = await browserPage.locator('body').innerText();
  };
  await card.getByRole('button', { name: 'Get token' }).click();
  await expect(waiting.getByRole('status')).toHaveText(/sign in in your browser/);
  seenWaiting();
  try {
    await signInBrowser!.pending;
  } finally {
    await browserPage?.context().close();
  }
  expect(backAtTheApp).toContain('go back to Tokenbench');
  await expect(card.getByText('Valid', { exact: true })).toBeVisible();
  await expect(waiting).toHaveCount(0);
  const link = new URL(signInBrowser!.opened[0]!);
  expect(link.searchParams.get('code_challenge_method')).toBe('S256');
  expect(new URLSearchParams(server.tokenRequestLog.at(-1)!.body).get('grant_type')).toBe('authorization_code');
});
