/** `tokenbench discover ISSUER`: an authorization server's endpoints and supported methods. */
import type { IssuerMetadata } from '../../../shared/domain/discovery';
import type { Command } from './command';

function lines(metadata: IssuerMetadata): Array<[string, string | undefined]> {
  const list = (values: string[]) => (values.length ? values.join(', ') : undefined);
  return [
    ['issuer', metadata.issuer],
    ['read from', metadata.documentUrl],
    ['token endpoint', metadata.tokenEndpoint],
    ['authorization endpoint', metadata.authorizationEndpoint],
    ['device authorization', metadata.deviceAuthorizationEndpoint],
    ['introspection', metadata.introspectionEndpoint],
    ['revocation', metadata.revocationEndpoint],
    ['userinfo', metadata.userinfoEndpoint],
    ['JWKS', metadata.jwksUri],
    ['grant types', list(metadata.grantTypes)],
    ['client authentication', list(metadata.tokenEndpointAuthMethods)],
    ['PKCE methods', list(metadata.codeChallengeMethods)],
    ['DPoP algorithms', list(metadata.dpopSigningAlgorithms)],
    ['scopes', list(metadata.scopes)],
    ...Object.entries(metadata.mtlsEndpointAliases).map(([name, url]): [string, string] => [`mTLS ${name.replace(/_/g, ' ')}`, url]),
  ];
}

export const discoverCommand: Command = {
  words: ['discover'],
  usage: 'ISSUER',
  arity: 1,
  summary: "Show an authorization server's endpoints and supported methods (OpenID Connect discovery).",
  options: { json: { type: 'boolean' } },
  details: '--json  the whole document as Tokenbench reads it\nExample: tokenbench discover https://login.example.com/realms/main',
  async run({ args, options, print, core: openCore }) {
    const core = await openCore();
    const metadata = await core.discovery.discover(args[0]!);
    if (options.json) {
      print(JSON.stringify(metadata, null, 2));
      return 0;
    }
    for (const [label, value] of lines(metadata)) if (value !== undefined) print(`${label.padEnd(24)}${value}`);
    return 0;
  },
};
