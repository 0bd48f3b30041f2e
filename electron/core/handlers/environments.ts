/**
 * Handlers for environments: list, create, rename, update settings. Clone and delete reach
 * into secrets and credentials: see environment-lifecycle.ts.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Environment } from '../../../shared/domain/environment';
import type { Handlers } from '../ipc/dispatcher';
import type { CoreContext } from '../context';
import { requireConfirmation, type ConfirmationPort } from '../allowed-hosts/confirmation';
import type { AllowedHostsKeeper } from '../allowed-hosts/seed';
import { wideningChanges } from '../allowed-hosts/widening';

export interface EnvironmentHandlerDeps {
  allowedHosts: AllowedHostsKeeper;
  /** Asks the user outside the window; absent: widening changes are refused. */
  confirmation?: ConfirmationPort;
}

type EnvironmentHandlers = Pick<
  Handlers,
  'environments:list' | 'environments:create' | 'environments:rename' | 'environments:update'
>;

export function environmentHandlers(ctx: CoreContext, deps: EnvironmentHandlerDeps): EnvironmentHandlers {
  const { workspace, clock } = ctx;

  async function change(update: (environments: Environment[]) => Environment[]): Promise<Environment[]> {
    const next = await workspace.update((current) => ({ ...current, environments: update(current.environments) }));
    ctx.emit('environments:changed', next.environments);
    return next.environments;
  }

  function find(environments: Environment[], id: string): Environment {
    const found = environments.find((environment) => environment.id === id);
    if (!found) throw new AppError('not-found', 'That environment no longer exists. It may have been deleted in another window or by the CLI.');
    return found;
  }

  function assertUniqueName(environments: Environment[], name: string, exceptId?: string): void {
    const clash = environments.find((e) => e.id !== exceptId && e.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new AppError('conflict', `An environment called "${clash.name}" already exists.`, { hint: 'Pick another name.' });
  }

  return {
    'environments:list': async () => workspace.read().environments,

    'environments:create': async ({ name, production }) => {
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

    'environments:rename': async ({ id, name }) => {
      let renamed: Environment | undefined;
      await change((environments) => {
        assertUniqueName(environments, name, id);
        renamed = { ...find(environments, id), name, updatedAt: new Date(clock.now()).toISOString() };
        return environments.map((e) => (e.id === id ? renamed! : e));
      });
      return renamed!;
    },

    'environments:update': async ({ id, ...settings }) => {
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

  };
}
