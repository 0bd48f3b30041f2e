/**
 * `createMainServices`: builds everything the main process does, with no Electron import.
 *
 * The Electron main wires `dispatch` to ipcMain and `onEvent` to the window; the CLI and the
 * tests call the same factory directly. Only the transport (and the injected keychain,
 * clipboard and file dialogs) differ.
 */
import { AppError } from '../../shared/errors';
import type { EventName, EventPayload, StoreProblem } from '../../shared/ipc/contract';
import { systemClock, type Clock, type CoreContext } from './context';
import { ensurePrivateDataDir } from './data-dir';
import { openCredentials } from './credentials/store';
import { addCredentialFromPreset } from './credentials/from-preset';
import { createTokenEngine, type TokenCache, type TokenEngine, type TokenKey } from './engine';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { openDemoFile } from './demo/state';
import { credentialHandlers, findCredential } from './handlers/credentials';
import { demoHandlers } from './handlers/demo';
import { environmentHandlers } from './handlers/environments';
import { environmentLifecycleHandlers } from './handlers/environment-lifecycle';
import type { ConfirmationPort } from './allowed-hosts/confirmation';
import { createAllowedHostsKeeper } from './allowed-hosts/seed';
import type { FileChooser } from './handlers/portability';
import { runnerHandlers } from './handlers/runner';
import { tokenHandlers } from './handlers/tokens';
import { createHttpClient, type HttpClient } from './http';
import { undoInterruptedImport } from './portability/import-journal';
import { openWorkspace } from './store/workspace';
import type { StoreClass } from './store/data-file';
import { inspectJwt } from './tokens/jwt-inspect';
import { openGuardFile } from './tokens/guard-file';
import { createTokenService, type TokenService } from './tokens/service';
import { createTimelineStore } from './tokens/timeline-store';
import type { ScryptCost } from './vault/kdf';
import type { Clipboard, Keychain } from './vault/ports';
import { createSecretServices, type SecretServices } from './vault/secret-services';
import { environmentOfSecret } from './variables/variables';
import { appVersion } from './version';
import { openFleet, type FleetSettings } from './fleet/fleet';
import { createSecretResolver } from './secret-sources/resolver';

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
  /**
   * Asks the user, outside the window, before where secrets may go is widened (a native dialog in
   * Electron); absent: such changes are refused.
   */
  confirmation?: ConfirmationPort;
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
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface MainServices {
  handlers: Handlers;
  dispatch: Dispatch;
  onEvent(listener: EventListener): () => void;
  storeProblems: readonly StoreProblem[];
  /** The parts the CLI drives directly. */
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
  const dataDirWarning = ensurePrivateDataDir(options.dataDir);

  const ctx: CoreContext = {
    dataDir: options.dataDir,
    workspace: openWorkspace({ dataDir: options.dataDir, storeClass: options.storeClass, problems }),
    clock,
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    },
  };
  const credentials = openCredentials({ dataDir: options.dataDir, storeClass: options.storeClass, problems });

  const secrets = createSecretServices({
    dataDir: options.dataDir,
    storeClass: options.storeClass,
    problems,
    workspace: ctx.workspace,
    credentials,
    keychain: options.keychain,
    clipboard: options.clipboard,
    files: options.files,
    time: clock,
    scryptCost: options.scryptCost,
    secretSourceEnv: options.secretSourceEnv,
    // Unlocking removes nothing: a sealed value is never dropped because a file could not be read.
    onVaultChanged: (status) => ctx.emit('vault:changed', status),
    onEnvironmentsChanged: (environments) => ctx.emit('environments:changed', environments),
    onImported: () => {
      ctx.emit('environments:changed', ctx.workspace.read().environments);
      ctx.emit('credentials:changed', credentials.read().credentials);
    },
  });
  const redact = (text: string) => secrets.redact(text);
  const log = (message: string) => (options.log ?? ((m: string) => process.stderr.write(`${m}\n`)))(redact(message));
  try {
    if (await undoInterruptedImport({ workspace: ctx.workspace, credentials, secrets: secrets.vault.secrets })) {
      log('An import was interrupted before it finished; what it had written was taken back. Import the file again.');
    }
  } catch (error) {
    log(`An import was interrupted before it finished, and what it had written could not be taken back yet (${error instanceof Error ? error.message : String(error)}). Tokenbench tries again at the next start and the next import.`);
  }
  reportUnlistedSecrets(problems, ctx.workspace, secrets);
  if (dataDirWarning) log(dataDirWarning);
  const isVaultUnlocked = () => secrets.vault.status().state === 'unlocked';

  const timeline = createTimelineStore({ dataDir: options.dataDir, log });
  timeline.subscribe((entry) => ctx.emit('timeline:added', entry));
  const localGuards = openGuardFile({ dataDir: options.dataDir, storeClass: options.storeClass, problems, now: clock.now });
  const fleet = options.fleet ? openFleetFor(options.fleet, { ctx, credentials, secrets, env: options.secretSourceEnv, log }) : undefined;
  const guards = fleet ? fleet.guards(localGuards) : localGuards;
  const tokenCache = fleet ? fleet.cache(secrets.tokenCache as TokenCache) : (secrets.tokenCache as TokenCache);
  const engine = createTokenEngine({ cache: tokenCache, guards, timeline, clock, ...(options.http ? { http: options.http } : {}) });
  const allowedHosts = createAllowedHostsKeeper({ ctx, credentials, resolveVariables: (environmentId) => secrets.variables.resolveVariables(environmentId) });
  const tokens = createTokenService({
    settleAllowedHosts: (environmentId) => allowedHosts.settle(environmentId),
    ctx,
    credentials,
    engine,
    resolveVariables: (environmentId) => secrets.variables.resolveVariables(environmentId),
    isVaultLocked: () => !isVaultUnlocked(),
    remember: (token) => secrets.vault.redactor.remember(token),
  });
  const announce = (key: TokenKey) => {
    tokens.status(key).then(
      (status) => ctx.emit('tokens:changed', status),
      (error: unknown) => log(`Token status for the dashboard failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  engine.onChange(announce);
  // Token requests by other processes (the CLI) show on the dashboard too, once someone listens.
  let stopWatchingGuards: (() => void) | undefined;

  const findEnvironment = (id: string) => {
    const found = ctx.workspace.read().environments.find((e) => e.id === id);
    if (!found) throw new AppError('not-found', 'That environment no longer exists. It may have been deleted in another window or by the CLI.');
    return found;
  };

  const environments = environmentHandlers(ctx, { allowedHosts, confirmation: options.confirmation });
  const lifecycle = environmentLifecycleHandlers(ctx, {
    credentials,
    variables: secrets.variables,
    tokenCache: secrets.tokenCache,
    isVaultUnlocked,
    confirmation: options.confirmation,
  });
  const credentialActions = credentialHandlers(ctx, {
    credentials,
    onCredentialChanged: async (credentialId) => {
      if (isVaultUnlocked()) await secrets.tokenCache.deleteWhere({ credentialId });
    },
  });

  // The runner sends arbitrary requests (large bodies, slow servers): its own connection pool.
  const ownRunnerHttp = options.http ? undefined : createHttpClient();
  const runner = runnerHandlers(
    {
      dataDir: options.dataDir,
      clock,
      http: options.http ?? ownRunnerHttp!,
      emit: ctx.emit,
      findEnvironment,
      settleAllowedHosts: (environmentId) => allowedHosts.settle(environmentId),
      findCredential: (id) => findCredential(credentials.read(), id),
      resolveVariables: (environmentId) => secrets.variables.resolveVariables(environmentId),
      // The runner has already asked for the production confirmation.
      authenticatedRequest: (environmentId, credentialId, request) => tokens.authenticatedRequest({ environmentId, credentialId }, request, { confirmed: true }),
      redact,
    },
    { storeClass: options.storeClass, problems },
  );

  const demo = demoHandlers({
    file: openDemoFile({ dataDir: options.dataDir, storeClass: options.storeClass, problems }),
    environmentExists: (id) => ctx.workspace.read().environments.some((e) => e.id === id),
    credentialExists: (id) => credentials.read().credentials.some((c) => c.id === id),
    createEnvironment: (name) => environments['environments:create']({ name }),
    deleteEnvironment: async (id) => void (await lifecycle['environments:delete']({ id })),
    setVariables: async (environmentId, variables) => void (await secrets.variables.setMany(environmentId, variables)),
    setAllowedHosts: async (environmentId, hosts) => {
      const next = await ctx.workspace.update((current) => ({
        ...current,
        environments: current.environments.map((e) => (e.id === environmentId ? { ...e, allowedHosts: hosts, updatedAt: new Date(ctx.clock.now()).toISOString() } : e)),
      }));
      ctx.emit('environments:changed', next.environments);
    },
    createCredential: (input) => credentialActions['credentials:create'](input),
    deleteCredential: async (id) => void (await credentialActions['credentials:delete']({ id })),
    callApi: async (key, request) => {
      const { response, renewedAfter401 } = await tokens.authenticatedRequest(key, request);
      return { status: response.status, body: response.body.toString('utf8'), renewedAfter401 };
    },
  });

  const handlers: Handlers = {
    'app:info': async () => ({ version: appVersion, dataDir: options.dataDir, storeProblems: problems }),
    ...environments,
    ...lifecycle,
    ...credentialActions,
    'credentials:add-from-preset': (request) =>
      addCredentialFromPreset(ctx, { credentials, setVariables: (environmentId, variables) => secrets.variables.setMany(environmentId, variables) }, request),
    ...tokenHandlers({ tokens, timeline, clipboard: secrets.clipboard, inspectJwt }),
    ...secrets.handlers,
    ...runner,
    ...demo.handlers,
  };

  await secrets.unlockWithKeychainIfPossible().catch((error: unknown) => log(`Unlocking with the system keychain failed: ${error instanceof Error ? error.message : String(error)}`));

  return {
    handlers,
    dispatch: createDispatcher(handlers, { redact, onUnexpectedError: (channel, message) => log(`[${channel}] ${message}`) }),
    onEvent(listener) {
      listeners.add(listener);
      stopWatchingGuards ??= guards.watch(announce, (error) => log(`Watching guard.json for other processes' token requests failed: ${error instanceof Error ? error.message : String(error)}`));
      return () => listeners.delete(listener);
    },
    storeProblems: problems,
    workspace: ctx.workspace,
    credentials,
    clock,
    secrets,
    tokens,
    engine,
    fleetCacheUrl: fleet?.cacheUrl,
    async dispose() {
      listeners.clear();
      stopWatchingGuards?.();
      await demo.dispose();
      engine.dispose();
      ownRunnerHttp?.close();
      await fleet?.close();
      secrets.dispose();
    },
  };
}

/** The fleet layer, naming each environment x credential as every machine of the team does: by its names. */
function openFleetFor(
  settings: FleetSettings,
  deps: { ctx: CoreContext; credentials: ReturnType<typeof openCredentials>; secrets: SecretServices; env: NodeJS.ProcessEnv | undefined; log: (message: string) => void },
) {
  const fleetSecrets = createSecretResolver({ remember: (value) => deps.secrets.vault.redactor.remember(value), ...(deps.env ? { env: deps.env } : {}) });
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

/**
 * Sealed values of environments the workspace does not list: only a lost or replaced
 * `workspace.json` leaves them (deleting an environment removes its values). They are kept and
 * reported, never dropped: putting the workspace back brings them back.
 */
function reportUnlistedSecrets(problems: StoreProblem[], workspace: CoreContext['workspace'], secrets: SecretServices): void {
  let sealedIds: string[];
  try {
    sealedIds = secrets.vault.secrets.ids();
  } catch {
    return; // secrets.json itself is damaged: that is reported already.
  }
  const listed = new Set(workspace.read().environments.map((e) => e.id));
  const unlisted = new Set(sealedIds.map(environmentOfSecret).filter((id): id is string => id !== undefined && !listed.has(id)));
  if (unlisted.size === 0) return;
  problems.push({
    file: workspace.path,
    keptAs: workspace.path.replace(/workspace\.json$/, 'secrets.json'),
    message: `secrets.json holds the secret values of ${unlisted.size} environment(s) that workspace.json does not list: workspace.json was lost or replaced. The values are kept, sealed. Put your own backup of workspace.json back in the data folder to use them again.`,
  });
}
