/**
 * The saved requests a collection import adds, inside the import's transaction: in a collection
 * named after the file's (renamed or skipped when a collection of that name exists), each bound
 * to the imported environment and credential it names.
 */
import type { ImportedItem } from '../../../shared/ipc/domains/portability';
import type { SavedRequest } from '../../../shared/runner/saved';
import { freeName } from './free-name';
import type { ImportPlan } from './plan';
import type { PortabilitySources } from './sources';

export async function importRequests(
  sources: PortabilitySources,
  plan: ImportPlan,
  ids: { requestIds: string[]; environmentIds: Map<string, string>; credentialIds: Map<string, string> },
  onConflict: 'rename' | 'skip',
  stamp: string,
  undo: Array<() => Promise<unknown>>,
): Promise<{ collections: ImportedItem[]; added: number }> {
  const collection = plan.collection;
  if (!collection) return { collections: [], added: 0 };
  if (!sources.requests) return { collections: [{ name: collection.name, importedAs: null, skipped: 'saved requests cannot be imported here' }], added: 0 };
  const file = sources.requests;
  const taken = new Set(file.read().requests.map((r) => r.collection.toLowerCase()));
  const name = freeName(collection.name, taken, onConflict);
  if (name === null) return { collections: [{ name: collection.name, importedAs: null, skipped: 'a collection with this name already exists' }], added: 0 };
  if (collection.requests.length === 0) return { collections: [{ name: collection.name, importedAs: name }], added: 0 };

  const added: SavedRequest[] = collection.requests.map((planned, index) => ({
    id: ids.requestIds[index]!,
    name: planned.name,
    collection: name,
    folder: planned.folder,
    draft: {
      ...planned.draft,
      environmentId: planned.environment === null ? null : (ids.environmentIds.get(planned.environment.toLowerCase()) ?? null),
      credentialId: planned.credential === null ? null : (ids.credentialIds.get(planned.credential) ?? null),
    },
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const addedIds = new Set(added.map((r) => r.id));
  await file.update((current) => ({ ...current, requests: [...current.requests, ...added] }));
  undo.push(() => file.update((current) => ({ ...current, requests: current.requests.filter((r) => !addedIds.has(r.id)) })));
  const written = new Set(file.read().requests.map((r) => r.id));
  if (added.some((r) => !written.has(r.id))) throw new Error('requests.json did not read back as it was written');
  return { collections: [{ name: collection.name, importedAs: name }], added: added.length };
}
