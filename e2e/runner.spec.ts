/**
 * The request runner: a pasted cURL command becomes a request that runs against a local server,
 * the response shows status, headers, pretty JSON and timings, the history reopens it, and a
 * 20 MB JSON response opens without freezing the window, and a credential's token is attached
 * and renewed after a 401 (each vendor's own API call is in runner-vendors.spec.ts).
 */
import type { RendererApi } from '../shared/ipc/renderer-api';
import { setUpVault, addAllowedHost } from './credential-steps';
import { startLemonway } from '../testing/emulators';
import { expect, test } from './fixtures/app';
import { startRunnerApi, type RunnerApiServer } from './runner-server';
import { importCurl, openRunner } from './runner-steps';

/** The page's getComputedStyle, as seen from code run with evaluate (this file compiles without DOM types). */
interface ComputedStyleWindow {
  getComputedStyle(element: unknown): { color: string; lineHeight: string; fontSize: string };
}

/** The page's globals, as seen from code run with page.evaluate (this file compiles without DOM types). */
interface PageGlobals {
  tokenbench: RendererApi;
  __longestTask: number;
}

let api: RunnerApiServer;
test.beforeAll(async () => {
  api = await startRunnerApi();
});
test.afterAll(async () => {
  await api.close();
});

test('a pasted cURL command runs, shows its response, and is reopened from history', async ({ app }) => {
  const { page } = app;
  // No secrets in this request: the vault can wait.
  await page.getByRole('button', { name: 'Not now' }).click();
  await openRunner(page);
  await importCurl(page, `curl -X POST '${api.url}/orders?limit=2' \\\n  -H 'Content-Type: application/json' \\\n  -H 'X-Trace: e2e-trace' \\\n  --data-raw '{"customer":"Ada","items":[1,2]}'`);
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${api.url}/orders`);
  await expect(page.getByLabel('Method')).toHaveValue('POST');

  await page.getByLabel('URL', { exact: true }).press('Control+Enter');
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.getByLabel('Response status')).toContainText('201 Created');
  expect(api.requests.at(-1)).toMatchObject({ method: 'POST', url: '/orders?limit=2', body: '{"customer":"Ada","items":[1,2]}' });
  expect(api.requests.at(-1)?.headers['x-trace']).toBe('e2e-trace');

  const body = response.getByRole('textbox', { name: 'Response body' });
  await expect(body).toContainText('"customer": "Ada"');
  await expect(body).toContainText('"limit": 2');

  await response.getByRole('tab', { name: 'Headers' }).click();
  await expect(response.getByRole('table', { name: 'Response headers' })).toContainText('runner-e2e');
  await response.getByRole('tab', { name: 'Timings' }).click();
  for (const phase of ['DNS lookup', 'Connect', 'TLS handshake', 'First byte', 'Download', 'Total']) await expect(response.getByRole('rowheader', { name: phase })).toBeVisible();
  await response.getByRole('tab', { name: 'Request sent' }).click();
  await expect(response.getByLabel('Request as sent')).toContainText('POST /orders?limit=2 HTTP/1.1');
  await expect(response.getByLabel('Request as sent')).toContainText('X-Trace: e2e-trace');
  await app.screenshot('runner');

  // Underscores stay visible in the monospace URL field: its line leaves room below the baseline.
  const urlStyle = await page.getByLabel('URL', { exact: true }).evaluate((input) => {
    const style = (globalThis as unknown as ComputedStyleWindow).getComputedStyle(input);
    return { lineHeight: parseFloat(style.lineHeight), fontSize: parseFloat(style.fontSize) };
  });
  expect(urlStyle.lineHeight).toBeGreaterThanOrEqual(1.5 * urlStyle.fontSize);

  // Another request, then the first one back from history with one click. Switching the
  // imported POST to GET sets its body aside, says so, and no GET goes out with a body.
  await page.getByLabel('URL', { exact: true }).fill(`${api.url}/small`);
  await page.getByLabel('Method').selectOption('GET');
  await expect(page.getByRole('status').filter({ hasText: 'GET sends no body' })).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(response.getByLabel('Response status')).toContainText('200');
  expect(api.requests.at(-1)).toMatchObject({ method: 'GET', url: '/small?limit=2', body: '' });
  expect(api.requests.at(-1)?.headers['content-type']).toBeUndefined();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  // Rows lead with method and path, then status.
  await expect(history.getByRole('button').first()).toHaveAccessibleName(/^GET \/small\?limit=2 200 /);
  await history.getByRole('button', { name: /POST.*\/orders\?limit=2/ }).click();
  await expect(history.getByRole('button', { name: /POST.*\/orders\?limit=2/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${api.url}/orders`);
  await expect(page.getByLabel('Method')).toHaveValue('POST');
  await expect(response.getByLabel('Response status')).toContainText('201');
  await response.getByRole('tab', { name: 'Body' }).click();
  await expect(response.getByRole('textbox', { name: 'Response body' })).toContainText('"customer": "Ada"');

  await page.getByLabel('Search history').fill('small');
  await expect(history.getByRole('listitem')).toHaveCount(1);

  // "New request" leaves nothing of the import behind: no headers, no body.
  await page.getByRole('button', { name: 'New request' }).click();
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Method')).toHaveValue('GET');
  await expect(page.getByRole('tab', { name: 'Headers' })).toHaveText('Headers');
  await expect(page.getByRole('tab', { name: 'Body' })).toHaveText('Body');
});

test('a 20 MB JSON response opens without freezing the window', async ({ app }) => {
  // Formatting 20 MB on a loaded 2-core machine takes a while; only freezes are measured here.
  test.setTimeout(180_000);
  const { page } = app;
  await openRunner(page);
  await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    w.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longestTask = Math.max(w.__longestTask, entry.duration);
      // 'longtask' is a browser entry type that Node's typings do not list.
    }).observe({ type: 'longtask' as 'mark' });
  });
  await page.getByLabel('URL', { exact: true }).fill(`${api.url}/big?mb=20`);
  await page.getByRole('button', { name: 'Send' }).click();

  const body = page.getByRole('region', { name: 'Response body' });
  await expect(body).toContainText('"reference": "ORD-0000000"', { timeout: 20_000 });
  await expect(page.getByLabel('Response status')).toContainText('20.0 MB');
  // Deep lines are read from the main process on demand.
  await page.getByLabel('Search the body', { exact: true }).fill('ORD-0090000');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(body).toContainText('"reference": "ORD-0090000"', { timeout: 20_000 });
  // At 99% of the body: about 2.2 million lines, past the ~1.86 million that fit in Chromium's
  // tallest element at 18 px a line, so it is only reachable through the scaled scroll space.
  await page.getByLabel('Search the body', { exact: true }).fill('ORD-0137680');
  await page.getByRole('button', { name: 'Next' }).click();
  const found = body.locator('.line.match');
  await expect(found).toContainText('"reference": "ORD-0137680"', { timeout: 20_000 });
  // Shown inside the scrolled list, not just rendered somewhere off its edges.
  await expect(async () => {
    const [line, list] = await Promise.all([found.boundingBox(), body.boundingBox()]);
    expect(line!.y).toBeGreaterThanOrEqual(list!.y);
    expect(line!.y + line!.height).toBeLessThanOrEqual(list!.y + list!.height);
  }).toPass({ timeout: 10_000 });
  expect(Number(await found.locator('.line-number').textContent())).toBeGreaterThan(2_000_000);
  const longest = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longestTask);
  // The goal is 200 ms (see scripts/bench/runner.bench.ts); this bound only catches a real freeze on a slow CI machine.
  expect(longest).toBeLessThan(1000);
});

test('a credential attaches its token, and a rejected token is renewed visibly', async ({ app }) => {
  const { page } = app;
  const lemonway = await startLemonway({ apiKey: 'lemonway-runner-key-e2e', environment: 'sandbox' });
  try {
    await setUpVault(page);
    const environmentId = await page.evaluate(async () => {
      const created = await (globalThis as unknown as PageGlobals).tokenbench.environments.create({ name: 'Lemonway sandbox' });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    });
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Environments' }).click();
    await page.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: /Lemonway sandbox/ }).click();
    await addAllowedHost(page, '127.0.0.1');
    await page.evaluate(
      async ({ environmentId, url }) => {
        const added = await (globalThis as unknown as PageGlobals).tokenbench.credentials['add-from-preset']({ presetId: 'lemonway', environmentId, name: 'Lemonway API', values: { baseUrl: url, apiKey: 'lemonway-runner-key-e2e' } });
        if (!added.ok) throw new Error(added.error.message);
      },
      { environmentId, url: lemonway.url },
    );

    await openRunner(page);
    await page.getByLabel('Environment', { exact: true }).selectOption({ label: 'Lemonway sandbox' });
    await page.getByLabel('Credential', { exact: true }).selectOption({ label: 'Lemonway API' });
    await page.getByLabel('URL', { exact: true }).fill('{{baseUrl}}/v2/accounts/1');
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toContainText('200');
    await response.getByRole('tab', { name: 'Request sent' }).click();
    await expect(response.getByLabel('Request as sent')).toContainText(/Authorization: Bearer ••••/);

    // Within the credential's minimum interval the engine will not ask for a new token: the
    // rejected answer comes back with the reason, and nothing hammers the auth service.
    lemonway.revokeAllTokens();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(response.getByRole('status')).toContainText('The token was rejected (401) and could not be renewed');
    await expect(response.getByLabel('Response status')).toContainText('401');
    expect(lemonway.tokenRequests).toBe(1);

    // With the interval lifted (a changed recipe never reuses the old token) the 401 rule
    // renews once and retries once, and says so.
    await page.evaluate(async () => {
      const { tokenbench } = globalThis as unknown as PageGlobals;
      const listed = await tokenbench.credentials.list({});
      if (!listed.ok) throw new Error(listed.error.message);
      const credential = listed.value[0]!;
      if (credential.recipe.kind !== 'token-request') throw new Error('Lemonway asks for tokens');
      const updated = await tokenbench.credentials.update({ id: credential.id, recipe: { ...credential.recipe, guard: { ...credential.recipe.guard, minIntervalSeconds: 0 } } });
      if (!updated.ok) throw new Error(updated.error.message);
    });
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(response.getByLabel('Response status')).toContainText('200');
    expect(lemonway.tokenRequests).toBe(2);
    lemonway.revokeAllTokens();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(response.getByRole('status')).toContainText('The token was rejected (401), so Tokenbench renewed it');
    await expect(response.getByLabel('Response status')).toContainText('200');
    expect(lemonway.tokenRequests).toBe(3);
    // History marks the call whose token was renewed, and only that one.
    const history = page.getByRole('list', { name: 'History' });
    await expect(history.getByRole('listitem').first()).toContainText('token renewed');
    await expect(history.getByText('token renewed')).toHaveCount(1);
  } finally {
    await lemonway.close();
  }
});
