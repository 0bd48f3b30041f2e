import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readInsomnia } from './insomnia';
import { fixtureText } from '../../../testing/import-files';

const v4 = () => readInsomnia(JSON.parse(fixtureText('insomnia-v4.json')));
const v5 = () => readInsomnia(parse(fixtureText('insomnia-v5.yaml')));
const summary = (plan: ReturnType<typeof v4>) => plan.requests.map((r) => `${r.folder}|${r.name}|${r.method}|${r.url}|${r.credential}`);

describe('Insomnia v4 (JSON)', () => {
  it('maps folders, requests and folder/request auth, with inheritance', () => {
    const plan = v4();
    expect(plan.collection).toBe('Payments Gateway');
    expect(summary(plan)).toEqual([
      'Payments|List payments|GET|{{base_url}}/v1/payments|Payments (OAuth 2.0 client credentials)',
      'Payments|Create payment|POST|{{base_url}}/v1/payments|Payments (OAuth 2.0 client credentials)',
      'Merchant|Profile|GET|{{base_url}}/v1/merchant|Merchant (API key in a header)',
      'Merchant|Refund export|GET|{{base_url}}/v1/refunds.csv|Refund export (Bearer token)',
      '|Ops login|POST|{{base_url}}/ops/login|Ops login (HTTP Basic)',
      '|Legacy SOAP|POST|https://legacy.payments.example/soap|null',
    ]);
    expect(plan.credentials[0]!.recipe).toMatchObject({
      tokenRequest: { url: '{{auth.token_url}}', body: { fields: { grant_type: 'client_credentials', scope: 'payments' } }, clientAuth: { type: 'basic', username: '{{client_id}}', password: '{{client_secret}}' } },
    });
  });

  it('makes the base environment part of each sub-environment, secrets in the vault', () => {
    const plan = v4();
    expect(plan.environments.map((e) => e.name)).toEqual(['Sandbox', 'Production']);
    const sandbox = Object.fromEntries(plan.environments[0]!.variables.map((v) => [v.name, v]));
    expect(sandbox.base_url).toEqual({ name: 'base_url', value: 'https://sandbox.payments.example', secret: false });
    expect(sandbox['auth.token_url']).toMatchObject({ value: 'https://auth.payments.example/token' });
    expect(sandbox.client_secret).toEqual({ name: 'client_secret', value: 'CANARY-ins4-sandbox-secret-1a1a', secret: true });
    const production = Object.fromEntries(plan.environments[1]!.variables.map((v) => [v.name, v]));
    expect(production.base_url!.value).toBe('https://api.payments.example');
    expect(production.client_secret).toMatchObject({ secret: true, value: 'CANARY-ins4-prod-secret-2b2b' });
    expect(JSON.stringify([plan.requests, plan.credentials])).not.toContain('CANARY');
  });

  it('lists template tags, other auth types and other resources as not mapped', () => {
    expect(v4().notMapped.map((n) => `${n.where}: ${n.what}`)).toEqual(
      expect.arrayContaining([
        'export: 1 unit_test_suite resource(s) are not imported.',
        'auth of Payments: the tokens saved in the file are left out: Tokenbench fetches its own.',
        'Payments / Create payment: its Insomnia template tag(s) uuid are kept as text; Tokenbench does not run them.',
        'auth of Legacy SOAP: its ntlm auth has no Tokenbench recipe.',
      ]),
    );
  });
});

describe('Insomnia v5 (YAML)', () => {
  it('maps nested folders with children, auth at each level and environments', () => {
    const plan = v5();
    expect(plan.collection).toBe('Shipping Partners');
    expect(summary(plan)).toEqual([
      'Carriers|List carriers|GET|{{base_url}}/carriers|Carriers (OAuth 2.0 password grant)',
      'Carriers|Print label|POST|{{base_url}}/labels|Carriers (OAuth 2.0 password grant)',
      'Carriers/Admin|Stats|GET|{{base_url}}/admin/stats|Admin (HTTP Basic)',
      'Carriers/Admin|Health|GET|{{base_url}}/admin/health|null',
      '|Track parcel|GET|{{base_url}}/tracking/{{tracking_id}}|Track parcel (API key in the query)',
      '|Hawk endpoint|GET|{{base_url}}/hawk|null',
    ]);
    expect(plan.credentials[0]!.recipe).toMatchObject({
      tokenRequest: {
        url: '{{auth_url}}/oauth/token',
        body: { fields: { grant_type: 'password', username: '{{username}}', password: '{{password}}', scope: 'carriers labels' } },
        clientAuth: { type: 'body', fields: { client_id: '{{client_id}}', client_secret: '{{clientSecret}}' } },
      },
    });
    expect(plan.environments.map((e) => e.name)).toEqual(['Staging', 'Live']);
    const staging = Object.fromEntries(plan.environments[0]!.variables.map((v) => [v.name, v]));
    expect(staging.password).toMatchObject({ secret: true, value: 'CANARY-ins5-user-password-5a5a' });
    expect(staging.tracking_key).toMatchObject({ secret: true });
    expect(staging.clientSecret).toMatchObject({ secret: true, value: 'CANARY-ins5-client-secret-1c1c' });
    const live = Object.fromEntries(plan.environments[1]!.variables.map((v) => [v.name, v]));
    expect(live.password).toEqual({ name: 'password', value: null, secret: true });
    expect(plan.requests[1]!.headers).toEqual([{ name: 'X-Signature', value: '{{X-Signature}}', enabled: true }]);
    expect(plan.notMapped).toContainEqual({ where: 'auth of Hawk endpoint', what: 'its hawk auth has no Tokenbench recipe.' });
    expect(JSON.stringify([plan.requests, plan.credentials])).not.toContain('CANARY');
  });
});
