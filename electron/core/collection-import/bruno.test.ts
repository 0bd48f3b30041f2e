import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportSource } from '../portability/read-source';
import { readBrunoCollection } from './bruno';
import { IMPORT_FIXTURES } from '../../../testing/import-files';

function plan() {
  const source = readImportSource(path.join(IMPORT_FIXTURES, 'bruno-collection'));
  return readBrunoCollection(JSON.parse(source.text), source.folder!);
}

describe('Bruno collection (read by @usebruno/lang)', () => {
  it('maps folders, requests, and auth at collection, folder and request level', () => {
    const p = plan();
    expect(p.collection).toBe('Storefront API');
    expect(p.requests.map((r) => `${r.folder}|${r.name}|${r.method}|${r.url}|${r.credential}`)).toEqual([
      'Account|Me|GET|{{baseUrl}}/api/v1/me|Storefront API (OAuth 2.0 client credentials)',
      'Account|Legacy profile|GET|{{baseUrl}}/legacy/profile|Legacy profile (HTTP Basic)',
      'Account|Partner feed|GET|{{baseUrl}}/partner/feed|Partner feed (Bearer token)',
      'Account|Signed call|GET|{{baseUrl}}/signed|null',
      'Orders|List orders|GET|{{baseUrl}}/api/v1/orders|Storefront API (OAuth 2.0 client credentials)',
      'Orders|Create order|POST|{{baseUrl}}/api/v1/orders|Storefront API (OAuth 2.0 client credentials)',
      'Orders/Returns|Open return|POST|{{baseUrl}}/api/v1/returns|Returns (API key in a header)',
    ]);
    const list = p.requests.find((r) => r.name === 'List orders')!;
    // The page in the URL and in the params block are both there, as Bruno shows them.
    expect(list.query).toEqual([{ name: 'page', value: '1', enabled: true }, { name: 'page', value: '1', enabled: true }, { name: 'status', value: 'open', enabled: false }]);
    expect(list.headers).toEqual([{ name: 'X-Client', value: 'tokenbench-import-test', enabled: true }, { name: 'X-Area', value: 'orders', enabled: true }]);
    expect(p.requests.find((r) => r.name === 'Open return')!.body).toEqual({ type: 'form', fields: [{ name: 'order', value: '1001', enabled: true }, { name: 'reason', value: 'size', enabled: true }] });
    expect(p.credentials[0]!.recipe).toMatchObject({
      tokenRequest: { url: '{{authUrl}}/oauth/v2/token', body: { fields: { grant_type: 'client_credentials', scope: 'api' } }, clientAuth: { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' } },
    });
  });

  it('imports environments, secret ones without their values (Bruno keeps them outside the folder)', () => {
    const p = plan();
    expect(p.environments.map((e) => e.name)).toEqual(['Local', 'Staging']);
    const local = Object.fromEntries(p.environments[0]!.variables.map((v) => [v.name, v]));
    expect(local.clientSecret).toEqual({ name: 'clientSecret', value: null, secret: true });
    expect(local.clientId).toEqual({ name: 'clientId', value: 'storefront-client', secret: false });
    const staging = Object.fromEntries(p.environments[1]!.variables.map((v) => [v.name, v]));
    expect(staging.webhookSigningKey).toMatchObject({ secret: true, value: 'CANARY-bru-signing-key-1f1f' });
    expect(p.skippedVariables).toEqual([{ environment: 'Local', name: 'debug', reason: 'it is disabled in Bruno' }]);
    expect(JSON.stringify([p.requests, p.credentials])).not.toContain('CANARY');
  });

  it('lists scripts, tests, other auth types and unreadable files as not mapped', () => {
    expect(plan().notMapped.map((n) => `${n.where}: ${n.what}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Account\/Broken\.bru: Bruno's parser could not read it \(.+\); it is left out\.$/),
        'collection.bru: its pre-request script is not run: Tokenbench recipes need no scripts.',
        'Orders / Create order: its tests are not imported.',
        'Orders / List orders: its 1 assertion(s) are not imported.',
        'Account / Partner feed: its 1 request/response variable(s) are not imported.',
        'auth of Account / Signed call: its awsv4 auth has no Tokenbench recipe.',
      ]),
    );
  });
});
