import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recipeJsonSchemaText } from './json-schema';
import { findPreset, PRESETS, presetAllowedHosts, presetDefault } from './presets';
import { parseRecipe, RecipeSchema } from './recipe';
import { findUnknownVariables, recipeVariables } from './variables';

describe('recipe schema', () => {
  it('fills defaults for a minimal token-request recipe', () => {
    const result = parseRecipe({ version: 1, kind: 'token-request', tokenRequest: { url: '{{tokenUrl}}' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.recipe).toMatchObject({
      tokenRequest: { method: 'POST', body: { encoding: 'none' }, clientAuth: { type: 'none' }, timeoutSeconds: 15 },
      tokenResponse: { token: 'access_token', lifetime: { from: 'expires-in', path: 'expires_in' } },
      guard: { minIntervalSeconds: 5 },
      use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' },
    });
  });

  it('reports problems by field, in words', () => {
    const result = parseRecipe({
      version: 1,
      kind: 'token-request',
      tokenRequest: { url: '{{baseUrl}/token', clientAuth: { type: 'body', fields: { client_id: '{{clientId}}' } } },
      tokenResponse: { token: 'data..token', lifetime: { from: 'expires-at', path: 'exp', zone: 'Mars/Olympus' } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toMatch(/tokenRequest\.url: .*never closed/);
    expect(text).toMatch(/tokenRequest\.clientAuth: Client authentication in the body needs a json or form body/);
    expect(text).toMatch(/tokenResponse\.token: A path is field names separated by dots/);
    expect(text).toMatch(/tokenResponse\.lifetime\.zone: Not a time zone name/);
  });

  it('sends a DPoP recipe\'s token as DPoP, reads its token type, and refuses a Bearer "use" with DPoP', () => {
    const base = { version: 1, kind: 'token-request', tokenRequest: { url: 'https://auth.example/token' } };
    const bound = RecipeSchema.parse({ ...base, dpop: {} });
    expect(bound).toMatchObject({ dpop: { algorithm: 'ES256' }, use: { in: 'header', name: 'Authorization', value: 'DPoP {{token}}' }, tokenResponse: { tokenType: 'token_type' } });
    expect(RecipeSchema.parse(base)).toMatchObject({ use: { value: 'Bearer {{token}}' } });
    expect(parseRecipe({ ...base, dpop: { algorithm: 'ES256' }, use: { in: 'header', value: 'Bearer {{token}}' } })).toEqual({
      ok: false,
      problems: ['use.value: A DPoP-bound token is sent as "DPoP {{token}}", not as a Bearer token: change the value, or leave "use" out.'],
    });
    expect(parseRecipe({ ...base, dpop: { algorithm: 'HS256' } })).toMatchObject({ ok: false, problems: [expect.stringContaining('dpop.algorithm')] });
  });

  it('rejects an unknown recipe version and kind', () => {
    expect(parseRecipe({ version: 2, kind: 'static', token: 'x' }).ok).toBe(false);
    expect(parseRecipe({ version: 1, kind: 'magic' }).ok).toBe(false);
  });

  it('keeps recipe.schema.json in step with the zod schema (run: npx tsx shared/recipe/write-json-schema.ts)', () => {
    const committed = readFileSync(fileURLToPath(new URL('./recipe.schema.json', import.meta.url)), 'utf8');
    expect(committed).toBe(recipeJsonSchemaText());
  });
});

describe('presets', () => {
  it('have unique ids and valid recipes', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const preset of PRESETS) expect(RecipeSchema.safeParse(preset.recipe).success, preset.id).toBe(true);
  });

  it('declare exactly the variables their recipe uses', () => {
    for (const preset of PRESETS) {
      const declared = preset.variables.map((v) => v.name).sort();
      expect(declared, preset.id).toEqual(recipeVariables(preset.recipe));
      expect(findUnknownVariables(preset.recipe, declared), preset.id).toEqual([]);
    }
  });

  it('mark credentials secret and use the agreed variable names', () => {
    const allowed = new Set(['baseUrl', 'tokenUrl', 'clientId', 'clientSecret', 'apiKey', 'username', 'password', 'accessToken', 'secret', 'refreshToken', 'expiresOn', 'privateKey', 'authorizationUrl', 'deviceAuthorizationUrl', 'scope']);
    for (const preset of PRESETS) {
      for (const variable of preset.variables) {
        expect(allowed.has(variable.name), `${preset.id}.${variable.name}`).toBe(true);
        const secret = ['clientSecret', 'apiKey', 'password', 'accessToken', 'secret', 'refreshToken', 'privateKey'].includes(variable.name);
        expect(variable.secret, `${preset.id}.${variable.name}`).toBe(secret);
      }
    }
  });

  it('give Lemonway separate sandbox and production hosts', () => {
    const lemonway = findPreset('lemonway')!;
    const baseUrl = lemonway.variables.find((v) => v.name === 'baseUrl')!;
    expect(presetDefault(baseUrl, false)).toBe('https://sandbox-api.lemonway.fr');
    expect(presetDefault(baseUrl, true)).toBe('https://api.lemonway.fr');
    expect(presetAllowedHosts(lemonway, false)).toEqual(['sandbox-api.lemonway.fr']);
    expect(presetAllowedHosts(lemonway, true)).toEqual(['api.lemonway.fr']);
    expect(lemonway.recipe.kind === 'token-request' && lemonway.recipe.tokenRequest.url).toBe('{{baseUrl}}/oauth/api/v1/oauth/token');
  });

  it('warn about Lengow\'s rate limit and state its fixed lifetime', () => {
    const lengow = findPreset('lengow')!;
    expect(lengow.hints.join(' ')).toMatch(/ban/i);
    expect(lengow.recipe.kind === 'token-request' && lengow.recipe.tokenResponse.lifetime).toEqual({ from: 'fixed', seconds: 3600 });
    expect(lengow.recipe.use).toEqual({ in: 'header', name: 'Authorization', value: '{{token}}' });
  });
});
