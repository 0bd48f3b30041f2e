/**
 * Every IPC channel's handler, from the domain services: one line per domain. The dispatcher
 * (`ipc/dispatcher.ts`) validates each request against the contract before it gets here.
 */
import type { AppInfo } from '../../../shared/ipc/contract';
import type { DomainServices } from '../domain-services';
import type { Handlers } from '../ipc/dispatcher';
import { inspectJwt } from '../tokens/jwt-inspect';
import { clientTlsHandlers } from './client-tls';
import { credentialHandlers } from './credentials';
import { demoHandlers } from './demo';
import { discoveryHandlers } from './discovery';
import { environmentHandlers } from './environments';
import { fromExampleHandlers } from './from-example';
import { portabilityHandlers } from './portability';
import { runnerHandlers } from './runner';
import { tokenHandlers } from './tokens';
import { tokenAdminHandlers } from './token-admin';
import { variableHandlers } from './variables';
import { vaultHandlers } from './vault';
import { workspaceHandlers } from './workspace';

export function createHandlers(services: DomainServices, appInfo: () => AppInfo): Handlers {
  return {
    'app:info': async () => appInfo(),
    ...environmentHandlers(services.environments),
    ...credentialHandlers(services.credentials),
    ...tokenHandlers({
      tokens: services.tokens,
      timeline: services.timeline,
      clipboard: services.clipboard,
      inspectJwt: (token, verify) => inspectJwt(token, verify, { discover: (issuer) => services.discovery.discover(issuer) }),
    }),
    ...tokenAdminHandlers(services.tokenAdmin),
    ...discoveryHandlers(services.discovery),
    ...vaultHandlers({ vault: services.vault }),
    ...variableHandlers({ variables: services.variables, clipboard: services.clipboard }),
    ...portabilityHandlers(services.portability),
    ...runnerHandlers(services.runner),
    ...demoHandlers(services.demo),
    ...fromExampleHandlers(services.fromExample, services.codeExport),
    ...workspaceHandlers(services.workspace),
    ...clientTlsHandlers(services.clientTls),
  };
}
