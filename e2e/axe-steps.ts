/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) over the current screen in the light and the
 * dark theme, and lists what it finds in one line per rule and element, so a failing spec shows
 * every problem at once. Not a spec itself (no `.spec.ts`).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Moderate findings we accept, by rule, with the reason. Critical and serious ones are never
 * accepted.
 */
export const ACCEPTED_MODERATE: Readonly<Record<string, string>> = {};

export type Theme = 'light' | 'dark';

/** The rules whose verdict depends on colours; the others see the same page in both themes. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * What axe finds on the screen as it is now: every rule in the light theme, the colour rules
 * again in the dark one. The page is left in the light theme.
 */
export async function accessibilityProblems(page: Page, state: string): Promise<string[]> {
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const axe = new AxeBuilder({ page });
    const results = await (theme === 'light' ? axe.withTags(TAGS) : axe.withRules(COLOUR_RULES)).analyze();
    for (const violation of results.violations) {
      if (violation.impact === 'moderate' && violation.id in ACCEPTED_MODERATE) continue;
      for (const node of violation.nodes) {
        problems.push(`${state} [${theme}] ${violation.impact} ${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? violation.help}`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}
