import { describe, expect, it } from 'vitest';
import { recipeVariables } from '../../../../shared/recipe';
import { previewScope } from './preview-scope';
import { starterRecipe } from './recipe-defaults';

describe('starterRecipe', () => {
  it('gives a schema-valid recipe of each kind with the defaults filled in', () => {
    const oauth = starterRecipe('token-request');
    expect(oauth.kind === 'token-request' && oauth.guard.minIntervalSeconds).toBe(5);
    expect(recipeVariables(oauth)).toEqual(['clientId', 'clientSecret', 'tokenUrl']);
    expect(starterRecipe('static').use).toEqual({ in: 'header', name: 'Authorization', value: 'Bearer {{token}}' });
    expect(starterRecipe('basic').use.value).toBe('Basic {{token}}');
  });
});

describe('previewScope', () => {
  it('keeps plain values and never carries a secret value, only the fact that it is secret', () => {
    const scope = previewScope([
      { name: 'baseUrl', value: 'https://x', secret: false, description: '', hint: null },
      { name: 'apiKey', value: '', secret: true, description: '', hint: '••••a1b2' },
    ]);
    expect(scope).toEqual({ baseUrl: { value: 'https://x', secret: false }, apiKey: { value: '', secret: true } });
  });
});
