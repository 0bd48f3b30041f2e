/**
 * Dashboard benchmark, in Debian's Chromium against the real core (the e2e web transport):
 * - time until the dashboard is interactive with 200 environments x 3 credentials (600 cards,
 *   every countdown live), against a baseline of 1 environment x 3 credentials;
 * - main-thread busy time per second while idle for ~5 s (CDP TaskDuration deltas, plus long
 *   tasks seen by the Long Tasks API), goal <= 2% of one core, against the same baseline;
 * - the renderer's initial JavaScript (entry + static imports) gzipped, goal <= 300 KB.
 * Data is seeded through the real services with static keys whose expiries are minutes away, so
 * every countdown shows seconds. Needs `npm run build` first (it reads dist/).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { launchChromium } from '../../e2e/fixtures/chromium';
import { connectPageToServices } from '../../e2e/fixtures/web-transport';
import { createMainServices, type MainServices } from '../../electron/core/services';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const distDir = path.join(repoRoot, 'dist');
const IDLE_SECONDS = 5;
const PASSPHRASE = 'benchmark passphrase, not a secret';
const GOALS = { idleBusyPercent: 2, initialJsKb: 300 };

async function call<T>(services: MainServices, channel: string, request: unknown): Promise<T> {
  const result = await services.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed while seeding: ${result.error.message}`);
  return result.value as T;
}

/** `environments` environments, each using the same 3 static-key credentials, expiring 10-50 min from now. */
async function seed(dataDir: string, environments: number): Promise<number> {
  const services = await createMainServices({ dataDir, log: () => {} });
  try {
    await call(services, 'vault:setup', { passphrase: PASSPHRASE });
    const ids: string[] = [];
    for (let i = 0; i < environments; i++) {
      const { id } = await call<{ id: string }>(services, 'environments:create', { name: `Environment ${String(i + 1).padStart(3, '0')}`, production: i % 10 === 0 });
      await call(services, 'variables:set', { environmentId: id, name: 'expiresOn', value: new Date(Date.now() + (10 + (i % 40)) * 60_000).toISOString(), secret: false });
      ids.push(id);
    }
    for (const name of ['Orders API key', 'Catalog API key', 'Billing API key']) {
      const recipe = { version: 1, kind: 'static', token: `bench-${name.replace(/\W/g, '')}-0123456789`, expiresAt: '{{expiresOn}}' };
      await call(services, 'credentials:create', { name, recipe, environmentIds: ids });
    }
    return ids.length * 3;
  } finally {
    await services.dispose();
  }
}

interface PageRun {
  interactiveMs: number;
  idleBusyPercent: number;
  longTasks: number;
}

async function measurePage(browser: Browser, dataDir: string, cards: number): Promise<PageRun> {
  const services = await createMainServices({ dataDir, log: () => {} });
  await call(services, 'vault:unlock', { passphrase: PASSPHRASE });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.route('http://tokenbench.test/**', (route) => {
      const pathname = new URL(route.request().url()).pathname;
      const file = path.join(distDir, pathname === '/' ? 'index.html' : pathname);
      return file.startsWith(distDir) && fs.existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
    });
    // tsx compiles with esbuild's keepNames, which wraps functions in `__name(...)`; the web
    // transport sends `buildRendererApi`'s source into the page, so the page needs that helper.
    await page.addInitScript({ content: 'window.__name = (target) => target;' });
    await connectPageToServices(page, services);
    await page.goto('http://tokenbench.test/');
    await page.locator('body[data-app-ready="true"]').waitFor();
    const rail = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Dashboard' });
    if ((await rail.getAttribute('aria-current')) !== 'page') await rail.click();
    // Interactive: every card is in the DOM, its countdown showing, and the frame after painted.
    const interactiveMs = await page.evaluate<number>(`(async () => {
      while (document.querySelectorAll('article.token-card [role="timer"]').length < ${cards}) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now();
    })()`);
    await page.evaluate(`(() => {
      window.__longTasks = 0;
      new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({ type: 'longtask' });
    })()`);
    const longTaskCount = () => page.evaluate<number>('window.__longTasks');
    await page.waitForTimeout(1000); // let startup work settle before the idle window
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
    const start = await taskSeconds();
    const longTasksBefore = await longTaskCount();
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const busy = (await taskSeconds()) - start;
    const longTasks = (await longTaskCount()) - longTasksBefore;
    return { interactiveMs, idleBusyPercent: (busy / IDLE_SECONDS) * 100, longTasks };
  } finally {
    await page.close();
    await services.dispose();
  }
}

/** The entry script of dist/index.html and everything it imports statically, gzipped. */
function initialJavaScriptKb(): { kb: number; files: number } {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html has no module entry script: run `npm run build` first.');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    // Static imports only (`import x from "./a.js"`, `import "./b.js"`), not `import("./lazy.js")`.
    for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)) {
      visit(path.resolve(path.dirname(file), match[1]!));
    }
  };
  visit(path.resolve(distDir, entry));
  const bytes = [...seen].reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file)).length, 0);
  return { kb: bytes / 1024, files: seen.size };
}

export default async function run(): Promise<void> {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` first.');
  const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-bench-1-')), fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-bench-200-'))];
  const browser = await launchChromium();
  try {
    const [smallCards, largeCards] = [await seed(dirs[0]!, 1), await seed(dirs[1]!, 200)];
    const baseline = await measurePage(browser, dirs[0]!, smallCards);
    const large = await measurePage(browser, dirs[1]!, largeCards);
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
    console.log(`time to interactive, ${largeCards} cards: ${large.interactiveMs.toFixed(0)} ms (baseline ${smallCards} cards: ${baseline.interactiveMs.toFixed(0)} ms, ${ratio(large.interactiveMs, baseline.interactiveMs)})`);
    console.log(
      `idle main-thread busy, ${largeCards} cards: ${large.idleBusyPercent.toFixed(2)}% of one core, ${large.longTasks} long tasks (goal <= ${GOALS.idleBusyPercent}%; baseline ${smallCards} cards: ${baseline.idleBusyPercent.toFixed(2)}%, ${ratio(large.idleBusyPercent, baseline.idleBusyPercent)})`,
    );
    const js = initialJavaScriptKb();
    console.log(`initial JavaScript: ${js.kb.toFixed(1)} KB gzipped in ${js.files} file(s) (goal <= ${GOALS.initialJsKb} KB, ${ratio(js.kb, GOALS.initialJsKb)} of the goal)`);
  } finally {
    await browser.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await run();
