// Live preview of a recipe's token request with secrets masked, for the credential editor. The
// renderer may pass secret variables with an empty value (it never holds them): they show as ••••.
// Pure (no Node APIs).
import { buildRequest } from './build-request';
import type { Recipe } from './recipe';
import type { VariableScope } from './template';
import { findUnknownVariables, type UnknownVariable } from './variables';

export interface RequestPreview {
  method: string;
  url: string;
  headers: Array<{ name: string; value: string }>;
  body?: string;
}

export interface TokenRequestPreview {
  /** The token request, or null for static keys and HTTP Basic, which need none. */
  tokenRequest: RequestPreview | null;
  /** The renewal request when the recipe has one. */
  refreshRequest: RequestPreview | null;
  /** Names the environment lacks; they stay as `{{name}}` in the preview. */
  unknownVariables: UnknownVariable[];
}

const SAMPLE_REFRESH_SCOPE = {
  refreshToken: { value: '', secret: true },
  token: { value: '', secret: true },
} as const;

function preview(request: Parameters<typeof buildRequest>[0], scope: VariableScope, prefix: string): RequestPreview {
  const built = buildRequest(request, scope, prefix, { unknown: 'keep' });
  return {
    method: built.method,
    url: built.displayUrl,
    headers: built.headers.map((h) => ({ name: h.name, value: h.display })),
    ...(built.displayBody !== undefined ? { body: built.displayBody } : {}),
  };
}

/** Never throws for unknown names (they are listed instead); invalid recipes are for parseRecipe to report. */
export function previewTokenRequest(recipe: Recipe, variables: VariableScope): TokenRequestPreview {
  const unknownVariables = findUnknownVariables(recipe, Object.keys(variables));
  if (recipe.kind !== 'token-request') return { tokenRequest: null, refreshRequest: null, unknownVariables };
  const refresh = recipe.renewal.refreshRequest;
  return {
    tokenRequest: preview(recipe.tokenRequest, variables, 'tokenRequest'),
    refreshRequest: refresh ? preview(refresh, { ...variables, ...SAMPLE_REFRESH_SCOPE }, 'renewal.refreshRequest') : null,
    unknownVariables,
  };
}
