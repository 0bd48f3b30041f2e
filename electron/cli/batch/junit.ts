/**
 * JUnit XML for CI dashboards (GitLab, Jenkins, GitHub test reporters): one test suite per
 * collection, one test case per saved request, a <failure> for each that failed.
 */
import type { RequestOutcome, RunSummary } from './outcome';

// Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;

function xml(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testCase(o: RequestOutcome): string {
  const open = `    <testcase classname="${xml(o.group)}" name="${xml(o.name)}" time="${seconds(o.durationMs)}">`;
  const about = `${o.method} ${o.url}${o.status !== null ? ` -> ${o.status}` : ''}${o.sent ? '' : ' (not sent)'}`;
  if (o.verdict === 'passed') return `${open}\n      <system-out>${xml(about)}</system-out>\n    </testcase>`;
  const message = o.error?.message ?? `HTTP ${o.status}`;
  const type = o.verdict === 'no-token' ? 'no-token' : (o.error?.code ?? 'http-status');
  return `${open}\n      <failure message="${xml(message)}" type="${xml(type)}">${xml([about, o.error?.hint].filter(Boolean).join('\n'))}</failure>\n    </testcase>`;
}

export function junitXml(outcomes: readonly RequestOutcome[], summary: RunSummary): string {
  const groups = new Map<string, RequestOutcome[]>();
  for (const o of outcomes) {
    const collection = o.group.split('/')[0]!;
    groups.set(collection, [...(groups.get(collection) ?? []), o]);
  }
  const suites = [...groups].map(([collection, cases]) => {
    const failures = cases.filter((c) => c.verdict !== 'passed').length;
    const time = cases.reduce((sum, c) => sum + c.durationMs, 0);
    return `  <testsuite name="${xml(collection)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(time)}">\n${cases.map(testCase).join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tokenbench run" tests="${summary.total}" failures="${summary.failed}" errors="0" time="${seconds(summary.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
