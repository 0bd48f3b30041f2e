/**
 * Test kit for the guard shared across processes: a data folder with a vault and one credential
 * from a preset against a vendor emulator, more "apps" (createMainServices) on the same folder,
 * CLI processes, and a proxy that holds token requests so processes really overlap.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TokenKey } from '../engine';
import type { Clock } from '../engine';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../vault/test-support';

export const PASSPHRASE = 'shared guard passphrase';
const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface Folder {
  dataDir: string;
  key: TokenKey;
  environmentName: string;
  credentialName: string;
  /** Another app on the same data folder, unlocked. */
  open(clock?: Clock): Promise<MainServices>;
}

/** A vault, an environment "Sandbox" and the preset's credential, its values given. */
export async function folderWith(presetId: string, values: Record<string, string>, clock?: Clock): Promise<Folder> {
  const dataDir = tempDir('tokenbench-guard-');
  // The user confirms the widening of the allowed hosts below.
  const confirmation = { confirm: async () => true };
  const setup = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {}, confirmation, ...(clock ? { clock } : {}) });
  await setup.handlers['vault:setup']({ passphrase: PASSPHRASE });
  const environment = await setup.handlers['environments:create']({ name: 'Sandbox' });
  const { credential } = await setup.handlers['credentials:add-from-preset']({ presetId, environmentId: environment.id, values });
  // The emulators listen on 127.0.0.1, not on the vendor's hosts the preset allows.
  const emulatorHosts = Object.values(values).flatMap((value) => (URL.canParse(value) && value.startsWith('http') ? [new URL(value).host] : []));
  await setup.handlers['environments:update']({ id: environment.id, allowedHosts: [...new Set(emulatorHosts)] });
  await setup.dispose();
  const credentialName = credential.name;
  return {
    dataDir,
    key: { environmentId: environment.id, credentialId: credential.id },
    environmentName: 'Sandbox',
    credentialName,
    async open(appClock = clock) {
      const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {}, ...(appClock ? { clock: appClock } : {}) });
      await app.secrets.vault.unlock({ passphrase: PASSPHRASE });
      return app;
    },
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a separate process (from source, as `npx tsx electron/cli/run.ts` runs it). */
export function startCli(args: string[], dataDir: string): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/run.ts', ...args, '--data-dir', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, TOKENBENCH_PASSPHRASE: PASSPHRASE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export const runCli = (args: string[], dataDir: string) => startCli(args, dataDir).done;

export interface HoldingProxy {
  url: string;
  /** Token requests that reached the proxy. */
  readonly received: number;
  /** Lets held token requests through, now and from now on. */
  release(): void;
  close(): Promise<void>;
}

/**
 * Forwards everything to `target`, but holds requests to `tokenPath` until `release()`: a slow
 * auth service, so that every process that wants a token arrives while the first request is out.
 */
export async function startHoldingProxy(target: string, tokenPath: string): Promise<HoldingProxy> {
  let received = 0;
  let released = false;
  const waiting: Array<() => void> = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = () => {
      const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.destroy());
      req.pipe(out);
    };
    if (req.url?.startsWith(tokenPath)) {
      received++;
      if (!released) return void waiting.push(forward);
    }
    forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get received() {
      return received;
    },
    release() {
      released = true;
      waiting.splice(0).forEach((forward) => forward());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `condition` (a process on a loaded machine may take seconds to get somewhere). */
export async function until(condition: () => boolean, what: string, timeoutMs = 300_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
