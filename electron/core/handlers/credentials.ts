/** IPC adapter for credentials: each channel calls the credential service. */
import type { credentialChannels } from '../../../shared/ipc/domains/credentials';
import type { CredentialService } from '../credentials/service';
import type { HandlersOf } from './handler-types';

export function credentialHandlers(credentials: CredentialService): HandlersOf<typeof credentialChannels> {
  return {
    'credentials:list': async () => credentials.list(),
    'credentials:create': (request) => credentials.create(request),
    'credentials:add-from-preset': (request) => credentials.addFromPreset(request),
    'credentials:update': (request) => credentials.update(request),
    'credentials:delete': ({ id }) => credentials.delete(id),
  };
}
