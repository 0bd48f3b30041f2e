/**
 * CLI benchmark: one `tokenbench token` and one `tokenbench request` with a cached token, each
 * from a fresh process of the built CLI (`bin/tokenbench.js`), against `node -e ''` measured in
 * the same run. Wall time (spawn to exit, median) and peak memory (the process's own max RSS,
 * reported at exit by a preload that every measured process gets, the baseline too).
 *  - with an unlock session (`tokenbench unlock`): goal <= 250 ms and <= 100 MiB;
 *  - without one (passphrase from TOKENBENCH_PASSPHRASE, scrypt paid by the process): for scale.
 * Run: npm run bench -- cli   (builds the CLI first)
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLengow } from '../../testing/emulators';
import { createMainServices } from '../../electron/core/services';

const root = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(root, 'bin/tokenbench.js');
const PASSPHRASE = 'cli benchmark passphrase, not a secret';
const GOALS = { wallMs: 250, peakMiB: 100 };
const RUNS = Number(process.env.TOKENBENCH_BENCH_RUNS ?? 9);

// Writes the process's peak RSS (KiB) to fd 3 as it exits.
const PRELOAD = `data:text/javascript,${encodeURIComponent("import fs from 'node:fs'; process.on('exit', () => { try { fs.writeSync(3, String(process.resourceUsage().maxRSS)); } catch {} });")}`;

interface Sample {
  wallMs: number;
  peakMiB: number;
}

function once(args: string[], env: Record<string, string | undefined>): Promise<Sample & { code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', PRELOAD, ...args], { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let rss = '';
    let stderr = '';
    child.stdout!.resume();
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (d: string) => (rss += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ wallMs: performance.now() - started, peakMiB: Number(rss) / 1024, code, stderr }));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(label: string, args: string[], env: Record<string, string | undefined>, runs: number): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await once(args, env);
    if (sample.code !== 0) throw new Error(`${label} failed (exit ${sample.code}): ${sample.stderr}`);
    samples.push(sample);
  }
  return { wallMs: median(samples.map((s) => s.wallMs)), peakMiB: median(samples.map((s) => s.peakMiB)) };
}

function report(label: string, measured: Sample, baseline: Sample, withGoal: boolean): void {
  const ok = measured.wallMs <= GOALS.wallMs && measured.peakMiB <= GOALS.peakMiB;
  // On a loaded machine node alone can take longer than the goal; the ratio is then the figure to compare.
  const loaded = !ok && baseline.wallMs > GOALS.wallMs / 2 ? ` (node -e '' alone took ${baseline.wallMs.toFixed(0)} ms: the machine is loaded, compare the ratio)` : '';
  console.log(
    `${label}: ${measured.wallMs.toFixed(0)} ms, ratio ${(measured.wallMs / baseline.wallMs).toFixed(2)}; ` +
      `peak ${measured.peakMiB.toFixed(0)} MiB, ratio ${(measured.peakMiB / baseline.peakMiB).toFixed(2)}` +
      (withGoal ? `  (goal <= ${GOALS.wallMs} ms and <= ${GOALS.peakMiB} MiB) ${ok ? 'OK' : `MISSED${loaded}`}` : ''),
  );
}

/** Resident memory of the unlock session's agent for this data folder (Linux /proc), or null. */
function agentResidentMiB(dataDir: string): number | null {
  if (!fs.existsSync('/proc')) return null;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args.includes('agent') || !args.includes(dataDir)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return rss ? Number(rss[1]) / 1024 : null;
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

export default async function run(): Promise<void> {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'cli', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-cli-bench-'));
  const runtimeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-cli-bench-run-'));
  const lengow = await startLengow({ accessToken: 'bench-access', secret: 'bench-secret', banAfter: 1_000_000 });
  const env = { ...process.env, XDG_RUNTIME_DIR: runtimeDir, TOKENBENCH_PASSPHRASE: '', TOKENBENCH_DATA_DIR: dataDir };
  try {
    // The app's side: a vault at the real scrypt cost, a Lengow sandbox, a cached token.
    const app = await createMainServices({ dataDir, log: () => {} });
    await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
    const environment = await app.handlers['environments:create']({ name: 'Sandbox' });
    const { credential } = await app.handlers['credentials:add-from-preset']({ presetId: 'lengow', environmentId: environment.id, values: { baseUrl: lengow.url, accessToken: 'bench-access', secret: 'bench-secret' } });
    await app.handlers['tokens:fetch']({ environmentId: environment.id, credentialId: credential.id });
    await app.dispose();

    const token = [BIN, 'token', 'Lengow', '--env', 'Sandbox'];
    const request = [BIN, 'request', 'GET', `${lengow.url}/v3.0/orders?account_id=1`, '--env', 'Sandbox', '--credential', 'Lengow'];
    console.log(`cli.bench (${RUNS} runs each, medians; fresh process per call; baseline measured in this run)`);
    const baseline = await measure("node -e ''", ['-e', ''], env, RUNS);
    console.log(`baseline node -e '': ${baseline.wallMs.toFixed(0)} ms, peak ${baseline.peakMiB.toFixed(0)} MiB`);

    const unlocked = await once([BIN, 'unlock'], { ...env, TOKENBENCH_PASSPHRASE: PASSPHRASE });
    if (unlocked.code !== 0) throw new Error(`tokenbench unlock failed: ${unlocked.stderr}`);
    try {
      report('token, cached, unlock session', await measure('token', token, env, RUNS), baseline, true);
      report('request, cached token, unlock session', await measure('request', request, env, RUNS), baseline, true);
      const agent = agentResidentMiB(dataDir);
      console.log(`the unlock session's agent (one per data folder while unlocked): ${agent === null ? 'not found' : `${agent.toFixed(0)} MiB resident`}`);
    } finally {
      await once([BIN, 'lock'], env);
    }
    const withPassphrase = { ...env, TOKENBENCH_PASSPHRASE: PASSPHRASE };
    report('token, cached, no session (scrypt unlock in the process)', await measure('token', token, withPassphrase, 3), baseline, false);
    if (lengow.tokenRequests !== 1) throw new Error(`Expected 1 token request (cached afterwards), saw ${lengow.tokenRequests}.`);
  } finally {
    await lengow.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(runtimeDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await run();
