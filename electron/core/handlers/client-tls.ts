/** IPC adapter for an environment's mutual TLS: each channel calls the client TLS service. */
import type { clientTlsChannels } from '../../../shared/ipc/domains/client-tls';
import type { ClientTlsService } from '../client-tls/service';
import type { HandlersOf } from './handler-types';

export function clientTlsHandlers(clientTls: ClientTlsService): HandlersOf<typeof clientTlsChannels> {
  return {
    'clientTls:chooseFile': () => clientTls.chooseFile(),
    'clientTls:set': (request) => clientTls.setFromWindow(request),
    'clientTls:clear': (request) => clientTls.clear(request),
  };
}
