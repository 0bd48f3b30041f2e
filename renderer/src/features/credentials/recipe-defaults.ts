/**
 * Starting points for a credential made from scratch, one per recipe kind: a textbook OAuth2
 * client-credentials request, a static key, or HTTP Basic. Every default passes the schema.
 */
import { RecipeSchema, type Recipe, type RecipeInput } from '../../../../shared/recipe';

export type RecipeKind = Recipe['kind'];

const STARTERS: Record<RecipeKind, RecipeInput> = {
  'token-request': {
    version: 1,
    kind: 'token-request',
    tokenRequest: {
      method: 'POST',
      url: '{{tokenUrl}}',
      body: { encoding: 'form', fields: { grant_type: 'client_credentials' } },
      clientAuth: { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' },
    },
  },
  static: { version: 1, kind: 'static', token: '{{apiKey}}' },
  basic: { version: 1, kind: 'basic', username: '{{username}}', password: '{{password}}' },
};

export const KIND_LABELS: Record<RecipeKind, string> = {
  'token-request': 'Token from an auth service',
  static: 'Static key (API key, personal token)',
  basic: 'HTTP Basic (username and password)',
};

export function starterRecipe(kind: RecipeKind): Recipe {
  return RecipeSchema.parse(STARTERS[kind]);
}
