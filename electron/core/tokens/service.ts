/**
 * Tokens for environment x credential pairs, as the app and the CLI ask for them: joins the
 * stored environment and credential with the environment's (decrypted) variables and hands
 * them to the token engine. Production confirmation is enforced here, so every entry point
 * (dashboard, runner, CLI) gets the same rule.
 */
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import type { TokenStatus } from '../../../shared/domain/token';
import type { CoreContext } from '../context';
import type { DataFile } from '../store/data-file';
import type { CredentialsFile } from '../credentials/store';
import { findCredential } from '../credentials/changes';
import { findEnvironment } from '../environments/find';
import type { ClientTlsOptions } from '../http';
import type { ResolvedVariables } from '../variables/variables';
import { TokenError, tokenKeyString, type ApiRequest, type AuthenticatedResponse, type EngineCredential, type EngineEnvironment, type IssuedToken, type TokenEngine, type TokenKey } from '../engine';

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
  /** The environment's client certificate and custom CA (mutual TLS), if it has them. */
  clientTls?(environmentId: string): ClientTlsOptions | undefined;
}

export interface TokenService {
  /** One status per environment x credential where the credential is used. */
  list(): Promise<TokenStatus[]>;
  status(key: TokenKey): Promise<TokenStatus>;
  fetch(key: TokenKey, options?: { renew?: boolean; confirmed?: boolean }): Promise<IssuedToken>;
  forget(key: TokenKey): Promise<void>;
  /** Forgets every cached token of a credential (after it changed or was deleted). */
  forgetCredential(credentialId: string): Promise<void>;
  authenticatedRequest(key: TokenKey, request: ApiRequest, options?: { confirmed?: boolean }): Promise<AuthenticatedResponse>;
  /** The joined environment and credential, for callers that need names or settings. */
  describe(key: TokenKey): { environment: Environment; credential: Credential };
}

const withClientTls = (clientTls: ClientTlsOptions | undefined) => (clientTls ? { mutualTls: clientTls } : {});

export function createTokenService(deps: TokenServiceDeps): TokenService {
  const { ctx, engine } = deps;

  function describe(key: TokenKey) {
    const environment = findEnvironment(ctx.workspace.read(), key.environmentId);
    const credential = findCredential(deps.credentials.read(), key.credentialId);
    return { environment, credential };
  }

  type Inputs = { env: EngineEnvironment; cred: EngineCredential; environment: Environment };
  /**
   * The inputs of a fetch in progress, by key: the status the engine announces while it runs is
   * worked out from them, so one fetch decrypts the environment's secrets once.
   */
  const fetching = new Map<string, Inputs>();

  async function engineInputs(key: TokenKey): Promise<Inputs> {
    const held = fetching.get(tokenKeyString(key));
    if (held) return held;
    const { environment, credential } = describe(key);
    const variables = await deps.resolveVariables(environment.id);
    return {
      environment,
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

  async function fetchWithInputs(key: TokenKey, options: { renew?: boolean; confirmed?: boolean } = {}): Promise<{ issued: IssuedToken; inputs: Inputs }> {
    if (describe(key).credential.recipe.kind === 'token-request') await deps.settleAllowedHosts?.(key.environmentId);
    const inputs = await engineInputs(key);
    const { env, cred, environment } = inputs;
    // Reusing a valid token sends nothing, so only a real token request needs the confirmation
    // (this also keeps copy and decode of a held production token from asking).
    const reusable = !options.renew && (await engine.status(env, cred)).state === 'valid';
    if (!reusable) assertConfirmed(environment, options.confirmed, 'get a token');
    const id = tokenKeyString(key);
    const outer = !fetching.has(id);
    if (outer) fetching.set(id, inputs);
    try {
      const issued = await asAppError(() => engine.getToken(env, cred, { forceRenew: options.renew ?? false }));
      deps.remember?.(issued.token);
      return { issued, inputs };
    } finally {
      if (outer) fetching.delete(id);
    }
  }

  return {
    describe,
    status,

    async list() {
      const environments = new Set(ctx.workspace.read().environments.map((e) => e.id));
      const keys = deps.credentials
        .read()
        .credentials.flatMap((credential) =>
          credential.environmentIds.filter((id) => environments.has(id)).map((environmentId) => ({ environmentId, credentialId: credential.id })),
        );
      return Promise.all(keys.map(status));
    },

    fetch: async (key, options) => (await fetchWithInputs(key, options)).issued,


    forget: (key) => engine.forget(key),

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
