/**
 * A Postman collection imported into a real data folder through the app's handlers: preview
 * first (nothing written), then the import; the OAuth 2.0 client-credentials credential it
 * brings fetches a token from the emulator and an imported request runs with it. The secrets
 * planted in the file are then looked for in every file of the data folder, every answer and
 * every event: none is there in clear.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOAuth2ClientCredentials, type OAuth2ClientCredentialsEmulator } from '../../../testing/emulators';
import type { ImportPreview, ImportSummary } from '../../../shared/ipc/domains/portability';
import type { RunResult } from '../../../shared/runner/results';
import type { SavedRequest } from '../../../shared/runner/saved';
import { canariesIn, fixtureText, IMPORT_FIXTURES } from '../../../testing/import-files';
import { importText } from './import';
import { readImportSource } from './read-source';
import { testFolder } from '../../../testing/portability-folder';
import { createMainServices } from '../services';
import { hashDir, listFiles, TEST_SCRYPT, tempDir } from '../../../testing/vault';

const CLIENT_SECRET = 'CANARY-client-secret-7f3a';
let emulator: OAuth2ClientCredentialsEmulator;
beforeAll(async () => {
  emulator = await startOAuth2ClientCredentials({ clientId: 'acme-client', clientSecret: CLIENT_SECRET });
});
afterAll(() => emulator.close());

function writeCollection(): string {
  const dir = tempDir('tokenbench-import-file-');
  const file = path.join(dir, 'acme.postman_collection.json');
  fs.writeFileSync(file, fixtureText('postman-v2.1.collection.json').replaceAll('http://127.0.0.1:4010', emulator.url));
  return file;
}

describe('importing a Postman collection', () => {
  it('previews without writing, imports, fetches a token from the emulator and runs a request, with no secret in clear anywhere', async () => {
    const file = writeCollection();
    const dataDir = tempDir();
    const app = await createMainServices({
      dataDir,
      scryptCost: TEST_SCRYPT,
      log: () => {},
      confirmation: { confirm: async () => true },
      files: { chooseExportFile: async () => null, chooseImportFile: async () => file },
    });
    const events: unknown[] = [];
    app.onEvent((event, payload) => events.push({ event, payload }));
    const answers: unknown[] = [];
    const call = async (channel: string, payload: unknown) => {
      const result = await app.dispatch(channel, payload);
      answers.push(result);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    await call('vault:setup', { passphrase: 'import passphrase 42' });

    const before = hashDir(dataDir);
    const preview = (await call('portability:preview', {})) as ImportPreview;
    expect(hashDir(dataDir)).toBe(before);
    expect(preview).toMatchObject({
      chosen: true,
      fileName: 'acme.postman_collection.json',
      format: 'postman-collection',
      environments: [{ name: 'Acme Commerce API' }],
      collections: [{ name: 'Acme Commerce API', requests: 10 }],
    });
    expect(preview.credentials.map((c) => `${c.name}: ${c.kind}`)).toEqual([
      'Acme Commerce API (OAuth 2.0 client credentials): OAuth 2.0 client credentials',
      'Admin (HTTP Basic): HTTP Basic',
      'Partners (API key in a header): X-Api-Key header',
      'Legacy feed (Bearer token): Authorization header',
    ]);
    expect(preview.secretsMoved).toBe(8);
    expect(preview.notMapped.length).toBeGreaterThanOrEqual(6);

    const summary = (await call('portability:import', { retryId: preview.fileId })) as ImportSummary;
    expect(summary).toMatchObject({ imported: true, format: 'postman-collection', collections: [{ name: 'Acme Commerce API', importedAs: 'Acme Commerce API' }], requests: 10, secretsMoved: 8 });
    expect(summary.notMapped).toEqual(preview.notMapped);
    expect(events).toContainEqual(expect.objectContaining({ event: 'requests:changed' }));

    const environment = app.workspace.read().environments[0]!;
    const oauth = app.credentials.read().credentials.find((c) => c.name.includes('OAuth'))!;
    expect(oauth.environmentIds).toEqual([environment.id]);
    const key = { environmentId: environment.id, credentialId: oauth.id };
    await call('tokens:fetch', key);
    expect((await app.tokens.status(key)).state).toBe('valid');
    expect(emulator.tokenRequests).toBe(1);

    const saved = (await call('requests:list', {})) as SavedRequest[];
    const whoami = saved.find((r) => r.name === 'Who am I')!;
    expect(whoami.draft).toMatchObject({ environmentId: environment.id, credentialId: oauth.id, url: "{{baseUrl}}/api/v1/me" });
    const sent = (await call('runner:send', { draft: whoami.draft, sendId: 'whoami-1' })) as RunResult;
    expect(sent.response.status).toBe(200);
    expect(emulator.apiRequests).toBe(1);
    await app.dispose();

    const canaries = canariesIn(fixtureText('postman-v2.1.collection.json'));
    expect(canaries.length).toBeGreaterThanOrEqual(10);
    const haystacks: Array<[string, string]> = [
      ...listFiles(dataDir).map((f): [string, string] => [path.relative(dataDir, f), fs.readFileSync(f, 'latin1')]),
      ['answers', JSON.stringify(answers)],
      ['events', JSON.stringify(events)],
    ];
    const found = haystacks.flatMap(([where, text]) => canaries.filter((c) => text.includes(c) || text.includes(Buffer.from(c).toString('base64'))).map((c) => `${c} in ${where}`));
    expect(found).toEqual([]);
  }, 120_000);
});

describe('every format keeps the secrets of its file out of the data folder', () => {
  it.each(['postman-v2.0.collection.json', 'insomnia-v4.json', 'insomnia-v5.yaml', 'openapi-3.yaml', 'bruno-collection'])('%s', async (fixture) => {
    const source = readImportSource(path.join(IMPORT_FIXTURES, fixture));
    const sources = await testFolder();
    const summary = await importText(sources, source.text, source.fileName, { folder: source.folder });
    expect(summary.imported).toBe(true);
    expect(summary.requests).toBeGreaterThan(0);
    expect(summary.credentials.length).toBeGreaterThan(0);
    const files = listFiles(sources.dataDir).map((f) => fs.readFileSync(f, 'latin1')).join('\n');
    const planted = canariesIn([source.text, ...Object.values(source.folder ?? {})].join('\n'));
    expect(planted.length).toBeGreaterThan(fixture === 'openapi-3.yaml' ? -1 : 2);
    expect(planted.filter((c) => files.includes(c))).toEqual([]);
    // What went to the vault comes back from it.
    const sealed = sources.workspace
      .read()
      .environments.flatMap((e) => e.variables.filter((v) => v.secret && v.hint !== null).map((v) => sources.variables.readSecret(e.id, v.name)));
    expect(sealed.length).toBe(summary.secretsMoved);
    expect(sealed.filter((value) => value.startsWith('CANARY-')).length).toBeGreaterThanOrEqual(fixture === 'openapi-3.yaml' ? 0 : 2);
  }, 60_000);
});
