/** The IPC adapter of introspection and revocation. */
import type { tokenAdminChannels } from '../../../shared/ipc/domains/token-admin';
import type { TokenAdminService } from '../token-admin/service';
import type { HandlersOf } from './handler-types';

export function tokenAdminHandlers(tokenAdmin: TokenAdminService): HandlersOf<typeof tokenAdminChannels> {
  return {
    'tokens:introspect': ({ environmentId, credentialId, ...options }) => tokenAdmin.introspect({ environmentId, credentialId }, options),
    'tokens:revoke': ({ environmentId, credentialId, ...options }) => tokenAdmin.revoke({ environmentId, credentialId }, options),
  };
}
