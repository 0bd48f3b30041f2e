/**
 * Environments: list, find, create, rename, update settings, and the allowed hosts the demo
 * sets for its own server. Clone and delete reach into secrets and credentials: see lifecycle.ts.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Environment } from '../../../shared/domain/environment';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CoreContext } from '../context';
import { requireConfirmation, type ConfirmationPort } from '../allowed-hosts/confirmation';
import type { AllowedHostsKeeper } from '../allowed-hosts/seed';
import { wideningChanges } from '../allowed-hosts/widening';
import { findEnvironment } from './find';
import { createEnvironmentLifecycle, type EnvironmentLifecycle, type EnvironmentLifecycleDeps } from './lifecycle';

export interface EnvironmentServiceDeps extends EnvironmentLifecycleDeps {
  allowedHosts: AllowedHostsKeeper;
  /** Asks the user outside the window; absent: widening changes are refused. */
  confirmation?: ConfirmationPort;
}

export interface EnvironmentService extends EnvironmentLifecycle {
  list(): Environment[];
  /** Throws AppError('not-found') for an unknown id. */
  find(id: string): Environment;
  create(request: RequestOf<'environments:create'>): Promise<Environment>;
  rename(request: RequestOf<'environments:rename'>): Promise<Environment>;
  /** Settings; a change that widens where secrets may go is confirmed by the user first. */
  update(request: RequestOf<'environments:update'>): Promise<Environment>;
  /**
   * Sets the allowed hosts to exactly `hosts`, unasked: only for a server the main process runs
   * itself (the demo's, on a new port at each start). The renderer cannot reach this.
   */
  setOwnServerHosts(id: string, hosts: string[]): Promise<void>;
}

export function createEnvironmentService(ctx: CoreContext, deps: EnvironmentServiceDeps): EnvironmentService {
  const { workspace, clock } = ctx;

  async function change(update: (environments: Environment[]) => Environment[]): Promise<Environment[]> {
    const next = await workspace.update((current) => ({ ...current, environments: update(current.environments) }));
    ctx.emit('environments:changed', next.environments);
    return next.environments;
  }

  const find = (environments: Environment[], id: string) => findEnvironment({ environments }, id);

  function assertUniqueName(environments: Environment[], name: string, exceptId?: string): void {
    const clash = environments.find((e) => e.id !== exceptId && e.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new AppError('conflict', `An environment called "${clash.name}" already exists.`, { hint: 'Pick another name.' });
  }

  return {
    ...createEnvironmentLifecycle(ctx, deps),
    list: () => workspace.read().environments,
    find: (id) => findEnvironment(workspace.read(), id),

    async create({ name, production }) {
      const now = new Date(clock.now()).toISOString();
      const created: Environment = {
        id: randomUUID(),
        name,
        production: production ?? false,
        allowedHosts: [],
        allowInsecureTls: false,
        confirmProduction: true,
        variables: [],
        createdAt: now,
        updatedAt: now,
      };
      await change((environments) => {
        assertUniqueName(environments, name);
        return [...environments, created];
      });
      return created;
    },

    async rename({ id, name }) {
      let renamed: Environment | undefined;
      await change((environments) => {
        assertUniqueName(environments, name, id);
        renamed = { ...find(environments, id), name, updatedAt: new Date(clock.now()).toISOString() };
        return environments.map((e) => (e.id === id ? renamed! : e));
      });
      return renamed!;
    },

    async update({ id, ...settings }) {
      const before = find(workspace.read().environments, id);
      const widening = wideningChanges(before, settings, await deps.allowedHosts.inForce(before));
      if (widening.length > 0) {
        await requireConfirmation(deps.confirmation, {
          title: 'Widen where secrets may go?',
          message: `This lets the secrets of "${before.name}" go further than before.`,
          detail: widening.join('\n'),
          confirmLabel: 'Allow',
        });
      }
      let updated: Environment | undefined;
      await change((environments) => {
        const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
        const current = find(environments, id);
        // Confirmed against what the user saw: a change made meanwhile elsewhere is not overruled.
        if (widening.length > 0 && current.updatedAt !== before.updatedAt) {
          throw new AppError('conflict', `"${current.name}" was changed meanwhile in another window or by the CLI. Nothing was changed.`, { hint: 'Look at its settings again and repeat the change.' });
        }
        updated = { ...current, ...defined, updatedAt: new Date(clock.now()).toISOString() };
        return environments.map((e) => (e.id === id ? updated! : e));
      });
      return updated!;
    },

    async setOwnServerHosts(id, hosts) {
      await change((environments) => environments.map((e) => (e.id === id ? { ...e, allowedHosts: hosts, updatedAt: new Date(clock.now()).toISOString() } : e)));
    },
  };
}
