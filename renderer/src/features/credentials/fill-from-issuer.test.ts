// What "Fill endpoints from the issuer" writes into a recipe, from a discovery document: every
// endpoint the server names, a client authentication it supports (the same secret, sent another
// way, when the recipe's own is not listed), and in words what the server does not offer.
import { describe, expect, it } from 'vitest';
import type { IssuerMetadata } from '../../../../shared/domain/discovery';
import { findPreset, type TokenRequestRecipe } from '../../../../shared/recipe';
import { fillFromIssuer } from './fill-from-issuer';

const recipeOf = (id: string) => findPreset(id)!.recipe as TokenRequestRecipe;
const issuer = 'https://login.example.com';
const metadata = (patch: Partial<IssuerMetadata> = {}): IssuerMetadata => ({
  issuer,
  documentUrl: `${issuer}/.well-known/openid-configuration`,
  tokenEndpoint: `${issuer}/token`,
  authorizationEndpoint: `${issuer}/auth`,
  introspectionEndpoint: `${issuer}/token/introspection`,
  revocationEndpoint: `${issuer}/token/revocation`,
  grantTypes: ['client_credentials'],
  tokenEndpointAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
  codeChallengeMethods: [],
  scopes: [],
  dpopSigningAlgorithms: [],
  mtlsEndpointAliases: {},
  ...patch,
});

describe('fill endpoints from the issuer', () => {
  it('fills the token, introspection and revocation URLs and keeps a supported client authentication', () => {
    const { recipe, filled, missing } = fillFromIssuer(recipeOf('oauth2-client-credentials-basic'), metadata());
    expect(recipe.tokenRequest.url).toBe(`${issuer}/token`);
    expect(recipe.introspectionUrl).toBe(`${issuer}/token/introspection`);
    expect(recipe.revocationUrl).toBe(`${issuer}/token/revocation`);
    expect(recipe.tokenRequest.clientAuth).toEqual({ type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' });
    expect(filled).toContain('client authentication: client_secret_basic (kept; the server supports it)');
    expect(missing).toEqual([]);
  });

  it('moves the authorization step and the refresh request along with the token endpoint', () => {
    const { recipe } = fillFromIssuer(recipeOf('oauth2-authorization-code'), metadata({ tokenEndpointAuthMethods: ['none'] }));
    expect(recipe.authorization?.url).toBe(`${issuer}/auth`);
    expect(recipe.renewal.refreshRequest?.url).toBe(`${issuer}/token`);
    expect(recipe.tokenRequest.clientAuth).toEqual({ type: 'none' });
  });

  it('sends the same secret another way when the server does not list the recipe\'s method', () => {
    const { recipe, filled } = fillFromIssuer(recipeOf('oauth2-client-credentials-basic'), metadata({ tokenEndpointAuthMethods: ['private_key_jwt', 'client_secret_post'] }));
    expect(recipe.tokenRequest.clientAuth).toEqual({ type: 'body', fields: { client_id: '{{clientId}}', client_secret: '{{clientSecret}}' } });
    expect(filled).toContain('client authentication: client_secret_post instead of client_secret_basic, which the server does not list');
  });

  it('says what the server does not offer, and keeps what it cannot replace', () => {
    const keyRecipe = { ...recipeOf('oauth2-private-key-jwt'), revocationUrl: 'https://by-hand.example.com/revoke' };
    const { introspectionEndpoint: _i, revocationEndpoint: _r, ...bare } = metadata({ tokenEndpointAuthMethods: ['client_secret_basic'] });
    const { recipe, missing } = fillFromIssuer(keyRecipe, bare);
    expect(recipe.tokenRequest.clientAuth.type).toBe('private-key-jwt');
    expect(recipe.introspectionUrl).toBeUndefined();
    expect(recipe.revocationUrl).toBe('https://by-hand.example.com/revoke');
    expect(missing).toEqual([
      'client authentication private_key_jwt (the server supports client_secret_basic)',
      'introspection (RFC 7662)',
      'revocation (RFC 7009); the URL already in the recipe is kept',
    ]);
  });
});
