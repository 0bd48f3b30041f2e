/**
 * The connection to the fleet's Redis (or Valkey). Commands never queue while it is down: they
 * fail at once, and the caller falls back to the local guard. The client reconnects by itself,
 * so a restarted Redis is used again without restarting the app.
 */
import Redis from 'ioredis';

export interface RedisLink {
  /** The client, connected; undefined while Redis cannot be reached (a warning was given). */
  ready(): Promise<Redis | undefined>;
  /** Says (once per outage) that Redis could not be used for `what`, and why. */
  unavailable(what: string, error: unknown): void;
  close(): Promise<void>;
}

export interface RedisLinkOptions {
  url: string;
  connectTimeoutMs: number;
  warn(message: string): void;
}

/** The URL as shown in messages: never its password. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? '***' : '';
    return parsed.toString();
  } catch {
    return 'the configured cache';
  }
}

export function openRedisLink(options: RedisLinkOptions): RedisLink {
  const where = safeUrl(options.url);
  const redis = new Redis(options.url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => 500,
  });
  let warned = false;
  redis.on('error', () => undefined); // each failed command reports itself; reconnect attempts are expected
  redis.on('ready', () => {
    if (warned) options.warn(`The shared token cache at ${where} is reachable again; the fleet's guard is used again.`);
    warned = false;
  });

  function unavailable(what: string, error: unknown): void {
    if (warned) return;
    warned = true;
    const why = error instanceof Error ? error.message : String(error);
    options.warn(`The shared token cache at ${where} cannot be used for ${what} (${why}). This machine falls back to its local guard and cache: other machines do not see its token requests until the cache is back.`);
  }

  return {
    unavailable,
    async ready() {
      if (redis.status === 'ready') return redis;
      if (redis.status === 'wait') redis.connect().catch(() => undefined);
      // A Redis being restarted is waited for a moment before this machine goes it alone.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          redis.off('ready', done);
          resolve();
        };
        const timer = setTimeout(done, options.connectTimeoutMs);
        redis.once('ready', done);
      });
      // Changed while waiting (TypeScript narrowed it above).
      if ((redis.status as string) === 'ready') return redis;
      unavailable('token requests', new Error(`no connection within ${(options.connectTimeoutMs / 1000).toFixed(1)} s`));
      return undefined;
    },
    async close() {
      redis.disconnect();
    },
  };
}
