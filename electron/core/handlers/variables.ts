/**
 * Handlers for environment variables and the two explicit ways to see a secret: reveal (the
 * value comes back with how long to show it) and copy (the main process writes the clipboard
 * and clears it after a while, if it still holds the value).
 */
import type { variableChannels } from '../../../shared/ipc/domains/variables';
import type { SecretClipboard } from '../vault/clipboard';
import type { VariablesService } from '../variables/variables';
import type { HandlersOf } from './handler-types';

export const REVEAL_MS = 30_000;

export interface VariableHandlerDeps {
  variables: VariablesService;
  clipboard: SecretClipboard;
}

export function variableHandlers({ variables, clipboard }: VariableHandlerDeps): HandlersOf<typeof variableChannels> {
  return {
    'variables:set': ({ environmentId, name, value, ref, secret, description }) => variables.set({ environmentId, name, value, secret, description, ...(ref !== undefined ? { ref } : {}) }),
    'variables:delete': (request) => variables.delete(request),

    'secrets:reveal': async ({ environmentId, name }) => ({ value: await variables.revealSecret(environmentId, name), hideAfterMs: REVEAL_MS }),

    'secrets:copy': async ({ environmentId, name }) => clipboard.copy(await variables.revealSecret(environmentId, name)),
  };
}
