import { describe, expect, it } from 'vitest';
import type { ProposalVariable } from '../../../../shared/ipc/domains/from-example';
import { RecipeSchema, type TokenRequestRecipe } from '../../../../shared/recipe';
import { previewScope, previewText, readRecipeText } from './request-preview';

const recipe = RecipeSchema.parse({
  version: 1,
  kind: 'token-request',
  tokenRequest: { url: '{{baseUrl}}/oauth/token', body: { encoding: 'form', fields: { Grant_type: 'client_credentials' } }, clientAuth: { type: 'header', name: 'Authorization', value: 'basic {{apiKey}}' } },
}) as TokenRequestRecipe;
const variables: ProposalVariable[] = [
  { name: 'baseUrl', secret: false, value: 'https://sandbox-api.lemonway.fr', hint: '', fromExample: true, why: '' },
  { name: 'apiKey', secret: true, value: '', hint: '••••85e2', fromExample: true, why: '' },
];

describe('the from-example preview', () => {
  it('shows the exact request with the secret masked, and a typed value in place of the example\'s', () => {
    expect(previewText(recipe, previewScope(variables, {}))).toBe(
      ['POST https://sandbox-api.lemonway.fr/oauth/token', 'Authorization: basic ••••', 'Accept: application/json', 'Content-Type: application/x-www-form-urlencoded', '', 'Grant_type=client_credentials'].join('\n'),
    );
    const typed = previewText(recipe, previewScope(variables, { baseUrl: 'http://127.0.0.1:9', apiKey: 'typed-secret-value' }));
    expect(typed).toContain('POST http://127.0.0.1:9/oauth/token');
    expect(typed).not.toContain('typed-secret-value');
  });

  it('keeps a variable with no value visible as {{name}}', () => {
    expect(previewText(recipe, previewScope([{ ...variables[1]!, fromExample: false }], {}))).toContain('basic {{apiKey}}');
  });

  it('says what is wrong with edited JSON', () => {
    expect(readRecipeText('{')).toMatchObject({ ok: false, problem: expect.stringContaining('Not valid JSON') });
    expect(readRecipeText('{"version":1,"kind":"static","token":"x"}')).toMatchObject({ ok: false, problem: expect.stringContaining('token-request') });
    expect(readRecipeText(JSON.stringify(recipe))).toMatchObject({ ok: true });
  });
});
