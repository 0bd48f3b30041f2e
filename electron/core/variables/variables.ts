/**
 * Environment variables, plain or secret: the one service the IPC handlers, the CLI and the
 * importer use. Plain values live in `workspace.json`; a secret variable keeps only its name,
 * `secret: true`, an empty value and a masked hint there, and its value sealed in the vault.
 * A secret variable may instead hold a reference to the team's secret manager (`ref`), read at
 * use by `resolveReference` and kept only in memory. `resolveVariables` hands the engine
 * plaintext: main process only.
 */
import { AppError } from '../../../shared/errors';
import type { Environment, Variable } from '../../../shared/domain/environment';
import { maskSecret } from '../../../shared/recipe/mask';
import type { DataFile } from '../store/data-file';
import type { Workspace } from '../store/workspace';
import type { Vault } from '../vault/vault';
import { findEnvironment } from '../environments/find';

export interface VariableInput {
  environmentId: string;
  name: string;
  value: string;
  secret: boolean;
  description?: string;
  /** A secret read from the team's secret manager at use; `value` is then ignored. */
  ref?: string;
}

/** An environment's variables by name, secret values in plaintext: main process only. */
export type ResolvedVariables = Record<string, { value: string; secret: boolean }>;

export interface VariablesService {
  /**
   * One variable. For a secret that already has a value, `value` may be left out to change only
   * its description (the renderer never holds the stored value, so it cannot send it back).
   */
  set(input: Omit<VariableInput, 'value'> & { value?: string }): Promise<Environment>;
  /** Several variables of one environment in one go (import, presets). */
  setMany(environmentId: string, variables: Omit<VariableInput, 'environmentId'>[]): Promise<Environment>;
  delete(input: { environmentId: string; name: string }): Promise<Environment>;
  /** Every variable of the environment with its plaintext value; needs an unlocked vault for secrets. */
  resolveVariables(environmentId: string): Promise<ResolvedVariables>;
  /** The plaintext of one stored secret variable (export, clone); a reference is not read here. */
  readSecret(environmentId: string, name: string): string;
  /** The plaintext of one secret variable, stored or referenced (for an explicit reveal or copy). */
  revealSecret(environmentId: string, name: string): Promise<string>;
  /**
   * Removes the sealed values of an environment the user has just deleted (the vault may be
   * locked). Nothing else ever removes sealed values in bulk: a value is never dropped because
   * some file could not be read or did not mention it.
   */
  removeSecretsOfEnvironment(environmentId: string): Promise<number>;
}

export interface VariablesOptions {
  workspace: DataFile<Workspace>;
  vault: Pick<Vault, 'secrets'>;
  clock: { now(): number };
  /** Reads a secret reference (`pass:team/api`); absent: references are refused when used. */
  resolveReference?: (reference: string) => Promise<string>;
  /** Called with the new list after every change, e.g. to tell every window. */
  onChanged?: (environments: Environment[]) => void;
}

const ENV_PREFIX = 'env/';

/** Where a secret variable's value is sealed; also bound into its ciphertext. */
export function secretVariableId(environmentId: string, name: string): string {
  return `${ENV_PREFIX}${encodeURIComponent(environmentId)}/${name}`;
}

/** The environment a sealed value belongs to, or undefined for other secrets. */
export function environmentOfSecret(id: string): string | undefined {
  return id.startsWith(ENV_PREFIX) ? decodeURIComponent(id.slice(ENV_PREFIX.length, id.indexOf('/', ENV_PREFIX.length))) : undefined;
}

/**
 * The workspace form of `inputs` (secret values replaced by a masked hint) and the secret values
 * to seal, by vault id. A secret input with `value: null` is a secret whose value is not known
 * (e.g. imported without values): it gets no hint and nothing is sealed.
 */
export function sealableVariables(
  environmentId: string,
  inputs: Array<Omit<VariableInput, 'environmentId' | 'value'> & { value: string | null }>,
  existing: readonly Variable[] = [],
): { variables: Variable[]; secretValues: Record<string, string> } {
  const secretValues: Record<string, string> = {};
  const variables = inputs.map((input): Variable => {
    const description = input.description ?? existing.find((v) => v.name === input.name)?.description ?? '';
    if (input.secret && input.ref !== undefined) return { name: input.name, value: '', secret: true, description, hint: null, ref: input.ref };
    if (input.secret && input.value !== null) secretValues[secretVariableId(environmentId, input.name)] = input.value;
    return {
      name: input.name,
      value: input.secret ? '' : (input.value ?? ''),
      secret: input.secret,
      description,
      hint: input.secret && input.value !== null ? maskSecret(input.value) : null,
    };
  });
  return { variables, secretValues };
}

export function createVariablesService({ workspace, vault, clock, resolveReference, onChanged }: VariablesOptions): VariablesService {
  const describe = (environment: Environment, name: string) => `the secret variable ${name} of environment "${environment.name}"`;

  async function changeEnvironment(environmentId: string, change: (environment: Environment) => Environment): Promise<Environment> {
    let changedEnvironment: Environment | undefined;
    const next = await workspace.update((current) => ({
      ...current,
      environments: current.environments.map((environment) => {
        if (environment.id !== environmentId) return environment;
        changedEnvironment = { ...change(environment), updatedAt: new Date(clock.now()).toISOString() };
        return changedEnvironment;
      }),
    }));
    if (!changedEnvironment) findEnvironment(next, environmentId);
    onChanged?.(next.environments);
    return changedEnvironment!;
  }

  /** The plaintext of each secret variable of `environment`, in order; a missing value is an error. */
  function readSecrets(environment: Environment, names: string[]): string[] {
    const values = vault.secrets.readMany(names.map((name) => ({ id: secretVariableId(environment.id, name), describe: describe(environment, name) })));
    return values.map((value, i) => {
      if (value !== undefined) return value;
      throw new AppError('secret-missing', `${describe(environment, names[i]!)} has no stored value in secrets.json (it was removed, or secrets.json was lost or only partly copied).`, {
        hint: 'Put back your own backup of secrets.json if you have one; otherwise set its value again.',
      });
    });
  }

  function readSecret(environmentId: string, name: string): string {
    const environment = findEnvironment(workspace.read(), environmentId);
    const variable = environment.variables.find((v) => v.name === name);
    if (!variable) throw new AppError('not-found', `Environment "${environment.name}" has no variable called ${name}.`);
    if (!variable.secret) throw new AppError('invalid-request', `${name} in environment "${environment.name}" is not a secret variable.`);
    if (variable.ref !== undefined) {
      throw new AppError('invalid-request', `${name} in environment "${environment.name}" is read from ${variable.ref} when used; Tokenbench keeps no copy of it.`, { hint: 'Read it in your secret manager.' });
    }
    return readSecrets(environment, [name])[0]!;
  }

  async function readReference(environment: Environment, variable: Variable & { ref: string }): Promise<string> {
    if (!resolveReference) throw new AppError('invalid-request', `${describe(environment, variable.name)} is a reference (${variable.ref}), and references cannot be read here.`);
    return resolveReference(variable.ref);
  }

  async function setMany(environmentId: string, inputs: Omit<VariableInput, 'environmentId'>[]): Promise<Environment> {
    const before = findEnvironment(workspace.read(), environmentId);
    const { variables: newVariables, secretValues } = sealableVariables(environmentId, inputs, before.variables);
    // A variable made plain, or turned into a reference, keeps no sealed value behind.
    const noLongerSealed = inputs.filter((input) => (!input.secret || input.ref !== undefined) && before.variables.some((v) => v.name === input.name && v.secret && v.ref === undefined));
    // Checked before anything changes, so a locked vault leaves both files as they were.
    if (noLongerSealed.length > 0) vault.secrets.requireUnlocked();
    // The value is sealed first: a crash in between leaves an unused sealed value, never a secret variable without one.
    if (Object.keys(secretValues).length > 0) await vault.secrets.write(secretValues);
    const updated = await changeEnvironment(environmentId, (environment) => {
      const variables = [...environment.variables];
      for (const variable of newVariables) {
        const existing = variables.findIndex((v) => v.name === variable.name);
        if (existing >= 0) variables[existing] = variable;
        else variables.push(variable);
      }
      return { ...environment, variables };
    });
    if (noLongerSealed.length > 0) {
      const ids = new Set(noLongerSealed.map((v) => secretVariableId(environmentId, v.name)));
      await vault.secrets.remove((id) => ids.has(id));
    }
    return updated;
  }

  return {
    setMany,
    async set({ environmentId, value, ...variable }) {
      if (variable.ref !== undefined) return setMany(environmentId, [{ ...variable, value: '' }]);
      if (value !== undefined) return setMany(environmentId, [{ ...variable, value }]);
      const environment = findEnvironment(workspace.read(), environmentId);
      const existing = environment.variables.find((v) => v.name === variable.name);
      if (!existing?.secret || !variable.secret || (existing.hint === null && existing.ref === undefined)) {
        throw new AppError('invalid-request', `Type a value for ${variable.name}.`, {
          hint: 'Only a secret variable that already has a value can be saved without retyping it.',
        });
      }
      return changeEnvironment(environmentId, (current) => ({
        ...current,
        variables: current.variables.map((v) => (v.name === variable.name ? { ...v, description: variable.description ?? v.description } : v)),
      }));
    },
    readSecret,
    async revealSecret(environmentId, name) {
      const environment = findEnvironment(workspace.read(), environmentId);
      const variable = environment.variables.find((v) => v.name === name);
      if (variable?.secret && variable.ref !== undefined) return readReference(environment, { ...variable, ref: variable.ref });
      return readSecret(environmentId, name);
    },

    async delete({ environmentId, name }) {
      const environment = findEnvironment(workspace.read(), environmentId);
      const variable = environment.variables.find((v) => v.name === name);
      if (!variable) throw new AppError('not-found', `Environment "${environment.name}" has no variable called ${name}.`);
      // Checked before anything changes, so a locked vault leaves both files as they were.
      const sealed = variable.secret && variable.ref === undefined;
      if (sealed) vault.secrets.requireUnlocked();
      const updated = await changeEnvironment(environmentId, (current) => ({ ...current, variables: current.variables.filter((v) => v.name !== name) }));
      if (sealed) await vault.secrets.remove((id) => id === secretVariableId(environmentId, name));
      return updated;
    },

    async resolveVariables(environmentId) {
      const environment = findEnvironment(workspace.read(), environmentId);
      const secretNames = environment.variables.filter((v) => v.secret && v.ref === undefined).map((v) => v.name);
      const secretValues = new Map(readSecrets(environment, secretNames).map((value, i) => [secretNames[i]!, value]));
      const references = environment.variables.filter((v): v is Variable & { ref: string } => v.secret && v.ref !== undefined);
      const referenced = await Promise.all(references.map((v) => readReference(environment, v)));
      references.forEach((v, i) => secretValues.set(v.name, referenced[i]!));
      return Object.fromEntries(environment.variables.map((v) => [v.name, { value: v.secret ? secretValues.get(v.name)! : v.value, secret: v.secret }]));
    },

    async removeSecretsOfEnvironment(environmentId) {
      if (workspace.read().environments.some((e) => e.id === environmentId)) {
        throw new Error('The secrets of an environment that still exists cannot be removed (a bug in Tokenbench).');
      }
      const removed = await vault.secrets.discard((id) => environmentOfSecret(id) === environmentId);
      return removed.length;
    },
  };
}
