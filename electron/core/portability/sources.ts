/** What export and import read and write: the workspace, the credentials file, secret variables. */
import type { CredentialsFile } from '../credentials/store';
import type { RequestsFile } from '../runner/saved-requests';
import type { DataFile } from '../store/data-file';
import type { Workspace } from '../store/workspace';
import type { ScryptCost } from '../vault/kdf';
import type { Vault } from '../vault/vault';
import type { VariablesService } from '../variables/variables';

export interface PortabilitySources {
  workspace: DataFile<Workspace>;
  /** Absent where credentials are not available (they are then neither exported nor imported). */
  credentials?: DataFile<CredentialsFile>;
  /** Saved requests; absent where they are not available (collections then cannot be imported). */
  requests?: DataFile<RequestsFile>;
  variables: VariablesService;
  vault: Pick<Vault, 'secrets'>;
  clock: { now(): number };
  /** scrypt cost for encrypted exports (OWASP's by default; tests use a cheaper one). */
  scryptCost?: ScryptCost;
}
