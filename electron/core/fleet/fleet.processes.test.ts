/**
 * One guard for a fleet, with real processes and a real redis-server: three data folders (three
 * machines) x 8 CLI processes on a cold credential against the Lengow emulator, a Redis restart
 * in the middle of a run, and a canary search of everything Redis keeps.
 *
 * About 100 s on a quiet 2-core machine; part of `npm test` (alone: `npm run test:fleet`).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLengow, type LengowEmulator } from '../../../testing/emulators';
import { startRedis, type TestRedis } from '../../../testing/redis-server';
import { spawnCli } from '../../../testing/cli';
import { folderWith, PASSPHRASE, startHoldingProxy, until, type Folder, type HoldingProxy } from '../../../testing/fixtures/shared-guard.fixture';

const ACCESS_TOKEN = 'lengow-access-FLEET-CANARY-6d1f';
const SECRET = 'lengow-secret-FLEET-CANARY-a93e';
const FLEET_KEY = randomBytes(32).toString('base64');
const MACHINES = 3;
const PROCESSES_PER_MACHINE = 8;

describe('one guard for a fleet (Redis)', () => {
  let redis: TestRedis;
  let lengow: LengowEmulator;
  let proxy: HoldingProxy;
  let machines: Folder[];
  beforeAll(async () => {
    redis = await startRedis();
    lengow = await startLengow({ accessToken: ACCESS_TOKEN, secret: SECRET });
    proxy = await startHoldingProxy(lengow.url, '/access/get_token');
    machines = [];
    for (let i = 0; i < MACHINES; i++) machines.push(await folderWith('lengow', { baseUrl: proxy.url, accessToken: ACCESS_TOKEN, secret: SECRET }));
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    await lengow?.close();
    await redis?.close();
  });

  const tokenOn = (machine: Folder) =>
    spawnCli(['token', machine.credentialName, '--env', machine.environmentName, '--data-dir', machine.dataDir, '--cache', redis.url], {
      TOKENBENCH_PASSPHRASE: PASSPHRASE,
      TOKENBENCH_FLEET_KEY: FLEET_KEY,
      TOKENBENCH_NO_AGENT: '1',
    });
  const everyMachine = () => machines.flatMap((machine) => Array.from({ length: PROCESSES_PER_MACHINE }, () => tokenOn(machine)));
  let token = '';

  it(`${MACHINES} machines x ${PROCESSES_PER_MACHINE} CLI processes on a cold credential send exactly 1 token request`, async () => {
    const runs = everyMachine();
    await until(() => proxy.received >= 1, 'a token request arrived');
    // The first request is held while the others start: any machine asking on its own would show here.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    proxy.release();
    const results = await Promise.all(runs);
    for (const result of results) expect(result).toMatchObject({ code: 0 });
    expect(new Set(results.map((r) => r.stdout.trim())).size).toBe(1);
    token = results[0]!.stdout.trim();
    expect(proxy.received).toBe(1);
    expect(lengow.tokenRequests).toBe(1);
    expect(lengow.banned).toBe(false);
  }, 600_000);

  it('a Redis restart in the middle of a run fails no call and sends no token request', async () => {
    const runs = everyMachine();
    const restarted = redis.restart(1500);
    const results = await Promise.all(runs);
    await restarted;
    for (const result of results) expect(result).toMatchObject({ code: 0, stdout: `${token}\n` });
    // Who found Redis away said so.
    for (const result of results.filter((r) => r.stderr !== '')) expect(result.stderr).toContain('falls back to its local guard');
    const after = await Promise.all(machines.map(tokenOn));
    for (const result of after) expect(result).toMatchObject({ code: 0, stdout: `${token}\n`, stderr: '' });
    expect(lengow.tokenRequests).toBe(1);
  }, 600_000);

  it('Redis holds no token, secret, fleet key or name in plaintext', async () => {
    expect(token).not.toBe('');
    const dump = await redis.dump();
    expect(dump.length).toBeGreaterThan(0);
    for (const canary of [token, ACCESS_TOKEN, SECRET, FLEET_KEY, 'Sandbox', 'Lengow']) {
      expect(dump.includes(Buffer.from(canary)), canary).toBe(false);
      expect(dump.includes(Buffer.from(canary).toString('base64')), `${canary} (base64)`).toBe(false);
    }
  }, 120_000);
});
