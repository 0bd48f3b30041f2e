// The fleet's turn on a real redis-server: one holder at a time, an expiry that frees a dead
// holder's turn, and fencing that refuses a stalled holder's writes once a later turn began.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../../testing/redis-server';
import { fencedSet, giveBackTurn, takeTurn } from './redis-turn';

describe('fleet turns with fencing', () => {
  let server: TestRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = new Redis(server.url);
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await server?.close();
  });

  it('gives one turn at a time, frees it when given back or expired, and refuses a stale holder', async () => {
    const first = await takeTurn(redis, 'slot-a', 60_000);
    expect(first).toBeDefined();
    expect(await takeTurn(redis, 'slot-a', 60_000)).toBeUndefined();
    expect(await fencedSet(redis, first!, 'slot-a:guard', 'by first', 0)).toBe(true);
    await giveBackTurn(redis, first!);

    const stalled = await takeTurn(redis, 'slot-a', 200);
    expect(stalled!.fence).toBeGreaterThan(first!.fence);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = await takeTurn(redis, 'slot-a', 60_000);
    expect(next).toBeDefined();
    expect(await fencedSet(redis, stalled!, 'slot-a:guard', 'by the stalled holder', 0)).toBe(false);
    expect(await fencedSet(redis, next!, 'slot-a:guard', 'by next', 0)).toBe(true);
    // The stalled holder giving back does not free the next holder's turn.
    await giveBackTurn(redis, stalled!);
    expect(await takeTurn(redis, 'slot-a', 60_000)).toBeUndefined();
    expect(await redis.get('slot-a:guard')).toBe('by next');
  });
});
