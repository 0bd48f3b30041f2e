/**
 * What the preset form needs to know about the rest of the workspace: a credential from the same
 * preset elsewhere (sandbox and production share one recipe), a name already taken and where,
 * and which of the preset's values this environment already has, so only the others are asked.
 */
import type { Credential } from '../../../../shared/domain/credential';
import type { Environment } from '../../../../shared/domain/environment';
import type { Preset, PresetVariable } from '../../../../shared/recipe';

/** Credentials from this preset that the environment does not use yet. */
export function shareableCredentials(credentials: Credential[], presetId: string, environmentId: string): Credential[] {
  return credentials.filter((c) => c.presetId === presetId && !c.environmentIds.includes(environmentId));
}

/** "used in "Lemonway sandbox", "Staging"", or "used in no environment". */
export function usedIn(credential: Credential, environments: Environment[]): string {
  const names = credential.environmentIds.map((id) => environments.find((e) => e.id === id)?.name).filter((n): n is string => Boolean(n));
  return names.length ? `used in ${names.map((n) => `"${n}"`).join(', ')}` : 'used in no environment';
}

/** The problem with a new credential's name, said where it clashes; null when it is free. */
export function nameClash(credentials: Credential[], environments: Environment[], name: string): string | null {
  const wanted = name.trim().toLowerCase();
  const clash = credentials.find((c) => c.name.toLowerCase() === wanted);
  return clash ? `A credential called "${clash.name}" already exists, ${usedIn(clash, environments)}. Pick another name.` : null;
}

/** Whether the environment already holds a value for this variable (a secret counts when stored). */
function hasValue(environment: Environment, variable: PresetVariable): boolean {
  const current = environment.variables.find((v) => v.name === variable.name);
  if (!current) return false;
  return current.secret ? current.hint !== null : current.value !== '';
}

/** The preset's fields split into those to ask for and those this environment already has. */
export function presetFields(preset: Preset, environment: Environment): { toAsk: PresetVariable[]; alreadySet: PresetVariable[] } {
  const toAsk: PresetVariable[] = [];
  const alreadySet: PresetVariable[] = [];
  for (const variable of preset.variables) (hasValue(environment, variable) ? alreadySet : toAsk).push(variable);
  return { toAsk, alreadySet };
}
