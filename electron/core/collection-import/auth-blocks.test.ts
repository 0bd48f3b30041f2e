// One OAuth2 client, one API key and one bearer token as Postman, Insomnia and Bruno write them:
// each tool's file comes out as the same neutral auth block, hence the same recipe.
import { describe, expect, it } from 'vitest';
import { readBrunoCollection } from './bruno';
import { readInsomnia } from './insomnia';
import { readPostmanCollection } from './postman';
import type { CollectionPlan } from './model';

const postman = (auth: object) => readPostmanCollection({ info: { name: 'Shop' }, item: [{ name: 'Orders', request: { method: 'GET', url: 'https://api.shop.example/orders', auth } }] });
const insomnia = (authentication: object) =>
  readInsomnia({
    _type: 'export',
    __export_format: 4,
    resources: [
      { _id: 'wrk', _type: 'workspace', name: 'Shop' },
      { _id: 'req', _type: 'request', parentId: 'wrk', name: 'Orders', method: 'GET', url: 'https://api.shop.example/orders', authentication },
    ],
  });
/** `mode block`: the request's auth mode, then its auth block. */
const bruno = (auth: string) =>
  readBrunoCollection({ version: '1', name: 'Shop', type: 'collection' }, {
    'Orders.bru': `meta {\n  name: Orders\n  type: http\n  seq: 1\n}\n\nget {\n  url: https://api.shop.example/orders\n  body: none\n  auth: ${auth.split(' ')[0]}\n}\n\n${auth.slice(auth.indexOf(' ') + 1)}\n`,
  });

const recipes = (plan: CollectionPlan) => plan.credentials.map((c) => c.recipe);

describe('auth blocks of every tool, read the same way', () => {
  it('maps the same OAuth 2.0 client credentials to one recipe, whatever the tool calls its fields', () => {
    const fromPostman = postman({
      type: 'oauth2',
      oauth2: [
        { key: 'grant_type', value: 'client_credentials' },
        { key: 'accessTokenUrl', value: 'https://auth.shop.example/token' },
        { key: 'clientId', value: 'shop-client' },
        { key: 'clientSecret', value: 'shop-secret-0123' },
        { key: 'scope', value: 'orders' },
        { key: 'client_authentication', value: 'body' },
      ],
    });
    const fromInsomnia = insomnia({ type: 'oauth2', grantType: 'client_credentials', accessTokenUrl: 'https://auth.shop.example/token', clientId: 'shop-client', clientSecret: 'shop-secret-0123', scope: 'orders', credentialsInBody: true });
    const fromBruno = bruno(
      'oauth2 auth:oauth2 {\n  grant_type: client_credentials\n  access_token_url: https://auth.shop.example/token\n  client_id: shop-client\n  client_secret: shop-secret-0123\n  scope: orders\n  credentials_placement: body\n}',
    );
    const expected = {
      kind: 'token-request',
      tokenRequest: { url: 'https://auth.shop.example/token', clientAuth: { type: 'body', fields: { client_id: 'shop-client', client_secret: '{{clientSecret}}' } }, body: { fields: { grant_type: 'client_credentials', scope: 'orders' } } },
      use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' },
    };
    expect(recipes(fromPostman)).toHaveLength(1);
    expect(recipes(fromPostman)[0]).toMatchObject(expected);
    expect(recipes(fromInsomnia)).toEqual(recipes(fromPostman));
    expect(recipes(fromBruno)).toEqual(recipes(fromPostman));
    for (const plan of [fromPostman, fromInsomnia, fromBruno]) expect(plan.secretsMoved).toBe(1);
  });

  it('maps an API key in the query and a bearer token alike', () => {
    const key = { kind: 'static', use: { in: 'query', name: 'api_key', value: '{{token}}' } };
    expect(recipes(postman({ type: 'apikey', apikey: [{ key: 'key', value: 'api_key' }, { key: 'value', value: 'k-0123456789' }, { key: 'in', value: 'query' }] }))[0]).toMatchObject(key);
    expect(recipes(insomnia({ type: 'apikey', key: 'api_key', value: 'k-0123456789', addTo: 'queryParams' }))[0]).toMatchObject(key);
    expect(recipes(bruno('apikey auth:apikey {\n  key: api_key\n  value: k-0123456789\n  placement: queryparams\n}'))[0]).toMatchObject(key);

    const bearer = { kind: 'static', use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' } };
    expect(recipes(postman({ type: 'bearer', bearer: [{ key: 'token', value: 't-0123456789' }] }))[0]).toMatchObject(bearer);
    expect(recipes(insomnia({ type: 'bearer', token: 't-0123456789' }))[0]).toMatchObject(bearer);
    expect(recipes(bruno('bearer auth:bearer {\n  token: t-0123456789\n}'))[0]).toMatchObject(bearer);
  });
});
