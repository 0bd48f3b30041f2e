/**
 * The fault suite's kit: the real `tokenbench` CLI and the store's writer bundled once with
 * esbuild (so each process starts in a fraction of a second), processes to run and kill, a
 * seeded random source, and the size of the run: a bounded sample by default (`npm test`), the
 * long form with TOKENBENCH_FAULTS=long (`npm run test:faults`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../vault/test-support';

export const LONG = process.env.TOKENBENCH_FAULTS === 'long';
export const SEED = Number(process.env.TOKENBENCH_FAULT_SEED ?? 20261130);
export const PASSPHRASE = 'fault suite passphrase';

/** mulberry32: the same trials, kill points and damages for the same seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const root = path.resolve(import.meta.dirname, '../../..');
const bundles = new Map<string, Promise<string>>();

/** The script, bundled for node (once per test file). */
export function bundled(entry: 'electron/cli/run.ts' | 'electron/core/store/writer.fixture.ts'): Promise<string> {
  let script = bundles.get(entry);
  if (!script) {
    const outfile = path.join(tempDir('tokenbench-bundle-'), `${path.basename(entry, '.ts')}.mjs`);
    script = build({
      entryPoints: [path.join(root, entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
      // Bundled CommonJS dependencies (proper-lockfile) still call require().
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    }).then(() => outfile);
    bundles.set(entry, script);
  }
  return script;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `node script ...args`; `finished` settles when it exits (or is killed). */
export function start(script: string, args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => {});
  child.stdin.end(options.stdin ?? '');
  const finished = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, finished };
}

/** Runs the CLI on `dataDir` with the vault passphrase in its environment. */
export async function cli(dataDir: string, args: string[], stdin?: string) {
  return start(await bundled('electron/cli/run.ts'), args, { env: { TOKENBENCH_DATA_DIR: dataDir, TOKENBENCH_PASSPHRASE: PASSPHRASE }, ...(stdin !== undefined ? { stdin } : {}) });
}

/**
 * Removes the write locks a killed process left behind. Called only when no Tokenbench process
 * runs on the folder, so that the next trial does not wait for them to go stale (that wait is
 * tested elsewhere, and would cost seconds per kill here).
 */
export function clearDeadLocks(dataDir: string): void {
  for (const entry of fs.readdirSync(dataDir)) if (entry.endsWith('.lock')) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
}

/** A data folder with a vault (cheap scrypt, same code path) and the given environments. */
export async function folderWithVault(environments: string[] = ['Sandbox'], dataDir = tempDir()): Promise<string> {
  const app = await open(dataDir);
  await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
  for (const name of environments) await app.handlers['environments:create']({ name });
  await app.dispose();
  return dataDir;
}

/** The app's services on `dataDir`, as the app and the CLI open them. */
export function open(dataDir: string, log: (message: string) => void = () => {}): Promise<MainServices> {
  return createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log });
}

/** A Postman environment file with one secret value, as the import trials use. */
export function postmanFile(dir: string, name: string, secret: string): string {
  const file = path.join(dir, `${name.replace(/\W+/g, '-')}.postman_environment.json`);
  fs.writeFileSync(file, JSON.stringify({ id: name, name, values: [{ key: 'apiKey', value: secret, type: 'secret', enabled: true }], _postman_variable_scope: 'environment' }));
  return file;
}

/** Every secret value the folder resolves, by "environment/variable" (unlocks with the passphrase). */
export async function resolvedSecrets(app: MainServices): Promise<Map<string, string>> {
  if (app.secrets.vault.status().state !== 'unlocked') await app.handlers['vault:unlock']({ passphrase: PASSPHRASE });
  const values = new Map<string, string>();
  for (const environment of app.workspace.read().environments) {
    for (const variable of environment.variables.filter((v) => v.secret && v.hint !== null)) {
      values.set(`${environment.name}/${variable.name}`, app.secrets.variables.readSecret(environment.id, variable.name));
    }
  }
  return values;
}
