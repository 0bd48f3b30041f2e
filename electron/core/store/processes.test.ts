// Real processes against one data folder: a writer killed (SIGKILL) at random moments, and two
// writers at once. The writer is bundled once with esbuild so each process starts in ~0.1 s.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { tempDir } from '../../../testing/vault';
import { openWorkspace } from './workspace';

let writerScript: string;

beforeAll(async () => {
  writerScript = path.join(tempDir(), 'writer.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, '../../../testing/fixtures/writer.fixture.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: writerScript,
    logLevel: 'silent',
    // Bundled CommonJS dependencies (proper-lockfile) still call require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
});

/** Starts a writer; `acked` collects `TAG-N` for every update that returned. */
function startWriter(dataDir: string, tag: string, count: number, acked: Set<string>, pauseMs = 0) {
  const child = spawn(process.execPath, [writerScript, dataDir, tag, String(count), String(pauseMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let firstAck: () => void;
  const firstAckSeen = new Promise<void>((resolve) => (firstAck = resolve));
  // Read whole lines: a chunk may end in the middle of "ack 12", and a trial must only count a
  // write as acknowledged (and start its kill timer) once the full line has arrived.
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^ack (\d+)$/.exec(line.trim());
      if (!match) continue;
      acked.add(`${tag}-${match[1]}`);
      firstAck();
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, firstAckSeen, closed };
}

function load(dataDir: string) {
  const problems: StoreProblem[] = [];
  const names = new Set(openWorkspace({ dataDir, problems }).read().environments.map((e) => e.name));
  return { names, problems };
}

describe('data files across processes', () => {
  it('a writer killed at random moments leaves a store that loads, with every acknowledged write', async () => {
    const dataDir = tempDir();
    const acked = new Set<string>();
    let trials = 0;
    while (trials < 12) {
      const writer = startWriter(dataDir, `t${trials}`, 0, acked, 6);
      await writer.firstAckSeen;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
      writer.child.kill('SIGKILL');
      await writer.closed;
      trials++;

      const { names, problems } = load(dataDir);
      expect(problems).toEqual([]);
      for (const name of acked) expect(names.has(name), `${name} was acknowledged but is missing`).toBe(true);
    }
    console.log(`${trials} trials, ${acked.size} acknowledged writes`);
    expect(acked.size).toBeGreaterThanOrEqual(trials);
  }, 120_000);

  it('two processes writing at once lose nothing', async () => {
    const dataDir = tempDir();
    const acked = new Set<string>();
    const writers = [startWriter(dataDir, 'a', 40, acked), startWriter(dataDir, 'b', 40, acked)];
    const results = await Promise.all(writers.map((w) => w.closed));
    expect(results).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    const { names } = load(dataDir);
    expect(acked.size).toBe(80);
    for (const name of acked) expect(names.has(name)).toBe(true);
    expect(names.size).toBe(80);
  }, 120_000);
});
