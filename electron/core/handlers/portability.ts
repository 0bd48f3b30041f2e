/** IPC adapter for export and import through the app's file dialogs. */
import type { portabilityChannels } from '../../../shared/ipc/domains/portability';
import type { PortabilityService } from '../portability/service';
import type { HandlersOf } from './handler-types';

export function portabilityHandlers(portability: PortabilityService): HandlersOf<typeof portabilityChannels> {
  return {
    'portability:export': (request) => portability.exportToChosenFile(request),
    'portability:preview': (request) => portability.previewChosenFile(request),
    'portability:import': (request) => portability.importChosenFile(request),
  };
}
