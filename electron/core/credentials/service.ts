/**
 * Credentials as the app and the CLI change them: list, create, update, delete, and the preset
 * flow (`from-preset.ts`). A recipe that changed, or a credential that went, takes its cached
 * tokens with it.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CoreContext } from '../context';
import type { DataFile } from '../store/data-file';
import { assertUniqueCredentialName, changeCredentials, findCredential } from './changes';
import { addCredentialFromPreset, type VariableWrite } from './from-preset';
import type { CredentialsFile } from './store';

export interface CredentialServiceDeps {
  credentials: DataFile<CredentialsFile>;
  /** Called after a credential's recipe changed or it was deleted, so its cached tokens are not reused. */
  onCredentialChanged(credentialId: string): Promise<void>;
  /** Sets variables on an environment; secret values go to the vault. */
  setVariables(environmentId: string, variables: VariableWrite[]): Promise<Environment>;
}

export interface CredentialService {
  list(): Credential[];
  /** Throws AppError('not-found') for an unknown id. */
  find(id: string): Credential;
  create(request: RequestOf<'credentials:create'>): Promise<Credential>;
  update(request: RequestOf<'credentials:update'>): Promise<Credential>;
  delete(id: string): Promise<{ deleted: string }>;
  addFromPreset(request: RequestOf<'credentials:add-from-preset'>): Promise<{ credential: Credential; environment: Environment }>;
}

export function createCredentialService(ctx: CoreContext, deps: CredentialServiceDeps): CredentialService {
  const now = () => new Date(ctx.clock.now()).toISOString();
  const knownEnvironments = (ids: string[] | undefined) => {
    if (!ids) return undefined;
    const existing = new Set(ctx.workspace.read().environments.map((e) => e.id));
    const unknown = ids.filter((environmentId) => !existing.has(environmentId));
    if (unknown.length) throw new AppError('not-found', 'One of the chosen environments no longer exists.', { hint: 'Reload the list and choose again.' });
    return [...new Set(ids)];
  };

  return {
    list: () => deps.credentials.read().credentials,
    find: (id) => findCredential(deps.credentials.read(), id),

    async create({ name, recipe, presetId, environmentIds }) {
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

    async update({ id, name, recipe, environmentIds }) {
      let updated: Credential | undefined;
      const environments = knownEnvironments(environmentIds);
      await changeCredentials(ctx, deps.credentials, (credentials) => {
        const current = findCredential({ credentials }, id);
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

    async delete(id) {
      await changeCredentials(ctx, deps.credentials, (credentials) => {
        findCredential({ credentials }, id);
        return credentials.filter((c) => c.id !== id);
      });
      await deps.onCredentialChanged(id);
      return { deleted: id };
    },

    addFromPreset: (request) => addCredentialFromPreset(ctx, { credentials: deps.credentials, setVariables: deps.setVariables }, request),
  };
}
