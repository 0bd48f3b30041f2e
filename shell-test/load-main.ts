/**
 * Boots the BUILT main bundle (`dist-electron/main.js`) under Node with the stand-in as its
 * `electron` module. A module hook answers the bundle's `import ... from "electron"` with a
 * small module that re-exports the stand-in of this run; every run imports a fresh copy of the
 * bundle (`?run=N`), so runs share nothing.
 */
import fs from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createElectronStandIn, type ElectronStandIn, type StandInOptions } from './electron-stand-in';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const mainBundle = path.join(repoRoot, 'dist-electron/main.js');
export const preloadBundle = path.join(repoRoot, 'dist-electron/preload.cjs');
export const rendererDir = path.join(repoRoot, 'dist');

const STAND_IN = Symbol.for('tokenbench.shell-test.electron');
const EXPORTS = ['app', 'BrowserWindow', 'clipboard', 'dialog', 'ipcMain', 'net', 'protocol', 'safeStorage', 'session', 'shell'];

const electronModule = `const electron = globalThis[Symbol.for('tokenbench.shell-test.electron')];
if (!electron) throw new Error('No electron stand-in is installed for this run.');
export default electron;
${EXPORTS.map((name) => `export const ${name} = electron.${name};`).join('\n')}`;

const hooks = `let source;
export function initialize(data) { source = data.source; }
export async function resolve(specifier, context, next) {
  if (specifier !== 'electron') return next(specifier, context);
  // One module per importing run, so each run sees its own stand-in.
  return { url: 'data:text/javascript,' + encodeURIComponent(source + '\\n// for ' + context.parentURL), shortCircuit: true };
}`;

let registered = false;
let runs = 0;


export interface BootOptions extends Partial<StandInOptions> {
  argv?: string[];
  env?: Record<string, string | undefined>;
}

export interface BootedMain extends ElectronStandIn {
  dataDir: string;
  /** Quits the app as Electron would (waiting for its clean-up) and removes its data folder. */
  shutDown(): Promise<void>;
}

export function requireBuild(): void {
  for (const file of [mainBundle, preloadBundle, path.join(rendererDir, 'index.html')]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` before the shell test.`);
  }
}

/** Loads the main bundle with a fresh stand-in; `process.argv` and the given env hold while its top level runs. */
export async function bootMain(options: BootOptions = {}): Promise<BootedMain> {
  requireBuild();
  if (!registered) {
    // Every fresh copy of the bundle installs its own exit-signal handlers (of its file-locking library).
    process.setMaxListeners(100);
    register('data:text/javascript,' + encodeURIComponent(hooks), { data: { source: electronModule } });
    registered = true;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-shell-'));
  const standIn = createElectronStandIn({ userData: path.join(dataDir, 'user-data'), ...options });
  const savedArgv = process.argv;
  const savedEnv = Object.fromEntries(Object.keys(options.env ?? {}).map((name) => [name, process.env[name]]));
  (globalThis as Record<symbol, unknown>)[STAND_IN] = standIn.electron;
  process.argv = ['electron', mainBundle, '--data-dir', dataDir, ...(options.argv ?? [])];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    // The bundle is external to the test runner (vitest.config.ts), so Node itself loads it.
    await import(/* @vite-ignore */ `${pathToFileURL(mainBundle).href}?run=${++runs}`);
  } finally {
    process.argv = savedArgv;
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const shutDown = async () => {
    if (standIn.control.rules.ready && standIn.control.quitState() !== 'quit') {
      standIn.electron.app.quit();
      await settle(() => standIn.control.quitState() === 'quit', 'the app to quit');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { ...standIn, dataDir, shutDown };
}

/** Lets the main process run until it has nothing left to do right now. */
export async function settle(until: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!until()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
