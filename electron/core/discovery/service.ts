// The discovery service the composition root wires in: reads an issuer's discovery document for
// the app (the `discovery:fetch` channel, the JWT inspector) and the CLI (`tokenbench discover`).
import type { IssuerMetadata } from '../../../shared/domain/discovery';
import type { HttpClient } from '../http';
import { discoverIssuer } from './discover';

export interface DiscoveryService {
  discover(issuer: string, options?: { allowInsecureTls?: boolean }): Promise<IssuerMetadata>;
}

export function createDiscoveryService(deps: { http: HttpClient }): DiscoveryService {
  return { discover: (issuer, options = {}) => discoverIssuer(deps.http, issuer, options) };
}
