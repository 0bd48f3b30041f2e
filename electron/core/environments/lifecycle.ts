/**
 * Cloning and deleting environments, which reach past the workspace file: a clone copies
 * variables (secret values only when asked) and which credentials are used there; a delete
 * also drops the environment's secrets and cached tokens.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Environment } from '../../../shared/domain/environment';
import type { CoreContext } from '../context';
import { changeCredentials } from '../credentials/changes';
import type { CredentialsFile } from '../credentials/store';
import type { DataFile } from '../store/data-file';
import type { VariablesService } from '../variables/variables';
import type { VaultTokenCache } from '../vault/token-cache';
import { requireConfirmation, type ConfirmationPort } from '../allowed-hosts/confirmation';
import type { RequestOf } from '../../../shared/ipc/contract';
import { findEnvironment } from './find';

export interface EnvironmentLifecycleDeps {
  credentials: DataFile<CredentialsFile>;
  variables: VariablesService;
  tokenCache: VaultTokenCache<unknown>;
  isVaultUnlocked(): boolean;
  /** Asks the user outside the window (a clone of production secrets that is not production). */
  confirmation?: ConfirmationPort;
}

export interface EnvironmentLifecycle {
  clone(request: RequestOf<'environments:clone'>): Promise<Environment>;
  delete(id: string): Promise<{ deleted: string }>;
}

export function createEnvironmentLifecycle(ctx: CoreContext, deps: EnvironmentLifecycleDeps): EnvironmentLifecycle {
  const find = (id: string): Environment => findEnvironment(ctx.workspace.read(), id);

  return {
    async clone({ id, name, includeSecrets, production }) {
      const source = find(id);
      if (includeSecrets && source.production && production === false) {
        await requireConfirmation(deps.confirmation, {
          title: 'Copy production secrets out of production?',
          message: `The clone "${name}" would hold the secrets of production environment "${source.name}" without being marked as production.`,
          detail: 'No longer marked as production',
          confirmLabel: 'Clone',
        });
      }
      const clash = ctx.workspace.read().environments.find((e) => e.name.toLowerCase() === name.toLowerCase());
      if (clash) throw new AppError('conflict', `An environment called "${clash.name}" already exists.`, { hint: 'Pick another name.' });
      // Read secrets before writing anything, so a locked vault changes nothing.
      const secretValues = includeSecrets
        ? source.variables.filter((v) => v.secret && v.hint !== null).map((v) => ({ ...v, value: deps.variables.readSecret(source.id, v.name) }))
        : [];
      const stamp = new Date(ctx.clock.now()).toISOString();
      const clone: Environment = {
        ...source,
        id: randomUUID(),
        name,
        production: production ?? source.production,
        // Secret variables are re-added through the variables service below (they need the vault).
        variables: source.variables.filter((v) => !v.secret),
        // The client certificate's key stays with its environment; the CA is public and comes along.
        ...(source.clientTls ? { clientTls: { ...source.clientTls, certificate: null } } : {}),
        createdAt: stamp,
        updatedAt: stamp,
      };
      await ctx.workspace.update((current) => ({ ...current, environments: [...current.environments, clone] }));
      const unsetSecrets = source.variables.filter((v) => v.secret && !secretValues.some((s) => s.name === v.name));
      let result = clone;
      if (secretValues.length) result = await deps.variables.setMany(clone.id, secretValues.map(({ name: n, value, description }) => ({ name: n, value, secret: true, description })));
      if (unsetSecrets.length) {
        // Keep the secret variables' names (so the clone shows what to fill in) without values.
        result = await ctx.workspace.update((current) => ({
          ...current,
          environments: current.environments.map((e) =>
            e.id === clone.id ? { ...e, variables: [...e.variables, ...unsetSecrets.map((v) => ({ ...v, value: '', hint: null }))] } : e,
          ),
        })).then((w) => w.environments.find((e) => e.id === clone.id)!);
      }
      await changeCredentials(ctx, deps.credentials, (credentials) =>
        credentials.map((c) => (c.environmentIds.includes(source.id) ? { ...c, environmentIds: [...c.environmentIds, clone.id] } : c)),
      );
      ctx.emit('environments:changed', ctx.workspace.read().environments);
      return result;
    },

    async delete(id) {
      find(id);
      const next = await ctx.workspace.update((current) => ({ ...current, environments: current.environments.filter((e) => e.id !== id) }));
      if (deps.credentials.read().credentials.some((c) => c.environmentIds.includes(id))) {
        await changeCredentials(ctx, deps.credentials, (credentials) =>
          credentials.map((c) => (c.environmentIds.includes(id) ? { ...c, environmentIds: c.environmentIds.filter((e) => e !== id) } : c)),
        );
      }
      // Its sealed values go with it, locked or not (removing a sealed entry needs no key).
      // Cached tokens are dropped only while unlocked; they are worthless without the key.
      await deps.variables.removeSecretsOfEnvironment(id);
      if (deps.isVaultUnlocked()) await deps.tokenCache.deleteWhere({ environmentId: id });
      ctx.emit('environments:changed', next.environments);
      return { deleted: id };
    },
  };
}
