/**
 * The runner's JSON editor renders with its own styles under the app's Content-Security-Policy:
 * CodeMirror injects a `<style>` element, which a policy without inline styles refuses (the
 * fixture fails the test on any CSP violation). Takes the README screenshot of the editor.
 */
import { expect, test } from './fixtures/app';
import { importCurl, openRunner } from './runner-steps';

test('the JSON body editor is styled: line numbers in a gutter beside the text', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Not now' }).click();
  await openRunner(page);
  await importCurl(
    page,
    `curl -X POST 'https://api.example.com/v1/orders' -H 'Content-Type: application/json' --data-raw '{\n  "customer": "Ada",\n  "items": [1, 2],\n  "note": "{{orderNote}}"\n}'`,
  );
  await page.getByRole('tablist', { name: 'Request parts' }).getByRole('tab', { name: /Body/ }).click();
  const editor = page.locator('.cm-editor').first();
  await expect(editor).toBeVisible();
  await expect(editor.locator('.cm-content')).toContainText('"customer"');

  // Unstyled, the gutter is a block above the text; styled, it is a flex column on its left.
  const gutters = editor.locator('.cm-gutters');
  await expect(gutters).toHaveCSS('display', 'flex');
  const gutterBox = (await gutters.boundingBox())!;
  const contentBox = (await editor.locator('.cm-content').boundingBox())!;
  expect(gutterBox.x + gutterBox.width).toBeLessThanOrEqual(contentBox.x + 1);
  expect(Math.abs(gutterBox.y - contentBox.y)).toBeLessThan(8);
  expect(app.cspViolations()).toEqual([]);
  await app.screenshot('runner-json-editor');
});
