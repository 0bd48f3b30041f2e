/**
 * A workspace folder in real git, as a team uses it: the app saves into clone A, someone edits a
 * clone B and pushes, A pulls, and the running app reads the change by itself. No secret value
 * reaches any file, commit or git object.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../shared/runner/draft';
import { startLengow, type LengowEmulator } from '../../../testing/emulators';
import { commitAll, editFile, everythingIn, git, gitStatus } from '../../../testing/git';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { createMainServices, type MainServices } from '../services';

const PASSPHRASE = 'workspace round trip passphrase';
const ACCESS_TOKEN = 'lengow-access-CANARY-wsp-5e1c';
const SECRET = 'lengow-secret-CANARY-wsp-a7d4';

let emulator: LengowEmulator | undefined;
const open: MainServices[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  await emulator?.close();
  emulator = undefined;
});

async function services(dataDir: string, folder?: string): Promise<MainServices> {
  const s = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {}, ...(folder ? { workspace: { folder, watch: true } } : {}) });
  open.push(s);
  return s;
}

/** The app on machine A with a Lengow environment, two credentials and a saved request, saved into a new workspace in git. */
async function teamWorkspace() {
  emulator = await startLengow({ accessToken: ACCESS_TOKEN, secret: SECRET });
  const dataDir = tempDir();
  const a = path.join(tempDir(), 'A');
  const app = await services(dataDir);
  await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
  const environment = await app.handlers['environments:create']({ name: 'Lengow sandbox' });
  for (const name of ['Orders', 'Catalog']) {
    await app.handlers['credentials:add-from-preset']({ presetId: 'lengow', environmentId: environment.id, name, values: { baseUrl: emulator.url, accessToken: ACCESS_TOKEN, secret: SECRET } });
  }
  await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(emulator.url).host] });
  await app.handlers['requests:save']({ name: 'List orders', collection: 'Lengow', draft: emptyDraft({ url: `${emulator.url}/v3.0/orders`, environmentId: environment.id }) });
  fs.mkdirSync(a);
  git(a, 'init', '-q');
  await app.domain.workspace.init(a);
  await app.domain.workspace.open(a);
  commitAll(a, 'Our workspace');
  return { app, dataDir, a, environment };
}

/** Resolves when the app has told its windows that `event` happened. */
function next(app: MainServices, event: 'environments:changed' | 'credentials:changed' | 'requests:changed' | 'workspace:changed'): Promise<void> {
  return new Promise((resolve) => {
    const stop = app.onEvent((name) => {
      if (name === event) {
        stop();
        resolve();
      }
    });
  });
}

/** What the app holds, without the times (a file's time is when git wrote it). */
function content(app: MainServices) {
  const strip = <T extends object>(items: readonly T[]) => items.map(({ createdAt: _c, updatedAt: _u, ...rest }: T & { createdAt?: string; updatedAt?: string }) => rest);
  return {
    environments: strip(app.workspace.read().environments),
    credentials: strip(app.credentials.read().credentials),
  };
}

/** Clones A to B, then sets one credential's timeout to 21 in A and one's to 45 in B, each committed; returns B. */
function editedInTwoClones(a: string, inA: string, inB: string): string {
  const b = path.join(path.dirname(a), 'B');
  git(path.dirname(a), 'clone', '-q', a, b);
  for (const [clone, name, seconds] of [[a, inA, '21'], [b, inB, '45']] as const) {
    editFile(path.join(clone, `credentials/${name}.yaml`), /^( *)timeoutSeconds: \d+$/m, `$1timeoutSeconds: ${seconds}`);
    commitAll(clone, `${name}: timeout ${seconds} s`);
  }
  return b;
}

// Real git and a real emulator on a shared machine: generous time, never a verdict on speed.
describe('a workspace folder in git', { timeout: 120_000 }, () => {
  it('round-trips: save in A, edit in B, pull in A, and the running app reloads just that', async () => {
    const { app, a, dataDir, environment } = await teamWorkspace();
    const before = content(app);
    const requestsBefore = (await app.handlers['requests:list']({})).map(({ createdAt: _c, updatedAt: _u, ...r }) => r);
    expect(fs.readdirSync(path.join(a, 'credentials')).sort()).toEqual(['Catalog.yaml', 'Orders.yaml']);
    // The app keeps working on the folder: a token with the secret from this machine's vault.
    const orders = app.credentials.read().credentials.find((c) => c.name === 'Orders')!;
    const key = { environmentId: environment.id, credentialId: orders.id };
    await app.handlers['tokens:fetch'](key);
    expect((await app.tokens.status(key)).state).toBe('valid');

    const b = path.join(path.dirname(a), 'B');
    git(path.dirname(a), 'clone', '-q', a, b);
    editFile(path.join(b, 'credentials/Orders.yaml'), /^( *)timeoutSeconds: \d+$/m, '$1timeoutSeconds: 17');
    fs.writeFileSync(
      path.join(b, 'environments/Lengow-production.yaml'),
      'name: Lengow production\nid: env-production-1\nproduction: true\nvariables:\n  - name: CLIENT_SECRET\n    secret: true\n    value: ""\n',
    );
    editFile(path.join(b, 'requests/List-orders.yaml'), 'name: List orders', 'name: List open orders');
    git(b, 'mv', 'requests/List-orders.yaml', 'requests/List-open-orders.yaml');
    commitAll(b, 'Shorter timeout, production, clearer name');

    const reloaded = Promise.all([next(app, 'credentials:changed'), next(app, 'environments:changed'), next(app, 'requests:changed')]);
    git(a, 'pull', '-q', b, 'main');
    await reloaded;

    const after = content(app);
    const ordersAfter = after.credentials.find((c) => c.name === 'Orders')!;
    expect(JSON.stringify(ordersAfter.recipe)).toContain('"timeoutSeconds":17');
    expect(after.credentials.find((c) => c.name === 'Catalog')).toEqual(before.credentials.find((c) => c.name === 'Catalog'));
    expect({ ...ordersAfter, recipe: undefined }).toEqual({ ...before.credentials.find((c) => c.name === 'Orders')!, recipe: undefined });
    // In the order of their files: Lengow-production.yaml, Lengow-sandbox.yaml.
    expect(after.environments).toEqual([expect.objectContaining({ id: 'env-production-1', name: 'Lengow production', production: true }), ...before.environments]);
    const requestsAfter = (await app.handlers['requests:list']({})).map(({ createdAt: _c, updatedAt: _u, ...r }) => r);
    expect(requestsAfter).toEqual(requestsBefore.map((r) => ({ ...r, name: 'List open orders' })));
    expect(app.domain.workspace.status()).toEqual({ folder: a, broken: [] });

    // Saving from the app writes only the file that changed, and no secret.
    await app.handlers['variables:set']({ environmentId: environment.id, name: 'REGION', value: 'eu', secret: false });
    expect(git(a, 'status', '--porcelain').trim()).toBe('M environments/Lengow-sandbox.yaml');
    commitAll(a, 'Region');
    git(b, 'pull', '-q', a, 'main');

    for (const clone of [a, b]) {
      const everything = everythingIn(clone);
      expect(everything).toContain('Lengow sandbox');
      for (const secret of [SECRET, ACCESS_TOKEN, SECRET.slice(-4), ACCESS_TOKEN.slice(-4)]) expect(everything).not.toContain(secret);
    }
    expect(fs.readdirSync(dataDir)).not.toContain('environments');
  });

  it('merges edits of two different credentials cleanly, one file each', async () => {
    const { app, a } = await teamWorkspace();
    const b = editedInTwoClones(a, 'Orders', 'Catalog');
    const merge = gitStatus(a, 'pull', '--no-edit', b, 'main');
    expect(merge.output).not.toContain('CONFLICT');
    expect(merge.code).toBe(0);
    app.domain.workspace.reload();
    const timeouts = Object.fromEntries(app.credentials.read().credentials.map((c) => [c.name, JSON.stringify(c.recipe).match(/"timeoutSeconds":(\d+)/)?.[1]]));
    expect(timeouts).toEqual({ Catalog: '45', Orders: '21' });
  });

  it('names the file and line a conflict marker broke, loads the rest, and leaves that file alone', async () => {
    const { app, a, dataDir } = await teamWorkspace();
    const b = editedInTwoClones(a, 'Orders', 'Orders');
    expect(gitStatus(a, 'pull', '--no-edit', b, 'main').output).toContain('CONFLICT');
    const broken = fs.readFileSync(path.join(a, 'credentials/Orders.yaml'), 'utf8');
    const markerLine = broken.split('\n').findIndex((line) => line.startsWith('<<<<<<<')) + 1;
    expect(markerLine).toBeGreaterThan(1);

    // A fresh start (the app opened again) and the running app both say the same.
    const again = await services(tempDir(), a);
    for (const s of [app, again]) {
      s.domain.workspace.reload();
      expect(s.domain.workspace.status().broken).toEqual([{ file: 'credentials/Orders.yaml', line: markerLine, message: expect.stringContaining('merge conflict') }]);
      expect(s.credentials.read().credentials.map((c) => c.name)).toEqual(['Catalog']);
      expect(s.workspace.read().environments.map((e) => e.name)).toEqual(['Lengow sandbox']);
    }
    // Saving a change to the rest does not touch the broken file.
    const catalog = app.credentials.read().credentials[0]!;
    await app.handlers['credentials:update']({ id: catalog.id, name: 'Catalog v2' });
    expect(fs.readFileSync(path.join(a, 'credentials/Orders.yaml'), 'utf8')).toBe(broken);
    expect(fs.readdirSync(path.join(a, 'credentials')).sort()).toEqual(['Catalog-v2.yaml', 'Orders.yaml']);
    expect(dataDir).toBeTruthy();
  });
});
