/**
 * Hostile and clumsy import files: each is refused with a sentence naming the file and the
 * problem (never `internal`, never a stack trace), and the data folder stays byte-for-byte the
 * same. A file with a UTF-8 byte-order mark is not hostile: it imports.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { TEST_SCRYPT, hashDir } from '../../../testing/vault';
import { encryptSecrets } from './secret-envelope';
import { importText } from './import';
import { testFolder } from '../../../testing/portability-folder';

const folder = testFolder;

const recipe = (overrides: Record<string, unknown> = {}) => ({ version: 1, kind: 'static', token: '{{apiKey}}', ...overrides });
const environment = (overrides: Record<string, unknown> = {}) => ({
  name: 'Sandbox',
  allowedHosts: ['api.example.com'],
  variables: [{ name: 'apiKey', value: '', secret: true }],
  ...overrides,
});
const ours = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'tokenbench-export',
    version: 1,
    exportedAt: '2025-05-01T00:00:00.000Z',
    environments: [environment()],
    credentials: [{ name: 'Key', recipe: recipe(), environments: ['Sandbox'] }],
    ...overrides,
  });
const postman = (values: unknown[], name = 'Vendor') => JSON.stringify({ name, values });
const credentialWith = (r: Record<string, unknown>) => ours({ credentials: [{ name: 'Key', recipe: r, environments: ['Sandbox'] }] });
const tokenRequest = (request: Record<string, unknown>, use?: Record<string, unknown>) =>
  credentialWith({ version: 1, kind: 'token-request', tokenRequest: { url: 'https://auth.example.com/token', ...request }, ...(use ? { use } : {}) });

/** A Postman collection with one request; `request` and `name` replace its parts. */
const collection = (request: Record<string, unknown> = {}, name = 'List orders') =>
  JSON.stringify({ info: { name: 'Acme', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ name, request: { method: 'GET', url: 'https://api.example.com/orders', ...request } }] });
const laughs = ['openapi: 3.0.0', 'a: &a ["lol","lol"]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`)].join('\n');

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

const HOSTILE: Record<string, () => Promise<string> | string> = {
  'not JSON': () => '{"format": "tokenbench-export",',
  'JSON but nothing we know': () => '[1, 2, 3]',
  'null': () => 'null',
  'larger than ten million characters': () => JSON.stringify({ name: 'Big', values: [{ key: 'a', value: 'x'.repeat(10_000_001) }] }),
  'a passphrase cost of 16 GiB per pass': async () => {
    const secrets = await encryptSecrets([{ environment: 'Sandbox', name: 'apiKey', value: 'v' }], 'export passphrase', TEST_SCRYPT);
    return ours({ secrets: { ...secrets, kdf: { ...secrets.kdf, N: 2 ** 22, r: 32, p: 16 } } });
  },
  'a value over the size limit (ours)': () => ours({ environments: [environment({ variables: [{ name: 'big', value: 'x'.repeat(100_001), secret: false }] })] }),
  'a value over the size limit (Postman)': () => postman([{ key: 'big', value: 'x'.repeat(100_001) }]),
  'a Postman value nested 100,000 deep': () => `{"name":"Vendor","values":[{"key":"deep","value":${nested(100_000)}}]}`,
  'an allowed host "*."': () => ours({ environments: [environment({ allowedHosts: ['*.'] })] }),
  'an allowed host with a path': () => ours({ environments: [environment({ allowedHosts: ['evil.example/steal'] })] }),
  'an allowed host with a trailing dot': () => ours({ environments: [environment({ allowedHosts: ['example.com.'] })] }),
  'a header name with CR/LF': () => tokenRequest({ headers: { 'X-A\r\nX-Injected': 'v' } }),
  'a header value with CR/LF': () => tokenRequest({ headers: { 'X-A': 'v\r\nX-Injected: 1' } }),
  'a client-auth header name with a space': () => tokenRequest({ clientAuth: { type: 'header', name: 'Bad Name', value: '{{apiKey}}' } }),
  'use.name with CR/LF': () => credentialWith(recipe({ use: { in: 'header', name: 'Authorization\r\nX-Evil', value: '{{token}}' } })),
  'a recipe string of a million characters': () => credentialWith(recipe({ token: `{{apiKey}}${'x'.repeat(1_000_000)}` })),
  'a "__proto__" key in a recipe': () => tokenRequest({ query: JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown }).replace('"query":{}', '"query":{"__proto__":"x"}'),
  'a "__proto__" key at the top': () => ours().replace('{"format"', '{"__proto__":{"x":1},"format"'),
  'a credential used in an environment the file does not hold': () => ours({ credentials: [{ name: 'Key', recipe: recipe(), environments: ['Sandbox', 'Prod'] }] }),
  'two environments with one name': () => ours({ environments: [environment(), environment({ name: 'sandbox' })] }),
  'an environment name with a bidi override': () => ours({ environments: [environment({ name: 'Sandbox\u202Edorp' })], credentials: [] }),
  'an environment name with ESC': () => ours({ environments: [environment({ name: 'Sandbox\u001b[2J' })], credentials: [] }),
  'a Postman name with BEL': () => postman([{ key: 'a', value: 'b' }], 'Vendor\u0007'),
  'a credential name with CR/LF': () => ours({ credentials: [{ name: 'Key\r\nImported Evil', recipe: recipe(), environments: ['Sandbox'] }] }),
  'a file exported by a newer version': () => ours({ version: 99 }),
  'a Postman collection request name with ESC': () => collection({}, 'Orders\u001b[2J'),
  'a Postman collection folder name with a bidi override': () =>
    JSON.stringify({ info: { name: 'Acme' }, item: [{ name: 'Admin\u202Enimda', item: [{ name: 'x', request: { url: 'https://api.example.com' } }] }] }),
  'a Postman collection header value with CR/LF': () => collection({ header: [{ key: 'X-A', value: 'v\r\nX-Injected: 1' }] }),
  'a Postman collection name with NUL': () => JSON.stringify({ info: { name: 'Acme\u0000' }, item: [] }),
  'a "__proto__" key in a Postman collection': () => collection().replace('"method":"GET"', '"__proto__":{"polluted":"yes"},"method":"GET"'),
  'a Postman collection over ten million characters': () => collection({ body: { mode: 'raw', raw: 'x'.repeat(10_000_001) } }),
  'an Insomnia request name with a bidi override': () =>
    JSON.stringify({ _type: 'export', __export_format: 4, resources: [{ _id: 'w', _type: 'workspace', name: 'W' }, { _id: 'r', parentId: 'w', _type: 'request', name: 'Pay\u202Eyap', url: 'https://x.example', method: 'GET' }] }),
  'YAML with an alias bomb': () => laughs,
  'YAML with a "__proto__" key': () => 'openapi: 3.0.0\ninfo:\n  title: T\npaths: {}\n__proto__:\n  polluted: yes\n',
  'YAML nested 100,000 deep': () => `openapi: 3.0.0\npaths: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
  'a Postman collection of 10,001 requests': () => JSON.stringify({ info: { name: 'Big' }, item: Array.from({ length: 10_001 }, (_, i) => ({ name: `r${i}`, request: 'https://api.example.com' })) }),
  'a Swagger 2.0 document': () => JSON.stringify({ swagger: '2.0', info: { title: 'Old' }, paths: {} }),
  'a Bruno bruno.json without its folder': () => JSON.stringify({ version: '1', name: 'Storefront', type: 'collection' }),
};

/** What each refusal must be about (so a case cannot pass by failing for another reason). */
const ABOUT: Record<keyof typeof HOSTILE, RegExp> = {
  'not JSON': /not a JSON file/,
  'JSON but nothing we know': /neither a Tokenbench export nor a Postman/,
  null: /neither a Tokenbench export nor a Postman/,
  'larger than ten million characters': /larger than 10 million/,
  'a passphrase cost of 16 GiB per pass': /passphrase cost \(scrypt N=4194304, r=32, p=16\)/,
  'a value over the size limit (ours)': /under 100,000 characters/,
  'a value over the size limit (Postman)': /value of big is over 100,000/,
  'a Postman value nested 100,000 deep': /more than 32 levels deep/,
  'an allowed host "*."': /Allowed hosts look like/,
  'an allowed host with a path': /Allowed hosts look like/,
  'an allowed host with a trailing dot': /Allowed hosts look like/,
  'a header name with CR/LF': /headers/,
  'a header value with CR/LF': /cannot hold a line break/,
  'a client-auth header name with a space': /A header name is letters/,
  'use.name with CR/LF': /A header name is letters/,
  'a recipe string of a million characters': /under 10,000 characters/,
  'a "__proto__" key in a recipe': /"__proto__" \(at credentials\[0\]\.recipe\.tokenRequest\.query\)/,
  'a "__proto__" key at the top': /"__proto__" \(at \(top\)\)/,
  'a credential used in an environment the file does not hold': /used in "Prod", which the file does not hold/,
  'two environments with one name': /two environments named/,
  'an environment name with a bidi override': /environment name holds .* \(U\+202E\)/,
  'an environment name with ESC': /environment name holds .* \(U\+001B\)/,
  'a Postman name with BEL': /\(U\+0007\)/,
  'a credential name with CR/LF': /credential name holds .* \(U\+000D\)/,
  'a file exported by a newer version': /newer Tokenbench/,
  'a Postman collection request name with ESC': /request name holds .* \(U\+001B\)/,
  'a Postman collection folder name with a bidi override': /folder name holds .* \(U\+202E\)/,
  'a Postman collection header value with CR/LF': /header with a line break/,
  'a Postman collection name with NUL': /collection name holds .* \(U\+0000\)/,
  'a "__proto__" key in a Postman collection': /"__proto__" \(at item\[0\]\.request\)/,
  'a Postman collection over ten million characters': /larger than 10 million/,
  'an Insomnia request name with a bidi override': /request name holds .* \(U\+202E\)/,
  'YAML with an alias bomb': /aliases excessively/,
  'YAML with a "__proto__" key': /"__proto__" \(at \(top\)\)/,
  'YAML nested 100,000 deep': /more than 32 levels deep/,
  'a Postman collection of 10,001 requests': /holds 10001 requests, more than the 10,000/,
  'a Swagger 2.0 document': /Swagger 2\.0 document; Tokenbench imports OpenAPI 3/,
  'a Bruno bruno.json without its folder': /bruno\.json of a Bruno collection, but its folder did not come with it/,
};

describe('hostile import files', () => {
  it.each(Object.keys(HOSTILE))('refuses %s with a clear error and changes nothing', async (name) => {
    const sources = await folder();
    const before = hashDir(sources.dataDir);
    const text = await HOSTILE[name]!();
    const error = await importText(sources, text, 'hostile.json').then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    const { code, message } = (error as AppError).toInfo();
    expect(code).not.toBe('internal');
    expect(message).toContain('hostile.json');
    expect(message).toMatch(ABOUT[name]!);
    expect(message).not.toMatch(/\n\s+at /);
    expect(message.length).toBeLessThan(2000);
    expect(hashDir(sources.dataDir)).toBe(before);
  }, 60_000);

  it('imports a file that starts with a UTF-8 byte-order mark', async () => {
    const sources = await folder();
    const summary = await importText(sources, `\uFEFF${postman([{ key: 'baseUrl', value: 'https://api.example.com' }])}`, 'windows.json');
    expect(summary).toMatchObject({ imported: true, environments: [{ name: 'Vendor', importedAs: 'Vendor' }] });
  });
});
