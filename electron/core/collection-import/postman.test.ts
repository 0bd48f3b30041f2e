import { describe, expect, it } from 'vitest';
import { readPostmanCollection } from './postman';
import { fixtureText } from '../../../testing/import-files';

const v21 = () => readPostmanCollection(JSON.parse(fixtureText('postman-v2.1.collection.json')));
const v20 = () => readPostmanCollection(JSON.parse(fixtureText('postman-v2.0.collection.json')));

describe('Postman collection v2.1', () => {
  it('maps folders and requests, each with the auth it inherits or has', () => {
    const plan = v21();
    expect(plan.collection).toBe('Acme Commerce API');
    const byName = Object.fromEntries(plan.requests.map((r) => [r.name, r]));
    expect(plan.requests.map((r) => `${r.folder}|${r.name}|${r.method}|${r.credential}`)).toEqual([
      'Orders|List orders|GET|Acme Commerce API (OAuth 2.0 client credentials)',
      'Orders|Get order|GET|Acme Commerce API (OAuth 2.0 client credentials)',
      'Orders|Create order|POST|Acme Commerce API (OAuth 2.0 client credentials)',
      'Admin|Audit log|GET|Admin (HTTP Basic)',
      'Admin|Health|GET|null',
      'Admin|Reset password|POST|Admin (HTTP Basic)',
      'Partners|Partner list|GET|Partners (API key in a header)',
      'Partners|Legacy feed|GET|Legacy feed (Bearer token)',
      'Partners|Signed upload|PUT|null',
      '|Who am I|GET|Acme Commerce API (OAuth 2.0 client credentials)',
    ]);
    expect(byName['List orders']).toMatchObject({ url: '{{baseUrl}}/api/orders', query: [{ name: 'limit', value: '10', enabled: true }, { name: 'status', value: 'open', enabled: false }] });
    expect(byName['Get order']!.url).toBe('{{baseUrl}}/api/orders/{{orderId}}');
    expect(byName['Create order']!.body).toMatchObject({ type: 'json' });
  });

  it('makes the collection OAuth 2.0 block a client-credentials recipe with its secret in the vault', () => {
    const plan = v21();
    const oauth = plan.credentials.find((c) => c.name.includes('OAuth'))!;
    expect(oauth.recipe).toMatchObject({
      kind: 'token-request',
      tokenRequest: {
        method: 'POST',
        url: '{{authUrl}}/oauth/v2/token',
        body: { encoding: 'form', fields: { grant_type: 'client_credentials', scope: 'api' } },
        clientAuth: { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' },
      },
      use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' },
    });
    const variables = plan.environments[0]!.variables;
    expect(variables.find((v) => v.name === 'clientSecret')).toEqual({ name: 'clientSecret', value: 'CANARY-client-secret-7f3a', secret: true });
    expect(variables.find((v) => v.name === 'clientId')).toEqual({ name: 'clientId', value: 'acme-client', secret: false });
    // Referenced by the API key auth: made secret although its name alone would say so too.
    expect(variables.find((v) => v.name === 'partner_api_key')).toMatchObject({ secret: true });
  });

  it('moves secrets out of headers, query strings and bodies', () => {
    const plan = v21();
    const byName = Object.fromEntries(plan.requests.map((r) => [r.name, r]));
    expect(JSON.stringify(plan.requests)).not.toContain('CANARY');
    expect(byName['Who am I']!.headers[0]).toEqual({ name: 'X-Session-Id', value: '{{X-Session-Id}}', enabled: true });
    expect(byName['Legacy feed']!.query[0]).toEqual({ name: 'api_key', value: '{{api_key}}', enabled: true });
    expect(JSON.parse((byName['Create order']!.body as { text: string }).text)).toEqual({ sku: 'A-1', quantity: 2, payment: { card_token: '{{card_token}}' } });
  });

  it('lists what it could not map instead of dropping it', () => {
    const notes = v21().notMapped.map((n) => `${n.where}: ${n.what}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^auth of collection Acme Commerce API: the access token saved in the file is left out/),
        'Orders / Get order: 1 saved example response(s) are not imported.',
        expect.stringMatching(/^Orders \/ Create order: its prerequest script is not run/),
        expect.stringMatching(/^Orders \/ Create order: its test script is not run/),
        'auth of Partners / Signed upload: its awsv4 auth has no Tokenbench recipe.',
        expect.stringMatching(/^Partners \/ Signed upload: its multipart body's file field\(s\) file are left out/),
      ]),
    );
    expect(v21().skippedVariables).toEqual([
      { environment: 'Acme Commerce API', name: 'old flag', reason: expect.stringContaining('variable names') },
      { environment: 'Acme Commerce API', name: 'retired', reason: 'it is disabled in Postman' },
    ]);
  });
});

describe('Postman collection v2.0', () => {
  it('reads auth fields written as objects, a password grant in the body, and string headers', () => {
    const plan = v20();
    const password = plan.credentials.find((c) => c.name.includes('password'))!;
    expect(password.recipe).toMatchObject({
      kind: 'token-request',
      tokenRequest: {
        url: 'https://auth.billing.example/oauth/token',
        body: { encoding: 'form', fields: { grant_type: 'password', username: 'ops@example.com', password: '{{password}}', scope: 'invoices:read' } },
        clientAuth: { type: 'body', fields: { client_id: 'billing-app', client_secret: '{{clientSecret}}' } },
      },
    });
    const list = plan.requests.find((r) => r.name === 'List invoices')!;
    expect(list.headers).toEqual([
      { name: 'Accept', value: 'application/json', enabled: true },
      { name: 'X-Api-Key', value: '{{X-Api-Key}}', enabled: true },
    ]);
    expect(plan.requests.find((r) => r.name === 'Download invoice')!.credential).toBe('Download invoice (Bearer token)');
    expect(plan.requests.find((r) => r.name === 'Ping')).toMatchObject({ url: 'https://api.billing.example/ping', folder: '' });
    expect(plan.notMapped).toContainEqual({ where: 'auth of Invoices / Digest-protected', what: 'its digest auth has no Tokenbench recipe.' });
    expect(JSON.stringify([plan.requests, plan.credentials])).not.toContain('CANARY');
  });
});
