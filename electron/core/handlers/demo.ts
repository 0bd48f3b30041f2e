/** IPC adapter for the built-in demo. */
import type { demoChannels } from '../../../shared/ipc/domains/demo';
import type { DemoService } from '../demo/service';
import type { HandlersOf } from './handler-types';

export function demoHandlers(demo: DemoService): HandlersOf<typeof demoChannels> {
  return {
    'demo:status': () => demo.status(),
    'demo:start': () => demo.start(),
    'demo:remove': () => demo.remove(),
    'demo:hello': ({ credentialId }) => demo.hello(credentialId),
  };
}
