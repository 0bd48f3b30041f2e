/** The IPC adapter of the discovery service. */
import type { DiscoveryService } from '../discovery/service';
import type { Handlers } from '../ipc/dispatcher';

export function discoveryHandlers(discovery: DiscoveryService): Pick<Handlers, 'discovery:fetch'> {
  return { 'discovery:fetch': ({ issuer }) => discovery.discover(issuer) };
}
