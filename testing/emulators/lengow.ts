// Lengow emulator (shared/providers/lengow.txt): POST /access/get_token with the account's access
// token and secret answers {"token", "account_id", "user_id"} with no lifetime (the doc states
// 3600 s). The API takes the bare token in `Authorization`. Asking for tokens too often gets the
// client IP banned, as the doc warns (line 62): the ban also blocks the API.
import { randomUUID } from 'node:crypto';
import { startEmulator, type ClockOption, type Emulator, type EmulatorRequest, type Reply } from './kit';
import { json, mediaType, parseJsonObject, stringField } from './kit-requests';
import { TokenStore } from './kit-tokens';

export interface LengowOptions extends ClockOption {
  accessToken: string;
  secret: string;
  accountId?: number;
  userId?: number;
  lifetimeSeconds?: number;
  /** Token requests allowed per IP within banWindowMs; one more bans the IP. */
  banAfter?: number;
  banWindowMs?: number;
}

export interface LengowEmulator extends Emulator {
  /** True once any client IP got banned for too many token requests. */
  readonly banned: boolean;
  /** Lifts every ban and forgets the request history (tests that reuse one emulator). */
  unban(): void;
}

const TOKEN_PATH = '/access/get_token';
const API_PREFIX = '/v3.0/';

export function startLengow(options: LengowOptions): Promise<LengowEmulator> {
  const now = options.now ?? Date.now;
  const accountId = options.accountId ?? 1;
  const userId = options.userId ?? 1;
  const lifetimeSeconds = options.lifetimeSeconds ?? 3600;
  const banAfter = options.banAfter ?? 5;
  const banWindowMs = options.banWindowMs ?? 60_000;
  const tokens = new TokenStore(now);
  const requestTimes = new Map<string, number[]>();
  const bannedIps = new Set<string>();

  const banReply = (): Reply =>
    json(403, {
      error: {
        code: 403,
        message: `Your IP is banned for too many token requests (more than ${banAfter} within ${banWindowMs / 1000} s). Reuse the token (it lives ${lifetimeSeconds} s) instead of asking for one per request.`,
      },
    });

  /** Records a token request; true when it pushes the IP over the limit. */
  const exceedsLimit = (ip: string): boolean => {
    const t = now();
    const recent = (requestTimes.get(ip) ?? []).filter((at) => t - at < banWindowMs);
    recent.push(t);
    requestTimes.set(ip, recent);
    return recent.length > banAfter;
  };

  const credentials = (req: EmulatorRequest): { accessToken?: string; secret?: string } => {
    const type = mediaType(req.headers);
    const fields = type === 'application/json' ? parseJsonObject(req.body)
      : type === 'application/x-www-form-urlencoded' ? new URLSearchParams(req.body) : undefined;
    return { accessToken: stringField(fields, 'access_token'), secret: stringField(fields, 'secret') };
  };

  const token = (req: EmulatorRequest): Reply => {
    if (req.method !== 'POST') return json(405, { error: { code: 405, message: 'Use POST.' } }, { allow: 'POST' });
    if (exceedsLimit(req.ip)) {
      bannedIps.add(req.ip);
      return banReply();
    }
    const given = credentials(req);
    if (given.accessToken !== options.accessToken || given.secret !== options.secret) {
      return json(401, { error: { code: 401, message: 'Unauthorized: invalid access_token or secret.' } });
    }
    const issued = tokens.issue(randomUUID(), lifetimeSeconds, undefined);
    return json(200, { token: issued.value, account_id: accountId, user_id: userId });
  };

  const api = (req: EmulatorRequest): Reply => {
    // Lengow takes the bare token: "Bearer <token>" is not a known token.
    if (tokens.find(req.headers['authorization']) === undefined) {
      return json(401, { error: { code: 401, message: 'Unauthorized: missing, unknown or expired token.' } });
    }
    if (req.path === '/v3.0/orders') {
      const asked = req.query.get('account_id');
      if (asked !== String(accountId)) return json(403, { error: { code: 403, message: `No access to account ${asked ?? '(none)'}.` } });
      return json(200, { count: 1, next: null, previous: null, results: [{ marketplace_order_id: 'EMU-1', account_id: accountId }] });
    }
    return json(200, { path: req.path, account_id: accountId });
  };

  return startEmulator(
    {
      now,
      tokenPath: TOKEN_PATH,
      apiPrefix: API_PREFIX,
      token,
      api,
      notFound: { error: { code: 404, message: 'Not found.' } },
      gate: (req) => (bannedIps.has(req.ip) ? banReply() : undefined),
      revokeAllTokens: () => tokens.revokeAll(),
    },
    {
      get banned() {
        return bannedIps.size > 0;
      },
      unban() {
        bannedIps.clear();
        requestTimes.clear();
      },
    },
  );
}
