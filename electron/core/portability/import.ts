/**
 * Imports a plan (plan.ts) into this data folder. It never overwrites: an environment or
 * credential whose name is taken is imported under a new name ("Sandbox (imported)") or skipped,
 * as asked, and the summary says which. Secret values go into the vault, so the vault must be
 * unlocked when the file carries any; that is checked before anything is written.
 *
 * An import is one transaction over `secrets.json`, `workspace.json` and `credentials.json`: it
 * holds their locks (so no other window or CLI command writes in between), reads back what it
 * wrote, and on any failure takes its writes back before reporting the failure.
 */
import { randomUUID } from 'node:crypto';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import { AppError } from '../../../shared/errors';
import type { ImportedItem, ImportSummary } from '../../../shared/ipc/domains/portability';
import { DEFAULT_LOCK_STALE_MS, withFileLocks } from '../store/file-lock';
import { beginImport, endImport, importLockPaths, undoLocked } from './import-journal';
import { sealableVariables } from '../variables/variables';
import type { FolderFiles } from '../collection-import/detect';
import { planImport, type ImportPlan } from './plan';
import { importRequests } from './import-requests';
import { freeName } from './free-name';
import type { PortabilitySources } from './sources';

export interface ImportOptions {
  /** Opens the encrypted secrets of an export that has them. */
  passphrase?: string;
  onConflict?: 'rename' | 'skip';
  /** The rest of a chosen folder (a Bruno collection), by relative path. */
  folder?: FolderFiles;
}

export async function importText(sources: PortabilitySources, text: string, fileName: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const plan = await planImport(text, fileName, options.passphrase, options.folder);
  return applyPlan(sources, plan, options.onConflict ?? 'rename');
}

async function applyPlan(sources: PortabilitySources, plan: ImportPlan, onConflict: 'rename' | 'skip'): Promise<ImportSummary> {
  const stamp = new Date(sources.clock.now()).toISOString();
  const drafts = plan.environments.map((planned) => {
    const id = randomUUID();
    const { variables, secretValues } = sealableVariables(id, planned.variables);
    const environment: Environment = { ...planned, id, variables, createdAt: stamp, updatedAt: stamp };
    return { planned, environment, secretValues };
  });
  const credentialIds = plan.credentials.map(() => randomUUID());
  const requestIds = (plan.collection?.requests ?? []).map(() => randomUUID());
  const sealsValues = drafts.some((d) => Object.keys(d.secretValues).length > 0);
  if (sealsValues) sources.vault.secrets.requireUnlocked();
  const files = { workspace: sources.workspace, credentials: sources.credentials, requests: sources.requests, secrets: sources.vault.secrets };
  // One transaction: no other window or CLI command changes these files until it is done, and
  // a crash half-way is taken back by the next process that opens the folder (import-journal.ts).
  return withFileLocks(importLockPaths(files), DEFAULT_LOCK_STALE_MS, async () => {
    await undoLocked(files);
    beginImport(files, {
      environmentIds: drafts.map((d) => d.environment.id),
      credentialIds,
      secretIds: drafts.flatMap((d) => Object.keys(d.secretValues)),
      requestIds,
    });
    const undo: Array<() => Promise<unknown>> = [];
    try {
      const summary = await applyLocked(sources, plan, drafts, { credentialIds, requestIds }, onConflict, stamp, undo);
      endImport(files);
      return summary;
    } catch (error) {
      const failure = await rollBack(undo, error);
      if (!(failure instanceof AppError && failure.code === 'import-incomplete')) endImport(files);
      throw failure;
    }
  });
}

type Draft = { planned: ImportPlan['environments'][number]; environment: Environment; secretValues: Record<string, string> };

async function applyLocked(
  sources: PortabilitySources,
  plan: ImportPlan,
  drafts: Draft[],
  { credentialIds, requestIds }: { credentialIds: string[]; requestIds: string[] },
  onConflict: 'rename' | 'skip',
  stamp: string,
  undo: Array<() => Promise<unknown>>,
): Promise<ImportSummary> {
  // Names are chosen from the workspace as it is now: it cannot change while the locks are held.
  const taken = new Set(sources.workspace.read().environments.map((e) => e.name.toLowerCase()));
  const environments: ImportedItem[] = [];
  const added: Draft[] = [];
  for (const draft of drafts) {
    const name = freeName(draft.planned.name, taken, onConflict);
    if (name === null) {
      environments.push({ name: draft.planned.name, importedAs: null, skipped: 'an environment with this name already exists' });
      continue;
    }
    taken.add(name.toLowerCase());
    added.push({ ...draft, environment: { ...draft.environment, name } });
    environments.push({ name: draft.planned.name, importedAs: name });
  }

  // Values first: a crash right after leaves sealed values nobody refers to, never a variable without its value.
  const secretValues: Record<string, string> = Object.assign({}, ...added.map((d) => d.secretValues));
  if (Object.keys(secretValues).length > 0) {
    await sources.vault.secrets.write(secretValues);
    undo.push(() => sources.vault.secrets.discard((id) => id in secretValues));
  }
  const addedIds = new Set(added.map((d) => d.environment.id));
  if (added.length > 0) {
    await sources.workspace.update((current) => ({ ...current, environments: [...current.environments, ...added.map((d) => d.environment)] }));
    undo.push(() => sources.workspace.update((current) => ({ ...current, environments: current.environments.filter((e) => !addedIds.has(e.id)) })));
  }
  const idsByName = new Map(sources.workspace.read().environments.map((e) => [e.name.toLowerCase(), e.id]));
  for (const draft of added) idsByName.set(draft.planned.name.toLowerCase(), draft.environment.id);
  const credentials = await importCredentials(sources, plan, credentialIds, idsByName, onConflict, stamp, undo);
  const credentialIdsByName = new Map(plan.credentials.flatMap((c, index) => (credentials[index]?.importedAs ? [[c.name, credentialIds[index]!] as const] : [])));
  const requests = await importRequests(sources, plan, { requestIds, environmentIds: idsByName, credentialIds: credentialIdsByName }, onConflict, stamp, undo);

  assertAllWritten(sources, addedIds, Object.keys(secretValues));
  return {
    collections: requests.collections,
    requests: requests.added,
    notMapped: plan.notMapped ?? [],
    secretsMoved: plan.secretsMoved ?? 0,
    imported: true,
    format: plan.format,
    environments,
    credentials,
    skippedVariables: plan.skippedVariables,
    secretsWithoutValue: added.reduce((n, d) => n + d.planned.variables.filter((v) => v.secret && v.value === null).length, 0),
  };
}

/** Reads back what the import wrote before saying it is done. */
function assertAllWritten(sources: PortabilitySources, environmentIds: Set<string>, secretIds: string[]): void {
  const environments = new Set(sources.workspace.read().environments.map((e) => e.id));
  const sealed = new Set(secretIds.length > 0 ? sources.vault.secrets.ids() : []);
  if ([...environmentIds].some((id) => !environments.has(id)) || secretIds.some((id) => !sealed.has(id))) {
    throw new AppError('import-incomplete', 'The import did not read back from the data folder as it was written.', {
      hint: 'Check the disk that holds the data folder, then import the file again.',
    });
  }
}

/** Undoes every write the import completed before it failed, newest first; says so when that fails too. */
async function rollBack(undo: Array<() => Promise<unknown>>, failure: unknown): Promise<unknown> {
  const reason = failure instanceof Error ? failure.message : String(failure);
  let undoFailure: unknown;
  for (const step of undo.reverse()) {
    try {
      await step();
    } catch (error) {
      undoFailure ??= error;
    }
  }
  if (undoFailure !== undefined) {
    return new AppError(
      'import-incomplete',
      `The import failed (${reason}) and part of what it had already written could not be taken back (${undoFailure instanceof Error ? undoFailure.message : String(undoFailure)}). Some environments from the file may be there, possibly without their secret values.`,
      { hint: 'Once the cause is fixed, check the imported environments and delete the incomplete ones, then import the file again.', cause: failure },
    );
  }
  if (failure instanceof AppError) {
    return new AppError(failure.code, `${failure.message} The import was not done: nothing from the file was kept.`, { hint: failure.hint, details: failure.details, cause: failure });
  }
  return new AppError('import-failed', `The data folder could not be read or written (${reason}). The import was not done: nothing from the file was kept.`, {
    hint: 'Check the data folder and the disk that holds it, then import the file again.',
    cause: failure,
  });
}

async function importCredentials(
  sources: PortabilitySources,
  plan: ImportPlan,
  credentialIds: string[],
  environmentIds: Map<string, string>,
  onConflict: 'rename' | 'skip',
  stamp: string,
  undo: Array<() => Promise<unknown>>,
): Promise<ImportedItem[]> {
  if (plan.credentials.length === 0) return [];
  if (!sources.credentials) return plan.credentials.map((c) => ({ name: c.name, importedAs: null, skipped: 'credentials cannot be imported here' }));
  const items: ImportedItem[] = [];
  const addedIds = new Set<string>();
  const credentialsFile = sources.credentials;
  await credentialsFile.update((current) => {
    items.length = 0;
    const taken = new Set(current.credentials.map((c) => c.name.toLowerCase()));
    const added: Credential[] = [];
    for (const [index, planned] of plan.credentials.entries()) {
      const name = freeName(planned.name, taken, onConflict);
      if (name === null) {
        items.push({ name: planned.name, importedAs: null, skipped: 'a credential with this name already exists' });
        continue;
      }
      taken.add(name.toLowerCase());
      const ids = planned.environments.flatMap((e) => environmentIds.get(e.toLowerCase()) ?? []);
      const id = credentialIds[index]!;
      addedIds.add(id);
      added.push({ id, name, presetId: planned.presetId, recipe: planned.recipe, environmentIds: ids, createdAt: stamp, updatedAt: stamp });
      items.push({ name: planned.name, importedAs: name });
    }
    return { ...current, credentials: [...current.credentials, ...added] };
  });
  undo.push(() => credentialsFile.update((current) => ({ ...current, credentials: current.credentials.filter((c) => !addedIds.has(c.id)) })));
  return items;
}
