import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readOpenApi } from './openapi';
import { fixtureText } from '../../../testing/import-files';

const plan = () => readOpenApi(parse(fixtureText('openapi-3.yaml')));

describe('OpenAPI 3', () => {
  it('makes every security scheme a credential skeleton, secrets to be set before use', () => {
    const { credentials, environments } = plan();
    const byName = Object.fromEntries(credentials.map((c) => [c.name, c.recipe]));
    expect(Object.keys(byName)).toEqual([
      'oauth (OAuth 2.0 client credentials)',
      'pwd (OAuth 2.0 password grant)',
      'partnerKey (API key in a header)',
      'queryKey (API key in the query)',
      'session (API key in a cookie)',
      'bearerAuth (Bearer token)',
      'basicAuth (HTTP Basic)',
    ]);
    expect(byName['oauth (OAuth 2.0 client credentials)']).toMatchObject({
      kind: 'token-request',
      tokenRequest: {
        url: 'https://auth.fleet.example/oauth2/token',
        body: { encoding: 'form', fields: { grant_type: 'client_credentials', scope: 'vehicles:read vehicles:write' } },
        clientAuth: { type: 'basic', username: '{{oauth.clientId}}', password: '{{oauth.clientSecret}}' },
      },
    });
    expect(byName['pwd (OAuth 2.0 password grant)']).toMatchObject({ tokenRequest: { body: { fields: { grant_type: 'password', username: '{{pwd.username}}', password: '{{pwd.password}}', scope: 'drivers' } } } });
    expect(byName['partnerKey (API key in a header)']).toMatchObject({ kind: 'static', token: '{{partnerKey.X-Partner-Key}}', use: { in: 'header', name: 'X-Partner-Key', value: '{{token}}' } });
    expect(byName['queryKey (API key in the query)']).toMatchObject({ use: { in: 'query', name: 'api_key' } });
    expect(byName['session (API key in a cookie)']).toMatchObject({ use: { in: 'header', name: 'Cookie', value: 'FLEETSESSION={{token}}' } });
    expect(byName['basicAuth (HTTP Basic)']).toMatchObject({ kind: 'basic', username: '{{basicAuth.username}}', password: '{{basicAuth.password}}' });
    const variables = environments[0]!.variables;
    expect(variables.find((v) => v.name === 'baseUrl')).toEqual({ name: 'baseUrl', value: 'https://eu.fleet.example/v2', secret: false });
    expect(variables.filter((v) => v.secret).map((v) => `${v.name}=${v.value}`)).toEqual(['oauth.clientSecret=null', 'pwd.password=null', 'pwd.clientSecret=null', 'partnerKey.X-Partner-Key=null', 'queryKey.api_key=null', 'session.FLEETSESSION=null', 'bearerAuth.token=null', 'basicAuth.password=null']);
  });

  it('makes operations saved requests with their parameters, bodies and security', () => {
    const requests = Object.fromEntries(plan().requests.map((r) => [r.name, r]));
    expect(Object.keys(requests)).toHaveLength(12);
    expect(requests.listVehicles).toMatchObject({
      folder: 'vehicles',
      method: 'GET',
      url: '{{baseUrl}}/vehicles',
      query: [{ name: 'limit', value: '20', enabled: false }],
      headers: [{ name: 'X-Request-Id', value: 'req-1', enabled: true }],
      credential: 'oauth (OAuth 2.0 client credentials)',
    });
    expect(requests.createVehicle).toMatchObject({ body: { type: 'json', text: JSON.stringify({ plate: 'AB-123-CD', model: 'Transit' }, null, 2) }, credential: 'partnerKey (API key in a header)' });
    expect(requests.getVehicle).toMatchObject({ url: '{{baseUrl}}/vehicles/{{vehicleId}}' });
    expect(requests.deleteVehicle!.credential).toBe('bearerAuth (Bearer token)');
    expect(requests.inviteUser).toMatchObject({ credential: 'basicAuth (HTTP Basic)', body: { type: 'form', fields: [{ name: 'email' }, { name: 'role' }] } });
    expect(requests.status!.credential).toBeNull();
    expect(plan().environments[0]!.variables.find((v) => v.name === 'vehicleId')).toMatchObject({ value: 'V-100' });
  });

  it('lists what it could not map', () => {
    expect(plan().notMapped.map((n) => `${n.where}: ${n.what}`)).toEqual(
      expect.arrayContaining([
        'servers: 1 other server(s) are not imported; baseUrl is the first one (https://{region}.fleet.example/v2).',
        'security scheme oauth: its authorizationCode flow(s) are not imported; the client credentials flow is.',
        'security scheme oidc: its OpenID Connect (discovery) auth has no Tokenbench recipe.',
        'security scheme legacyDigest: its HTTP digest auth has no Tokenbench recipe.',
        'admin / inviteUser: it needs basicAuth and partnerKey together; only basicAuth is attached.',
        'reports / mileageReport: its cookie parameter session_hint is not imported.',
        'drivers / driverToken: its JSON body has no example; compose it in the runner.',
        'upload: its $ref https://schemas.fleet.example/common.yaml#/UploadBody points outside the document; an import never fetches other files.',
      ]),
    );
  });
});
