import { describe, expect, it } from 'vitest';
import { composeRequest } from './compose';
import { draftToCurl, toCurl } from './curl-export';
import { CurlParseError, parseCurl } from './curl-parse';
import { emptyDraft, type RequestDraft } from './draft';
import { shellWords } from './shell-words';

/** What would go on the wire for a draft (header names compared case-insensitively). */
function wire(draft: RequestDraft) {
  const composed = composeRequest(draft, {});
  return {
    method: composed.method,
    url: composed.url.value,
    headers: composed.headers.map((h) => `${h.name.toLowerCase()}: ${h.value}`).sort(),
    body: composed.body?.value,
  };
}

const commands = [
  `curl https://api.example.com/v1/orders`,
  `curl -X POST 'https://api.example.com/v1/orders?expand=items&page=2' -H 'Content-Type: application/json' -H "Accept: application/json" -d '{"name":"O'\\''Brien","nested":{"a":[1,2,{}]}}'`,
  `curl --request PUT --url "https://{{host}}/v1/items/{{itemId}}" --header 'Authorization: Bearer {{token}}' --data-raw '{"qty": {{qty}}}' -H 'Content-Type: application/json'`,
  `curl -u 'client:s3cr:et' -d grant_type=client_credentials -d 'scope=read write' https://auth.example.com/token`,
  `curl 'https://api.example.com/search' --data-urlencode 'q=a&b c' --data-urlencode 'lang=fr' -G`,
  `curl -I https://example.com/health`,
  `curl -X DELETE "https://api.example.com/v1/items/7" -H 'X-Empty;'`,
  `curl $'https://api.example.com/x' -H $'X-Note: tab\\there' --data-raw $'line1\\nline2' -H 'Content-Type: text/plain'`,
];

describe('cURL parse -> export -> parse', () => {
  it.each(commands)('keeps the request on the wire the same: %s', (command) => {
    const first = parseCurl(command).draft;
    const exported = draftToCurl(first);
    const second = parseCurl(exported).draft;
    expect(wire(second)).toEqual(wire(first));
    // And the export is stable: exporting the re-parsed draft gives the same command.
    expect(draftToCurl(second)).toBe(exported);
  });
});

describe('parseCurl', () => {
  it('reads method, URL, query, headers and a JSON body', () => {
    const { draft, warnings } = parseCurl(commands[1]!);
    expect(draft.method).toBe('POST');
    expect(draft.url).toBe('https://api.example.com/v1/orders');
    expect(draft.query).toEqual([
      { name: 'expand', value: 'items', enabled: true },
      { name: 'page', value: '2', enabled: true },
    ]);
    expect(draft.headers.map((h) => h.name)).toEqual(['Content-Type', 'Accept']);
    expect(draft.body).toEqual({ type: 'json', text: `{"name":"O'Brien","nested":{"a":[1,2,{}]}}` });
    expect(warnings).toEqual([]);
  });

  it('keeps {{variables}} in URL, headers and JSON body as references', () => {
    const { draft } = parseCurl(commands[2]!);
    expect(draft.url).toBe('https://{{host}}/v1/items/{{itemId}}');
    expect(draft.headers[0]).toEqual({ name: 'Authorization', value: 'Bearer {{token}}', enabled: true });
    expect(draft.body).toEqual({ type: 'json', text: '{"qty": {{qty}}}' });
  });

  it('turns -u into a Basic header and -d pairs into a form, POST by default', () => {
    const { draft } = parseCurl(commands[3]!);
    expect(draft.method).toBe('POST');
    expect(draft.headers).toEqual([{ name: 'Authorization', value: `Basic ${btoa('client:s3cr:et')}`, enabled: true }]);
    expect(draft.body).toEqual({
      type: 'form',
      fields: [
        { name: 'grant_type', value: 'client_credentials', enabled: true },
        { name: 'scope', value: 'read write', enabled: true },
      ],
    });
  });

  it('moves data into the query with -G, encoding --data-urlencode values', () => {
    const { draft } = parseCurl(commands[4]!);
    expect(draft.method).toBe('GET');
    expect(draft.body).toEqual({ type: 'none' });
    expect(draft.query).toEqual([
      { name: 'q', value: 'a&b c', enabled: true },
      { name: 'lang', value: 'fr', enabled: true },
    ]);
  });

  it('joins line continuations and reads combined short flags', () => {
    const { draft, warnings } = parseCurl('curl -sSL \\\n  -XPATCH \\\n  -H "X-A: 1" \\\r\n  https://example.com/a -m 7.2 --proxy http://p:3128');
    expect(draft).toMatchObject({ method: 'PATCH', url: 'https://example.com/a', timeoutSeconds: 8 });
    expect(warnings).toEqual(['--proxy http://p:3128 was ignored.']);
  });

  it('says when JSON without a Content-Type is sent as JSON rather than a form', () => {
    const { draft, warnings } = parseCurl(`curl -d '{"a":1}' http://127.0.0.1:8080/x`);
    expect(draft.body.type).toBe('json');
    expect(warnings[0]).toMatch(/sends it as application\/json/);
  });

  it('adds http:// to a URL without a scheme, as curl does', () => {
    expect(parseCurl('curl localhost:3000/ping').draft.url).toBe('http://localhost:3000/ping');
  });

  it.each([
    ['wget https://x', /should start with "curl"/],
    ["curl 'https://x", /never closed/],
    ['curl -H', /-H needs a value/],
    ['curl https://a https://b', /two URLs/],
    ['curl -F file=@a.png https://x', /multipart/],
    ['curl -d @body.json https://x', /reads a file/],
    ['curl -H "NoColon" https://x', /is not a header/],
    ['curl -X POST', /no URL/],
    ["curl -u '{{user}}:{{pass}}' https://x", /-u cannot hold/],
  ])('refuses %s with a readable reason', (command, message) => {
    expect(() => parseCurl(command)).toThrow(CurlParseError);
    expect(() => parseCurl(command)).toThrow(message);
  });
});

describe('export', () => {
  it('quotes anything a shell would interpret', () => {
    const command = toCurl({ method: 'POST', url: 'https://x/a?b=1&c=2', headers: [{ name: 'X', value: "it's $HOME `x`" }], body: '{"a":"b"}' });
    expect(shellWords(command.replace(/ \\\n {2}/g, ' '))).toEqual(['curl', 'https://x/a?b=1&c=2', '-X', 'POST', '-H', "X: it's $HOME `x`", '--data-raw', '{"a":"b"}']);
  });

  it('says when the certificate was not checked', () => {
    expect(toCurl({ method: 'GET', url: 'https://x', headers: [], insecure: true })).toBe("curl https://x \\\n  --insecure");
    expect(toCurl({ method: 'GET', url: 'https://x', headers: [] })).toBe('curl https://x');
  });

  it('exports a template draft with its {{names}} and no values', () => {
    const draft = emptyDraft({ method: 'GET', url: 'https://{{host}}/v1', query: [{ name: 'key', value: '{{apiKey}}', enabled: true }], headers: [{ name: 'X-Off', value: 'no', enabled: false }] });
    expect(draftToCurl(draft)).toBe(`curl 'https://{{host}}/v1?key={{apiKey}}'`);
  });
});
