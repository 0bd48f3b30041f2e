// The token broker: one per engine, protecting every auth service it talks to. Per environment x
// credential it reuses a valid token, lets concurrent callers share one token request (single
// flight), renews ahead of expiry (refresh grant first when the recipe has one), and asks the
// guard before every token request so it can never hammer a service that bans by IP.
//
// The cache, the guard's history and the turn-taking are shared with other processes on the same
// data folder (the app and CLI commands): a process that needs a token takes the credential's
// turn, looks at the shared cache again, and asks only if no other process got one meanwhile.
import type { TokenRequestRecipe } from '../../../shared/recipe';
import { describeRetry, TokenError, type TokenErrorInfo } from './errors';
import { RequestGuard } from './guard';
import type { GuardRecord, GuardStore } from './guard-store';
import type { CredentialPlan } from './plan';
import type { ReadToken } from './read-response';
import type { SignInWait } from '../../../shared/domain/token';
import { checkAuthorization, type UserAgentPort } from './authorization-code';
import { renewAt } from './renewal';
import { firstToken, signInPlaceholders, SignIns } from './sign-in';
import { prepareTokenRequest, sendTokenRequest, type PreparedTokenRequest, type TokenRequestDeps } from './token-request';
import type { CachedToken, TokenCache, TokenKey } from './types';

export interface BrokerDeps extends TokenRequestDeps {
  cache: TokenCache;
  guards: GuardStore;
  notify(key: TokenKey): void;
  /** Where the user signs in for recipes with an authorization step; absent: such recipes cannot get a first token. */
  userAgent?: UserAgentPort;
  /** A sign-in started or ended waiting for the user (null: no longer waiting). */
  announceSignIn?(key: TokenKey, wait: SignInWait | null): void;
}

export interface BrokeredToken {
  token: CachedToken;
  /** false when this call waited for a token request. */
  fromCache: boolean;
}

/** A refresh answered like this means the refresh token is no good: sign in again instead. */
const REFRESH_REFUSED = new Set(['bad-credentials', 'bad-request']);

interface Prepared {
  token: PreparedTokenRequest;
  refresh?: PreparedTokenRequest;
}

function prepare(plan: CredentialPlan, current: CachedToken | undefined): Prepared {
  const recipe = plan.recipe as TokenRequestRecipe;
  if (recipe.authorization) checkAuthorization(plan, recipe.authorization);
  const placeholders = signInPlaceholders(recipe);
  const token = prepareTokenRequest({ plan, purpose: 'token', ...(placeholders ? { builtins: placeholders } : {}) });
  if (!recipe.renewal.refreshRequest || !current?.refreshToken) return { token };
  const builtins = { refreshToken: { value: current.refreshToken, secret: true }, token: { value: current.token, secret: true } };
  return { token, refresh: prepareTokenRequest({ plan, purpose: 'refresh', builtins }) };
}

const DEFAULT_GUARD = { minIntervalSeconds: 5, backoffInitialSeconds: 2, backoffMaxSeconds: 300 };

/** Why a token is needed: a plain need is met by a fresh token; a renewal asks anew. */
interface Need {
  forceRenew: boolean;
  /**
   * false for renewals nobody asked for (the dashboard's own): a credential that needs the user
   * to sign in again says so (`sign-in-required`) instead of opening the browser unasked.
   */
  interactive?: boolean;
  /** The token an API rejected: any other usable token meets the need (another process renewed). */
  rejected?: string;
}

/** A holder may send the refresh grant and then the token request, each up to its timeout. */
function flightWaitMs(plan: CredentialPlan): number {
  const timeoutSeconds = plan.recipe.kind === 'token-request' ? plan.recipe.tokenRequest.timeoutSeconds : 15;
  return (2 * timeoutSeconds + 15) * 1000;
}

export class TokenBroker {
  private readonly memory = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, { fingerprint: string; promise: Promise<BrokeredToken> }>();
  private readonly errors = new Map<string, TokenErrorInfo & { at: number }>();
  private readonly timers = new Map<string, Array<() => void>>();
  /** Sign-ins waiting for the user (the dashboard shows them and may cancel them). */
  readonly signIns: SignIns;

  constructor(private readonly deps: BrokerDeps) {
    this.signIns = new SignIns((key, wait) => deps.announceSignIn?.(key, wait));
  }

  /** A usable token: the held one, a share of a request in flight, or a new one. */
  token(plan: CredentialPlan, forceRenew = false, interactive = true): Promise<BrokeredToken> {
    const held = this.memory.get(plan.keyString);
    if (!forceRenew && held && held.fingerprint === plan.fingerprint && this.isFresh(held, plan, this.deps.clock.now())) {
      return Promise.resolve({ token: held, fromCache: true });
    }
    return this.fly(plan, { forceRenew, interactive });
  }

  /** Joins this process's request in flight for `plan`, or starts one. */
  private fly(plan: CredentialPlan, need: Need): Promise<BrokeredToken> {
    const flight = this.inflight.get(plan.keyString);
    if (flight && flight.fingerprint === plan.fingerprint) return flight.promise.then(({ token }) => ({ token, fromCache: false }));
    const entry = { fingerprint: plan.fingerprint, promise: this.obtain(plan, need) };
    this.inflight.set(plan.keyString, entry);
    const clear = () => {
      if (this.inflight.get(plan.keyString) === entry) this.inflight.delete(plan.keyString);
    };
    entry.promise.then(clear, clear);
    return entry.promise;
  }

  /**
   * An API answered 401 with `rejected`: mark it unusable and renew once (callers retry once; no
   * loops). Concurrent rejections of the same token share that one renewal, across processes too:
   * whoever comes second finds the renewed token in the shared cache.
   */
  async renewAfterRejection(plan: CredentialPlan, rejected: string): Promise<CachedToken> {
    return (await this.fly(plan, { forceRenew: true, rejected })).token;
  }

  /** The token held for `plan` without any request (for status); stale fingerprints count as none. */
  async peek(plan: CredentialPlan): Promise<CachedToken | undefined> {
    return this.current(plan);
  }

  async forget(key: TokenKey, keyString: string): Promise<void> {
    this.memory.delete(keyString);
    this.errors.delete(keyString);
    this.cancelTimers(keyString);
    await this.deps.cache.delete(key);
    this.deps.notify(key);
  }

  /** The guard as every process on this data folder sees it now. */
  guardFor(plan: CredentialPlan): RequestGuard {
    const policy = plan.recipe.kind === 'token-request' ? plan.recipe.guard : DEFAULT_GUARD;
    return RequestGuard.fromRecord(policy, this.deps.guards.read(plan.key));
  }

  lastError(keyString: string): (TokenErrorInfo & { at: number }) | undefined {
    return this.errors.get(keyString);
  }

  recordError(plan: CredentialPlan, error: TokenError): void {
    this.errors.set(plan.keyString, { ...error.toInfo(), at: this.deps.clock.now() });
    this.deps.notify(plan.key);
  }

  isFresh(token: CachedToken, plan: CredentialPlan, now: number): boolean {
    if (token.rejectedAt !== undefined) return false;
    const at = renewAt(token, plan.recipe);
    return at === null || now < at;
  }

  isUsable(token: CachedToken, now: number): boolean {
    return token.rejectedAt === undefined && (token.expiresAt === null || now < token.expiresAt);
  }

  dispose(): void {
    this.signIns.cancelAll();
    for (const key of [...this.timers.keys()]) this.cancelTimers(key);
  }

  /** Meets `need` from the shared cache when it can; otherwise takes the credential's turn. */
  private async obtain(plan: CredentialPlan, need: Need): Promise<BrokeredToken> {
    // Most calls find a fresh token (or another process's renewal): no turn needed for that.
    const shared = await this.current(plan);
    if (shared && this.meets(shared, plan, need, this.deps.clock.now())) return { token: shared, fromCache: true };
    const label = `“${plan.cred.name}” in “${plan.env.name}”`;
    return this.deps.guards.exclusive(plan.key, { label, waitMs: flightWaitMs(plan) }, () => this.obtainInTurn(plan, need));
  }

  /** The shared cache's token for `plan` (or this process's, when the cache could not store it). */
  private async current(plan: CredentialPlan): Promise<CachedToken | undefined> {
    const cached = await this.readCache(plan);
    const held = this.memory.get(plan.keyString);
    const candidates = [cached, held].filter((t): t is CachedToken => t !== undefined && t.fingerprint === plan.fingerprint); // recipe or secrets changed
    const newest = candidates.sort((a, b) => b.issuedAt - a.issuedAt || Number(b.rejectedAt !== undefined) - Number(a.rejectedAt !== undefined))[0];
    if (newest) this.memory.set(plan.keyString, newest);
    else this.memory.delete(plan.keyString);
    return newest;
  }

  private meets(token: CachedToken, plan: CredentialPlan, need: Need, now: number): boolean {
    if (need.rejected !== undefined) return token.token !== need.rejected && this.isUsable(token, now);
    return !need.forceRenew && this.isFresh(token, plan, now);
  }

  private async obtainInTurn(plan: CredentialPlan, need: Need): Promise<BrokeredToken> {
    // Another process may have got a token while this one waited for its turn.
    let current = await this.current(plan);
    const now = this.deps.clock.now();
    if (current && this.meets(current, plan, need, now)) return { token: current, fromCache: true };
    // Marked in turn, so a token another process just got is never overwritten by the rejected one.
    if (current && current.token === need.rejected && current.rejectedAt === undefined) {
      current = { ...current, rejectedAt: now };
      this.memory.set(plan.keyString, current);
      await this.persist(plan, current);
      this.deps.notify(plan.key);
    }
    // Inside the renewal margin the current token still works: it covers for a refused or failed renewal.
    const stillValid = current && !need.forceRenew && this.isUsable(current, now) ? current : undefined;
    // Mistakes in the recipe or environment surface before the guard: they cost no request.
    let prepared: Prepared;
    try {
      prepared = prepare(plan, current);
      // A DPoP key that cannot be read or stored (vault locked) is found before the guard: it costs no request.
      if (plan.recipe.kind === 'token-request' && plan.recipe.dpop) await this.deps.dpop?.keyFor(plan.key, plan.recipe.dpop.algorithm);
    } catch (error) {
      if (error instanceof TokenError) this.recordError(plan, error);
      throw error;
    }
    const guard = this.guardFor(plan);
    const next = guard.nextAllowedAt();
    if (next > now) {
      if (stillValid) return { token: stillValid, fromCache: true };
      const refused = new TokenError({
        code: 'guard-refused',
        message: `No token request was sent: ${guard.reason(now)}. The next attempt is allowed ${describeRetry(next, now)}.`,
        hint: this.errors.get(plan.keyString)?.hint ?? 'Wait, then try again.',
        retryAt: next,
      });
      if (!this.errors.has(plan.keyString)) this.recordError(plan, refused);
      throw refused;
    }
    try {
      return { token: await this.renew(plan, prepared, current, guard, need.interactive !== false), fromCache: false };
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      this.recordError(plan, error);
      if (stillValid) return { token: stillValid, fromCache: true };
      throw error;
    }
  }

  /** One guarded attempt: the refresh grant when possible, else (or when it is refused) the token request. */
  private async renew(plan: CredentialPlan, prepared: Prepared, current: CachedToken | undefined, guard: RequestGuard, interactive: boolean): Promise<CachedToken> {
    const signIn = (plan.recipe as TokenRequestRecipe).authorization !== undefined;
    // Nothing to try without the user: no request is sent, and none counts.
    if (signIn && !interactive && !prepared.refresh) throw signInRequired('There is no refresh token to renew this token with');
    const before = guard.toRecord();
    guard.begin(this.deps.clock.now());
    // Recorded before sending: a process killed mid-request still counts against the spacing.
    await this.saveGuard(plan, guard.toRecord(), 'before');
    let read: ReadToken | undefined;
    // Whether any request reached the auth service: only those can cost a ban.
    let reached = false;
    try {
      if (prepared.refresh && current?.refreshToken) {
        try {
          read = await sendTokenRequest(this.deps, prepared.refresh);
          // Servers may keep the refresh token unchanged and not repeat it (RFC 6749 section 6).
          if (!read.refreshToken) read = { ...read, refreshToken: current.refreshToken };
        } catch (error) {
          if (!(error instanceof TokenError) || !REFRESH_REFUSED.has(error.code)) throw error;
          reached = true;
          // The refresh token is no good: dropped, so the next attempt goes straight to what works.
          await this.dropRefreshToken(plan, current);
          if (signIn && !interactive) throw signInRequired('The auth service refused the refresh token');
        }
      }
      // A sign-in is one guarded attempt however long the user takes. The device flow's polls
      // happen inside it: they are expected, not retries that risk a ban, and each waits the
      // interval the server set (RFC 8628 3.5, +5 s for every slow_down) until the code expires,
      // so the server itself bounds how often and how long they come.
      read ??= await firstToken({ ...this.deps, signIns: this.signIns }, plan, prepared.token);
    } catch (error) {
      if (!reached && error instanceof TokenError && error.code === 'connection-refused') {
        // Nothing listened there (a stopped local server, a wrong port): no request reached the
        // auth service, so none counts against its spacing or back-off, and a corrected address
        // (the demo's new port after a restart) can be tried at once.
        await this.saveGuard(plan, before, 'after');
        throw error;
      }
      // Waiting for the user, or the user cancelling, is no failure of the auth service: no back-off for it.
      if (!(error instanceof TokenError && (error.code === 'sign-in-required' || error.code === 'authorization-cancelled'))) guard.fail(error instanceof TokenError ? error.retryAt : undefined);
      await this.saveGuard(plan, guard.toRecord(), 'after');
      throw error;
    }
    guard.succeed();
    // The token first: processes watching the guard then find it when they look.
    const token = await this.store(plan, read);
    await this.saveGuard(plan, guard.toRecord(), 'after');
    return token;
  }

  private async dropRefreshToken(plan: CredentialPlan, token: CachedToken): Promise<void> {
    const { refreshToken: _refused, ...kept } = token;
    this.memory.set(plan.keyString, kept);
    await this.persist(plan, kept);
  }

  /**
   * Without a record of the attempt no request may go out (others could not space theirs); after
   * the answer, a failed save is shown but the answer is still used.
   */
  private async saveGuard(plan: CredentialPlan, record: GuardRecord, when: 'before' | 'after'): Promise<void> {
    try {
      await this.deps.guards.write(plan.key, when === 'before' ? { ...record, sendingSince: this.deps.clock.now() } : record);
    } catch (error) {
      const failure = new TokenError({
        code: 'cache-failed',
        message: `Could not record the token request in the shared guard${when === 'before' ? ', so none was sent' : ''}: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'Check that the data folder is writable and not full, then try again.',
      });
      if (when === 'before') throw failure;
      this.recordError(plan, failure);
    }
  }

  private async store(plan: CredentialPlan, read: ReadToken): Promise<CachedToken> {
    const token: CachedToken = {
      fingerprint: plan.fingerprint,
      token: read.token,
      tokenType: read.tokenType,
      ...(read.refreshToken ? { refreshToken: read.refreshToken } : {}),
      ...(read.boundTo ? { boundTo: read.boundTo } : {}),
      issuedAt: this.deps.clock.now(),
      expiresAt: read.expiresAt,
      extras: read.extras,
    };
    this.memory.set(plan.keyString, token);
    this.errors.delete(plan.keyString);
    await this.persist(plan, token);
    this.schedule(plan, token);
    this.deps.notify(plan.key);
    return token;
  }

  /** A vault that cannot write must not cost a token request per call: the token stays in memory and the error shows. */
  private async persist(plan: CredentialPlan, token: CachedToken): Promise<void> {
    try {
      await this.deps.cache.set(plan.key, token);
    } catch (error) {
      this.recordError(plan, cacheError('store', error));
    }
  }

  private async readCache(plan: CredentialPlan): Promise<CachedToken | undefined> {
    try {
      return await this.deps.cache.get(plan.key);
    } catch (error) {
      throw cacheError('read', error);
    }
  }

  /** Wakes the dashboard when the token enters its renewal margin and when it expires. */
  private schedule(plan: CredentialPlan, token: CachedToken): void {
    this.cancelTimers(plan.keyString);
    if (token.expiresAt === null) return;
    const now = this.deps.clock.now();
    const moments = [renewAt(token, plan.recipe), token.expiresAt].filter((at): at is number => at !== null && at > now);
    this.timers.set(
      plan.keyString,
      moments.map((at) => this.deps.clock.setTimer(() => this.deps.notify(plan.key), at - now)),
    );
  }

  private cancelTimers(keyString: string): void {
    for (const cancel of this.timers.get(keyString) ?? []) cancel();
    this.timers.delete(keyString);
  }
}

function signInRequired(why: string): TokenError {
  return new TokenError({
    code: 'sign-in-required',
    message: `${why}: sign in again. Tokenbench does not open the browser by itself.`,
    hint: 'Choose “Sign in again” (or get the token) to sign in in your browser.',
  });
}

function cacheError(action: 'read' | 'store', error: unknown): TokenError {
  return new TokenError({
    code: 'cache-failed',
    message: `Could not ${action} the saved token: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'The token store (vault) may be locked or damaged; unlock it or forget this token.',
  });
}
