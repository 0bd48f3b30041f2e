/**
 * A writer process for the store's crash and concurrency tests: adds environments named
 * `TAG-1`, `TAG-2`, ... to the workspace one update at a time, and prints `ack N` after update N
 * returned. Usage: writer DATA_DIR TAG COUNT [PAUSE_MS] (COUNT 0 = until killed; PAUSE_MS between
 * updates, so a kill lands outside the lock often enough: a lock left inside costs 2 s to expire).
 */
import { openWorkspace } from './workspace';

const [dataDir, tag, countArg, pauseArg] = process.argv.slice(2) as [string, string, string, string | undefined];
const pauseMs = Number(pauseArg ?? 0);
const count = Number(countArg) || Infinity;
const workspace = openWorkspace({ dataDir, problems: [], lockStaleMs: 2_000 });

for (let n = 1; n <= count; n++) {
  const stamp = new Date().toISOString();
  await workspace.update((current) => ({
    ...current,
    environments: [
      ...current.environments,
      { id: `${tag}-${n}`, name: `${tag}-${n}`, production: false, allowedHosts: [], allowInsecureTls: false, confirmProduction: true, variables: [], createdAt: stamp, updatedAt: stamp },
    ],
  }));
  process.stdout.write(`ack ${n}\n`);
  if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
}
