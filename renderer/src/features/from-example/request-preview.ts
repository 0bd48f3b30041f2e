// The exact token request the proposal would send, secrets masked: built by the same
// `buildRequest` the engine uses, with secret values standing in as masks (the real ones stay in
// the main process).
import { buildRequest, MASK, parseRecipe, type TokenRequestRecipe, type VariableScope } from '../../../../shared/recipe';
import type { ProposalVariable } from '../../../../shared/ipc/domains/from-example';

export function previewScope(variables: ProposalVariable[], typed: Record<string, string>): VariableScope {
  const scope: Record<string, { value: string; secret: boolean }> = {};
  for (const v of variables) {
    const value = typed[v.name] ?? '';
    if (v.secret) {
      if (value || v.fromExample) scope[v.name] = { value: MASK, secret: true };
    } else if (value || v.value) scope[v.name] = { value: value || v.value, secret: false };
  }
  return scope;
}

/** The request as text (request line, headers, body); unknown `{{names}}` stay visible. */
export function previewText(recipe: TokenRequestRecipe, scope: VariableScope): string {
  const built = buildRequest(recipe.tokenRequest, scope, 'tokenRequest', { unknown: 'keep' });
  const lines = [`${built.method} ${built.displayUrl}`, ...built.headers.map((h) => `${h.name}: ${h.display}`)];
  if (built.displayBody !== undefined) lines.push('', built.displayBody);
  return lines.join('\n');
}

export type RecipeText = { ok: true; recipe: TokenRequestRecipe } | { ok: false; problem: string };

/** The edited recipe JSON, checked by the recipe schema. */
export function readRecipeText(text: string): RecipeText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = parseRecipe(parsed);
  if (!result.ok) return { ok: false, problem: result.problems.join('; ') };
  if (result.recipe.kind !== 'token-request') return { ok: false, problem: 'A recipe made from an example asks for a token: kind "token-request".' };
  return { ok: true, recipe: result.recipe };
}
