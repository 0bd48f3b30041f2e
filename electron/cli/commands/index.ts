/** Every CLI command. Add a command by writing its file and listing it here. */
import { agentCommand } from './agent';
import type { Command } from './command';
import { credentialAddCommand } from './credential-add';
import { credentialExportCodeCommand } from './credential-export-code';
import { credentialFromExampleCommand } from './credential-from-example';
import { credentialListCommand } from './credential-list';
import { credentialUseCommand } from './credential-use';
import { discoverCommand } from './discover';
import { envCreateCommand } from './env-create';
import { envListCommand } from './env-list';
import { envShowCommand } from './env-show';
import { envTlsCommand } from './env-tls';
import { exportCommand } from './export';
import { importCommand } from './import';
import { initCommand } from './init';
import { introspectCommand } from './introspect';
import { lockCommand } from './lock';
import { requestCommand } from './request';
import { revokeCommand } from './revoke';
import { runCommand } from './run';
import { secretSetCommand } from './secret-set';
import { timelineCommand } from './timeline';
import { tokenCommand } from './token';
import { tokenForgetCommand } from './token-forget';
import { unlockCommand } from './unlock';
import { varSetCommand } from './var-set';
import { workspaceInitCommand } from './workspace-init';

export const commands: readonly Command[] = [
  initCommand,
  envListCommand,
  envShowCommand,
  envCreateCommand,
  envTlsCommand,
  varSetCommand,
  secretSetCommand,
  credentialAddCommand,
  credentialListCommand,
  credentialUseCommand,
  credentialFromExampleCommand,
  credentialExportCodeCommand,
  importCommand,
  exportCommand,
  tokenCommand,
  tokenForgetCommand,
  introspectCommand,
  revokeCommand,
  requestCommand,
  runCommand,
  timelineCommand,
  discoverCommand,
  workspaceInitCommand,
  unlockCommand,
  lockCommand,
  agentCommand,
];
