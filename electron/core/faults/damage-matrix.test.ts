/**
 * The damage matrix: each data file x each way it can be damaged. Every case either opens with
 * nothing lost, or says which file is damaged and what to do, and then keeps the damaged bytes
 * (they are never overwritten or deleted) and every sealed value.
 *
 * Known limit, counted and printed rather than hidden: `workspace.json` and `credentials.json`
 * carry no checksum, so a flipped byte that keeps them valid JSON of the right shape (a letter of
 * a name) is read as it is. In `vault.json`, `secrets.json` and `tokens.json` the encryption's
 * integrity check catches it. And a file deleted together with its backup looks like one never
 * written, unless another file refers to it: `secrets.json` names the environments of
 * `workspace.json` and needs `vault.json`, so those are reported; `credentials.json` and
 * `tokens.json` (a cache: tokens are fetched again) deleted with their backups are not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MainServices } from '../services';
import { tempDir } from '../../../testing/vault';
import { PASSPHRASE, SEED, folderWithVault, open, resolvedSecrets, seeded } from '../../../testing/fixtures/processes.fixture';

const FILES = ['workspace', 'credentials', 'vault', 'secrets', 'tokens'] as const;

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
    fs.rmSync(`${file}.bak`);
  },
  'one flipped byte': (file) => {
    const bytes = fs.readFileSync(file);
    const at = Math.floor(random() * bytes.length);
    bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 7));
    fs.writeFileSync(file, bytes);
  },
};

interface Baseline {
  dir: string;
  environments: string[];
  credentials: string[];
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
  baseline = { dir, environments: [], credentials: [], secrets: await resolvedSecrets(app), tokens: new Map() };
  baseline.environments = app.workspace.read().environments.map((e) => e.name);
  baseline.credentials = app.credentials.read().credentials.map((c) => c.name);
  baseline.tokens = new Map(['cached/one', 'cached/two'].map((id) => [id, app.secrets.vault.tokens.read(id, id)!]));
  await app.dispose();
  for (const name of FILES) expect(fs.existsSync(path.join(dir, `${name}.json.bak`)), `${name}.json.bak`).toBe(true);
}, 120_000);

type Outcome = 'intact' | 'reported' | 'undetected change' | 'both copies deleted, not detected' | 'silent loss';

/** Everything the user can see of the folder, and every message about it. */
async function look(dir: string) {
  const messages: string[] = [];
  let app: MainServices | undefined;
  const seen = { environments: [] as string[], credentials: [] as string[], secrets: new Map<string, string>(), tokens: new Map<string, string>(), opened: false };
  try {
    app = await open(dir, (m) => messages.push(m));
    messages.push(...app.storeProblems.map((p) => p.message));
    const status = app.secrets.vault.status();
    if (status.problem) messages.push(`${status.problem.message} ${status.problem.hint ?? ''}`);
    seen.environments = app.workspace.read().environments.map((e) => e.name);
    seen.credentials = app.credentials.read().credentials.map((c) => c.name);
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
          sameMap(seen.secrets, baseline.secrets) &&
          sameMap(seen.tokens, baseline.tokens);
        const fileName = `${name}.json`;
        const reported = messages.some((m) => m.includes(fileName) && /kept as|recovered|Restore|[Pp]ut (your own backup|.*back)|Update Tokenbench|move it|repair/.test(m));
        const outcome: Outcome = intact
          ? 'intact'
          : reported
            ? 'reported'
            : damage === 'one flipped byte' && seen.opened
              ? 'undetected change'
              : damage === 'both deleted' && (name === 'credentials' || name === 'tokens')
                ? 'both copies deleted, not detected'
                : 'silent loss';
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
    for (const [outcome, cases] of tally) if (outcome !== 'intact' && outcome !== 'reported') console.log(`  ${outcome}: ${cases.join('; ')}`);
    expect(tally.get('silent loss') ?? []).toEqual([]);
  });
});
