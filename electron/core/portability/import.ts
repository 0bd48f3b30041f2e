/**
 * Imports a plan (plan.ts) into this data folder. It never overwrites: an environment or
 * credential whose name is taken is imported under a new name ("Sandbox (imported)") or skipped,
 * as asked, and the summary says which. Secret values go into the vault, so the vault must be
 * unlocked when the file carries any; that is checked before anything is written.
 */
import { randomUUID } from 'node:crypto';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import type { ImportedItem, ImportSummary } from '../../../shared/ipc/domains/portability';
import { sealableVariables, secretVariableId } from '../variables/variables';
import { planImport, type ImportPlan } from './plan';
import type { PortabilitySources } from './sources';

export interface ImportOptions {
  /** Opens the encrypted secrets of an export that has them. */
  passphrase?: string;
  onConflict?: 'rename' | 'skip';
}

export async function importText(sources: PortabilitySources, text: string, fileName: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const plan = await planImport(text, fileName, options.passphrase);
  return applyPlan(sources, plan, options.onConflict ?? 'rename');
}

/** "Sandbox", "Sandbox (imported)", "Sandbox (imported 2)", ...: the first name not in `taken`. */
function freeName(name: string, taken: Set<string>, onConflict: 'rename' | 'skip'): string | null {
  if (!taken.has(name.toLowerCase())) return name;
  if (onConflict === 'skip') return null;
  for (let n = 1; ; n++) {
    const candidate = `${name} (imported${n === 1 ? '' : ` ${n}`})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

async function applyPlan(sources: PortabilitySources, plan: ImportPlan, onConflict: 'rename' | 'skip'): Promise<ImportSummary> {
  const stamp = new Date(sources.clock.now()).toISOString();
  const drafts = plan.environments.map((planned) => {
    const id = randomUUID();
    const { variables, secretValues } = sealableVariables(id, planned.variables);
    const environment: Environment = { ...planned, id, variables, createdAt: stamp, updatedAt: stamp };
    return { planned, environment, secretValues };
  });
  const allSecrets = Object.assign({}, ...drafts.map((d) => d.secretValues)) as Record<string, string>;
  if (Object.keys(allSecrets).length > 0) {
    sources.vault.secrets.requireUnlocked();
    await sources.vault.secrets.write(allSecrets);
  }

  const environments: ImportedItem[] = [];
  const idsByName = new Map<string, string>();
  const next = await sources.workspace.update((current) => {
    environments.length = 0;
    const taken = new Set(current.environments.map((e) => e.name.toLowerCase()));
    const added: Environment[] = [];
    for (const { planned, environment } of drafts) {
      const name = freeName(planned.name, taken, onConflict);
      if (name === null) {
        environments.push({ name: planned.name, importedAs: null, skipped: 'an environment with this name already exists' });
        continue;
      }
      taken.add(name.toLowerCase());
      added.push({ ...environment, name });
      environments.push({ name: planned.name, importedAs: name });
    }
    return { ...current, environments: [...current.environments, ...added] };
  });
  for (const environment of next.environments) idsByName.set(environment.name.toLowerCase(), environment.id);
  for (const draft of drafts) {
    if (next.environments.some((e) => e.id === draft.environment.id)) idsByName.set(draft.planned.name.toLowerCase(), draft.environment.id);
  }
  const skippedIds = new Set(drafts.filter((d) => !next.environments.some((e) => e.id === d.environment.id)).map((d) => d.environment.id));
  if (skippedIds.size > 0 && Object.keys(allSecrets).length > 0) {
    const skippedPrefixes = [...skippedIds].map((id) => secretVariableId(id, ''));
    await sources.vault.secrets.remove((id) => skippedPrefixes.some((prefix) => id.startsWith(prefix)));
  }

  return {
    imported: true,
    format: plan.format,
    environments,
    credentials: await importCredentials(sources, plan, idsByName, onConflict, stamp),
    skippedVariables: plan.skippedVariables,
    secretsWithoutValue: drafts
      .filter((d) => !skippedIds.has(d.environment.id))
      .reduce((n, d) => n + d.planned.variables.filter((v) => v.secret && v.value === null).length, 0),
  };
}

async function importCredentials(
  sources: PortabilitySources,
  plan: ImportPlan,
  environmentIds: Map<string, string>,
  onConflict: 'rename' | 'skip',
  stamp: string,
): Promise<ImportedItem[]> {
  if (plan.credentials.length === 0) return [];
  if (!sources.credentials) return plan.credentials.map((c) => ({ name: c.name, importedAs: null, skipped: 'credentials cannot be imported here' }));
  const items: ImportedItem[] = [];
  await sources.credentials.update((current) => {
    items.length = 0;
    const taken = new Set(current.credentials.map((c) => c.name.toLowerCase()));
    const added: Credential[] = [];
    for (const planned of plan.credentials) {
      const name = freeName(planned.name, taken, onConflict);
      if (name === null) {
        items.push({ name: planned.name, importedAs: null, skipped: 'a credential with this name already exists' });
        continue;
      }
      taken.add(name.toLowerCase());
      const ids = planned.environments.flatMap((e) => environmentIds.get(e.toLowerCase()) ?? []);
      added.push({ id: randomUUID(), name, presetId: planned.presetId, recipe: planned.recipe, environmentIds: ids, createdAt: stamp, updatedAt: stamp });
      items.push({ name: planned.name, importedAs: name });
    }
    return { ...current, credentials: [...current.credentials, ...added] };
  });
  return items;
}
