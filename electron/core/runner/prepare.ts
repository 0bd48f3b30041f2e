// Everything decided before a request leaves: the environment and credential, the variables
// (unknown names refused with where they are used), the filled request, and the mask for it.
import { AppError } from '../../../shared/errors';
import type { Environment } from '../../../shared/domain/environment';
import { composeRequest, type ComposedRequest } from '../../../shared/runner/compose';
import type { RequestDraft } from '../../../shared/runner/draft';
import { describeVariableProblem, findVariableProblems } from '../../../shared/runner/references';
import type { RunnerDeps } from './deps';
import { createMask, type Mask } from './mask';

export interface PreparedRequest {
  environment: Environment | null;
  credential: { id: string; name: string } | null;
  composed: ComposedRequest;
  url: URL;
  mask: Mask;
}

function parseUrl(composed: ComposedRequest): URL {
  const shown = composed.url.display;
  if (shown.trim() === '') throw new AppError('invalid-request', 'The request has no URL.', { hint: 'Type the address to call, e.g. https://api.example.com/v1/orders.' });
  let url: URL;
  try {
    url = new URL(composed.url.value);
  } catch {
    throw new AppError('invalid-request', `"${shown}" is not a complete URL.`, { hint: 'Write it in full, starting with http:// or https://.' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('invalid-request', `The runner sends http and https requests only, not ${url.protocol.replace(':', '')}.`, { hint: 'Start the URL with http:// or https://.' });
  }
  return url;
}

export async function prepareRequest(deps: RunnerDeps, draft: RequestDraft): Promise<PreparedRequest> {
  const environment = draft.environmentId ? deps.findEnvironment(draft.environmentId) : null;
  if (draft.credentialId && !environment) {
    throw new AppError('invalid-request', 'A credential takes its values from an environment: pick the environment too.');
  }
  const credential = draft.credentialId ? deps.findCredential(draft.credentialId) : null;
  const scope = environment ? await deps.resolveVariables(environment.id) : {};
  const problems = findVariableProblems(draft, Object.keys(scope));
  if (problems.length > 0) {
    throw new AppError('unknown-variable', problems.map((p) => describeVariableProblem(p, environment?.name ?? null)).join('\n'), {
      hint: environment ? `Add the missing variables to "${environment.name}", or correct the names. Nothing was sent.` : 'Pick an environment. Nothing was sent.',
    });
  }
  const composed = composeRequest(draft, scope);
  return { environment, credential, composed, url: parseUrl(composed), mask: createMask(scope) };
}
