/**
 * The domain services, built once by the composition root (`services.ts`). The IPC handlers
 * (`handlers/`) and the CLI commands both call these, so the app and the CLI behave alike.
 */
import type { ClientTlsService } from './client-tls/service';
import type { CodeExportService } from './code-export/service';
import type { CredentialService } from './credentials/service';
import type { DemoService } from './demo/service';
import type { DiscoveryService } from './discovery/service';
import type { EnvironmentService } from './environments/service';
import type { FromExampleService } from './from-example/service';
import type { PortabilityService } from './portability/service';
import type { RunnerService } from './runner/service';
import type { TokenService } from './tokens/service';
import type { TokenAdminService } from './token-admin/service';
import type { TimelineStore } from './tokens/timeline-store';
import type { SecretClipboard } from './vault/clipboard';
import type { Vault } from './vault/vault';
import type { VariablesService } from './variables/variables';
import type { WorkspaceService } from './workspace/service';

export interface DomainServices {
  environments: EnvironmentService;
  credentials: CredentialService;
  variables: VariablesService;
  tokens: TokenService;
  /** Introspection (RFC 7662) and revocation (RFC 7009) of held tokens. */
  tokenAdmin: TokenAdminService;
  timeline: TimelineStore;
  runner: RunnerService;
  portability: PortabilityService;
  demo: DemoService;
  /** OpenID Connect / RFC 8414 discovery: an issuer's endpoints and methods. */
  discovery: DiscoveryService;
  /** A recipe proposed from a vendor's example (cURL, raw HTTP, code). */
  fromExample: FromExampleService;
  /** A credential as a small client in TypeScript or Python. */
  codeExport: CodeExportService;
  /** An environment's client certificate and custom CA (mutual TLS). */
  clientTls: ClientTlsService;
  vault: Vault;
  /** Copies a secret or token to the clipboard and clears it again later. */
  clipboard: SecretClipboard;
  /** Workspace folders: the team's files in git, opened in place of the data folder's own. */
  workspace: WorkspaceService;
}
