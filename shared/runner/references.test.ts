import { describe, expect, it } from 'vitest';
import { composeRequest } from './compose';
import { emptyDraft } from './draft';
import { completeVariable, describeVariableProblem, findVariableProblems, insertVariable, openReferenceAt } from './references';

const scope = {
  host: { value: 'api.example.com', secret: false },
  apiKey: { value: 'key-0123456789-abcd', secret: true },
  who: { value: 'a b&c', secret: false },
};

describe('variables in a draft', () => {
  const draft = emptyDraft({
    method: 'POST',
    url: 'https://{{host}}/v1/{{ missing }}',
    query: [
      { name: 'q', value: '{{who}}', enabled: true },
      { name: 'off', value: '{{alsoMissing}}', enabled: false },
    ],
    headers: [{ name: 'X-Key', value: '{{apiKey}} {{missing}} {{ api key }}', enabled: true }],
    body: { type: 'json', text: '{"nested":{"a":{"b":1}}, "key":"{{apiKey}}", "n": {{count}}}' },
  });

  it('flags unknown names with every place that uses them, ignoring disabled rows and JSON braces', () => {
    expect(findVariableProblems(draft, Object.keys(scope))).toEqual([
      { variable: 'missing', kind: 'unknown', where: ['the URL', 'header "X-Key"'] },
      { variable: '{{ api key }}', kind: 'malformed', where: ['header "X-Key"'] },
      { variable: 'count', kind: 'unknown', where: ['the body'] },
    ]);
  });

  it('says what is wrong in one sentence, naming the environment', () => {
    const [unknown] = findVariableProblems(draft, Object.keys(scope));
    expect(describeVariableProblem(unknown!, 'Sandbox')).toBe('{{missing}} in the URL, header "X-Key": environment "Sandbox" has no variable named "missing".');
    expect(describeVariableProblem(unknown!, null)).toMatch(/needs an environment/);
  });

  it('fills values, encodes query values, and masks secrets in the display form', () => {
    const composed = composeRequest({ ...draft, url: 'https://{{host}}/v1', headers: [{ name: 'X-Key', value: '{{apiKey}}', enabled: true }], body: { type: 'json', text: '{"key":"{{apiKey}}"}' } }, scope);
    expect(composed.url.value).toBe('https://api.example.com/v1?q=a+b%26c');
    expect(composed.headers).toEqual([
      { name: 'X-Key', value: 'key-0123456789-abcd', display: '••••abcd', secret: true },
      { name: 'Content-Type', value: 'application/json', display: 'application/json', secret: false },
    ]);
    expect(composed.body).toEqual({ value: '{"key":"key-0123456789-abcd"}', display: '{"key":"••••abcd"}', secret: true });
    expect(composed.carriesSecrets).toBe(true);
  });

  it('keeps a Content-Type the user set', () => {
    const composed = composeRequest(emptyDraft({ url: 'http://x', headers: [{ name: 'content-type', value: 'application/vnd.api+json', enabled: true }], body: { type: 'json', text: '{}' } }), {});
    expect(composed.headers.map((h) => h.name)).toEqual(['content-type']);
  });
});

describe('completion', () => {
  it('finds the half-typed reference before the cursor', () => {
    expect(openReferenceAt('https://{{ho', 12)).toEqual({ from: 8, prefix: 'ho' });
    expect(openReferenceAt('https://{{host}}/x', 18)).toBeNull();
    expect(openReferenceAt('no braces', 3)).toBeNull();
  });

  it('orders names that start with the prefix first', () => {
    expect(completeVariable('key', ['apiKey', 'keyId', 'other'])).toEqual(['keyId', 'apiKey']);
  });

  it('inserts the chosen name, closing the braces once', () => {
    expect(insertVariable('https://{{ho', 12, 'host')).toEqual({ text: 'https://{{host}}', cursor: 16 });
    expect(insertVariable('https://{{ho}}/v1', 12, 'host')).toEqual({ text: 'https://{{host}}/v1', cursor: 16 });
  });
});
