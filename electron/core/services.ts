/**
 * `createMainServices`, the composition root: opens every store and builds every service once,
 * with no Electron import. Nothing below imports this file.
 *
 * The Electron main wires `dispatch` to ipcMain and `onEvent` to the window; the CLI and the
 * tests call the same factory directly. Only the transport (and the injected keychain,
 * clipboard and file dialogs) differ.
 */
import type { EventName, EventPayload, StoreProblem } from '../../shared/ipc/contract';
import { systemClock, type Clock, type CoreContext } from './context';
import { ensurePrivateDataDir } from './data-dir';
import { createClientTlsService } from './client-tls/service';
import type { CertificateFileChooser } from './client-tls/chosen-files';
import { createDiscoveryService } from './discovery/service';
import { createCredentialService } from './credentials/service';
import { openCredentials } from './credentials/store';
import { createCodeExportService } from './code-export/service';
import { createDemoService } from './demo/service';
import { openDemoFile } from './demo/state';
import type { DomainServices } from './domain-services';
import { createTokenEngine, type TokenCache, type TokenEngine, type UserAgentPort } from './engine';
import { createEnvironmentService } from './environments/service';
import { createFromExampleService } from './from-example/service';
import { createHandlers } from './handlers';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import type { ConfirmationPort } from './allowed-hosts/confirmation';
import { createAllowedHostsKeeper } from './allowed-hosts/seed';
import { createHttpClient, type HttpClient } from './http';
import { undoInterruptedImport } from './portability/import-journal';
import { createPortabilityService, type FileChooser } from './portability/service';
import { createRunnerService, openRunnerStores } from './runner/service';
import { openRequestsFile } from './runner/saved-requests';
import { openWorkspace } from './store/workspace';
import type { StoreClass } from './store/data-file';
import { openGuardFile } from './tokens/guard-file';
import { createTokenService, type TokenService } from './tokens/service';
import { createTokenAdminService } from './token-admin/service';
import { createTimelineStore } from './tokens/timeline-store';
import { createSecretClipboard, type SecretClipboard } from './vault/clipboard';
import type { ScryptCost } from './vault/kdf';
import type { Clipboard, Keychain } from './vault/ports';
import { createVaultTokenCache, type VaultTokenCache } from './vault/token-cache';
import { createVaultProofKeys } from './vault/proof-keys';
import { createVault, type Vault } from './vault/vault';
import { reportUnlistedSecrets } from './variables/unlisted-secrets';
import { createVariablesService, type VariablesService } from './variables/variables';
import { appVersion } from './version';
import { openFleet, type FleetSettings } from './fleet/fleet';
import { createSecretResolver } from './secret-sources/resolver';
import { openWorkspaceFiles, type WorkspaceChoice } from './workspace/wiring';

export interface MainServicesOptions {
  dataDir: string;
  /** `conf` unless a test passes another class. */
  storeClass?: StoreClass;
  clock?: Clock;
  /** The OS keychain (Electron's safeStorage); absent in the CLI and in browser tests. */
  keychain?: Keychain;
  clipboard?: Clipboard;
  /** Native file dialogs for export/import; absent where there is no window. */
  files?: FileChooser;
  /** The open dialog for certificate files (mutual TLS); absent where there is no window. */
  certificateFiles?: CertificateFileChooser;
  /**
   * Asks the user, outside the window, before where secrets may go is widened (a native dialog in
   * Electron); absent: such changes are refused.
   */
  confirmation?: ConfirmationPort;
  /** Where the user signs in for authorization-code credentials (the system browser; the CLI prints the link too). */
  userAgent?: UserAgentPort;
  /** The HTTP client for token and API requests (tests may pass one that trusts a test CA). */
  http?: HttpClient;
  /** Cheaper scrypt for tests only; the default is the OWASP-level cost. */
  scryptCost?: ScryptCost;
  /** Where unexpected (already redacted) errors are reported; stderr by default. */
  log?: (message: string) => void;
  /** The environment secret references are read in (the CLI's, in tests a test's); the process's by default. */
  secretSourceEnv?: NodeJS.ProcessEnv;
  /** A guard and token cache shared by a fleet of machines (`--cache redis://...`); local only by default. */
  fleet?: FleetSettings;
  /** A workspace folder to use instead of the data folder's own files (`--workspace DIR`), or the one the app had open. */
  workspace?: WorkspaceChoice;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Everything secret: the vault, the variables service, the engine's sealed token cache. */
export interface SecretServices {
  vault: Vault;
  variables: VariablesService;
  /** The engine's persistent token cache, sealed in `tokens.json`. */
  tokenCache: VaultTokenCache<unknown>;
  clipboard: SecretClipboard;
  /** Masks every secret value known in this session: for logs and error messages. */
  redact(text: string): string;
}

export interface MainServices {
  handlers: Handlers;
  dispatch: Dispatch;
  onEvent(listener: EventListener): () => void;
  storeProblems: readonly StoreProblem[];
  /** The domain services the handlers and the CLI call. */
  domain: DomainServices;
  /** The data files, for tests that look at what was written. */
  workspace: CoreContext['workspace'];
  credentials: ReturnType<typeof openCredentials>;
  clock: Clock;
  secrets: SecretServices;
  tokens: TokenService;
  engine: TokenEngine;
  /** The shared cache in use, if any (an unlock session must use the one its clients name). */
  fleetCacheUrl: string | undefined;
  dispose(): Promise<void>;
}

export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const problems: StoreProblem[] = [];
  const listeners = new Set<EventListener>();
  const clock = options.clock ?? systemClock;
  const { dataDir, storeClass } = options;
  const dataDirWarning = ensurePrivateDataDir(dataDir);
  const files = { dataDir, storeClass, problems };

  const shared = openWorkspaceFiles({ environments: openWorkspace(files), credentials: openCredentials(files), requests: openRequestsFile(files) }, files);
  const ctx: CoreContext = {
    dataDir,
    workspace: shared.environments,
    clock,
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    },
  };
  const credentialsFile = shared.credentials;
  // Saved requests, which collection imports add to and the runner saves.
  const requestsFile = shared.requests;

  // Secrets: unlocking removes nothing; a sealed value is never dropped because a file could not be read.
  const vault = createVault({ ...files, keychain: options.keychain, time: clock, scryptCost: options.scryptCost });
  vault.onChange((status) => ctx.emit('vault:changed', status));
  // Values read from secret managers live as long as the vault stays unlocked, at most a minute.
  const references = createSecretResolver({ remember: (value) => vault.redactor.add(value), now: () => clock.now(), ...(options.secretSourceEnv ? { env: options.secretSourceEnv } : {}) });
  vault.onChange((status) => {
    if (status.state !== 'unlocked') references.forget();
  });
  const variables = createVariablesService({
    workspace: ctx.workspace,
    vault,
    clock,
    resolveReference: (reference) => {
      // Read at use like a sealed value, so a locked vault keeps them from being used too.
      vault.secrets.requireUnlocked();
      return references.resolve(reference);
    },
    onChanged: (environments) => ctx.emit('environments:changed', environments),
  });
  const clipboard = createSecretClipboard(options.clipboard, clock);
  const tokenCache = createVaultTokenCache<unknown>(vault);
  const redact = (text: string) => vault.redactor.text(text);
  const secrets: SecretServices = { vault, variables, tokenCache, clipboard, redact };

  const log = (message: string) => (options.log ?? ((m: string) => process.stderr.write(`${m}\n`)))(redact(message));
  try {
    if (await undoInterruptedImport({ workspace: ctx.workspace, credentials: credentialsFile, requests: requestsFile, secrets: vault.secrets })) {
      log('An import was interrupted before it finished; what it had written was taken back. Import the file again.');
    }
  } catch (error) {
    log(`An import was interrupted before it finished, and what it had written could not be taken back yet (${error instanceof Error ? error.message : String(error)}). Tokenbench tries again at the next start and the next import.`);
  }
  reportUnlistedSecrets(problems, ctx.workspace, vault, shared.folderEnvironmentIds());
  if (dataDirWarning) log(dataDirWarning);
  const isVaultUnlocked = () => vault.status().state === 'unlocked';
  const resolveVariables = (environmentId: string) => variables.resolveVariables(environmentId);

  // Tokens: the engine, its guard and timeline, and the service that joins them with the stored recipes.
  const timeline = createTimelineStore({ dataDir, log });
  timeline.subscribe((entry) => ctx.emit('timeline:added', entry));
  const localGuards = openGuardFile({ ...files, now: clock.now });
  const fleet = options.fleet ? openFleetFor(options.fleet, { ctx, credentials: credentialsFile, vault, env: options.secretSourceEnv, log }) : undefined;
  const guards = fleet ? fleet.guards(localGuards) : localGuards;
  const engine = createTokenEngine({
    cache: fleet ? fleet.cache(tokenCache as TokenCache) : (tokenCache as TokenCache),
    guards,
    timeline,
    clock,
    ...(options.http ? { http: options.http } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    proofKeys: createVaultProofKeys(vault),
    rememberSecret: (secret) => vault.redactor.add(secret),
  });
  const allowedHosts = createAllowedHostsKeeper({ ctx, credentials: credentialsFile, resolveVariables });
  const clientTls = createClientTlsService({ ctx, secrets: vault.secrets, remember: (secret) => vault.redactor.add(secret), forgetTokens: (environmentId) => tokenCache.deleteWhere({ environmentId }), ...(options.certificateFiles ? { chooser: options.certificateFiles } : {}) });
  const tokens = createTokenService({
    clientTls: (environmentId) => clientTls.forEnvironment(environmentId),
    settleAllowedHosts: (environmentId) => allowedHosts.settle(environmentId),
    ctx,
    credentials: credentialsFile,
    engine,
    resolveVariables,
    isVaultLocked: () => !isVaultUnlocked(),
    remember: (token) => vault.redactor.add(token),
    announce: (status) => ctx.emit('tokens:changed', status),
    log,
  });
  engine.onSignIn((key, wait) => ctx.emit('tokens:sign-in', { key, wait }));
  // Token requests by other processes (the CLI) show on the dashboard too, once someone listens.
  let stopWatchingGuards: (() => void) | undefined;

  const environments = createEnvironmentService(ctx, {
    allowedHosts,
    confirmation: options.confirmation,
    credentials: credentialsFile,
    variables,
    tokenCache,
    isVaultUnlocked,
  });
  const credentials = createCredentialService(ctx, {
    credentials: credentialsFile,
    onCredentialChanged: async (credentialId) => {
      if (isVaultUnlocked()) await tokenCache.deleteWhere({ credentialId });
    },
    setVariables: (environmentId, values) => variables.setMany(environmentId, values),
  });

  // The runner sends arbitrary requests (large bodies, slow servers): its own connection pool.
  const ownRunnerHttp = options.http ? undefined : createHttpClient();
  const runner = createRunnerService(
    {
      dataDir,
      clock,
      http: options.http ?? ownRunnerHttp!,
      emit: ctx.emit,
      findEnvironment: (id) => environments.find(id),
      settleAllowedHosts: (environmentId) => allowedHosts.settle(environmentId),
      findCredential: (id) => credentials.find(id),
      clientTls: (environmentId) => clientTls.forEnvironment(environmentId),
      resolveVariables,
      // The runner has already asked for the production confirmation.
      authenticatedRequest: (environmentId, credentialId, request) => tokens.authenticatedRequest({ environmentId, credentialId }, request, { confirmed: true }),
    },
    openRunnerStores({ ...files, now: () => clock.now(), requests: requestsFile }),
  );

  const portability = createPortabilityService({
    workspace: ctx.workspace,
    credentials: credentialsFile,
    requests: requestsFile,
    variables,
    vault,
    clock,
    scryptCost: options.scryptCost,
    files: options.files,
    onImported: () => {
      ctx.emit('environments:changed', ctx.workspace.read().environments);
      ctx.emit('credentials:changed', credentialsFile.read().credentials);
      ctx.emit('requests:changed', [...requestsFile.read().requests]);
    },
  });

  const demo = createDemoService({
    file: openDemoFile(files),
    environmentExists: (id) => ctx.workspace.read().environments.some((e) => e.id === id),
    credentialExists: (id) => credentialsFile.read().credentials.some((c) => c.id === id),
    createEnvironment: (name) => environments.create({ name }),
    deleteEnvironment: async (id) => void (await environments.delete(id)),
    setVariables: async (environmentId, values) => void (await variables.setMany(environmentId, values)),
    setAllowedHosts: (environmentId, hosts) => environments.setOwnServerHosts(environmentId, hosts),
    createCredential: (input) => credentials.create(input),
    deleteCredential: async (id) => void (await credentials.delete(id)),
    callApi: async (key, request) => {
      const { response, renewedAfter401 } = await tokens.authenticatedRequest(key, request);
      return { status: response.status, body: response.body.toString('utf8'), renewedAfter401 };
    },
  });

  const tokenAdmin = createTokenAdminService({ tokens, engine });
  const discovery = createDiscoveryService({ http: options.http ?? ownRunnerHttp! });

  const fromExample = createFromExampleService({
    findEnvironment: (id) => environments.find(id),
    setVariables: (environmentId, values) => variables.setMany(environmentId, values),
    createCredential: (input) => credentials.create(input),
  });
  const codeExport = createCodeExportService({
    findCredential: (id) => credentials.find(id),
    findEnvironment: (id) => environments.find(id),
    // Known secret values, so a generated file that would hold one is refused.
    secretValues: async (environmentId) =>
      isVaultUnlocked() ? Object.values(await variables.resolveVariables(environmentId)).filter((v) => v.secret).map((v) => v.value) : [],
    ...(options.files ? { chooseFile: (name: string) => options.files!.chooseExportFile(name) } : {}),
  });

  const workspace = await shared.service({ ...files, emit: ctx.emit, choice: options.workspace, chooseFolder: options.files?.chooseFolder && (() => options.files!.chooseFolder!()), log });
  const domain: DomainServices = { environments, credentials, variables, tokens, tokenAdmin, timeline, runner, portability, demo, fromExample, codeExport, discovery, clientTls, vault, clipboard, workspace };
  const handlers = createHandlers(domain, () => ({ version: appVersion, dataDir, storeProblems: problems }));

  await unlockWithKeychainIfPossible(vault).catch((error: unknown) => log(`Unlocking with the system keychain failed: ${error instanceof Error ? error.message : String(error)}`));

  return {
    handlers,
    dispatch: createDispatcher(handlers, { redact, onUnexpectedError: (channel, message) => log(`[${channel}] ${message}`) }),
    onEvent(listener) {
      listeners.add(listener);
      stopWatchingGuards ??= guards.watch(tokens.changed, (error) => log(`Watching guard.json for other processes' token requests failed: ${error instanceof Error ? error.message : String(error)}`));
      return () => listeners.delete(listener);
    },
    storeProblems: problems,
    domain,
    workspace: ctx.workspace,
    credentials: credentialsFile,
    clock,
    secrets,
    tokens,
    engine,
    fleetCacheUrl: fleet?.cacheUrl,
    async dispose() {
      listeners.clear();
      stopWatchingGuards?.();
      workspace.dispose();
      await demo.dispose();
      engine.dispose();
      ownRunnerHttp?.close();
      await fleet?.close();
      clipboard.clearNow();
      vault.dispose();
    },
  };
}

/** The fleet layer, naming each environment x credential as every machine of the team does: by its names. */
function openFleetFor(
  settings: FleetSettings,
  deps: { ctx: CoreContext; credentials: ReturnType<typeof openCredentials>; vault: Vault; env: NodeJS.ProcessEnv | undefined; log: (message: string) => void },
) {
  const fleetSecrets = createSecretResolver({ remember: (value) => deps.vault.redactor.add(value), ...(deps.env ? { env: deps.env } : {}) });
  return openFleet({
    ...settings,
    readSecret: (reference) => fleetSecrets.resolve(reference),
    nameOf: (key) => {
      const environment = deps.ctx.workspace.read().environments.find((e) => e.id === key.environmentId);
      const credential = deps.credentials.read().credentials.find((c) => c.id === key.credentialId);
      return JSON.stringify([environment?.name ?? key.environmentId, credential?.name ?? key.credentialId]);
    },
    warn: (message) => deps.log(`warning: ${message}`),
    now: () => deps.ctx.clock.now(),
  });
}

/** Unlocks with the OS keychain when the vault has a keychain slot and the keychain works. */
async function unlockWithKeychainIfPossible(vault: Vault): Promise<void> {
  const status = vault.status();
  if (status.state === 'locked' && status.unlockMethods.includes('keychain') && status.keychain.usable) await vault.unlock({ method: 'keychain' });
}
