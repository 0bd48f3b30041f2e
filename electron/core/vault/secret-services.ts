/**
 * Everything secret, wired once: the vault, the variables service, the engine's token cache,
 * the redactor, and the handlers of the vault, variables and portability channels. The Electron
 * main (through `createMainServices`) and the CLI both build it; only the injected keychain,
 * clipboard and file dialogs differ.
 */
import type { Environment } from '../../../shared/domain/environment';
import type { StoreProblem } from '../../../shared/ipc/contract';
import type { VaultStatus } from '../../../shared/ipc/domains/vault';
import type { CredentialsFile } from '../credentials/store';
import { systemClock } from '../engine/clock';
import type { HandlersOf } from '../handlers/handler-types';
import { portabilityHandlers, type FileChooser } from '../handlers/portability';
import { variableHandlers } from '../handlers/variables';
import { vaultHandlers } from '../handlers/vault';
import type { DataFile, StoreClass } from '../store/data-file';
import type { Workspace } from '../store/workspace';
import { createSecretResolver } from '../secret-sources/resolver';
import { createVariablesService, type VariablesService } from '../variables/variables';
import type { portabilityChannels } from '../../../shared/ipc/domains/portability';
import type { variableChannels } from '../../../shared/ipc/domains/variables';
import type { vaultChannels } from '../../../shared/ipc/domains/vault';
import type { ScryptCost } from './kdf';
import type { Clipboard, Keychain, Timekeeper } from './ports';
import { createSecretClipboard, type SecretClipboard } from './clipboard';
import { createVaultTokenCache, type VaultTokenCache } from './token-cache';
import { createVault, type Vault } from './vault';

export interface SecretServicesOptions {
  dataDir: string;
  storeClass?: StoreClass;
  problems: StoreProblem[];
  workspace: DataFile<Workspace>;
  credentials?: DataFile<CredentialsFile>;
  keychain?: Keychain;
  clipboard?: Clipboard;
  files?: FileChooser;
  time?: Timekeeper;
  scryptCost?: ScryptCost;
  onVaultChanged?: (status: VaultStatus) => void;
  onEnvironmentsChanged?: (environments: Environment[]) => void;
  /** After an import (environments and credentials may both have changed). */
  onImported?: () => void;
  /** Where secret references find their managers' settings (VAULT_ADDR, GNUPGHOME, ...); the process's own by default. */
  secretSourceEnv?: NodeJS.ProcessEnv;
}

export type SecretHandlers = HandlersOf<typeof vaultChannels> & HandlersOf<typeof variableChannels> & HandlersOf<typeof portabilityChannels>;

export interface SecretServices {
  vault: Vault;
  variables: VariablesService;
  /** The engine's persistent token cache, sealed in `tokens.json`. */
  tokenCache: VaultTokenCache<unknown>;
  /** Copies a secret or token to the clipboard and clears it again later. */
  clipboard: SecretClipboard;
  /** Masks every secret value known in this session: for logs and error messages. */
  redact(text: string): string;
  handlers: SecretHandlers;
  /** Unlocks with the OS keychain when the vault has a keychain slot and the keychain works. */
  unlockWithKeychainIfPossible(): Promise<VaultStatus>;
  dispose(): void;
}

export function createSecretServices(options: SecretServicesOptions): SecretServices {
  const time = options.time ?? systemClock;
  const vault = createVault({ ...options, time });
  if (options.onVaultChanged) vault.onChange(options.onVaultChanged);
  // Values read from secret managers live as long as the vault stays unlocked, at most a minute.
  const references = createSecretResolver({ remember: (value) => vault.redactor.remember(value), now: () => time.now(), ...(options.secretSourceEnv ? { env: options.secretSourceEnv } : {}) });
  vault.onChange((status) => {
    if (status.state !== 'unlocked') references.forget();
  });
  const variables = createVariablesService({
    workspace: options.workspace,
    vault,
    clock: time,
    resolveReference: (reference) => {
      // Read at use like a sealed value, so a locked vault keeps them from being used too.
      vault.secrets.requireUnlocked();
      return references.resolve(reference);
    },
    onChanged: options.onEnvironmentsChanged,
  });
  const clipboard = createSecretClipboard(options.clipboard, time);
  const sources = { workspace: options.workspace, credentials: options.credentials, variables, vault, clock: time, scryptCost: options.scryptCost };

  return {
    vault,
    variables,
    clipboard,
    tokenCache: createVaultTokenCache(vault),
    redact: (text) => vault.redactor.redact(text),
    handlers: {
      ...vaultHandlers({ vault }),
      ...variableHandlers({ variables, clipboard }),
      ...portabilityHandlers({ ...sources, files: options.files, onImported: options.onImported }),
    },
    async unlockWithKeychainIfPossible() {
      const status = vault.status();
      if (status.state === 'locked' && status.unlockMethods.includes('keychain') && status.keychain.usable) return vault.unlock({ method: 'keychain' });
      return status;
    },
    dispose: () => {
      clipboard.clearNow();
      vault.dispose();
    },
  };
}
