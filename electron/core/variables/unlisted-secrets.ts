/**
 * Sealed values of environments the workspace does not list: only a lost or replaced
 * `workspace.json` leaves them (deleting an environment removes its values). They are kept and
 * reported, never dropped: putting the workspace back brings them back.
 */
import type { StoreProblem } from '../../../shared/ipc/contract';
import type { DataFile } from '../store/data-file';
import type { Workspace } from '../store/workspace';
import type { Vault } from '../vault/vault';
import { environmentOfSecret } from './variables';

/** `elsewhere`: environments of workspace folders this machine keeps secret values for (their files are not in the data folder). */
export function reportUnlistedSecrets(problems: StoreProblem[], workspace: DataFile<Workspace>, vault: Vault, elsewhere: readonly string[] = []): void {
  let sealedIds: string[];
  try {
    sealedIds = vault.secrets.ids();
  } catch {
    return; // secrets.json itself is damaged: that is reported already.
  }
  const listed = new Set([...workspace.read().environments.map((e) => e.id), ...elsewhere]);
  const unlisted = new Set(sealedIds.map(environmentOfSecret).filter((id): id is string => id !== undefined && !listed.has(id)));
  if (unlisted.size === 0) return;
  problems.push({
    file: workspace.path,
    keptAs: workspace.path.replace(/workspace\.json$/, 'secrets.json'),
    message: `secrets.json holds the secret values of ${unlisted.size} environment(s) that workspace.json does not list: workspace.json was lost or replaced. The values are kept, sealed. Put your own backup of workspace.json back in the data folder to use them again.`,
  });
}
