// OpenID Connect discovery (and its OAuth twin, RFC 8414): from an issuer URL, the server's own
// document naming every endpoint and supported method. The issuer it states must be the one
// asked for, exactly (OIDC Discovery section 4.3): otherwise another server could pose as it.
import type { IssuerMetadata } from '../../../shared/domain/discovery';
import { AppError } from '../../../shared/errors';
import { HttpError, type HttpClient, type HttpResponse } from '../http';

const DOCUMENT_MAX_BYTES = 512 * 1024;
const TIMEOUT_MS = 10_000;

/** Both well-known places: OpenID Connect's first, then RFC 8414's. */
export function discoveryUrls(issuer: URL): string[] {
  const path = issuer.pathname.replace(/\/$/, '');
  return [
    `${issuer.origin}${path}/.well-known/openid-configuration`,
    `${issuer.origin}/.well-known/oauth-authorization-server${path}`,
  ];
}

function parseIssuer(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError('invalid-request', 'The issuer is not a valid URL.', { hint: 'Give the issuer as its full address, e.g. https://login.example.com/realms/main.' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('invalid-request', 'The issuer must be an https:// address.');
  if (url.search || url.hash) throw new AppError('invalid-request', 'An issuer has no query or fragment.', { hint: 'Remove everything from "?" or "#" on.' });
  return url;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function endpoint(document: Record<string, unknown>, name: string, documentUrl: string): string | undefined {
  const value = document[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // said below
    }
  }
  throw new AppError('request-error', `The discovery document at ${documentUrl} gives "${name}" as something that is not an http(s) address.`, { hint: 'The server\'s configuration is wrong; tell its administrators, or enter the endpoints by hand.' });
}

async function fetchDocument(http: HttpClient, url: string, allowInsecureTls: boolean): Promise<HttpResponse> {
  try {
    return await http.send({ method: 'GET', url, headers: [['Accept', 'application/json']], timeoutMs: TIMEOUT_MS, maxBodyBytes: DOCUMENT_MAX_BYTES, maxRedirects: 3, allowInsecureTls });
  } catch (error) {
    if (error instanceof HttpError) throw new AppError('request-error', `The discovery document at ${url} could not be read: ${error.message}`, { hint: 'Check the issuer address and that the server is reachable.' });
    throw error;
  }
}

export interface DiscoverOptions {
  /** The environment's explicit opt-out of TLS checks (self-signed sandboxes). */
  allowInsecureTls?: boolean;
}

export async function discoverIssuer(http: HttpClient, issuerText: string, options: DiscoverOptions = {}): Promise<IssuerMetadata> {
  const issuer = parseIssuer(issuerText);
  const tried: string[] = [];
  for (const documentUrl of discoveryUrls(issuer)) {
    const response = await fetchDocument(http, documentUrl, options.allowInsecureTls ?? false);
    tried.push(`${documentUrl} (${response.status})`);
    if (response.status === 404) continue;
    if (response.status !== 200) {
      throw new AppError('request-error', `The discovery document at ${documentUrl} answered ${response.status} ${response.statusText}.`, { hint: 'Check the issuer address; the server may be down or need another path.' });
    }
    return readDocument(response, documentUrl, issuerText.trim());
  }
  throw new AppError('not-found', `No discovery document was found for ${issuer.href}: ${tried.join(', ')}.`, {
    hint: 'Check the issuer address (it is the "iss" of the server\'s tokens), or enter the endpoints by hand: not every server publishes one.',
  });
}

function readDocument(response: HttpResponse, documentUrl: string, asked: string): IssuerMetadata {
  let document: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    document = parsed as Record<string, unknown>;
  } catch {
    throw new AppError('request-error', `The answer from ${documentUrl} is not a JSON discovery document.`, { hint: 'Check the issuer address: it should serve JSON at that path.' });
  }
  if (typeof document['issuer'] !== 'string' || document['issuer'] !== asked) {
    throw new AppError('request-error', `The discovery document at ${documentUrl} names another issuer (${JSON.stringify(String(document['issuer']).slice(0, 200))}) than the one asked for (${asked}).`, {
      hint: 'Use the issuer exactly as the document states it (trailing slash included); if it is another server, do not trust this one.',
    });
  }
  const tokenEndpoint = endpoint(document, 'token_endpoint', documentUrl);
  if (tokenEndpoint === undefined) throw new AppError('request-error', `The discovery document at ${documentUrl} names no token endpoint.`, { hint: 'Enter the token URL by hand.' });
  const optional = (name: string) => endpoint(document, name, documentUrl);
  const found = {
    authorizationEndpoint: optional('authorization_endpoint'),
    deviceAuthorizationEndpoint: optional('device_authorization_endpoint'),
    introspectionEndpoint: optional('introspection_endpoint'),
    revocationEndpoint: optional('revocation_endpoint'),
    userinfoEndpoint: optional('userinfo_endpoint'),
    jwksUri: optional('jwks_uri'),
  };
  const aliases = document['mtls_endpoint_aliases'];
  const mtlsEndpointAliases: Record<string, string> = {};
  if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
    for (const name of Object.keys(aliases)) {
      const url = endpoint(aliases as Record<string, unknown>, name, documentUrl);
      if (url !== undefined) mtlsEndpointAliases[name] = url;
    }
  }
  return {
    issuer: asked,
    documentUrl,
    tokenEndpoint,
    ...Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)),
    // Defaults from RFC 8414 section 2 where the document is silent.
    grantTypes: document['grant_types_supported'] === undefined ? ['authorization_code', 'implicit'] : strings(document['grant_types_supported']),
    tokenEndpointAuthMethods: document['token_endpoint_auth_methods_supported'] === undefined ? ['client_secret_basic'] : strings(document['token_endpoint_auth_methods_supported']),
    codeChallengeMethods: strings(document['code_challenge_methods_supported']),
    scopes: strings(document['scopes_supported']),
    dpopSigningAlgorithms: strings(document['dpop_signing_alg_values_supported']),
    mtlsEndpointAliases,
  };
}
