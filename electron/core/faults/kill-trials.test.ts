/**
 * SIGKILL at random moments of `tokenbench secret set` and `tokenbench import` (the real CLI, in
 * its own process): after every kill the folder opens with no damaged file, and every command
 * that reported success before it has its value, readable. Seeded: the same seed gives the same
 * commands and kill delays. 16 trials in `npm test`, 200 in the long form.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../testing/vault';
import { LONG, SEED, clearDeadLocks, cli, folderWithVault, open, postmanFile, resolvedSecrets, seeded } from '../../../testing/fixtures/processes.fixture';

const TRIALS = LONG ? 200 : 16;

type Command = { kind: 'secret set' | 'import'; key: string; value: string };

async function run(dataDir: string, filesDir: string, command: Command) {
  return command.kind === 'secret set'
    ? cli(dataDir, ['secret', 'set', 'Sandbox', command.key.split('/')[1]!], command.value)
    : cli(dataDir, ['import', postmanFile(filesDir, command.key.split('/')[0]!, command.value)]);
}

describe('SIGKILL during secret set and import', () => {
  it(`keeps every completed write through ${TRIALS} kills at random points`, async () => {
    const random = seeded(SEED);
    const dataDir = await folderWithVault();
    const filesDir = tempDir();
    const commandFor = (i: number): Command =>
      i % 2 === 0
        ? { kind: 'secret set', key: `Sandbox/key${i}`, value: `secret-${i}-${random().toString(36).slice(2)}` }
        : { kind: 'import', key: `Vendor ${i}/apiKey`, value: `imported-${i}-${random().toString(36).slice(2)}` };

    // How long each command takes when left alone: kills land anywhere in that span.
    const started = performance.now();
    for (const i of [-2, -1]) expect((await (await run(dataDir, filesDir, commandFor(i))).finished).code).toBe(0);
    const span = ((performance.now() - started) / 2) * 1.2;

    const completed = new Map<string, string>();
    const tally = { killed: 0, completed: 0, refusedCleanly: 0 };
    for (let i = 0; i < TRIALS; i++) {
      const command = commandFor(i);
      const process = await run(dataDir, filesDir, command);
      const timer = setTimeout(() => process.child.kill('SIGKILL'), random() * span);
      const result = await process.finished;
      clearTimeout(timer);
      if (result.code === 0) {
        completed.set(command.key, command.value);
        tally.completed++;
      } else if (result.signal === 'SIGKILL') {
        tally.killed++;
      } else {
        // Finished but failed: it must say why, never half-succeed.
        expect(result.stderr).toMatch(/tokenbench: /);
        tally.refusedCleanly++;
      }
      clearDeadLocks(dataDir);

      const problems: string[] = [];
      const app = await open(dataDir, (m) => problems.push(m));
      try {
        expect(app.storeProblems, `trial ${i}: ${JSON.stringify(app.storeProblems)}`).toEqual([]);
        const values = await resolvedSecrets(app);
        for (const [key, value] of completed) expect(values.get(key), `trial ${i}: ${key} was stored but is missing`).toBe(value);
      } finally {
        await app.dispose();
      }
    }
    console.log(`kill trials (seed ${SEED}): ${TRIALS} trials, ${tally.killed} killed, ${tally.completed} completed, ${tally.refusedCleanly} refused cleanly; every completed write intact`);
    expect(tally.killed).toBeGreaterThan(0);
    expect(tally.completed).toBeGreaterThan(0);
  }, LONG ? 7_200_000 : 300_000); // generous: the machine may be busy, and this is not a speed test
});
