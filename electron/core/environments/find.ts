/** The one way to look an environment up by id: a missing one is said in the user's words. */
import { AppError } from '../../../shared/errors';
import type { Environment } from '../../../shared/domain/environment';
import type { Workspace } from '../store/workspace';

export function findEnvironment(workspace: Pick<Workspace, 'environments'>, environmentId: string): Environment {
  const found = workspace.environments.find((environment) => environment.id === environmentId);
  if (!found) throw new AppError('not-found', 'That environment no longer exists. It may have been deleted in another window or by the CLI.');
  return found;
}
