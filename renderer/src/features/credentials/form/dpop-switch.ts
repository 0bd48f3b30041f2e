/**
 * Turning DPoP on or off in the credential form. The token's scheme goes with it: a DPoP-bound
 * token is sent as "DPoP {{token}}", never as Bearer (RFC 9449 section 7.1), so the form changes
 * the "Use" part in view of the user instead of leaving a recipe the schema refuses.
 */
import type { DpopOption, TokenRequestRecipe } from '../../../../../shared/recipe';

const BEARER = /^(\s*)bearer(\s)/i;
const DPOP = /^(\s*)dpop(\s)/i;

export function withDpop(recipe: TokenRequestRecipe, dpop: DpopOption | undefined): TokenRequestRecipe {
  const { dpop: _previous, ...rest } = recipe;
  const use = recipe.use.in === 'header' ? { ...recipe.use, value: recipe.use.value.replace(dpop ? BEARER : DPOP, `$1${dpop ? 'DPoP' : 'Bearer'}$2`) } : recipe.use;
  if (!dpop) return { ...rest, use };
  // The token type tells whether the server bound the token: read it unless the recipe says where.
  const tokenResponse = recipe.tokenResponse.tokenType ? recipe.tokenResponse : { ...recipe.tokenResponse, tokenType: 'token_type' };
  return { ...rest, dpop, use, tokenResponse };
}
