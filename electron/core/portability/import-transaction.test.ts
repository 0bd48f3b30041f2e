// An import is one transaction: when one of its files cannot be written, what it already wrote is
// taken back and the failure is reported, never "Imported" with half of it missing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../shared/recipe/presets';
import { openCredentials } from '../credentials/store';
import { openWorkspace } from '../store/workspace';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { createVault } from '../vault/vault';
import { createVariablesService } from '../variables/variables';
import { buildExport } from './export';
import { importText } from './import';
import { beginImport } from './import-journal';
import { createMainServices } from '../services';

const exportWith = (secret: string) =>
  JSON.stringify({ id: 'x', name: 'Vendor sandbox', values: [{ key: 'apiKey', value: secret, type: 'secret', enabled: true }], _postman_variable_scope: 'environment' });

async function folder() {
  const dataDir = tempDir();
  const workspace = openWorkspace({ dataDir, problems: [] });
  const vault = createVault({ dataDir, problems: [], scryptCost: TEST_SCRYPT });
  await vault.setup({ passphrase: 'a long enough passphrase' });
  const clock = { now: () => Date.now() };
  const sources = { workspace, credentials: openCredentials({ dataDir, problems: [] }), vault, variables: createVariablesService({ workspace, vault, clock }), clock, scryptCost: TEST_SCRYPT };
  return { dataDir, sources, vault, workspace };
}

/** An export (secret value included) of one environment "Second" and a credential used there. */
async function exportOfOneEnvironmentWithCredential() {
  const { sources } = await folder();
  const stamp = new Date().toISOString();
  await sources.workspace.update((c) => ({
    ...c,
    environments: [{ id: 'e2', name: 'Second', production: false, allowedHosts: [], allowInsecureTls: false, confirmProduction: true, variables: [], createdAt: stamp, updatedAt: stamp }],
  }));
  await sources.variables.set({ environmentId: 'e2', name: 'apiKey', value: 'second-secret-value-2', secret: true });
  const preset = PRESETS[0]!;
  await sources.credentials.update((c) => ({ ...c, credentials: [{ id: 'c1', name: 'Vendor API', presetId: preset.id, recipe: preset.recipe, environmentIds: ['e2'], createdAt: stamp, updatedAt: stamp }] }));
  return { document: await buildExport(sources, { secretsPassphrase: EXPORT_PASSPHRASE }), passphrase: EXPORT_PASSPHRASE };
}
const EXPORT_PASSPHRASE = 'export passphrase 123';

describe('import transaction', () => {
  it('takes back the sealed values and environments it wrote when a later file fails, and says the import was not done', async () => {
    const { dataDir, sources, vault, workspace } = await folder();
    await importText(sources, exportWith('first-secret-value-1'), 'first.json');
    const sealedBefore = vault.secrets.ids();
    const workspaceBefore = fs.readFileSync(workspace.path, 'utf8');
    // secrets.json and workspace.json are written, then credentials.json cannot be read.
    const { document, passphrase } = await exportOfOneEnvironmentWithCredential();
    fs.rmSync(path.join(dataDir, 'credentials.json'), { force: true });
    fs.mkdirSync(path.join(dataDir, 'credentials.json'));
    const error = await importText(sources, JSON.stringify(document), 'second.json', { passphrase }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ message: expect.stringMatching(/EISDIR.* The import was not done: nothing from the file was kept\.$/) });
    expect(vault.secrets.ids()).toEqual(sealedBefore);
    expect(JSON.parse(fs.readFileSync(workspace.path, 'utf8')).environments.map((e: { name: string }) => e.name)).toEqual(
      JSON.parse(workspaceBefore).environments.map((e: { name: string }) => e.name),
    );
  });

  it('reads back what it wrote: every imported secret value is there once it says "imported"', async () => {
    const { sources } = await folder();
    const summary = await importText(sources, exportWith('read-back-secret-3'), 'a.json');
    expect(summary.imported).toBe(true);
    const [environment] = sources.workspace.read().environments;
    expect(await sources.variables.resolveVariables(environment!.id)).toEqual({ apiKey: { value: 'read-back-secret-3', secret: true } });
  });

  it('an import interrupted half-way is taken back by the next process that opens the folder', async () => {
    const { dataDir, sources, vault, workspace } = await folder();
    const files = { workspace, credentials: sources.credentials, secrets: vault.secrets };
    await workspace.update((c) => c);
    const before = fs.readFileSync(workspace.path, 'utf8');
    // The state a kill leaves after the values and the environment were written, before the end.
    beginImport(files, { environmentIds: ['half-env'], credentialIds: ['half-cred'], secretIds: ['env/half-env/apiKey'] });
    await vault.secrets.write({ 'env/half-env/apiKey': 'half-imported-secret-4' });
    const stamp = new Date().toISOString();
    await workspace.update((c) => ({ ...c, environments: [...c.environments, { id: 'half-env', name: 'Half', production: false, allowedHosts: [], allowInsecureTls: false, confirmProduction: true, variables: [], createdAt: stamp, updatedAt: stamp }] }));
    const logged: string[] = [];
    const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: (m) => logged.push(m) });
    await app.dispose();
    expect(logged).toEqual(['An import was interrupted before it finished; what it had written was taken back. Import the file again.']);
    expect(app.storeProblems).toEqual([]);
    // The same content (saved once more, so one save further on).
    expect(JSON.parse(fs.readFileSync(workspace.path, 'utf8'))).toEqual({ ...JSON.parse(before), integrity: expect.objectContaining({ generation: 3 }) });
    expect(vault.secrets.ids()).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'import.pending.json'))).toBe(false);
  });
});
