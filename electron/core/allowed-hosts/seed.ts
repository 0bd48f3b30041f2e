/**
 * Where an environment's secrets may go when its allowed-hosts list is empty. Without secrets:
 * anywhere (nothing to leak). With secrets: the first time they are about to be sent, the list is
 * filled with the hosts its credentials and variables name at that moment and saved, so a later
 * edit of a URL (say, by a compromised window) cannot take them elsewhere: adding a host after
 * that is a widening, which the user confirms outside the window (confirmation.ts).
 */
import { AppError } from '../../../shared/errors';
import type { Environment } from '../../../shared/domain/environment';
import type { VariableScope } from '../../../shared/recipe/template';
import type { CoreContext } from '../context';
import type { CredentialsFile } from '../credentials/store';
import type { DataFile } from '../store/data-file';
import { findEnvironment } from '../environments/find';
import { holdsSecrets, namedHosts } from './named-hosts';

export interface AllowedHostsDeps {
  ctx: CoreContext;
  credentials: DataFile<CredentialsFile>;
  /** Plaintext values: main process only. */
  resolveVariables(environmentId: string): Promise<VariableScope>;
}

export interface AllowedHostsKeeper {
  /** Where the secrets of `environment` may go now (see wideningChanges). */
  inForce(environment: Environment): Promise<string[] | 'anywhere'>;
  /**
   * Call before sending secrets of `environmentId`: fills an empty list of an environment holding
   * secrets (and saves it); returns the environment as it now is.
   */
  settle(environmentId: string): Promise<Environment>;
}

const find = (ctx: CoreContext, id: string): Environment => findEnvironment(ctx.workspace.read(), id);

export function createAllowedHostsKeeper(deps: AllowedHostsDeps): AllowedHostsKeeper {
  const { ctx } = deps;

  /** All values while the vault is unlocked; the plain ones while it is locked. */
  async function scopeOf(environment: Environment): Promise<VariableScope> {
    try {
      return await deps.resolveVariables(environment.id);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'vault-locked') throw error;
      return Object.fromEntries(environment.variables.filter((v) => !v.secret).map((v) => [v.name, { value: v.value, secret: false }]));
    }
  }

  async function named(environment: Environment): Promise<string[]> {
    const used = deps.credentials.read().credentials.filter((c) => c.environmentIds.includes(environment.id));
    return namedHosts(used, await scopeOf(environment));
  }

  return {
    async inForce(environment) {
      if (environment.allowedHosts.length > 0) return environment.allowedHosts;
      return holdsSecrets(environment) ? named(environment) : 'anywhere';
    },

    async settle(environmentId) {
      const environment = find(ctx, environmentId);
      if (environment.allowedHosts.length > 0 || !holdsSecrets(environment)) return environment;
      const hosts = await named(environment);
      if (hosts.length === 0) {
        throw new AppError(
          'host-not-allowed',
          `Environment "${environment.name}" holds secrets but has no allowed hosts, and none of its credentials or variables names a host. Nothing was sent.`,
          { hint: `Add the hosts its secrets may go to in the settings of "${environment.name}" (e.g. api.example.com).`, details: { environment: environment.name } },
        );
      }
      const stamp = new Date(ctx.clock.now()).toISOString();
      const next = await ctx.workspace.update((current) => ({
        ...current,
        environments: current.environments.map((e) => (e.id === environmentId && e.allowedHosts.length === 0 ? { ...e, allowedHosts: hosts, updatedAt: stamp } : e)),
      }));
      ctx.emit('environments:changed', next.environments);
      return find(ctx, environmentId);
    },
  };
}
