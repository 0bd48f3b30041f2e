/** IPC adapter for environments: each channel calls the environment service. */
import type { environmentChannels } from '../../../shared/ipc/domains/environments';
import type { EnvironmentService } from '../environments/service';
import type { HandlersOf } from './handler-types';

export function environmentHandlers(environments: EnvironmentService): HandlersOf<typeof environmentChannels> {
  return {
    'environments:list': async () => environments.list(),
    'environments:create': (request) => environments.create(request),
    'environments:rename': (request) => environments.rename(request),
    'environments:update': (request) => environments.update(request),
    'environments:clone': (request) => environments.clone(request),
    'environments:delete': ({ id }) => environments.delete(id),
  };
}
