// Tokens that need no request: a static API key, or HTTP Basic's base64(username:password). An
// optional user-entered expiry only drives reminders.
import { basicCredential, resolveTemplate, TemplateError, type BasicRecipe, type StaticRecipe } from '../../../shared/recipe';
import { TokenError } from './errors';
import { templateErrorToTokenError, type CredentialPlan } from './plan';
import { parseIsoTimestamp } from './timestamp';

export interface StaticToken {
  token: string;
  tokenType: string;
  expiresAt: number | null;
}

function expiry(recipe: StaticRecipe | BasicRecipe, plan: CredentialPlan): number | null {
  if (recipe.expiresAt === undefined) return null;
  const entered = resolveTemplate(recipe.expiresAt, plan.scope, 'expiresAt');
  if (entered.value.trim() === '') return null;
  const at = parseIsoTimestamp(entered.value, 'UTC');
  if (at !== undefined) return at;
  throw new TokenError({
    code: 'expiry-unreadable',
    message: `The expiry entered for credential "${plan.cred.name}" (${entered.secret ? 'a secret value' : `"${entered.value}"`}) is not a date.`,
    hint: 'Enter a date like 2026-12-31 (or a full timestamp), or leave it empty.',
  });
}

export function staticToken(plan: CredentialPlan): StaticToken {
  const recipe = plan.recipe;
  if (recipe.kind === 'token-request') throw new Error('staticToken needs a static or basic recipe');
  try {
    if (recipe.kind === 'static') {
      const token = resolveTemplate(recipe.token, plan.scope, 'token').value;
      return { token, tokenType: recipe.tokenType ?? 'Bearer', expiresAt: expiry(recipe, plan) };
    }
    const credential = basicCredential(
      resolveTemplate(recipe.username, plan.scope, 'username'),
      resolveTemplate(recipe.password, plan.scope, 'password'),
    );
    return { token: credential.value, tokenType: 'Basic', expiresAt: expiry(recipe, plan) };
  } catch (error) {
    if (error instanceof TemplateError) throw templateErrorToTokenError(error);
    throw error;
  }
}
