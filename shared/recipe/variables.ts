// Which variables a recipe needs, field by field: the credential editor flags unknown names with
// this, and the engine fingerprints exactly the values a recipe uses. Pure (no Node APIs).
import type { Recipe, RequestRecipe } from './recipe';
import { templateVariables } from './template';

/** Values the engine supplies itself, by recipe part. They shadow environment variables of the same name. */
export const BUILTIN_VARIABLES = {
  tokenRequest: [] as string[],
  /** In the token request of a recipe with an authorization step (authorization code with PKCE). */
  authorizedTokenRequest: ['authorizationCode', 'codeVerifier', 'redirectUri'],
  /** In the token request of a recipe with a device authorization step (RFC 8628): the polled request. */
  deviceTokenRequest: ['deviceCode'],
  refreshRequest: ['refreshToken', 'token'],
  use: ['token', 'tokenType'],
} as const;

export interface TemplateField {
  /** Recipe field path, e.g. `tokenRequest.body.fields.client_id`. */
  field: string;
  template: string;
  /** Names the engine provides in this field (not looked up in the environment). */
  builtins: readonly string[];
}

function requestFields(request: RequestRecipe, prefix: string, builtins: readonly string[]): TemplateField[] {
  const fields: TemplateField[] = [{ field: `${prefix}.url`, template: request.url, builtins }];
  const map = (name: string, entries: Record<string, string>) => {
    for (const [key, template] of Object.entries(entries)) fields.push({ field: `${prefix}.${name}.${key}`, template, builtins });
  };
  map('query', request.query);
  map('headers', request.headers);
  if (request.body.encoding !== 'none') map('body.fields', request.body.fields);
  const auth = request.clientAuth;
  if (auth.type === 'basic') {
    fields.push({ field: `${prefix}.clientAuth.username`, template: auth.username, builtins });
    fields.push({ field: `${prefix}.clientAuth.password`, template: auth.password, builtins });
  } else if (auth.type === 'header') {
    fields.push({ field: `${prefix}.clientAuth.value`, template: auth.value, builtins });
  } else if (auth.type === 'body') {
    map('clientAuth.fields', auth.fields);
  } else if (auth.type !== 'none') {
    // A signed assertion: every field but the type and the algorithm is a template.
    const { type: _type, algorithm: _algorithm, ...templates } = auth;
    map('clientAuth', Object.fromEntries(Object.entries(templates).filter((entry): entry is [string, string] => entry[1] !== undefined)));
  }
  return fields;
}

/** Every template in the recipe with its field path. */
export function recipeTemplateFields(recipe: Recipe): TemplateField[] {
  const use: TemplateField = { field: 'use.value', template: recipe.use.value, builtins: BUILTIN_VARIABLES.use };
  const none: readonly string[] = [];
  switch (recipe.kind) {
    case 'token-request': {
      const authorization = recipe.authorization;
      const builtins = !authorization
        ? BUILTIN_VARIABLES.tokenRequest
        : authorization.flow === 'device-code' ? BUILTIN_VARIABLES.deviceTokenRequest : BUILTIN_VARIABLES.authorizedTokenRequest;
      const fields = requestFields(recipe.tokenRequest, 'tokenRequest', builtins);
      if (authorization) {
        fields.push({ field: 'authorization.url', template: authorization.url, builtins: none }, { field: 'authorization.clientId', template: authorization.clientId, builtins: none });
        if (authorization.scope !== undefined) fields.push({ field: 'authorization.scope', template: authorization.scope, builtins: none });
        for (const [key, template] of Object.entries(authorization.params)) fields.push({ field: `authorization.params.${key}`, template, builtins: none });
      }
      for (const field of ['introspectionUrl', 'revocationUrl'] as const) {
        const template = recipe[field];
        if (template !== undefined) fields.push({ field, template, builtins: none });
      }
      if (recipe.renewal.refreshRequest) {
        fields.push(...requestFields(recipe.renewal.refreshRequest, 'renewal.refreshRequest', BUILTIN_VARIABLES.refreshRequest));
      }
      return [...fields, use];
    }
    case 'static':
      return [
        { field: 'token', template: recipe.token, builtins: none },
        ...(recipe.expiresAt !== undefined ? [{ field: 'expiresAt', template: recipe.expiresAt, builtins: none }] : []),
        use,
      ];
    case 'basic':
      return [
        { field: 'username', template: recipe.username, builtins: none },
        { field: 'password', template: recipe.password, builtins: none },
        ...(recipe.expiresAt !== undefined ? [{ field: 'expiresAt', template: recipe.expiresAt, builtins: none }] : []),
        use,
      ];
  }
}

/** Environment variable names the recipe uses (built-ins excluded), sorted. */
export function recipeVariables(recipe: Recipe): string[] {
  const names = new Set<string>();
  for (const { template, builtins } of recipeTemplateFields(recipe)) {
    for (const name of templateVariables(template)) if (!builtins.includes(name)) names.add(name);
  }
  return [...names].sort();
}

export interface UnknownVariable {
  variable: string;
  /** Every recipe field that uses it. */
  fields: string[];
}

/** Names the recipe uses that `available` lacks, with the fields using each (for the editor). */
export function findUnknownVariables(recipe: Recipe, available: Iterable<string>): UnknownVariable[] {
  const known = new Set(available);
  const unknown = new Map<string, string[]>();
  for (const { field, template, builtins } of recipeTemplateFields(recipe)) {
    for (const name of templateVariables(template)) {
      if (builtins.includes(name) || known.has(name)) continue;
      unknown.set(name, [...(unknown.get(name) ?? []), field]);
    }
  }
  return [...unknown].map(([variable, fields]) => ({ variable, fields }));
}
