// "From example" and "export as code" through the real main services and the IPC dispatcher: the
// window sees masked secrets only, saving puts them in the vault, the credential gets a token
// from the emulator, and the exported code holds no secret.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLemonway, type Emulator } from '../../../testing/emulators';
import * as examples from '../../../testing/examples/vendor-examples';
import type { ChannelName, RequestInput, ResponseOf } from '../../../shared/ipc/contract';
import { createMainServices, type MainServices } from '../services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';

const open: Array<MainServices | Emulator> = [];
afterEach(async () => {
  for (const thing of open.splice(0)) {
    if ('dispatch' in thing) await thing.dispose();
    else await thing.close();
  }
});

type Answer<C extends ChannelName> = { ok: true; value: ResponseOf<C> } | { ok: false; error: { code: string; message: string } };

/** Through the dispatcher, as the window's IPC goes. */
function ask<C extends ChannelName>(main: MainServices, channel: C, request: RequestInput<C>): Promise<Answer<C>> {
  return main.dispatch(channel, request) as Promise<Answer<C>>;
}

function paste(example: examples.VendorExample) {
  return { example: example.example, ...(example.sampleResponse ? { sampleResponse: example.sampleResponse } : {}) };
}

async function setup() {
  const dataDir = tempDir();
  const saved = path.join(dataDir, 'exported-client.py');
  const main = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => undefined, files: { chooseExportFile: async () => saved, chooseImportFile: async () => null } });
  open.push(main);
  await ask(main, 'vault:setup', { passphrase: 'a long enough passphrase' });
  const env = await ask(main, 'environments:create', { name: 'Lemonway sandbox' });
  if (!env.ok) throw new Error(env.error.message);
  return { main, dataDir, saved, environmentId: env.value.id };
}

describe('from example, end to end in the main process', () => {
  it('answers with masked secrets, saves them in the vault, and the credential gets a token', async () => {
    const { main, dataDir, environmentId } = await setup();
    const lemonway = await startLemonway({ apiKey: examples.LEMONWAY_DOC_KEY, environment: 'sandbox' });
    open.push(lemonway);
    const proposed = await ask(main, 'fromExample:propose', paste(examples.lemonway));
    if (!proposed.ok) throw new Error(proposed.error.message);
    expect(JSON.stringify(proposed)).not.toContain(examples.LEMONWAY_DOC_KEY);
    expect(proposed.value.variables.find((v) => v.name === 'apiKey')).toMatchObject({ secret: true, value: '', hint: '••••85e2', fromExample: true });

    const saved = await ask(main, 'fromExample:save', {
      ...paste(examples.lemonway),
      environmentId,
      name: proposed.value.suggestedName,
      recipe: proposed.value.recipe,
      values: { baseUrl: lemonway.url },
      secret: {},
    });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(JSON.stringify(saved)).not.toContain(examples.LEMONWAY_DOC_KEY);
    for (const file of readdirSync(dataDir)) if (file.endsWith('.json')) expect(readFileSync(path.join(dataDir, file), 'utf8')).not.toContain(examples.LEMONWAY_DOC_KEY);

    const key = { environmentId, credentialId: saved.value.credential.id };
    expect(await ask(main, 'tokens:fetch', key)).toMatchObject({ ok: true, value: { reused: false } });
    expect(await main.tokens.status(key)).toMatchObject({ state: 'valid' });
    expect(lemonway.tokenRequestLog[0]!.headers.authorization).toBe(`basic ${examples.LEMONWAY_DOC_KEY}`);
  });

  it('says which value is missing, and reads bad pastes as clear errors', async () => {
    const { main, environmentId } = await setup();
    const proposed = await ask(main, 'fromExample:propose', paste(examples.liveDataServiceAccount));
    if (!proposed.ok) throw new Error(proposed.error.message);
    const save = await ask(main, 'fromExample:save', { ...paste(examples.liveDataServiceAccount), environmentId, name: 'Live Data', recipe: proposed.value.recipe, values: { clientId: 'svc-1' }, secret: {} });
    expect(save).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('Fill in "clientSecret"') } });
    expect(await ask(main, 'fromExample:propose', { example: 'not a request' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('cURL command') } });
    // An error quoting the paste masks the key in it.
    const malformed = await ask(main, 'fromExample:propose', { example: `curl https://a.example/token -H "Authorization basic ${examples.LEMONWAY_DOC_KEY}"` });
    expect(malformed).toMatchObject({ ok: false, error: { message: expect.stringContaining('is not a header') } });
    expect(JSON.stringify(malformed)).not.toContain(examples.LEMONWAY_DOC_KEY);
  });

  it('exports the saved credential as code, copied or saved to a file, with no secret in it', async () => {
    const { main, environmentId, saved } = await setup();
    const proposed = await ask(main, 'fromExample:propose', paste(examples.lemonway));
    if (!proposed.ok) throw new Error(proposed.error.message);
    const created = await ask(main, 'fromExample:save', { ...paste(examples.lemonway), environmentId, name: 'Lemonway', recipe: proposed.value.recipe, values: {}, secret: {} });
    if (!created.ok) throw new Error(created.error.message);
    const code = await ask(main, 'codeExport:generate', { credentialId: created.value.credential.id, language: 'typescript' });
    if (!code.ok) throw new Error(code.error.message);
    expect(code.value.code).not.toContain(examples.LEMONWAY_DOC_KEY);
    expect(code.value.environmentVariables).toContainEqual({ name: 'LEMONWAY_API_KEY', secret: true });
    expect(await ask(main, 'codeExport:save', { credentialId: created.value.credential.id, environmentId, language: 'python' })).toEqual({ ok: true, value: { saved: true, fileName: 'exported-client.py' } });
    expect(readFileSync(saved, 'utf8')).toMatch(/^# Token client for the "Lemonway" credential/);

    // A secret typed into the recipe itself is refused rather than written into the file.
    const recipe = structuredClone(created.value.credential.recipe);
    if (recipe.kind === 'token-request') recipe.tokenRequest.headers['X-Key'] = examples.LEMONWAY_DOC_KEY;
    await ask(main, 'credentials:update', { id: created.value.credential.id, recipe });
    expect(await ask(main, 'codeExport:generate', { credentialId: created.value.credential.id, language: 'python' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Move it into a secret variable') } });
    writeFileSync(saved, '');
  });
});
