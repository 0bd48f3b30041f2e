/** For portability's tests: a temporary data folder with an unlocked vault, as export and import see it. Not used by the app. */
import { openCredentials } from '../electron/core/credentials/store';
import { openRequestsFile } from '../electron/core/runner/saved-requests';
import { openWorkspace } from '../electron/core/store/workspace';
import { TEST_SCRYPT, tempDir } from './vault';
import { createVault } from '../electron/core/vault/vault';
import { createVariablesService } from '../electron/core/variables/variables';
import type { PortabilitySources } from '../electron/core/portability/sources';

export async function testFolder(): Promise<PortabilitySources & { dataDir: string; vault: ReturnType<typeof createVault> }> {
  const dataDir = tempDir();
  const workspace = openWorkspace({ dataDir, problems: [] });
  const vault = createVault({ dataDir, problems: [], scryptCost: TEST_SCRYPT });
  await vault.setup({ passphrase: 'a long enough passphrase' });
  const clock = { now: () => Date.UTC(2025, 4, 1) };
  const variables = createVariablesService({ workspace, vault, clock });
  return { dataDir, workspace, credentials: openCredentials({ dataDir, problems: [] }), requests: openRequestsFile({ dataDir }), vault, variables, clock, scryptCost: TEST_SCRYPT };
}
