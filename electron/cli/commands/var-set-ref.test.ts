/**
 * `var set ENV NAME --ref REFERENCE`: a credential's secret kept in the team's secret manager (here
 * the real `pass`), read by the CLI at use; the data folder never holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLengow, type LengowEmulator } from '../../../testing/emulators';
import { createPassStore, type PassStore } from '../../../testing/secret-managers/pass-store';
import { createVault } from '../../core/vault/vault';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { runCli } from '../../../testing/cli';

const PASSPHRASE = 'reference commands passphrase';
const ACCESS = 'lengow-access-REF-CANARY-1a2b';
const SECRET = 'lengow-secret-REF-CANARY-3c4d';

describe('secret references from the CLI', () => {
  let pass: PassStore;
  let lengow: LengowEmulator;
  beforeAll(async () => {
    pass = createPassStore();
    pass.insert('team/lengow-secret', `${SECRET}\n`);
    lengow = await startLengow({ accessToken: ACCESS, secret: SECRET, banAfter: 100 });
  }, 60_000);
  afterAll(async () => {
    pass?.dispose();
    await lengow?.close();
  });

  it('sets a reference, gets a token with the value read from pass, and writes no secret to the data folder', async () => {
    const dataDir = tempDir();
    await createVault({ dataDir, problems: [], scryptCost: TEST_SCRYPT }).setup({ passphrase: PASSPHRASE });
    const env = { ...pass.env, TOKENBENCH_PASSPHRASE: PASSPHRASE, LENGOW_ACCESS: ACCESS };
    const cli = (argv: string[], stdin?: string) => runCli([...argv, '--data-dir', dataDir], { env, ...(stdin !== undefined ? { stdin } : {}) });
    expect((await cli(['env', 'create', 'Sandbox'])).code).toBe(0);
    expect((await cli(['credential', 'add', '--preset', 'lengow', '--env', 'Sandbox', '--set', `baseUrl=${lengow.url}`], `accessToken=placeholder-1\nsecret=placeholder-2\n`)).code).toBe(0);

    expect(await cli(['var', 'set', 'Sandbox', 'secret', '--ref', 'pass:team/lengow-secret'])).toMatchObject({ code: 0, stdout: 'Set secret in Sandbox: read from pass:team/lengow-secret when used.\n' });
    expect((await cli(['var', 'set', 'Sandbox', 'accessToken', '--ref', 'env:LENGOW_ACCESS'])).code).toBe(0);
    expect(await cli(['var', 'set', 'Sandbox', 'secret', '--ref', 'vault:nope'])).toMatchObject({ code: 2, stderr: expect.stringContaining('MOUNT/PATH#FIELD') });
    expect(await cli(['var', 'set', 'Sandbox', 'secret', 'value', '--ref', 'pass:x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('With --ref, give the environment and the variable name only') });

    const token = await cli(['token', 'Lengow', '--env', 'Sandbox']);
    expect(token).toMatchObject({ code: 0 });
    expect(lengow.tokenRequests).toBe(1);
    for (const file of fs.readdirSync(dataDir).filter((f) => fs.statSync(path.join(dataDir, f)).isFile())) {
      const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
      expect(text, file).not.toContain(SECRET);
      expect(text, file).not.toContain(ACCESS);
    }

    // A wrong entry is said plainly, naming it; nothing is sent.
    expect((await cli(['var', 'set', 'Sandbox', 'secret', '--ref', 'pass:team/gone'])).code).toBe(0);
    expect((await cli(['token', 'forget', 'Lengow', '--env', 'Sandbox'])).code).toBe(0);
    const missing = await cli(['token', 'Lengow', '--env', 'Sandbox']);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('the pass entry team/gone does not exist') });
    expect(lengow.tokenRequests).toBe(1);
  });
});
