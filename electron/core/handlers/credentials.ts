/**
 * Handlers for credentials: list, create, update, delete. The preset flow
 * (`credentials:add-from-preset`) lives in `credentials/from-preset.ts` since it also writes
 * variables and secrets.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Handlers } from '../ipc/dispatcher';
import type { CoreContext } from '../context';
import type { DataFile } from '../store/data-file';
import type { CredentialsFile } from '../credentials/store';

type CredentialHandlers = Pick<Handlers, 'credentials:list' | 'credentials:create' | 'credentials:update' | 'credentials:delete'>;

export interface CredentialsDeps {
  credentials: DataFile<CredentialsFile>;
  /** Called after a credential changed or was deleted, so its cached tokens are not reused. */
  onCredentialChanged(credentialId: string): Promise<void>;
}

export function findCredential(file: CredentialsFile, id: string): Credential {
  const found = file.credentials.find((credential) => credential.id === id);
  if (!found) throw new AppError('not-found', 'That credential no longer exists. It may have been deleted in another window or by the CLI.');
  return found;
}

export function assertUniqueCredentialName(credentials: Credential[], name: string, exceptId?: string): void {
  const clash = credentials.find((c) => c.id !== exceptId && c.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new AppError('conflict', `A credential called "${clash.name}" already exists.`, { hint: 'Pick another name.' });
}

/** Writes the credentials file and tells every window. */
export async function changeCredentials(ctx: CoreContext, file: DataFile<CredentialsFile>, update: (credentials: Credential[]) => Credential[]): Promise<Credential[]> {
  const next = await file.update((current) => ({ ...current, credentials: update(current.credentials) }));
  ctx.emit('credentials:changed', next.credentials);
  return next.credentials;
}

export function credentialHandlers(ctx: CoreContext, deps: CredentialsDeps): CredentialHandlers {
  const now = () => new Date(ctx.clock.now()).toISOString();
  const knownEnvironments = (ids: string[] | undefined) => {
    if (!ids) return undefined;
    const existing = new Set(ctx.workspace.read().environments.map((e) => e.id));
    const unknown = ids.filter((environmentId) => !existing.has(environmentId));
    if (unknown.length) throw new AppError('not-found', 'One of the chosen environments no longer exists.', { hint: 'Reload the list and choose again.' });
    return [...new Set(ids)];
  };

  return {
    'credentials:list': async () => deps.credentials.read().credentials,

    'credentials:create': async ({ name, recipe, presetId, environmentIds }) => {
      const stamp = now();
      const created: Credential = {
        id: randomUUID(),
        name,
        recipe,
        presetId: presetId ?? null,
        environmentIds: knownEnvironments(environmentIds) ?? [],
        createdAt: stamp,
        updatedAt: stamp,
      };
      await changeCredentials(ctx, deps.credentials, (credentials) => {
        assertUniqueCredentialName(credentials, name);
        return [...credentials, created];
      });
      return created;
    },

    'credentials:update': async ({ id, name, recipe, environmentIds }) => {
      let updated: Credential | undefined;
      const environments = knownEnvironments(environmentIds);
      await changeCredentials(ctx, deps.credentials, (credentials) => {
        const current = findCredential({ schemaVersion: 1, credentials }, id);
        if (name) assertUniqueCredentialName(credentials, name, id);
        updated = {
          ...current,
          ...(name ? { name } : {}),
          ...(recipe ? { recipe } : {}),
          ...(environments ? { environmentIds: environments } : {}),
          updatedAt: now(),
        };
        return credentials.map((c) => (c.id === id ? updated! : c));
      });
      if (recipe) await deps.onCredentialChanged(id);
      return updated!;
    },

    'credentials:delete': async ({ id }) => {
      await changeCredentials(ctx, deps.credentials, (credentials) => {
        findCredential({ schemaVersion: 1, credentials }, id);
        return credentials.filter((c) => c.id !== id);
      });
      await deps.onCredentialChanged(id);
      return { deleted: id };
    },
  };
}
