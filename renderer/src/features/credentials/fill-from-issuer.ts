// "Fill endpoints from the issuer": what an issuer's discovery document changes in a recipe (its
// token, authorization, introspection and revocation endpoints, and a client authentication the
// server supports), and what the server did not offer. Pure: the editor shows the result before
// anything is saved.
import type { IssuerMetadata } from '../../../../shared/domain/discovery';
import type { ClientAuth, TokenRequestRecipe } from '../../../../shared/recipe';

export interface IssuerFill {
  recipe: TokenRequestRecipe;
  /** What was filled, in words, e.g. "token URL: https://…/token". */
  filled: string[];
  /** What the server does not offer, in words. */
  missing: string[];
}

/** The OAuth name (token_endpoint_auth_methods_supported) of each client authentication a recipe can use. */
const METHOD_OF: Partial<Record<ClientAuth['type'], string>> = {
  basic: 'client_secret_basic',
  body: 'client_secret_post',
  'client-secret-jwt': 'client_secret_jwt',
  'private-key-jwt': 'private_key_jwt',
  none: 'none',
};

/** The client ID and secret templates a secret-based client authentication holds. */
function clientSecretOf(auth: ClientAuth): { clientId: string; clientSecret: string } | undefined {
  if (auth.type === 'basic') return { clientId: auth.username, clientSecret: auth.password };
  if (auth.type === 'body' && auth.fields['client_id'] !== undefined && auth.fields['client_secret'] !== undefined) return { clientId: auth.fields['client_id'], clientSecret: auth.fields['client_secret'] };
  if (auth.type === 'client-secret-jwt') return { clientId: auth.clientId, clientSecret: auth.clientSecret };
  return undefined;
}

/** The same client secret, sent the way `method` says. */
function secretAuth(method: string, held: { clientId: string; clientSecret: string }): ClientAuth | undefined {
  if (method === 'client_secret_basic') return { type: 'basic', username: held.clientId, password: held.clientSecret };
  if (method === 'client_secret_post') return { type: 'body', fields: { client_id: held.clientId, client_secret: held.clientSecret } };
  if (method === 'client_secret_jwt') return { type: 'client-secret-jwt', clientId: held.clientId, clientSecret: held.clientSecret, algorithm: 'HS256' };
  return undefined;
}

function pickClientAuth(current: ClientAuth, supported: string[], formBody: boolean): { auth: ClientAuth; said: string } {
  const method = METHOD_OF[current.type];
  if (method === undefined) return { auth: current, said: 'client authentication: kept (a custom header the server does not describe)' };
  if (supported.includes(method)) return { auth: current, said: `client authentication: ${method} (kept; the server supports it)` };
  const held = clientSecretOf(current);
  const choices = ['client_secret_basic', 'client_secret_post', ...(formBody ? ['client_secret_jwt'] : [])];
  const choice = held && choices.find((candidate) => supported.includes(candidate));
  if (held && choice) return { auth: secretAuth(choice, held)!, said: `client authentication: ${choice} instead of ${method}, which the server does not list` };
  return { auth: current, said: '' };
}

export function fillFromIssuer(recipe: TokenRequestRecipe, metadata: IssuerMetadata): IssuerFill {
  const filled: string[] = [];
  const missing: string[] = [];
  const { tokenRequest } = recipe;
  const formBody = tokenRequest.body.encoding === 'form';
  const pick = pickClientAuth(tokenRequest.clientAuth, metadata.tokenEndpointAuthMethods, formBody);
  if (pick.said) filled.push(pick.said);
  else missing.push(`client authentication ${METHOD_OF[tokenRequest.clientAuth.type]} (the server supports ${metadata.tokenEndpointAuthMethods.join(', ') || 'none it names'})`);

  const next: TokenRequestRecipe = { ...recipe, tokenRequest: { ...tokenRequest, url: metadata.tokenEndpoint, clientAuth: pick.auth } };
  filled.push(`token URL: ${metadata.tokenEndpoint}`);
  const refresh = recipe.renewal.refreshRequest;
  // A refresh request to the same endpoint as the token request moves with it.
  if (refresh && refresh.url === tokenRequest.url) next.renewal = { ...recipe.renewal, refreshRequest: { ...refresh, url: metadata.tokenEndpoint, clientAuth: pick.auth } };

  if (recipe.authorization) {
    if (metadata.authorizationEndpoint) {
      next.authorization = { ...recipe.authorization, url: metadata.authorizationEndpoint };
      filled.push(`authorization URL: ${metadata.authorizationEndpoint}`);
    } else missing.push('an authorization endpoint');
  }
  const optional = [
    ['introspectionUrl', metadata.introspectionEndpoint, 'introspection', 'RFC 7662'],
    ['revocationUrl', metadata.revocationEndpoint, 'revocation', 'RFC 7009'],
  ] as const;
  for (const [field, endpoint, words, rfc] of optional) {
    if (endpoint) {
      next[field] = endpoint;
      filled.push(`${words} URL: ${endpoint}`);
    } else {
      // One entered by hand stays: the document may simply not list it.
      missing.push(`${words} (${rfc})${recipe[field] !== undefined ? '; the URL already in the recipe is kept' : ''}`);
    }
  }
  return { recipe: next, filled, missing };
}
