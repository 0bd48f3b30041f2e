import { describe, expect, it } from 'vitest';
import { base64Utf8, buildRequest } from './build-request';
import { maskSecret } from './mask';
import { findPreset } from './presets';
import { previewTokenRequest } from './preview';
import { parseRecipe, RequestRecipeSchema, type Recipe } from './recipe';
import { parseTemplate, resolveTemplate, TemplateError } from './template';
import { findUnknownVariables } from './variables';

const scope = {
  baseUrl: { value: 'https://api.example.com', secret: false },
  clientId: { value: 'my-client', secret: false },
  clientSecret: { value: 'sup3r-s3cret-value-0042', secret: true },
  apiKey: { value: 'da012c0f-b1a7-4f86-8279-3cd69b9185e2', secret: true },
};

describe('templates', () => {
  it('resolves variables and masks secret ones in the display form', () => {
    const resolved = resolveTemplate('basic {{apiKey}}', scope, 'tokenRequest.clientAuth.value');
    expect(resolved).toEqual({ value: `basic ${scope.apiKey.value}`, display: 'basic ••••85e2', secret: true });
    expect(resolveTemplate('{{ baseUrl }}/x', scope, 'f')).toEqual({ value: 'https://api.example.com/x', display: 'https://api.example.com/x', secret: false });
  });

  it('names the unknown variable and the recipe field that uses it', () => {
    let error: unknown;
    try {
      resolveTemplate('{{baseURL}}/token', scope, 'tokenRequest.url');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).variable).toBe('baseURL');
    expect((error as TemplateError).message).toContain('tokenRequest.url uses {{baseURL}}');
  });

  it('keeps unknown names visible in previews', () => {
    expect(resolveTemplate('{{nope}}/x', scope, 'f', { unknown: 'keep' }).display).toBe('{{nope}}/x');
  });

  it('reports malformed templates', () => {
    expect(parseTemplate('{{a}')).toMatch(/never closed/);
    expect(parseTemplate('a}}')).toMatch(/without a matching/);
    expect(parseTemplate('{{two words}}')).toMatch(/not a variable name/);
  });

  it('masks at most the last 4 characters, none for short values', () => {
    expect(maskSecret('abcdefghijkl1234')).toBe('••••1234');
    expect(maskSecret('short')).toBe('••••');
  });
});

describe('building requests', () => {
  it('keeps field names and casing exactly, in form and JSON bodies', () => {
    const form = buildRequest(
      RequestRecipeSchema.parse({ url: '{{baseUrl}}/t', body: { encoding: 'form', fields: { Grant_type: 'client_credentials' } } }),
      scope,
      'tokenRequest',
    );
    expect(form.body).toBe('Grant_type=client_credentials');
    expect(form.headers).toContainEqual({ name: 'Content-Type', value: 'application/x-www-form-urlencoded', display: 'application/x-www-form-urlencoded', secret: false });
    const json = buildRequest(
      RequestRecipeSchema.parse({
        url: '{{baseUrl}}/t',
        query: { grant_type: 'password' },
        body: { encoding: 'json', fields: { grantType: 'clientCredentials' } },
        clientAuth: { type: 'body', fields: { clientId: '{{clientId}}', clientSecret: '{{clientSecret}}' } },
      }),
      scope,
      'tokenRequest',
    );
    expect(json.url).toBe('https://api.example.com/t?grant_type=password');
    expect(JSON.parse(json.body!)).toEqual({ grantType: 'clientCredentials', clientId: 'my-client', clientSecret: scope.clientSecret.value });
    expect(json.displayBody).not.toContain(scope.clientSecret.value);
    expect(json.bodyHasSecrets).toBe(true);
  });

  it('sends HTTP Basic client auth as base64(id:secret) and never displays it', () => {
    const built = buildRequest(
      RequestRecipeSchema.parse({ url: '{{baseUrl}}/t', clientAuth: { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' } }),
      scope,
      'tokenRequest',
    );
    const auth = built.headers.find((h) => h.name === 'Authorization')!;
    expect(auth.value).toBe(`Basic ${Buffer.from(`my-client:${scope.clientSecret.value}`).toString('base64')}`);
    expect(auth.display).toBe('Basic ••••');
    expect(auth.secret).toBe(true);
    expect(base64Utf8('ü:ß')).toBe(Buffer.from('ü:ß').toString('base64'));
  });

  it('encodes query and form values', () => {
    const built = buildRequest(
      RequestRecipeSchema.parse({ url: '{{baseUrl}}/t?x=1', query: { q: 'a b&c' }, body: { encoding: 'form', fields: { password: '{{clientSecret}}+/=' } } }),
      scope,
      'tokenRequest',
    );
    expect(built.url).toBe('https://api.example.com/t?x=1&q=a%20b%26c');
    expect(new URLSearchParams(built.body).get('password')).toBe(`${scope.clientSecret.value}+/=`);
  });
});

describe('previews', () => {
  it('shows the Lemonway request with the API key masked', () => {
    const lemonway = findPreset('lemonway')!;
    const preview = previewTokenRequest(lemonway.recipe, { baseUrl: { value: 'https://sandbox-api.lemonway.fr', secret: false }, apiKey: scope.apiKey });
    expect(preview.tokenRequest).toEqual({
      method: 'POST',
      url: 'https://sandbox-api.lemonway.fr/oauth/api/v1/oauth/token',
      headers: [
        { name: 'Accept', value: 'application/json;charset=UTF-8' },
        { name: 'Authorization', value: 'basic ••••85e2' },
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      ],
      body: 'Grant_type=client_credentials',
    });
    expect(JSON.stringify(preview)).not.toContain(scope.apiKey.value);
  });

  it('works from the renderer\'s data: secrets it does not hold show as ••••, unknown names are listed', () => {
    const landax = findPreset('landax')!;
    const preview = previewTokenRequest(landax.recipe, {
      baseUrl: { value: 'https://acme.landax.no', secret: false },
      clientId: { value: 'app-key', secret: false },
      clientSecret: { value: '', secret: true },
      username: { value: 'api-user', secret: false },
    });
    expect(preview.tokenRequest?.url).toBe('https://acme.landax.no/authenticate/token?grant_type=password');
    expect(JSON.parse(preview.tokenRequest!.body!)).toEqual({ username: 'api-user', password: '{{password}}', client_id: 'app-key', client_secret: '••••' });
    expect(preview.refreshRequest?.url).toBe('https://acme.landax.no/authenticate/token?grant_type=refresh_token');
    expect(JSON.parse(preview.refreshRequest!.body!)).toMatchObject({ refresh_token: '••••' });
    expect(preview.unknownVariables).toEqual([{ variable: 'password', fields: ['tokenRequest.body.fields.password'] }]);
  });

  it('has no token request for static keys and HTTP Basic', () => {
    expect(previewTokenRequest(findPreset('static-api-key')!.recipe, {}).tokenRequest).toBeNull();
    const basic = previewTokenRequest(findPreset('http-basic')!.recipe, {});
    expect(basic.unknownVariables.map((u) => u.variable)).toEqual(['username', 'password', 'expiresOn']);
  });

  it('does not treat built-in names as unknown', () => {
    const parsed = parseRecipe({ version: 1, kind: 'static', token: '{{apiKey}}', use: { in: 'header', name: 'X-Key', value: '{{tokenType}} {{token}}' } });
    expect(parsed.ok && findUnknownVariables(parsed.recipe as Recipe, ['apiKey'])).toEqual([]);
  });
});
