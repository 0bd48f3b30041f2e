/**
 * Secrets are never deleted because a file could not be read: an unlock after `workspace.json`
 * went missing or was damaged (with no good backup) leaves every sealed value in place, and the
 * values come back with the workspace. Only deleting an environment removes its sealed values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from './services';
import { TEST_SCRYPT, tempDir } from '../../testing/vault';

const PASSPHRASE = 'no secret loss passphrase';
let app: MainServices | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

async function folderWithSecrets() {
  const dataDir = tempDir();
  app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
  const ids: string[] = [];
  for (const name of ['Sandbox', 'Prod']) {
    const environment = await app.handlers['environments:create']({ name });
    await app.handlers['variables:set']({ environmentId: environment.id, name: 'apiKey', value: `${name}-secret-value-0123`, secret: true });
    ids.push(environment.id);
  }
  await app.dispose();
  app = undefined;
  const secrets = () => Object.keys(JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).entries).sort();
  return { dataDir, ids, sealedBefore: secrets(), secrets };
}

const damages: Record<string, (file: string) => void> = {
  'deleted with its backup': (file) => {
    fs.rmSync(file);
    fs.rmSync(`${file}.bak`);
  },
  'garbage with a garbage backup': (file) => {
    fs.writeFileSync(file, '{"schemaVersion":1,"environ');
    fs.writeFileSync(`${file}.bak`, 'not json');
  },
  'the wrong shape with no backup': (file) => {
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, environments: 'none' }));
    fs.rmSync(`${file}.bak`);
  },
};

describe('no secret is lost because a file could not be read', () => {
  for (const [damage, apply] of Object.entries(damages)) {
    it(`workspace.json ${damage}: unlocking removes no sealed value`, async () => {
      const { dataDir, sealedBefore, secrets } = await folderWithSecrets();
      const workspaceFile = path.join(dataDir, 'workspace.json');
      const goodWorkspace = fs.readFileSync(workspaceFile);
      apply(workspaceFile);

      app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
      // The values the workspace no longer lists are reported, with what to do.
      expect(app.storeProblems.at(-1)!.message).toBe(
        'secrets.json holds the secret values of 2 environment(s) that workspace.json does not list: workspace.json was lost or replaced. The values are kept, sealed. Put your own backup of workspace.json back in the data folder to use them again.',
      );
      await app.handlers['vault:unlock']({ passphrase: PASSPHRASE });
      // Something is written meanwhile (the workspace starts over), and the vault locks and unlocks again.
      await app.handlers['environments:create']({ name: 'Started over' });
      await app.handlers['vault:lock']({});
      await app.handlers['vault:unlock']({ passphrase: PASSPHRASE });
      await app.dispose();
      app = undefined;
      expect(secrets()).toEqual(sealedBefore);

      // The user puts their own copy of the workspace back: every value is there.
      fs.writeFileSync(workspaceFile, goodWorkspace);
      app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
      await app.handlers['vault:unlock']({ passphrase: PASSPHRASE });
      for (const environment of await app.handlers['environments:list']({})) {
        expect(await app.secrets.variables.resolveVariables(environment.id)).toEqual({ apiKey: { value: `${environment.name}-secret-value-0123`, secret: true } });
      }
    });
  }

  it('deleting an environment removes its sealed values, even while the vault is locked, and only those', async () => {
    const { dataDir, ids, secrets } = await folderWithSecrets();
    app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
    await app.handlers['environments:delete']({ id: ids[0]! });
    expect(secrets()).toEqual([`env/${ids[1]}/apiKey`]);
  });
});
