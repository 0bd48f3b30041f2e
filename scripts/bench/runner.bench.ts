/**
 * Runner: time from Send to the first screen of a 20 MB JSON body, and the longest main-thread
 * task in the page while it loads, in Chromium against the built renderer wired to the real core
 * (as the web e2e fixture does). Baseline: the same flow for a 2 KB response, in the same run.
 * Goals: first screen <= 1.5 s, longest task <= 200 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { launchChromium } from '../../e2e/fixtures/chromium';
import { connectPageToServices } from '../../e2e/fixtures/web-transport';
import { startRunnerApi } from '../../e2e/runner-server';
import { createMainServices } from '../../electron/core/services';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(repoRoot, 'dist');
const FIRST_LINE = '"reference": "ORD-0000000"';
const RUNS = 3;
const GOALS = { firstScreenMs: 1500, longestTaskMs: 200 };

interface Sample {
  firstScreenMs: number;
  longestTaskMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Types the URL, clicks Send inside the page (so the clock starts there) and waits for the first
 * body line of this response (its size in the status line tells it from the previous one).
 */
async function measure(page: Page, url: string, size: string): Promise<Sample> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.evaluate(() => {
    const w = globalThis as unknown as { __bench: { start: number; longest: number }; document: { querySelector(s: string): { click(): void } | null } };
    w.__bench = { start: performance.now(), longest: 0 };
    w.document.querySelector('button.primary[title^="Ctrl+Enter"]')!.click();
  });
  const handle = await page.waitForFunction(
    ([text, sizeLabel]) => {
      type Element = { textContent: string | null };
      const w = globalThis as unknown as { __bench: { start: number }; document: { querySelectorAll(s: string): ArrayLike<Element>; querySelector(s: string): Element | null } };
      const status = w.document.querySelector('[aria-label="Response status"]')?.textContent ?? '';
      const shown = status.includes(sizeLabel) && Array.from(w.document.querySelectorAll('[aria-label="Response body"]')).some((el) => el.textContent?.includes(text));
      return shown ? performance.now() - w.__bench.start : 0;
    },
    [FIRST_LINE, size] as const,
    { polling: 'raf', timeout: 60_000 },
  );
  const firstScreenMs = (await handle.jsonValue()) as number;
  // Long tasks right after the first paint (virtual list layout, late pages) count too.
  await page.waitForTimeout(300);
  const longestTaskMs = await page.evaluate(() => (globalThis as unknown as { __bench: { longest: number } }).__bench.longest);
  return { firstScreenMs, longestTaskMs };
}

export default async function run(): Promise<void> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` first.');
  const api = await startRunnerApi();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-bench-runner-'));
  const services = await createMainServices({ dataDir, log: () => {} });
  const browser = await launchChromium();
  try {
    // Build the 20 MB body once before timing anything.
    await fetch(`${api.url}/big?mb=20`).then((r) => r.arrayBuffer());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('http://tokenbench.test/**', (route) => {
      const pathname = new URL(route.request().url()).pathname;
      const file = path.join(rendererDir, pathname === '/' ? 'index.html' : pathname);
      return file.startsWith(rendererDir) && fs.existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
    });
    // tsx (esbuild) wraps functions in `__name(...)`; the transport sends buildRendererApi's source into the page.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const disconnect = await connectPageToServices(page, services);
    await page.goto('http://tokenbench.test/');
    await page.locator('body[data-app-ready="true"]').waitFor();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Runner' }).click();
    await page.evaluate(() => {
      new PerformanceObserver((list) => {
        const w = globalThis as unknown as { __bench?: { longest: number } };
        for (const entry of list.getEntries()) if (w.__bench) w.__bench.longest = Math.max(w.__bench.longest, entry.duration);
        // 'longtask' is a browser entry type that Node's typings do not list.
      }).observe({ type: 'longtask' as 'mark' });
    });

    const cases = { baseline: [`${api.url}/small`, ' KB'], large: [`${api.url}/big?mb=20`, ' MB'] } as const;
    const samples: Record<keyof typeof cases, Sample[]> = { baseline: [], large: [] };
    // One warm-up each (lazy chunks, JIT), then alternate so both see the same machine state.
    await measure(page, ...cases.baseline);
    await measure(page, ...cases.large);
    for (let i = 0; i < RUNS; i++) {
      samples.baseline.push(await measure(page, ...cases.baseline));
      samples.large.push(await measure(page, ...cases.large));
    }
    disconnect();

    const first = { baseline: median(samples.baseline.map((s) => s.firstScreenMs)), large: median(samples.large.map((s) => s.firstScreenMs)) };
    const longest = { baseline: Math.max(...samples.baseline.map((s) => s.longestTaskMs)), large: Math.max(...samples.large.map((s) => s.longestTaskMs)) };
    const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');
    console.log(`send -> first screen of body, median of ${RUNS}: 2 KB ${first.baseline.toFixed(0)} ms, 20 MB ${first.large.toFixed(0)} ms (x${(first.large / first.baseline).toFixed(1)} baseline); goal <= ${GOALS.firstScreenMs} ms: ${verdict(first.large <= GOALS.firstScreenMs)}`);
    console.log(`longest main-thread task while loading, worst of ${RUNS}: 2 KB ${longest.baseline.toFixed(0)} ms, 20 MB ${longest.large.toFixed(0)} ms (x${(longest.large / Math.max(longest.baseline, 1)).toFixed(1)} baseline); goal <= ${GOALS.longestTaskMs} ms: ${verdict(longest.large <= GOALS.longestTaskMs)}`);
  } finally {
    await browser.close();
    await services.dispose();
    await api.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await run();
