/**
 * The preset flow: the user picks a vendor preset and types only their own values. This
 * creates the credential (or uses an existing one from the same preset, so sandbox and
 * production share one recipe and each environment brings its own values), marks it as used
 * in the environment, stores the values as the environment's variables (secret ones in the
 * vault), and suggests allowed hosts when the environment has none yet.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import { findPreset, presetAllowedHosts, presetDefault, type Preset } from '../../../shared/recipe';
import type { CoreContext } from '../context';
import type { DataFile } from '../store/data-file';
import { findEnvironment } from '../environments/find';
import { assertUniqueCredentialName, changeCredentials } from './changes';
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
  /** An existing credential from the same preset to use in this environment too. */
  useCredentialId?: string;
  name?: string;
  values: Record<string, string>;
}

export async function addCredentialFromPreset(ctx: CoreContext, deps: PresetFlowDeps, request: PresetRequest): Promise<{ credential: Credential; environment: Environment }> {
  const preset = findPreset(request.presetId);
  if (!preset) throw new AppError('not-found', `There is no preset called "${request.presetId}".`, { hint: 'Pick one of the listed presets.' });
  const environment = findEnvironment(ctx.workspace.read(), request.environmentId);

  const credentials = deps.credentials.read().credentials;
  const reused = request.useCredentialId ? reusableCredential(credentials, request.useCredentialId, preset) : undefined;
  const variables = presetValues(preset, environment, request.values);
  const name = reused?.name ?? (request.name?.trim() || preset.name);
  if (!reused) assertNameFree(ctx, credentials, name, preset);

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
  let credential: Credential | undefined;
  if (reused) {
    await changeCredentials(ctx, deps.credentials, (current) =>
      current.map((c) => {
        if (c.id !== reused.id) return c;
        credential = { ...c, environmentIds: c.environmentIds.includes(environment.id) ? c.environmentIds : [...c.environmentIds, environment.id], updatedAt: stamp };
        return credential;
      }),
    );
    if (!credential) throw new AppError('not-found', `The credential "${reused.name}" was deleted meanwhile.`, { hint: 'Its values are stored in this environment; add the preset again to use them.' });
  } else {
    const created: Credential = {
      id: randomUUID(),
      name,
      presetId: preset.id,
      recipe: preset.recipe,
      environmentIds: [environment.id],
      createdAt: stamp,
      updatedAt: stamp,
    };
    await changeCredentials(ctx, deps.credentials, (current) => {
      assertUniqueCredentialName(current, name);
      return [...current, created];
    });
    credential = created;
  }
  const updated = ctx.workspace.read().environments.find((e) => e.id === environment.id)!;
  ctx.emit('environments:changed', ctx.workspace.read().environments);
  return { credential, environment: updated };
}

/** The credential to share, which must come from the same preset (its recipe is what is shared). */
function reusableCredential(credentials: Credential[], id: string, preset: Preset): Credential {
  const credential = credentials.find((c) => c.id === id);
  if (!credential) throw new AppError('not-found', 'The credential to use here no longer exists.', { hint: 'Pick the preset again.' });
  if (credential.presetId !== preset.id) {
    throw new AppError('invalid-request', `"${credential.name}" was not made from the ${preset.name} preset, so it cannot be used for it.`, { hint: 'Create a new credential instead.' });
  }
  return credential;
}

/**
 * A name clash, said at the name field (`details.field`) and naming where the other credential
 * is used; when it comes from the same preset, the hint offers to use it here instead.
 */
function assertNameFree(ctx: CoreContext, credentials: Credential[], name: string, preset: Preset): void {
  const clash = credentials.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (!clash) return;
  const environments = ctx.workspace.read().environments;
  const places = clash.environmentIds.map((id) => environments.find((e) => e.id === id)?.name).filter((n): n is string => Boolean(n));
  const where = places.length ? `used in ${places.map((p) => `"${p}"`).join(', ')}` : 'used in no environment';
  throw new AppError('conflict', `A credential called "${clash.name}" already exists, ${where}.`, {
    hint: clash.presetId === preset.id ? 'Use the existing credential here (each environment keeps its own values), or pick another name.' : 'Pick another name.',
    details: { field: 'name', credentialId: clash.id },
  });
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
