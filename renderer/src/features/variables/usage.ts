/**
 * "Where is this variable used?": which of an environment's credentials reference `{{name}}` in
 * their recipe, so nobody deletes or renames a variable a token depends on without knowing.
 */
import type { Credential } from '../../../../shared/domain/credential';
import { recipeVariables } from '../../../../shared/recipe';

/** Variable name -> names of the credentials (used in `environmentId`) whose recipes use it. */
export function variableUsage(credentials: readonly Credential[], environmentId: string): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  for (const credential of credentials) {
    if (!credential.environmentIds.includes(environmentId)) continue;
    for (const name of recipeVariables(credential.recipe)) usage.set(name, [...(usage.get(name) ?? []), credential.name]);
  }
  return usage;
}
