// The exported clients, run for real: for each of the five vendor presets the TypeScript client
// (under Node) and the Python client (python3) talk to that vendor's emulator. One token request
// for 20 concurrent calls, renewal before expiry, 401 -> renew once and retry once, nothing sent
// inside the spacing, Retry-After honoured, and no secret value in the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEMONWAY_API_PREFIX, startLandax, startLemonway, startLengow, startLiveData, startOAuth2ClientCredentials, type ClockOption, type Emulator } from '../../../testing/emulators';
import { findPreset } from '../../../shared/recipe';
import { DriverProcess } from '../../../testing/code-export/driver-process';
import { exportCode, type CodeLanguage } from './export-code';

const folder = mkdtempSync(path.join(tmpdir(), 'tokenbench-code-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Vendor {
  preset: string;
  /** The token lifetime the emulator gives, in seconds. */
  lifetime: number;
  start(clock: ClockOption): Promise<Emulator>;
  values(emulator: Emulator): Record<string, string>;
  api(emulator: Emulator): string;
}

const SECRET = 'secret-value-0123456789';
const vendors: Vendor[] = [
  {
    preset: 'lengow',
    lifetime: 3600,
    start: (clock) => startLengow({ accessToken: 'access-0123456789', secret: SECRET, banAfter: 1000, ...clock }),
    values: (e) => ({ baseUrl: e.url, accessToken: 'access-0123456789', secret: SECRET }),
    api: (e) => `${e.url}/v3.0/orders?account_id=1`,
  },
  {
    preset: 'landax',
    lifetime: 3600,
    start: (clock) => startLandax({ clientId: 'app-key', clientSecret: SECRET, username: 'api-user', password: 'pass-0123456789', ...clock }),
    values: (e) => ({ baseUrl: e.url, clientId: 'app-key', clientSecret: SECRET, username: 'api-user', password: 'pass-0123456789' }),
    api: (e) => `${e.url}/api/v20/Projects`,
  },
  {
    preset: 'livedata-service-account',
    lifetime: 900,
    start: (clock) => startLiveData({ clientId: 'svc-1', clientSecret: SECRET, username: 'me', password: 'pw-0123456789', ...clock }),
    values: (e) => ({ baseUrl: e.url, clientId: 'svc-1', clientSecret: SECRET }),
    api: (e) => `${e.url}/api/companies/v1/42`,
  },
  {
    preset: 'oauth2-client-credentials-basic',
    lifetime: 3600,
    start: (clock) => startOAuth2ClientCredentials({ clientId: 'my-own-id', clientSecret: SECRET, ...clock }),
    values: (e) => ({ tokenUrl: `${e.url}/oauth/v2/token`, clientId: 'my-own-id', clientSecret: SECRET }),
    api: (e) => `${e.url}/api/v1/me`,
  },
  {
    preset: 'lemonway',
    lifetime: 7_776_000,
    start: (clock) => startLemonway({ apiKey: `${SECRET}-key`, environment: 'sandbox', ...clock }),
    values: (e) => ({ baseUrl: e.url, apiKey: `${SECRET}-key` }),
    api: (e) => `${e.url}${LEMONWAY_API_PREFIX}accounts/1`,
  },
];

function generate(vendor: Vendor, emulator: Emulator, language: CodeLanguage) {
  const preset = findPreset(vendor.preset)!;
  const values = vendor.values(emulator);
  const variables = Object.fromEntries(preset.variables.map((v) => [v.name, { value: values[v.name] ?? '', secret: v.secret }]));
  const secretValues = preset.variables.filter((v) => v.secret).map((v) => values[v.name]!);
  const exported = exportCode({ credentialName: preset.name, recipe: preset.recipe, variables, secretValues }, language);
  const file = path.join(folder, `${vendor.preset}-${language === 'typescript' ? 'client.ts' : 'client.py'}`);
  writeFileSync(file, exported.code);
  const env: Record<string, string> = {};
  for (const v of preset.variables) if (v.secret) env[exported.environmentVariables.find((e) => e.name.endsWith(v.name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()))!.name] = values[v.name]!;
  return { exported, file, env, secretValues };
}

describe.each(['typescript', 'python'] as const)('the exported %s client', (language) => {
  it.each(vendors.map((v) => [v.preset, v] as const))('%s: against its emulator', async (_, vendor) => {
    const start = Date.UTC(2026, 0, 1);
    let offset = 0;
    const emulator = await vendor.start({ now: () => start + offset });
    const { exported, file, env, secretValues } = generate(vendor, emulator, language);
    for (const value of secretValues) expect(exported.code).not.toContain(value);
    expect(exported.code).toMatch(/exported from Tokenbench/);
    const driver = new DriverProcess(language, file, env, start);
    const preset = findPreset(vendor.preset)!;
    const spacing = preset.recipe.kind === 'token-request' ? preset.recipe.guard.minIntervalSeconds : 0;
    const advance = async (seconds: number) => {
      offset += seconds * 1000;
      await driver.send({ op: 'advance', seconds });
    };
    const url = vendor.api(emulator);
    try {
      // 20 concurrent calls share one token request.
      const burst = await driver.send({ op: 'calls', n: 20, url });
      expect(burst.results!.map((r) => r.status ?? r.message)).toEqual(Array(20).fill(200));
      expect(emulator.tokenRequests).toBe(1);

      // Renewal before expiry: not yet 10 s before the margin, done 10 s after it (still before expiry).
      const margin = Math.min(Math.max(30, vendor.lifetime * 0.1), vendor.lifetime / 2);
      await advance(vendor.lifetime - margin - 10);
      expect((await driver.send({ op: 'call', url })).status).toBe(200);
      expect(emulator.tokenRequests).toBe(1);
      await advance(20);
      expect((await driver.send({ op: 'call', url })).status).toBe(200);
      expect(emulator.tokenRequests).toBe(2);

      // 401 -> renew once, retry once.
      await advance(spacing + 1);
      emulator.revokeAllTokens();
      const apiBefore = emulator.apiRequests;
      expect((await driver.send({ op: 'call', url })).status).toBe(200);
      expect(emulator.tokenRequests).toBe(3);
      expect(emulator.apiRequests).toBe(apiBefore + 2);

      // Inside the spacing no token request is sent, whatever the API says.
      emulator.revokeAllTokens();
      const refused = await driver.send({ op: 'call', url });
      expect(refused.error).toBe('TokenRequestRefused');
      expect(emulator.tokenRequests).toBe(3);

      // Retry-After: the auth service asks to wait 600 s; the client waits that long, not just its spacing.
      await advance(spacing + 1);
      emulator.injectTokenFault({ status: 429, headers: { 'retry-after': '600' } });
      expect((await driver.send({ op: 'call', url })).error).toBe('TokenRequestFailed');
      expect(emulator.tokenRequests).toBe(4);
      await advance(Math.max(spacing, 300) + 1);
      expect((await driver.send({ op: 'call', url })).error).toBe('TokenRequestRefused');
      expect(emulator.tokenRequests).toBe(4);
      await advance(600);
      expect((await driver.send({ op: 'call', url })).status).toBe(200);
      expect(emulator.tokenRequests).toBe(5);
    } finally {
      driver.close();
      await emulator.close();
    }
  }, 120_000);
});
