/**
 * The damage matrix: each data file (and the manifest that lists them) x each way it can be
 * damaged. Every case either opens with nothing lost, or says which file is damaged and what to
 * do, and then keeps the damaged bytes (they are never overwritten or deleted) and every sealed
 * value. There is no third outcome: a flipped byte that still reads as valid JSON of the right
 * shape is caught by the file's checksum, and a file deleted together with its `.bak` by the
 * manifest, which lists the files saved in the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MainServices } from '../services';
import { tempDir } from '../../../testing/vault';
import { PASSPHRASE, SEED, folderWithVault, open, resolvedSecrets, seeded } from '../../../testing/fixtures/processes.fixture';

const DATA_FILES = ['workspace', 'credentials', 'vault', 'secrets', 'tokens'] as const;
const FILES = [...DATA_FILES, 'manifest'] as const;

const random = seeded(SEED + 2);
const DAMAGES: Record<string, (file: string) => void> = {
  empty: (file) => fs.writeFileSync(file, ''),
  half: (file) => fs.writeFileSync(file, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2))),
  garbage: (file) => fs.writeFileSync(file, Buffer.from('\u0000\u00ffnot json at all {{{', 'latin1')),
  'wrong shape': (file) => fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, something: ['else'] })),
  'too new': (file) => fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), schemaVersion: 99 })),
  deleted: (file) => fs.rmSync(file),
  '.bak also damaged': (file) => {
    fs.writeFileSync(file, '{"schemaVersion":1,');
    fs.writeFileSync(`${file}.bak`, 'garbage');
  },
  'both deleted': (file) => {
    fs.rmSync(file);
    // The manifest has no backup: it holds none of the user's data.
    fs.rmSync(`${file}.bak`, { force: true });
  },
  // The hard kind: a bit whose flip leaves valid JSON of the same keys, with a value changed (a
  // digit of a count or a date, a letter of a name or of a sealed value).
  'one flipped byte': (file) => {
    const good = fs.readFileSync(file);
    const shape = (value: unknown): unknown => (value && typeof value === 'object' ? Object.entries(value).map(([k, v]) => [k, shape(v)]) : typeof value);
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const bytes = Buffer.from(good);
      const at = Math.floor(random() * bytes.length);
      bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 7));
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch {
        continue;
      }
      const before = JSON.parse(good.toString('utf8'));
      if (JSON.stringify(parsed) === JSON.stringify(before) || JSON.stringify(shape(parsed)) !== JSON.stringify(shape(before))) continue;
      fs.writeFileSync(file, bytes);
      return;
    }
    throw new Error(`no bit of ${file} flips into valid JSON of the same shape`);
  },
};

interface Baseline {
  dir: string;
  environments: string[];
  credentials: string[];
  /** Every field, not only the names: a changed host or recipe is a change too. */
  everything: string;
  secrets: Map<string, string>;
  tokens: Map<string, string>;
}

let baseline: Baseline;

beforeAll(async () => {
  const dir = await folderWithVault(['Sandbox', 'Production']);
  const app = await open(dir);
  await app.handlers['vault:unlock']({ passphrase: PASSPHRASE });
  const [sandbox, production] = app.workspace.read().environments;
  for (const environment of [sandbox!, production!]) {
    await app.handlers['variables:set']({ environmentId: environment.id, name: 'apiKey', value: `${environment.name}-api-key-0123456789`, secret: true });
    await app.handlers['variables:set']({ environmentId: environment.id, name: 'baseUrl', value: 'https://api.example.com', secret: false });
  }
  await app.handlers['credentials:add-from-preset']({ presetId: 'lemonway', environmentId: sandbox!.id, values: { baseUrl: 'https://sandbox-api.example.com', apiKey: 'lemonway-key-0123456789' } });
  await app.handlers['credentials:add-from-preset']({ presetId: 'lemonway', environmentId: production!.id, name: 'Lemonway prod', values: { baseUrl: 'https://api.example.com', apiKey: 'lemonway-prod-key-0123456789' } });
  await app.handlers['vault:settings']({ autoLockMinutes: 30 });
  await app.secrets.vault.tokens.write({ 'cached/one': 'cached-token-value-1' });
  await app.secrets.vault.tokens.write({ 'cached/two': 'cached-token-value-2' });
  baseline = { dir, environments: [], credentials: [], everything: everything(app), secrets: await resolvedSecrets(app), tokens: new Map() };
  baseline.environments = app.workspace.read().environments.map((e) => e.name);
  baseline.credentials = app.credentials.read().credentials.map((c) => c.name);
  baseline.tokens = new Map(['cached/one', 'cached/two'].map((id) => [id, app.secrets.vault.tokens.read(id, id)!]));
  await app.dispose();
  for (const name of DATA_FILES) expect(fs.existsSync(path.join(dir, `${name}.json.bak`)), `${name}.json.bak`).toBe(true);
  expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).files)).toEqual(expect.arrayContaining(DATA_FILES.map((name) => `${name}.json`)));
}, 120_000);

const everything = (app: MainServices) => JSON.stringify([app.workspace.read(), app.credentials.read()]);

type Outcome = 'intact' | 'reported' | 'silent loss';

/** Everything the user can see of the folder, and every message about it. */
async function look(dir: string) {
  const messages: string[] = [];
  let app: MainServices | undefined;
  const seen = { environments: [] as string[], credentials: [] as string[], everything: '', secrets: new Map<string, string>(), tokens: new Map<string, string>(), opened: false };
  try {
    app = await open(dir, (m) => messages.push(m));
    messages.push(...app.storeProblems.map((p) => p.message));
    const status = app.secrets.vault.status();
    if (status.problem) messages.push(`${status.problem.message} ${status.problem.hint ?? ''}`);
    seen.environments = app.workspace.read().environments.map((e) => e.name);
    seen.credentials = app.credentials.read().credentials.map((c) => c.name);
    seen.everything = everything(app);
    await app.handlers['vault:unlock']({ passphrase: PASSPHRASE });
    seen.opened = true;
    for (const environment of app.workspace.read().environments) {
      for (const variable of environment.variables.filter((v) => v.secret)) {
        try {
          seen.secrets.set(`${environment.name}/${variable.name}`, app.secrets.variables.readSecret(environment.id, variable.name));
        } catch (error) {
          messages.push(explain(error));
        }
      }
    }
    for (const id of baseline.tokens.keys()) {
      try {
        const token = app.secrets.vault.tokens.read(id, id);
        if (token !== undefined) seen.tokens.set(id, token);
      } catch (error) {
        messages.push(explain(error));
      }
    }
    // A write after the damage must not destroy anything either.
    await app.handlers['environments:create']({ name: 'Written after the damage' });
  } catch (error) {
    messages.push(explain(error));
  } finally {
    await app?.dispose();
  }
  return { messages, seen };
}

function explain(error: unknown): string {
  const e = error as { message?: string; hint?: string };
  return `${e.message ?? String(error)} ${e.hint ?? ''}`;
}

const sameMap = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

const tally = new Map<Outcome, string[]>();

describe('damage matrix', () => {
  for (const name of FILES) {
    for (const [damage, apply] of Object.entries(DAMAGES)) {
      it(`${name}.json, ${damage}`, async () => {
        const dir = tempDir();
        fs.cpSync(baseline.dir, dir, { recursive: true });
        const file = path.join(dir, `${name}.json`);
        apply(file);
        const damagedBytes = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
        const sealedBefore = fs.existsSync(path.join(dir, 'secrets.json')) ? fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8') : undefined;

        const { messages, seen } = await look(dir);
        const environments = seen.environments.filter((n) => n !== 'Written after the damage');
        const intact =
          seen.opened &&
          JSON.stringify(environments) === JSON.stringify(baseline.environments) &&
          JSON.stringify(seen.credentials) === JSON.stringify(baseline.credentials) &&
          seen.everything === baseline.everything &&
          sameMap(seen.secrets, baseline.secrets) &&
          sameMap(seen.tokens, baseline.tokens);
        const fileName = `${name}.json`;
        const reported = messages.some((m) => m.includes(fileName) && /kept as|recovered|Restore|[Pp]ut (your own backup|.*back)|Update Tokenbench|move it|repair/.test(m));
        const outcome: Outcome = intact ? 'intact' : reported ? 'reported' : 'silent loss';
        tally.set(outcome, [...(tally.get(outcome) ?? []), `${fileName} ${damage}`]);
        expect(outcome, `${fileName}, ${damage}: ${messages.join(' | ')}`).not.toBe('silent loss');

        // Whatever happened, the damaged bytes are still in the folder...
        if (damagedBytes !== undefined && damagedBytes.length > 0) {
          const kept = fs.readdirSync(dir).some((entry) => fs.statSync(path.join(dir, entry)).isFile() && fs.readFileSync(path.join(dir, entry)).equals(damagedBytes));
          expect(kept, `${fileName}, ${damage}: the damaged file was overwritten or deleted`).toBe(true);
        }
        // ...and no sealed value was removed.
        if (name !== 'secrets' && sealedBefore !== undefined) {
          const entries = (text: string) => Object.keys(JSON.parse(text).entries).sort();
          expect(entries(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8'))).toEqual(entries(sealedBefore));
        }
      });
    }
  }

  it('prints the tally', () => {
    const line = [...tally].map(([outcome, cases]) => `${cases.length} ${outcome}`).join(', ');
    console.log(`damage matrix (seed ${SEED}): ${FILES.length * Object.keys(DAMAGES).length} cases: ${line}`);
    for (const [outcome, cases] of tally) if (outcome !== 'reported') console.log(`  ${outcome}: ${cases.join('; ')}`);
    expect(tally.get('silent loss') ?? []).toEqual([]);
  });
});
