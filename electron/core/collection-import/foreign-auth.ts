/**
 * The auth blocks of Postman, Insomnia, Bruno and OpenAPI, read into one shape, and turned into
 * credential recipes. Secret parts (client secrets, passwords, tokens, API keys) are handed to
 * `secret`, which files them in the vault and returns the `{{variable}}` the recipe uses.
 */
import type { RecipeInput } from '../../../shared/recipe/recipe';

export type ForeignAuth =
  | { type: 'none' }
  /** Use the auth of the folder or collection above. */
  | { type: 'inherit' }
  | { type: 'bearer'; token: string; prefix?: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'apikey'; name: string; value: string; in: 'header' | 'query' | 'cookie' }
  | {
      type: 'oauth2';
      /** As the tool names it: client_credentials, password, authorization_code, implicit, ... */
      grant: string;
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      scope: string;
      username?: string;
      password?: string;
      audience?: string;
      resource?: string;
      /** client_secret_basic or client_secret_post. */
      clientAuth: 'basic' | 'body';
      addTo: 'header' | 'query';
      headerPrefix?: string;
      queryName?: string;
    }
  /** An auth type Tokenbench has no recipe for (digest, AWS Signature, NTLM, OAuth 1, ...). */
  | { type: 'unsupported'; name: string };

export interface RecipeParts {
  /** Files a secret value in the vault; returns the `{{variable}}` that stands for it. */
  secret(suggestedName: string, value: string): string;
}

export type AuthRecipe = { recipe: RecipeInput; kind: string } | { problem: string };

const GRANTS: Record<string, 'client_credentials' | 'password'> = {
  client_credentials: 'client_credentials',
  clientcredentials: 'client_credentials',
  password: 'password',
  password_credentials: 'password',
  resource_owner_password: 'password',
};

const NOT_YET: Record<string, string> = {
  authorization_code: 'the authorization code grant',
  authorization_code_with_pkce: 'the authorization code grant with PKCE',
  authorizationcode: 'the authorization code grant',
  implicit: 'the implicit grant',
  device_code: 'the device authorization grant',
};

/** A recipe for an auth block, or why there is none. */
export function recipeFor(auth: ForeignAuth, parts: RecipeParts): AuthRecipe {
  switch (auth.type) {
    case 'bearer': {
      const prefix = (auth.prefix ?? 'Bearer').trim();
      return {
        kind: 'Bearer token',
        recipe: { version: 1, kind: 'static', token: parts.secret('token', auth.token), use: { in: 'header', name: 'Authorization', value: prefix ? `${prefix} {{token}}` : '{{token}}' } },
      };
    }
    case 'basic':
      return {
        kind: 'HTTP Basic',
        recipe: { version: 1, kind: 'basic', username: auth.username, password: parts.secret('password', auth.password) },
      };
    case 'apikey': {
      const token = parts.secret(auth.name || 'apiKey', auth.value);
      const use =
        auth.in === 'query'
          ? { in: 'query' as const, name: auth.name, value: '{{token}}' }
          : auth.in === 'cookie'
            ? { in: 'header' as const, name: 'Cookie', value: `${auth.name}={{token}}` }
            : { in: 'header' as const, name: auth.name, value: '{{token}}' };
      return { kind: `API key in ${auth.in === 'query' ? 'the query' : auth.in === 'cookie' ? 'a cookie' : 'a header'}`, recipe: { version: 1, kind: 'static', token, use } };
    }
    case 'oauth2':
      return oauth2Recipe(auth, parts);
    case 'unsupported':
      return { problem: `its ${auth.name} auth has no Tokenbench recipe` };
    case 'none':
    case 'inherit':
      return { problem: 'it has no auth' };
  }
}

function oauth2Recipe(auth: Extract<ForeignAuth, { type: 'oauth2' }>, parts: RecipeParts): AuthRecipe {
  const grantKey = auth.grant.replace(/[\s-]/g, '_').toLowerCase();
  const grant = GRANTS[grantKey];
  if (!grant) {
    const name = NOT_YET[grantKey] ?? `the OAuth 2.0 grant "${auth.grant}"`;
    return { problem: `its OAuth 2.0 auth uses ${name}, which imports do not map yet (only client credentials and password); create it in the credential editor` };
  }
  if (!auth.tokenUrl) return { problem: 'its OAuth 2.0 auth has no access token URL' };
  const fields: Record<string, string> = { grant_type: grant };
  if (grant === 'password') {
    fields.username = auth.username ?? '';
    fields.password = parts.secret('password', auth.password ?? '');
  }
  if (auth.scope) fields.scope = auth.scope;
  if (auth.audience) fields.audience = auth.audience;
  if (auth.resource) fields.resource = auth.resource;
  const clientSecret = parts.secret('clientSecret', auth.clientSecret);
  const clientAuth =
    auth.clientAuth === 'basic'
      ? { type: 'basic' as const, username: auth.clientId, password: clientSecret }
      : { type: 'body' as const, fields: { client_id: auth.clientId, client_secret: clientSecret } };
  const prefix = (auth.headerPrefix ?? 'Bearer').trim();
  const use = auth.addTo === 'query' ? { in: 'query' as const, name: auth.queryName || 'access_token', value: '{{token}}' } : { in: 'header' as const, name: 'Authorization', value: prefix ? `${prefix} {{token}}` : '{{token}}' };
  return {
    kind: grant === 'password' ? 'OAuth 2.0 password grant' : 'OAuth 2.0 client credentials',
    recipe: {
      version: 1,
      kind: 'token-request',
      tokenRequest: { method: 'POST', url: auth.tokenUrl, body: { encoding: 'form', fields }, clientAuth },
      use,
    },
  };
}
