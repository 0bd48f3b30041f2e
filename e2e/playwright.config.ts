/**
 * Two projects run the same specs:
 * - `web`: the built renderer in Debian's Chromium, wired by a Playwright binding to the real
 *   main-side handlers (`createMainServices`) — only the IPC transport differs;
 * - `electron`: the real app through `_electron.launch`, wherever an Electron binary exists.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results/playwright-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/playwright.json' }]],
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'web', metadata: { transport: 'web' } },
    { name: 'electron', metadata: { transport: 'electron' } },
  ],
});
