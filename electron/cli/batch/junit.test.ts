import { describe, expect, it } from 'vitest';
import { junitXml } from './junit';
import { summarize, type RequestOutcome } from './outcome';

const outcome = (overrides: Partial<RequestOutcome>): RequestOutcome => ({
  name: 'call',
  group: 'Collection',
  method: 'GET',
  url: 'http://127.0.0.1/x',
  environment: 'Sandbox',
  credential: 'API',
  verdict: 'passed',
  sent: true,
  status: 200,
  durationMs: 1234,
  tokenRenewedAfter401: false,
  error: null,
  ...overrides,
});

describe('JUnit report', () => {
  it('escapes names and messages, and drops characters XML cannot hold', () => {
    const outcomes = [
      outcome({ name: 'a<b & "c"', group: 'Orders/v3' }),
      outcome({ name: 'bell\u0007', verdict: 'failed', status: 500, error: { code: 'http', message: 'Server said <error> & "stop"' } }),
    ];
    const xml = junitXml(outcomes, summarize(outcomes, 2500));
    expect(xml).toContain('<testsuites name="tokenbench run" tests="2" failures="1" errors="0" time="2.500">');
    expect(xml).toContain('<testsuite name="Orders" tests="1" failures="0"');
    expect(xml).toContain('<testcase classname="Orders/v3" name="a&lt;b &amp; &quot;c&quot;" time="1.234">');
    expect(xml).toContain('name="bell\ufffd"');
    expect(xml).toContain('<failure message="Server said &lt;error&gt; &amp; &quot;stop&quot;" type="http">GET http://127.0.0.1/x -&gt; 500</failure>');
    expect(xml).not.toContain('\u0007');
  });
});
