// What the engine knows about one environment x credential before doing anything: its key, its
// variables, and the fingerprint that ties a cached token to the recipe and values it came from.
import { createHash } from 'node:crypto';
import { findUnknownVariables, recipeVariables, TemplateError, unknownVariable, type Recipe, type VariableScope } from '../../../shared/recipe';
import { TokenError } from './errors';
import { tokenKeyString } from './memory-cache';
import type { EngineCredential, EngineEnvironment, TokenKey } from './types';

export interface CredentialPlan {
  env: EngineEnvironment;
  cred: EngineCredential;
  recipe: Recipe;
  key: TokenKey;
  keyString: string;
  scope: VariableScope;
  fingerprint: string;
}

/** Recipes are immutable values; their JSON and variable list are computed once. */
const recipeFacts = new WeakMap<Recipe, { json: string; variables: string[] }>();

function factsOf(recipe: Recipe) {
  let facts = recipeFacts.get(recipe);
  if (!facts) {
    facts = { json: JSON.stringify(recipe), variables: recipeVariables(recipe) };
    recipeFacts.set(recipe, facts);
  }
  return facts;
}

export function templateErrorToTokenError(error: TemplateError): TokenError {
  return new TokenError({
    code: error.code === 'unknown-variable' ? 'unknown-variable' : 'invalid-template',
    message: error.message,
    hint: error.code === 'unknown-variable' ? 'Variable names are case-sensitive.' : 'Write variables as {{name}}.',
  });
}

/**
 * Plans by the environment and credential objects they were made from (inputs are never changed
 * in place; changed inputs are new objects): one token fetch hashes its inputs once, however
 * often it asks for the status, the token and the status again.
 */
const plans = new WeakMap<EngineEnvironment, WeakMap<EngineCredential, CredentialPlan>>();

/** Throws `unknown-variable` (naming the variable and the recipe field) before anything is sent. */
export function planFor(env: EngineEnvironment, cred: EngineCredential): CredentialPlan {
  let byCredential = plans.get(env);
  const known = byCredential?.get(cred);
  if (known) return known;
  const plan = newPlan(env, cred);
  if (!byCredential) plans.set(env, (byCredential = new WeakMap()));
  byCredential.set(cred, plan);
  return plan;
}

function newPlan(env: EngineEnvironment, cred: EngineCredential): CredentialPlan {
  const { json, variables } = factsOf(cred.recipe);
  const hash = createHash('sha256').update(json).update('\u0000');
  for (const name of variables) {
    const variable = Object.hasOwn(env.variables, name) ? env.variables[name] : undefined;
    if (variable === undefined) {
      const [missing] = findUnknownVariables(cred.recipe, Object.keys(env.variables));
      throw templateErrorToTokenError(unknownVariable(name, missing?.fields.join(', ') ?? 'of this recipe'));
    }
    hash.update(JSON.stringify([name, variable.value])).update('\u0000');
  }
  // A token may be bound to the client certificate (RFC 8705): another certificate makes it stale.
  const presented = env.mutualTls?.cert ?? env.mutualTls?.pfx;
  if (presented !== undefined) hash.update('client certificate\u0000').update(presented);
  const key = { environmentId: env.id, credentialId: cred.id };
  return {
    env,
    cred,
    recipe: cred.recipe,
    key,
    keyString: tokenKeyString(key),
    scope: env.variables,
    fingerprint: hash.digest('hex'),
  };
}

/** Every secret value of the environment, for redaction. */
export function secretValues(env: EngineEnvironment): string[] {
  return Object.values(env.variables)
    .filter((v) => v.secret && v.value !== '')
    .map((v) => v.value);
}
