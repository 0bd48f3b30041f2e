/**
 * Prints one closing line for the whole `npm test` run, summing the unit tests (vitest), the
 * shell test on the built bundles (vitest, `npm run test:shell`) and the end-to-end tests
 * (Playwright) from their JSON reports:
 *   tests: 212 passed, 0 failed, 3 skipped
 * Skipped tests (e.g. the electron project on a machine without an Electron binary) are
 * counted apart, never as passed.
 */
import fs from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function read(file: string): unknown {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: did that test step run?`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function vitestCounts(report: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests?: number }): Counts {
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + (report.numTodoTests ?? 0) };
}

function playwrightCounts(report: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }): Counts {
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: Array<{ tests: Array<{ projectName: string; status: string; annotations: Array<{ type: string; description?: string }> }> }>;
}

/** Why tests were skipped, per project (e.g. the electron project on a machine without Electron). */
function skipReasons(suite: PlaywrightSuite, reasons = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      if (test.status !== 'skipped') continue;
      const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
      if (!reasons.has(test.projectName)) reasons.set(test.projectName, new Set());
      reasons.get(test.projectName)!.add(reason);
    }
  }
  for (const child of suite.suites ?? []) skipReasons(child, reasons);
  return reasons;
}

const unit = vitestCounts(read('test-results/vitest.json') as never);
const shell = vitestCounts(read('test-results/vitest-shell.json') as never);
const playwrightReport = read('test-results/playwright.json') as { suites: PlaywrightSuite[] };
const e2e = playwrightCounts(playwrightReport as never);
for (const [project, reasons] of skipReasons({ suites: playwrightReport.suites })) {
  for (const reason of reasons) console.log(`e2e project "${project}" skipped: ${reason}`);
}
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`shell: ${shell.passed} passed, ${shell.failed} failed, ${shell.skipped} skipped`);
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const parts = [unit, shell, e2e];
const sum = (key: keyof Counts) => parts.reduce((total, counts) => total + counts[key], 0);
const total = { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') };
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
