/**
 * Tokens for environment x credential pairs, as the app and the CLI ask for them: joins the
 * stored environment and credential with the environment's (decrypted) variables and hands
 * them to the token engine. Production confirmation is enforced here, so every entry point
 * (dashboard, runner, CLI) gets the same rule.
 */
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import type { SignInWait, TokenStatus } from '../../../shared/domain/token';
import type { CoreContext } from '../context';
import type { DataFile } from '../store/data-file';
import type { CredentialsFile } from '../credentials/store';
import { findCredential } from '../credentials/changes';
import { findEnvironment } from '../environments/find';
import type { ClientTlsOptions } from '../http';
import type { ResolvedVariables } from '../variables/variables';
import { TokenError, tokenKeyString, type ApiRequest, type AuthenticatedResponse, type EngineCredential, type EngineEnvironment, type IssuedToken, type TokenEngine, type TokenKey } from '../engine';
import { serverOffers } from '../engine/status';

export interface TokenServiceDeps {
  ctx: CoreContext;
  credentials: DataFile<CredentialsFile>;
  engine: TokenEngine;
  /** Plaintext variables of an environment; throws AppError('vault-locked') while the vault is locked. */
  resolveVariables(environmentId: string): Promise<ResolvedVariables>;
  isVaultLocked(): boolean;
  /**
   * A token value this process used, so that redaction masks it wherever it shows up (an API
   * that echoes its request). Cached tokens are known already; HTTP Basic's base64 is not.
   */
  remember?(token: string): void;
  /** Before secrets leave: an environment holding secrets gets its allowed hosts (allowed-hosts/seed.ts). */
  settleAllowedHosts?(environmentId: string): Promise<unknown>;
  /** Tells every window a token's new status (the `tokens:changed` event). */
  announce?(status: TokenStatus): void;
  /** Where a status that could not be worked out for `announce` is reported. */
  log?(message: string): void;
  /** The environment's client certificate and custom CA (mutual TLS), if it has them. */
  clientTls?(environmentId: string): ClientTlsOptions | undefined;
}

export interface FetchOptions {
  renew?: boolean;
  confirmed?: boolean;
  /** Announce the status when the fetch ends even if nothing changed. */
  announce?: boolean;
  /** Started by the dashboard's renewal, not the user: a needed sign-in waits for the user's click. */
  automatic?: boolean;
}

export interface TokenService {
  /** One status per environment x credential where the credential is used. */
  list(): Promise<TokenStatus[]>;
  status(key: TokenKey): Promise<TokenStatus>;
  /**
   * A valid token (reused, or got now). The engine's reports of changes while it runs are held, and
   * the new status is announced once when it ends (always, with `announce`: the caller's answer
   * carries no status).
   */
  fetch(key: TokenKey, options?: FetchOptions): Promise<IssuedToken>;
  forget(key: TokenKey): Promise<void>;
  /** The sign-ins waiting for the user now (no secret in them). */
  signIns(): SignInWait[];
  /** Stops the sign-in waiting for `key`; false when none waits. */
  cancelSignIn(key: TokenKey): boolean;
  /** Forgets every cached token of a credential (after it changed or was deleted). */
  forgetCredential(credentialId: string): Promise<void>;
  authenticatedRequest(key: TokenKey, request: ApiRequest, options?: { confirmed?: boolean }): Promise<AuthenticatedResponse>;
  /** Another process changed `key`'s token (seen in the shared guard): tells every window. */
  changed(key: TokenKey): void;
  /** The joined environment and credential, for callers that need names or settings. */
  describe(key: TokenKey): { environment: Environment; credential: Credential };
  /**
   * The engine's view of a pair, after the checks every request to its auth service passes:
   * allowed hosts settled, production confirmed (`action` words the question).
   */
  checkedInputs(key: TokenKey, options: { confirmed?: boolean; action: string }): Promise<{ env: EngineEnvironment; cred: EngineCredential }>;
}

const withClientTls = (clientTls: ClientTlsOptions | undefined) => (clientTls ? { mutualTls: clientTls } : {});

export function createTokenService(deps: TokenServiceDeps): TokenService {
  const { ctx, engine } = deps;

  function describe(key: TokenKey) {
    const environment = findEnvironment(ctx.workspace.read(), key.environmentId);
    const credential = findCredential(deps.credentials.read(), key.credentialId);
    return { environment, credential };
  }

  type Inputs = { env: EngineEnvironment; cred: EngineCredential; environment: Environment; credential: Credential };
  /**
   * Fetches (and forgets) in progress, by key: their inputs (every status asked for meanwhile is
   * worked out from them, so one fetch decrypts the environment's secrets once) and whether the
   * engine reported a change meanwhile (announced once, when the fetch ends).
   */
  const fetching = new Map<string, { inputs?: Inputs; changed: boolean }>();

  /**
   * Whether the stored environment and credential are still those the inputs were read from. The
   * demo moves its environment to a new port while a renewal may be in flight: a status worked
   * out from the old inputs would describe a server that is gone.
   */
  function stillCurrent(inputs: Inputs): boolean {
    const environment = ctx.workspace.read().environments.find((e) => e.id === inputs.environment.id);
    const credential = deps.credentials.read().credentials.find((c) => c.id === inputs.credential.id);
    return isDeepStrictEqual(environment, inputs.environment) && isDeepStrictEqual(credential, inputs.credential);
  }

  async function engineInputs(key: TokenKey): Promise<Inputs> {
    const held = fetching.get(tokenKeyString(key))?.inputs;
    if (held && stillCurrent(held)) return held;
    const { environment, credential } = describe(key);
    const variables = await deps.resolveVariables(environment.id);
    return {
      environment,
      credential,
      env: {
        id: environment.id,
        name: environment.name,
        production: environment.production,
        allowedHosts: environment.allowedHosts,
        allowInsecureTls: environment.allowInsecureTls,
        ...withClientTls(deps.clientTls?.(environment.id)),
        variables,
      },
      cred: { id: credential.id, name: credential.name, recipe: credential.recipe },
    };
  }

  /**
   * Works out the status (from `inputs` while they are current) and tells every window; a failure
   * to work it out is logged, never thrown.
   */
  async function announce(key: TokenKey, inputs?: Inputs): Promise<void> {
    if (!deps.announce) return;
    try {
      const fresh = inputs && !deps.isVaultLocked() && stillCurrent(inputs);
      deps.announce(fresh ? await engine.status(inputs.env, inputs.cred) : await status(key));
    } catch (error) {
      deps.log?.(`Token status for the dashboard failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A token's status changed: announced now, or once when the fetch in progress for it ends. */
  function changed(key: TokenKey): void {
    const flight = fetching.get(tokenKeyString(key));
    if (flight) flight.changed = true;
    else void announce(key);
  }
  engine.onChange(changed);

  function assertConfirmed(environment: Environment, confirmed: boolean | undefined, action: string): void {
    if (environment.production && environment.confirmProduction && !confirmed) {
      throw new AppError('confirmation-required', `“${environment.name}” is a production environment. Confirm to ${action} there.`, {
        hint: 'You can turn this question off in the environment’s settings.',
        details: { environmentId: environment.id },
      });
    }
  }

  function lockedStatus(key: TokenKey, credential: Credential): TokenStatus {
    return {
      key,
      kind: credential.recipe.kind,
      state: 'locked',
      issuedAt: null,
      expiresAt: null,
      renewAt: null,
      hasRefreshToken: false,
      serverOffers: serverOffers(credential.recipe),
      tokenType: null,
      tokenHint: '',
      extras: {},
      tokenRequestsLastHour: 0,
      guard: { minIntervalSeconds: 0, nextAttemptAt: null, consecutiveFailures: 0 },
      lastError: null,
    };
  }

  async function status(key: TokenKey): Promise<TokenStatus> {
    if (deps.isVaultLocked()) return lockedStatus(key, describe(key).credential);
    const { env, cred } = await engineInputs(key);
    return engine.status(env, cred);
  }

  async function fetch(key: TokenKey, options: FetchOptions = {}): Promise<IssuedToken> {
    if (describe(key).credential.recipe.kind === 'token-request') await deps.settleAllowedHosts?.(key.environmentId);
    const inputs = await engineInputs(key);
    const { env, cred, environment } = inputs;
    // Reusing a valid token sends nothing, so only a real token request needs the confirmation
    // (this also keeps copy and decode of a held production token from asking).
    const reusable = !options.renew && (await engine.status(env, cred)).state === 'valid';
    if (!reusable) assertConfirmed(environment, options.confirmed, 'get a token');
    return holding(key, inputs, options.announce === true, async () => {
      const issued = await asAppError(() => engine.getToken(env, cred, { forceRenew: options.renew ?? false, interactive: !options.automatic }));
      deps.remember?.(issued.token);
      return issued;
    });
  }

  /**
   * Runs `work` with the engine's reports of changes to `key` held, then announces the status
   * once, before the caller answers (also when `always` and `work` succeeded), from `inputs`
   * when it has them (no second decryption).
   */
  async function holding<T>(key: TokenKey, inputs: Inputs | undefined, always: boolean, work: () => Promise<T>): Promise<T> {
    const id = tokenKeyString(key);
    const outer = !fetching.has(id);
    const flight = { ...(inputs ? { inputs } : {}), changed: false };
    if (outer) fetching.set(id, flight);
    let done = false;
    try {
      const result = await work();
      done = true;
      return result;
    } finally {
      const wanted = flight.changed || (done && always);
      const holder = fetching.get(id);
      if (outer) fetching.delete(id);
      // A fetch that joined another one leaves the announcement to it.
      if (!outer && holder) holder.changed ||= wanted;
      else if (wanted) await announce(key, inputs);
    }
  }

  return {
    describe,
    status,
    changed,

    async list() {
      const environments = new Set(ctx.workspace.read().environments.map((e) => e.id));
      const keys = deps.credentials
        .read()
        .credentials.flatMap((credential) =>
          credential.environmentIds.filter((id) => environments.has(id)).map((environmentId) => ({ environmentId, credentialId: credential.id })),
        );
      return Promise.all(keys.map(status));
    },

    fetch,
    forget: (key) => holding(key, undefined, false, () => engine.forget(key)),

    signIns: () => engine.signIns(),
    async checkedInputs(key, options) {
      await deps.settleAllowedHosts?.(key.environmentId);
      const { env, cred, environment } = await engineInputs(key);
      assertConfirmed(environment, options.confirmed, options.action);
      return { env, cred };
    },

    cancelSignIn: (key) => engine.cancelSignIn(key),

    async forgetCredential(credentialId) {
      await Promise.all(ctx.workspace.read().environments.map((e) => engine.forget({ environmentId: e.id, credentialId })));
    },

    async authenticatedRequest(key, request, options = {}) {
      await deps.settleAllowedHosts?.(key.environmentId);
      const { env, cred, environment } = await engineInputs(key);
      assertConfirmed(environment, options.confirmed, 'send a request');
      // Static keys and Basic need no request and are never cached: make them known before sending.
      if (cred.recipe.kind !== 'token-request') deps.remember?.((await asAppError(() => engine.getToken(env, cred))).token);
      return asAppError(() => engine.authenticatedRequest(env, cred, request));
    },
  };
}

/** Token failures cross the IPC boundary as AppErrors carrying the diagnosed cause. */
export async function asAppError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TokenError) {
      throw new AppError(error.code, error.message, {
        hint: error.hint,
        details: { ...(error.status !== undefined ? { status: error.status } : {}), ...(error.retryAt !== undefined ? { retryAt: error.retryAt } : {}) },
        cause: error,
      });
    }
    throw error;
  }
}
