/**
 * Moving through the app the way a keyboard user does: Tab (or Shift+Tab) until a control has
 * focus. Not a spec itself (no `.spec.ts`).
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}.`);
}

/** Moves to `target` with Tab and presses Enter on it. */
export async function activate(page: Page, target: Locator, options?: { backwards?: boolean }): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press('Enter');
}
