/**
 * `tokenbench run` on saved requests for the five vendors' emulators, set up the way a script
 * would (`env create`, `credential add` with secrets on stdin): tokens obtained once and reused,
 * a request whose token cannot be had is not sent, JSON and JUnit reports, non-zero exit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LEMONWAY_API_PREFIX,
  startLandax,
  startLemonway,
  startLengow,
  startLiveData,
  startOAuth2ClientCredentials,
  type Emulator,
} from '../../../testing/emulators';
import type { RequestDraft } from '../../../shared/runner/draft';
import { emptyDraft } from '../../../shared/runner/draft';
import { createMainServices } from '../../core/services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import type { CliIo } from '../main';
import { runCli } from '../../../testing/cli';
import type { RequestOutcome, RunSummary } from '../batch/outcome';

const PASSPHRASE = 'run command passphrase';
const emulators: Emulator[] = [];
afterEach(async () => {
  for (const emulator of emulators.splice(0)) await emulator.close();
});

const cli = (argv: string[], stdin: string | NodeJS.ReadableStream = '') => runCli(argv, { stdin: stdin as CliIo['stdin'], env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });

interface Vendor {
  environment: string;
  preset: string;
  plain: Record<string, string>;
  secrets: Record<string, string>;
  emulator: Emulator;
  draft: Partial<RequestDraft>;
}

async function fiveVendors(): Promise<Vendor[]> {
  const track = <T extends Emulator>(emulator: T) => (emulators.push(emulator), emulator);
  const lengow = track(await startLengow({ accessToken: 'lengow-access-0123456789', secret: 'lengow-secret-0123456789', banAfter: 100 }));
  const landax = track(await startLandax({ clientId: 'app-key', clientSecret: 'client-key-0123456789', username: 'api-user', password: 'pass-0123456789' }));
  const live = track(await startLiveData({ clientId: 'svc-1', clientSecret: 'svc-secret-0123456789', username: 'me', password: 'pw-0123456789' }));
  const oauth = track(await startOAuth2ClientCredentials({ clientId: 'my-own-id', clientSecret: 'cc-secret-0123456789' }));
  const lemonway = track(await startLemonway({ apiKey: 'da012c0f-b1a7-4f86-8279-3cd69b9185e2', environment: 'sandbox' }));
  return [
    { environment: 'Lengow sandbox', preset: 'lengow', plain: { baseUrl: lengow.url }, secrets: { accessToken: 'lengow-access-0123456789', secret: 'lengow-secret-0123456789' }, emulator: lengow, draft: { url: `${lengow.url}/v3.0/orders?account_id=1` } },
    { environment: 'Landax test', preset: 'landax', plain: { baseUrl: landax.url, clientId: 'app-key', username: 'api-user' }, secrets: { clientSecret: 'client-key-0123456789', password: 'pass-0123456789' }, emulator: landax, draft: { url: `${landax.url}/api/v20/Projects` } },
    { environment: 'Live Data', preset: 'livedata-service-account', plain: { baseUrl: live.url, clientId: 'svc-1' }, secrets: { clientSecret: 'svc-secret-0123456789' }, emulator: live, draft: { method: 'POST', url: `${live.url}/api/people/v1/o_1/find`, body: { type: 'json', text: '{}' } } },
    { environment: 'OAuth2 API', preset: 'oauth2-client-credentials-basic', plain: { tokenUrl: oauth.tokenEndpoint, clientId: 'my-own-id' }, secrets: { clientSecret: 'cc-secret-0123456789' }, emulator: oauth, draft: { url: `${oauth.url}/api/v1/me` } },
    { environment: 'Lemonway sandbox', preset: 'lemonway', plain: { baseUrl: lemonway.url }, secrets: { apiKey: 'da012c0f-b1a7-4f86-8279-3cd69b9185e2' }, emulator: lemonway, draft: { url: `${lemonway.url}${LEMONWAY_API_PREFIX}accounts/1` } },
  ];
}

const secretLines = (secrets: Record<string, string>) => Object.entries(secrets).map(([name, value]) => `${name}=${value}\n`).join('');
const setFlags = (plain: Record<string, string>) => Object.entries(plain).flatMap(([name, value]) => ['--set', `${name}=${value}`]);

/** A data folder set up by CLI commands, with one saved request per vendor plus one whose token cannot be had. */
async function prepared(vendors: Vendor[]) {
  const dataDir = tempDir();
  const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
  await app.dispose();
  for (const v of vendors) {
    expect(await cli(['--data-dir', dataDir, 'env', 'create', v.environment])).toMatchObject({ code: 0 });
    const added = await cli(['credential', 'add', '--preset', v.preset, '--env', v.environment, ...setFlags(v.plain), '--data-dir', dataDir], secretLines(v.secrets));
    expect(added).toMatchObject({ code: 0, stderr: '' });
  }
  // The same Lengow service, with a secret it refuses: its token cannot be had.
  const lengow = vendors[0]!;
  await cli(['env', 'create', 'Lengow revoked', '--data-dir', dataDir]);
  const wrong = await cli(['credential', 'add', '--preset', 'lengow', '--name', 'Lengow revoked', '--env', 'Lengow revoked', ...setFlags(lengow.plain), '--data-dir', dataDir], secretLines({ accessToken: 'lengow-access-0123456789', secret: 'not-the-secret' }));
  expect(wrong.code).toBe(0);

  const services = await createMainServices({ dataDir, log: () => {} });
  const environments = services.workspace.read().environments;
  const credentials = services.credentials.read().credentials;
  const save = (name: string, folder: string, environmentName: string, credentialName: string, draft: Partial<RequestDraft>) => {
    const environment = environments.find((e) => e.name === environmentName)!;
    const credential = credentials.find((c) => c.name === credentialName && c.environmentIds.includes(environment.id))!;
    return services.handlers['requests:save']({ name, collection: 'Vendors', folder, draft: emptyDraft({ ...draft, environmentId: environment.id, credentialId: credential.id }) });
  };
  for (const v of vendors) {
    const credential = credentials.find((c) => c.environmentIds.includes(environments.find((e) => e.name === v.environment)!.id))!;
    await save(`${v.preset} call`, v.preset, v.environment, credential.name, v.draft);
  }
  await save('revoked call', 'lengow', 'Lengow revoked', 'Lengow revoked', lengow.draft);
  await services.dispose();
  return dataDir;
}

describe('tokenbench run', () => {
  it('runs saved requests for the five vendors, and never sends a call without its token', async () => {
    const vendors = await fiveVendors();
    const dataDir = await prepared(vendors);
    const junit = path.join(tempDir(), 'report.xml');

    const all = await cli(['run', '--all', '--json', '--junit', junit, '--data-dir', dataDir]);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(1);
    const { outcomes, summary } = JSON.parse(all.stdout) as { outcomes: RequestOutcome[]; summary: RunSummary };
    expect(summary).toMatchObject({ total: 6, passed: 5, failed: 1, noToken: 1 });
    expect(outcomes.map((o) => [o.name, o.verdict, o.status])).toEqual([
      ['landax call', 'passed', 200],
      ['lemonway call', 'passed', 200],
      ['lengow call', 'passed', 200],
      ['revoked call', 'no-token', null],
      ['livedata-service-account call', 'passed', 200],
      ['oauth2-client-credentials-basic call', 'passed', 200],
    ]);
    const revoked = outcomes.find((o) => o.name === 'revoked call')!;
    expect(revoked).toMatchObject({ sent: false, credential: 'Lengow revoked', error: { code: 'bad-credentials' } });
    // Lengow answered one API call (the good credential's); the revoked one never reached the API.
    expect(vendors[0]!.emulator.apiRequests).toBe(1);
    for (const v of vendors) expect(v.emulator.tokenRequests).toBeGreaterThanOrEqual(1);
    for (const v of vendors.slice(1)) expect(v.emulator.tokenRequests).toBe(1);
    for (const secret of vendors.flatMap((v) => Object.values(v.secrets))) expect(all.stdout).not.toContain(secret);

    const xml = fs.readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuites name="tokenbench run" tests="6" failures="1"');
    expect(xml).toMatch(/<testcase classname="Vendors\/lengow" name="revoked call" time="[\d.]+">\s*<failure message="[^"]+" type="no-token">/);
    expect(xml.match(/<testcase /g)).toHaveLength(6);

    // A group again: tokens reused, status lines and a summary, exit 0.
    const group = await cli(['run', 'Vendors/landax', 'lemonway call', '--data-dir', dataDir]);
    expect(group.code).toBe(0);
    const lines = group.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ok {3}Vendors\/landax > landax call {2}GET http:\/\/127\.0\.0\.1:\d+\/api\/v20\/Projects {2}200 {2}\d+ ms {2}\(Landax test \/ Landax\)$/);
    expect(lines[2]).toMatch(/^2 requests: 2 passed, 0 failed, in \d+(\.\d)? m?s\.$/);
    expect(vendors[1]!.emulator.tokenRequests).toBe(1);
    expect(vendors[4]!.emulator.tokenRequests).toBe(1);
  }, 60_000);

  it('says what to run, and what there is', async () => {
    const vendors = await fiveVendors();
    const dataDir = await prepared(vendors);
    expect(await cli(['run', '--data-dir', dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('--all') });
    expect(await cli(['run', 'Nope', '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: expect.stringContaining('Collections: Vendors.') });
    const failing = await cli(['run', 'revoked call', '--data-dir', dataDir]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^FAIL Vendors\/lengow > revoked call .* no token, not sent /m);
    expect(failing.stdout).toContain('1 request: 0 passed, 1 failed (1 without a token, not sent)');
    expect(vendors[0]!.emulator.apiRequests).toBe(0);
  }, 60_000);
});
