/**
 * Processes writing one data folder at the same time: 8 writer processes updating the workspace,
 * 8 CLI processes storing secrets at once, and imports racing with other processes that unlock
 * the vault. No update is lost and every import that says "imported" has its secret values.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../testing/vault';
import { LONG, PASSPHRASE, bundled, cli, folderWithVault, open, postmanFile, resolvedSecrets, start } from '../../../testing/fixtures/processes.fixture';

const WRITERS = 8;

describe('concurrent processes', () => {
  it(`${WRITERS} writer processes updating the workspace at once lose no update`, async () => {
    const dataDir = tempDir();
    const writer = await bundled('testing/fixtures/writer.fixture.ts');
    const count = LONG ? 60 : 12;
    const runs = Array.from({ length: WRITERS }, (_, w) => start(writer, [dataDir, `w${w}`, String(count)]));
    const results = await Promise.all(runs.map((r) => r.finished));
    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
    const app = await open(dataDir);
    const names = new Set(app.workspace.read().environments.map((e) => e.name));
    await app.dispose();
    expect(names.size).toBe(WRITERS * count);
    for (let w = 0; w < WRITERS; w++) for (let n = 1; n <= count; n++) expect(names.has(`w${w}-${n}`)).toBe(true);
  }, 300_000);

  it(`${WRITERS} CLI processes storing secrets at once lose none`, async () => {
    const dataDir = await folderWithVault();
    const rounds = LONG ? 5 : 1;
    const expected = new Map<string, string>();
    for (let round = 0; round < rounds; round++) {
      const runs = await Promise.all(
        Array.from({ length: WRITERS }, (_, w) => {
          const key = `k${round}x${w}`;
          expected.set(`Sandbox/${key}`, `value-${round}-${w}-0123456789`);
          return cli(dataDir, ['secret', 'set', 'Sandbox', key], expected.get(`Sandbox/${key}`));
        }),
      );
      for (const result of await Promise.all(runs.map((r) => r.finished))) expect(result.stderr).toBe('');
    }
    const app = await open(dataDir);
    try {
      expect(Object.fromEntries(await resolvedSecrets(app))).toEqual(Object.fromEntries(expected));
    } finally {
      await app.dispose();
    }
  }, 600_000);

  it('imports racing with processes that unlock the vault lose no secret value', async () => {
    const dataDir = await folderWithVault();
    const filesDir = tempDir();
    const imports = LONG ? 30 : 6;
    let importsDone = false;
    const expected = new Map<string, string>();

    const importer = (async () => {
      for (let i = 0; i < imports; i++) {
        const value = `raced-import-${i}-0123456789`;
        const result = await (await cli(dataDir, ['import', postmanFile(filesDir, `Raced ${i}`, value)])).finished;
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(/Imported|imported/);
        expect(result.code).toBe(0);
        expected.set(`Raced ${i}/apiKey`, value);
      }
      importsDone = true;
    })();
    // Other processes unlock (and write) meanwhile: the CLI storing secrets, and the app's services in this process.
    const unlockers = (async () => {
      let n = 0;
      while (!importsDone) {
        const result = await (await cli(dataDir, ['secret', 'set', 'Sandbox', `other${n}`], `other-value-${n}-0123456789`)).finished;
        expect(result.code).toBe(0);
        expected.set(`Sandbox/other${n}`, `other-value-${n}-0123456789`);
        const app = await open(dataDir);
        await app.handlers['vault:unlock']({ passphrase: PASSPHRASE });
        await app.handlers['vault:lock']({});
        await app.dispose();
        n++;
      }
      return n;
    })();
    const [, unlocks] = await Promise.all([importer, unlockers]);

    const app = await open(dataDir);
    try {
      expect(app.storeProblems).toEqual([]);
      const values = await resolvedSecrets(app);
      const lost = [...expected].filter(([key, value]) => values.get(key) !== value).map(([key]) => key);
      console.log(`import race: ${imports} imports, ${unlocks} rounds of other processes unlocking, ${lost.length} values lost`);
      expect(lost).toEqual([]);
    } finally {
      await app.dispose();
    }
  }, 600_000);
});
