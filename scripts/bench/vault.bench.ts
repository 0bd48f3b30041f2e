/**
 * Vault benchmark:
 *  1. unlock with a passphrase at the default (OWASP) scrypt cost; goal <= 1,000 ms. Baseline:
 *     the same unlock at the cheapest cost the vault accepts (what the KDF costs on top).
 *  2. after unlock, load a vault of 500 environments and 5,000 secrets and resolve one
 *     environment's variables (lazy: 10 decryptions); goal < 200 ms. Baseline: reading and
 *     JSON.parse of an equivalent unencrypted file. Also: a second load (parse cache hit), and
 *     decrypting all 5,000 secrets, for scale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Environment } from '../../shared/domain/environment';
import { openWorkspace } from '../../electron/core/store/workspace';
import { createVault } from '../../electron/core/vault/vault';
import { TEST_SCRYPT } from '../../testing/vault';
import { createVariablesService, sealableVariables } from '../../electron/core/variables/variables';

const PASSPHRASE = 'benchmark passphrase, not a secret';
const ENVIRONMENTS = 500;
const SECRETS_PER_ENVIRONMENT = 10;
const GOALS = { unlockMs: 1_000, loadMs: 200 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(op: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await op();
  return performance.now() - start;
}

/** A data folder holding 500 environments x 10 secret variables, written in one go. */
async function seed(dataDir: string): Promise<{ plainFile: string }> {
  const vault = createVault({ dataDir, problems: [] });
  await vault.setup({ passphrase: PASSPHRASE });
  const workspace = openWorkspace({ dataDir, problems: [] });
  const stamp = new Date().toISOString();
  const environments: Environment[] = [];
  const plain: unknown[] = [];
  const secrets: Record<string, string> = {};
  for (let e = 0; e < ENVIRONMENTS; e++) {
    const id = `env-${e}`;
    const inputs = Array.from({ length: SECRETS_PER_ENVIRONMENT }, (_, s) => ({ name: `SECRET_${s}`, value: `secret-value-${e}-${s}-${'x'.repeat(32)}`, secret: true }));
    const { variables, secretValues } = sealableVariables(id, inputs);
    Object.assign(secrets, secretValues);
    const environment: Environment = { id, name: `Environment ${e}`, production: false, allowedHosts: [], allowInsecureTls: false, confirmProduction: true, variables, createdAt: stamp, updatedAt: stamp };
    environments.push(environment);
    plain.push({ ...environment, variables: inputs.map((v) => ({ ...v, description: '', hint: null })) });
  }
  await vault.secrets.write(secrets);
  await workspace.update((current) => ({ ...current, environments }));
  const plainFile = path.join(dataDir, 'plain-equivalent.json');
  fs.writeFileSync(plainFile, JSON.stringify({ schemaVersion: 1, environments: plain }, null, '\t'));
  vault.dispose();
  return { plainFile };
}

export default async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-vault-bench-'));
  try {
    const { plainFile } = await seed(dataDir);
    console.log(`vault.bench (${ENVIRONMENTS} environments, ${ENVIRONMENTS * SECRETS_PER_ENVIRONMENT} secrets; baselines measured in this run)`);

    // 1. Unlock.
    const unlockRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const vault = createVault({ dataDir, problems: [] });
      unlockRuns.push(await timed(() => vault.unlock({ passphrase: PASSPHRASE })));
      vault.dispose();
    }
    const cheapDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-vault-bench-cheap-'));
    await createVault({ dataDir: cheapDir, problems: [], scryptCost: TEST_SCRYPT }).setup({ passphrase: PASSPHRASE });
    const cheapRuns: number[] = [];
    for (let i = 0; i < 3; i++) cheapRuns.push(await timed(() => createVault({ dataDir: cheapDir, problems: [] }).unlock({ passphrase: PASSPHRASE })));
    fs.rmSync(cheapDir, { recursive: true, force: true });
    const unlock = median(unlockRuns);
    console.log(
      `unlock (scrypt N=2^17, r=8, p=1): ${unlock.toFixed(0)} ms (goal <= ${GOALS.unlockMs} ms) ${unlock <= GOALS.unlockMs ? 'OK' : 'MISSED'}; ` +
        `baseline at minimum cost ${median(cheapRuns).toFixed(1)} ms, ratio ${(unlock / median(cheapRuns)).toFixed(0)}x (the deliberate cost of guessing)`,
    );

    // 2. Load after unlock, decrypting lazily.
    const loadRuns: number[] = [];
    const cachedRuns: number[] = [];
    const allRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Opening parses every file; the passphrase's scrypt (measured above) is left out.
      let vault!: ReturnType<typeof createVault>;
      let workspace!: ReturnType<typeof openWorkspace>;
      const open = await timed(() => {
        vault = createVault({ dataDir, problems: [] });
        workspace = openWorkspace({ dataDir, problems: [] });
      });
      await vault.unlock({ passphrase: PASSPHRASE });
      const variables = createVariablesService({ workspace, vault, clock: { now: () => Date.now() } });
      const environmentId = `env-${i * 97}`;
      loadRuns.push(open + (await timed(() => variables.resolveVariables(environmentId))));
      cachedRuns.push(await timed(() => variables.resolveVariables(`env-${i * 97 + 1}`)));
      allRuns.push(await timed(async () => {
        for (let e = 0; e < ENVIRONMENTS; e++) await variables.resolveVariables(`env-${e}`);
      }));
      vault.dispose();
    }
    const baselineRuns: number[] = [];
    for (let i = 0; i < 5; i++) baselineRuns.push(await timed(() => JSON.parse(fs.readFileSync(plainFile, 'utf8'))));
    const load = median(loadRuns);
    const baseline = median(baselineRuns);
    console.log(
      `open the files + resolve one environment after unlock: ${load.toFixed(1)} ms (goal < ${GOALS.loadMs} ms) ${load < GOALS.loadMs ? 'OK' : 'MISSED'}; ` +
        `baseline JSON.parse of the same data unencrypted ${baseline.toFixed(1)} ms, ratio ${(load / baseline).toFixed(2)}`,
    );
    console.log(`  next environment (files cached): ${median(cachedRuns).toFixed(2)} ms, ratio ${(median(cachedRuns) / baseline).toFixed(3)}`);
    console.log(`  all ${ENVIRONMENTS * SECRETS_PER_ENVIRONMENT} secrets decrypted: ${median(allRuns).toFixed(1)} ms, ratio ${(median(allRuns) / baseline).toFixed(2)}`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await run();
