/**
 * The preset flow: the user picks a vendor preset and types only their own values. This
 * creates the credential, marks it as used in the environment, stores the values as the
 * environment's variables (secret ones in the vault), and suggests allowed hosts when the
 * environment has none yet.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import { findPreset, presetAllowedHosts, presetDefault, type Preset } from '../../../shared/recipe';
import type { CoreContext } from '../context';
import type { DataFile } from '../store/data-file';
import { assertUniqueCredentialName, changeCredentials } from '../handlers/credentials';
import type { CredentialsFile } from './store';

export interface VariableWrite {
  name: string;
  value: string;
  secret: boolean;
  description?: string;
}

export interface PresetFlowDeps {
  credentials: DataFile<CredentialsFile>;
  /** Sets variables on an environment; secret values go to the vault. */
  setVariables(environmentId: string, variables: VariableWrite[]): Promise<Environment>;
}

export interface PresetRequest {
  presetId: string;
  environmentId: string;
  name?: string;
  values: Record<string, string>;
}

export async function addCredentialFromPreset(ctx: CoreContext, deps: PresetFlowDeps, request: PresetRequest): Promise<{ credential: Credential; environment: Environment }> {
  const preset = findPreset(request.presetId);
  if (!preset) throw new AppError('not-found', `There is no preset called "${request.presetId}".`, { hint: 'Pick one of the listed presets.' });
  const environment = ctx.workspace.read().environments.find((e) => e.id === request.environmentId);
  if (!environment) throw new AppError('not-found', 'That environment no longer exists.');

  const variables = presetValues(preset, environment, request.values);
  const name = request.name?.trim() || preset.name;
  assertUniqueCredentialName(deps.credentials.read().credentials, name);

  await deps.setVariables(environment.id, variables);
  if (environment.allowedHosts.length === 0) {
    await ctx.workspace.update((current) => ({
      ...current,
      environments: current.environments.map((e) =>
        e.id === environment.id
          ? { ...e, allowedHosts: presetAllowedHosts(preset, e.production, request.values), updatedAt: new Date(ctx.clock.now()).toISOString() }
          : e,
      ),
    }));
  }

  const stamp = new Date(ctx.clock.now()).toISOString();
  const credential: Credential = {
    id: randomUUID(),
    name,
    presetId: preset.id,
    recipe: preset.recipe,
    environmentIds: [environment.id],
    createdAt: stamp,
    updatedAt: stamp,
  };
  await changeCredentials(ctx, deps.credentials, (credentials) => {
    assertUniqueCredentialName(credentials, name);
    return [...credentials, credential];
  });
  const updated = ctx.workspace.read().environments.find((e) => e.id === environment.id)!;
  ctx.emit('environments:changed', ctx.workspace.read().environments);
  return { credential, environment: updated };
}

/**
 * The variables a preset needs, from what the user typed, else the preset's default for this
 * kind of environment. A required value that is still missing is an error naming its label.
 */
function presetValues(preset: Preset, environment: Environment, typed: Record<string, string>): VariableWrite[] {
  const known = new Set(preset.variables.map((v) => v.name));
  const stray = Object.keys(typed).filter((name) => !known.has(name));
  if (stray.length) {
    throw new AppError('invalid-request', `The ${preset.name} preset has no field called ${stray.map((s) => `"${s}"`).join(', ')}.`);
  }
  const existing = new Map(environment.variables.map((v) => [v.name, v]));
  const writes: VariableWrite[] = [];
  const missing: string[] = [];
  for (const variable of preset.variables) {
    const value = (typed[variable.name] ?? '').trim() || presetDefault(variable, environment.production);
    if (!value) {
      // Keep a value the environment already has (e.g. a second credential reusing clientId).
      if (existing.has(variable.name)) continue;
      if (variable.required) missing.push(variable.label);
      // An optional field left empty (e.g. an expiry for reminders) still exists, so the recipe
      // can refer to it; a secret is never stored without a value.
      else if (!variable.secret) writes.push({ name: variable.name, value: '', secret: false, description: variable.help });
      continue;
    }
    writes.push({ name: variable.name, value, secret: variable.secret, description: variable.help });
  }
  if (missing.length) {
    throw new AppError('invalid-request', `Fill in ${missing.join(', ')} to use the ${preset.name} preset.`, { hint: 'Every field marked required is needed to get a token.' });
  }
  return writes;
}
