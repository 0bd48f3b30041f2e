import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../shared/domain/environment';
import { PRESETS } from '../../../shared/recipe/presets';
import { hashDir } from '../../../testing/vault';
import { buildExport } from './export';
import { importText } from './import';
import type { PortabilitySources } from './sources';
import { testFolder } from '../../../testing/portability-folder';

const SECRET = 'portable-secret-value-42';

const folder = testFolder;

async function withSandbox(sources: PortabilitySources) {
  const stamp = new Date().toISOString();
  const sandbox: Environment = { id: 'e1', name: 'Sandbox', production: false, allowedHosts: ['api.example.com'], allowInsecureTls: false, confirmProduction: true, variables: [], createdAt: stamp, updatedAt: stamp };
  await sources.workspace.update((c) => ({ ...c, environments: [sandbox] }));
  await sources.variables.set({ environmentId: 'e1', name: 'BASE_URL', value: 'https://api.example.com', secret: false });
  await sources.variables.set({ environmentId: 'e1', name: 'CLIENT_SECRET', value: SECRET, secret: true });
}

const postman = (values: unknown[]) => JSON.stringify({ id: 'x', name: 'Vendor', values, _postman_variable_scope: 'environment' });

describe('export and import', () => {
  it('exports secret names without values by default, and imports them as secrets to fill in', async () => {
    const from = await folder();
    await withSandbox(from);
    const document = await buildExport(from);
    expect(JSON.stringify(document)).not.toContain(SECRET);
    expect(document).toMatchObject({ format: 'tokenbench-export', version: 1, secrets: null, exportedAt: '2025-05-01T00:00:00.000Z' });
    expect(document.environments[0]!.variables).toEqual([
      { name: 'BASE_URL', value: 'https://api.example.com', secret: false, description: '' },
      { name: 'CLIENT_SECRET', value: '', secret: true, description: '' },
    ]);

    const to = await folder();
    const summary = await importText(to, JSON.stringify(document), 'export.json');
    expect(summary).toMatchObject({ format: 'tokenbench', environments: [{ name: 'Sandbox', importedAs: 'Sandbox' }], secretsWithoutValue: 1 });
    const imported = to.workspace.read().environments[0]!;
    expect(imported.allowedHosts).toEqual(['api.example.com']);
    expect(imported.variables[1]).toMatchObject({ name: 'CLIENT_SECRET', secret: true, hint: null });
    await expect(to.variables.resolveVariables(imported.id)).rejects.toMatchObject({ code: 'secret-missing' });
  });

  it('carries secret values encrypted with the passphrase the user gave', async () => {
    const from = await folder();
    await withSandbox(from);
    const text = JSON.stringify(await buildExport(from, { secretsPassphrase: 'export passphrase 1' }));
    expect(text).not.toContain(SECRET);

    const to = await folder();
    await expect(importText(to, text, 'export.json')).rejects.toMatchObject({ code: 'export-passphrase-needed' });
    const before = hashDir(to.dataDir);
    await expect(importText(to, text, 'export.json', { passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'export-wrong-passphrase' });
    expect(hashDir(to.dataDir)).toBe(before);
    await importText(to, text, 'export.json', { passphrase: 'export passphrase 1' });
    const id = to.workspace.read().environments[0]!.id;
    expect((await to.variables.resolveVariables(id)).CLIENT_SECRET).toEqual({ value: SECRET, secret: true });
  });

  it('never overwrites: a taken name is imported under a new name, or skipped when asked', async () => {
    const to = await folder();
    await withSandbox(to);
    const file = JSON.stringify(await buildExport(to));
    expect((await importText(to, file, 'a.json')).environments).toEqual([{ name: 'Sandbox', importedAs: 'Sandbox (imported)' }]);
    expect((await importText(to, file, 'a.json')).environments).toEqual([{ name: 'Sandbox', importedAs: 'Sandbox (imported 2)' }]);
    expect((await importText(to, file, 'a.json', { onConflict: 'skip' })).environments).toEqual([
      { name: 'Sandbox', importedAs: null, skipped: 'an environment with this name already exists' },
    ]);
    expect(to.workspace.read().environments.map((e) => e.name)).toEqual(['Sandbox', 'Sandbox (imported)', 'Sandbox (imported 2)']);
    expect((await to.variables.resolveVariables('e1')).CLIENT_SECRET!.value).toBe(SECRET);
  });

  it('imports Postman environments: secret values become secrets, odd entries are reported', async () => {
    const to = await folder();
    const summary = await importText(
      to,
      postman([
        { key: 'client_id', value: 'abc', type: 'default', enabled: true },
        { key: 'client_secret', value: SECRET, type: 'secret', enabled: true },
        { key: 'port', value: 8443, enabled: true },
        { key: 'old', value: 'x', enabled: false },
        { key: 'has space', value: 'x' },
      ]),
      'vendor.postman_environment.json',
    );
    expect(summary.format).toBe('postman');
    expect(summary.skippedVariables.map((v) => `${v.name}: ${v.reason}`)).toEqual([
      'old: it is disabled in Postman',
      'has space: Tokenbench variable names start with a letter or _ and use letters, digits, _ . or -',
    ]);
    const environment = to.workspace.read().environments[0]!;
    expect(fs.readFileSync(to.workspace.path, 'utf8')).not.toContain(SECRET);
    expect(await to.variables.resolveVariables(environment.id)).toEqual({
      client_id: { value: 'abc', secret: false },
      client_secret: { value: SECRET, secret: true },
      port: { value: '8443', secret: false },
    });
  });

  it('refuses, changing nothing, when secrets arrive and the vault is locked', async () => {
    const to = await folder();
    to.vault.lock();
    const before = hashDir(to.dataDir);
    await expect(importText(to, postman([{ key: 's', value: SECRET, type: 'secret' }]), 'p.json')).rejects.toMatchObject({ code: 'vault-locked' });
    expect(hashDir(to.dataDir)).toBe(before);
  });

  it('carries credentials with the environments they are used in, by name', async () => {
    const from = await folder();
    await withSandbox(from);
    const preset = PRESETS[0]!;
    const stamp = new Date().toISOString();
    await from.credentials!.update((c) => ({
      ...c,
      credentials: [{ id: 'c1', name: 'Vendor API', presetId: preset.id, recipe: preset.recipe, environmentIds: ['e1'], createdAt: stamp, updatedAt: stamp }],
    }));
    const document = await buildExport(from);
    expect(document.credentials).toEqual([{ name: 'Vendor API', presetId: preset.id, recipe: preset.recipe, environments: ['Sandbox'] }]);

    const to = await folder();
    await withSandbox(to);
    const summary = await importText(to, JSON.stringify(document), 'export.json');
    expect(summary.credentials).toEqual([{ name: 'Vendor API', importedAs: 'Vendor API' }]);
    const importedSandbox = to.workspace.read().environments.find((e) => e.name === 'Sandbox (imported)')!;
    expect(to.credentials!.read().credentials[0]!.environmentIds).toEqual([importedSandbox.id]);
  });

  it('explains files it cannot import', async () => {
    const to = await folder();
    await expect(importText(to, '{"hello":"world"}', 'c.json')).rejects.toMatchObject({
      code: 'import-unknown-format',
      message: 'c.json is neither a Tokenbench export nor a Postman environment or collection, an Insomnia export, a Bruno collection or an OpenAPI 3 document.',
    });
    await expect(importText(to, 'nope', 'n.json')).rejects.toMatchObject({ code: 'import-unreadable' });
    await expect(importText(to, '{"format":"tokenbench-export","version":9}', 'f.json')).rejects.toMatchObject({ code: 'import-too-new' });
    await expect(importText(to, '{"format":"tokenbench-export","version":1}', 'f.json')).rejects.toMatchObject({ code: 'import-invalid' });
  });
});
