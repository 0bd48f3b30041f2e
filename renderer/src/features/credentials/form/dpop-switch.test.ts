import { describe, expect, it } from 'vitest';
import { parseRecipe, type TokenRequestRecipe } from '../../../../../shared/recipe';
import { starterRecipe } from '../recipe-defaults';
import { withDpop } from './dpop-switch';

describe('withDpop', () => {
  it('switches the scheme with DPoP, reads the token type, and gives a recipe the schema accepts', () => {
    const plain = starterRecipe('token-request') as TokenRequestRecipe;
    const bound = withDpop(plain, { algorithm: 'ES256' });
    expect(bound).toMatchObject({ dpop: { algorithm: 'ES256' }, use: { value: 'DPoP {{token}}' }, tokenResponse: { tokenType: 'token_type' } });
    expect(parseRecipe(bound)).toMatchObject({ ok: true, recipe: { dpop: { algorithm: 'ES256' } } });
    const unbound = withDpop(bound, undefined);
    expect(unbound).not.toHaveProperty('dpop');
    expect(unbound.use.value).toBe('Bearer {{token}}');
    expect(parseRecipe(unbound)).toMatchObject({ ok: true });
  });
});
