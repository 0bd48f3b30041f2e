/**
 * The workspace service over a real folder: the app opens the same folder at its next start
 * (and says so when it cannot), a copied file is named, and only changed files are written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { createMainServices, type MainServices } from '../services';

const open: MainServices[] = [];
afterEach(async () => Promise.all(open.splice(0).map((s) => s.dispose())));

async function app(dataDir: string, folder?: string) {
  const services = await createMainServices({
    dataDir,
    scryptCost: TEST_SCRYPT,
    log: () => {},
    files: { chooseExportFile: async () => null, chooseImportFile: async () => null, chooseFolder: async () => folder ?? null },
    workspace: 'remembered',
  });
  open.push(services);
  return services;
}

describe('the workspace service', () => {
  it('makes an empty chosen folder a workspace, and opens it again at the next start', async () => {
    const dataDir = tempDir();
    const folder = path.join(tempDir(), 'team');
    fs.mkdirSync(folder);
    const first = await app(dataDir, folder);
    await first.handlers['environments:create']({ name: 'Sandbox' });
    expect(await first.handlers['workspace:open']({})).toEqual({ folder, broken: [] });
    await first.handlers['environments:create']({ name: 'Staging' });
    expect(fs.readdirSync(path.join(folder, 'environments')).sort()).toEqual(['Sandbox.yaml', 'Staging.yaml']);
    await first.dispose();

    const second = await app(dataDir);
    expect(second.domain.workspace.status().folder).toBe(folder);
    expect(second.workspace.read().environments.map((e) => e.name)).toEqual(['Sandbox', 'Staging']);
    await second.handlers['workspace:close']({});
    expect(second.workspace.read().environments.map((e) => e.name)).toEqual(['Sandbox']);
    await second.handlers['workspace:open']({}); // the dialog was cancelled: nothing changes
    expect(second.domain.workspace.status().folder).toBeNull();
  });

  it('says so when the folder it had open is gone, and shows the data folder instead', async () => {
    const dataDir = tempDir();
    const folder = path.join(tempDir(), 'gone');
    fs.mkdirSync(folder);
    const first = await app(dataDir, folder);
    await first.handlers['workspace:open']({});
    await first.dispose();
    fs.rmSync(folder, { recursive: true });

    const second = await app(dataDir);
    expect(second.domain.workspace.status().folder).toBeNull();
    expect(second.storeProblems.map((p) => p.message)).toEqual([expect.stringContaining(`The workspace folder ${folder} could not be opened`)]);
  });

  it('refuses a folder that is not empty and not a workspace', async () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine');
    const services = await app(tempDir(), folder);
    await expect(services.handlers['workspace:open']({})).rejects.toThrow('is not a Tokenbench workspace folder');
    expect(fs.readdirSync(folder)).toEqual(['notes.txt']);
  });

  it('names a copied file with the same id and keeps the first', async () => {
    const folder = path.join(tempDir(), 'team');
    fs.mkdirSync(folder);
    const services = await app(tempDir(), folder);
    await services.handlers['environments:create']({ name: 'Sandbox' });
    await services.handlers['workspace:open']({});
    fs.copyFileSync(path.join(folder, 'environments/Sandbox.yaml'), path.join(folder, 'environments/copy-of-Sandbox.yaml'));
    services.domain.workspace.reload();
    expect(services.domain.workspace.status().broken).toEqual([{ file: 'environments/copy-of-Sandbox.yaml', line: 1, message: expect.stringContaining('same id as environments/Sandbox.yaml') }]);
    expect(services.workspace.read().environments).toHaveLength(1);
  });
});
