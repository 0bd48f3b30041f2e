// Test-only helpers: environments and credentials built from presets the way the app will build
// them (secret flags from the preset). Not imported by production code.
import { findPreset, RecipeSchema, type Preset, type RecipeInput } from '../shared/recipe/index';
import { TokenError } from '../electron/core/engine/errors';
import type { EngineCredential, EngineEnvironment } from '../electron/core/engine/types';

export function presetOf(id: string): Preset {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset;
}

export function environment(
  preset: Preset,
  values: Record<string, string>,
  overrides: Partial<Omit<EngineEnvironment, 'variables'>> = {},
): EngineEnvironment {
  const variables: EngineEnvironment['variables'] = {};
  for (const variable of preset.variables) {
    const value = values[variable.name];
    if (value === undefined && variable.required) throw new Error(`missing ${variable.name}`);
    variables[variable.name] = { value: value ?? '', secret: variable.secret };
  }
  return { id: 'env-1', name: 'Sandbox', production: false, allowedHosts: [], allowInsecureTls: false, variables, ...overrides };
}

export function credential(preset: Preset, patch: (recipe: RecipeInput) => RecipeInput = (r) => r, id = 'cred-1'): EngineCredential {
  const recipe = RecipeSchema.parse(patch(structuredClone(preset.recipe) as RecipeInput));
  return { id, name: preset.name, recipe };
}

/** The TokenError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<TokenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenError) return error;
    throw error;
  }
  throw new Error('expected a TokenError, but the call succeeded');
}
