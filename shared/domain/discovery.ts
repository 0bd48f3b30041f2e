// What an authorization server says about itself (OpenID Connect Discovery 1.0, RFC 8414): its
// endpoints and the methods it supports. Public facts, safe for the renderer. Pure.

export interface IssuerMetadata {
  issuer: string;
  /** Where the document was read. */
  documentUrl: string;
  tokenEndpoint: string;
  authorizationEndpoint?: string;
  deviceAuthorizationEndpoint?: string;
  introspectionEndpoint?: string;
  revocationEndpoint?: string;
  userinfoEndpoint?: string;
  jwksUri?: string;
  grantTypes: string[];
  tokenEndpointAuthMethods: string[];
  codeChallengeMethods: string[];
  scopes: string[];
  dpopSigningAlgorithms: string[];
  /** RFC 8705: endpoints to use with a client certificate, when they differ. */
  mtlsEndpointAliases: Record<string, string>;
}
