// Plants distinctive secrets through every entry point (IPC handlers via the dispatcher, the
// CLI, Postman import, our encrypted export), then searches every byte on disk, the default
// exports, the CLI's output, every handler answer and every event for them.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { buildExport, writeExportFile } from '../portability/export';
import { createMainServices } from '../services';
import { TEST_SCRYPT, listFiles, tempDir, testClipboard, testKeychain } from '../../../testing/vault';


const PASSPHRASE = 'PASSPHRASE-canary-quartz-9';
const CANARIES = {
  handler: 'CANARY-handler-5b1e0f2d9a',
  cli: 'CANARY-cli-stdin-71c3aa04e8',
  postman: 'CANARY-postman-2f6d90b1c7',
  ours: 'CANARY-ours-encrypted-48e1d3',
  token: 'CANARY-token-eyJhbGciOi-93ab',
  passphrase: PASSPHRASE,
};

function memoryStream() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream, text: () => text };
}

async function cli(argv: string[], stdin = '') {
  const out = memoryStream();
  const err = memoryStream();
  const code = await main(argv, { stdin: Readable.from([stdin]), stdout: out.stream, stderr: err.stream, env: { TOKENBENCH_PASSPHRASE: PASSPHRASE, TOKENBENCH_EXPORT_PASSPHRASE: 'export passphrase 123' } });
  return { code, output: out.text() + err.text() };
}

describe('no secret leaves the vault unencrypted', () => {
  it('finds no canary anywhere it must not be, and every canary where it must be', async () => {
    const root = tempDir();
    const dataDir = path.join(root, 'data');
    const events: unknown[] = [];
    const answers: unknown[] = [];
    const clipboard = testClipboard();
    let nextFile = '';
    const logs: string[] = [];
    const app = await createMainServices({
      dataDir,
      keychain: testKeychain(),
      clipboard,
      scryptCost: TEST_SCRYPT,
      files: { chooseExportFile: async () => nextFile, chooseImportFile: async () => nextFile },
      log: (message) => logs.push(message),
    });
    app.onEvent((_event, payload) => events.push(payload));
    const { secrets: services, dispatch, workspace } = app;
    const call = async (channel: string, payload: unknown) => {
      const result = await dispatch(channel, payload);
      answers.push(result);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as never;
    };

    // Handlers: set up the vault, an environment through the CLI, a secret through IPC.
    await call('vault:setup', { passphrase: PASSPHRASE, useKeychain: true });
    expect((await cli(['env', 'create', 'Sandbox', '--data-dir', dataDir])).code).toBe(0);
    const sandbox = workspace.read().environments[0]!;
    await call('variables:set', { environmentId: sandbox.id, name: 'CLIENT_SECRET', value: CANARIES.handler, secret: true });

    // CLI: a secret from stdin.
    const cliRun = await cli(['secret', 'set', 'Sandbox', 'API_KEY', '--data-dir', dataDir], CANARIES.cli);
    expect(cliRun.code).toBe(0);

    // Postman import through the handler.
    nextFile = path.join(root, 'postman.json');
    fs.writeFileSync(nextFile, JSON.stringify({ name: 'Postman env', values: [{ key: 'PM_SECRET', value: CANARIES.postman, type: 'secret', enabled: true }] }));
    await call('portability:import', {});

    // Our format, with encrypted secrets, made in another data folder and imported by the CLI.
    const otherDir = path.join(root, 'other');
    const otherApp = await createMainServices({ dataDir: otherDir, scryptCost: TEST_SCRYPT });
    const other = otherApp.secrets;
    await other.vault.setup({ passphrase: 'another passphrase!' });
    const otherWorkspace = otherApp.workspace;
    await otherWorkspace.update((c) => ({ ...c, environments: [{ ...sandbox, id: 'o1', name: 'Partner', variables: [] }] }));
    await other.variables.set({ environmentId: 'o1', name: 'PARTNER_KEY', value: CANARIES.ours, secret: true });
    const encryptedExport = path.join(root, 'with-secrets.json');
    writeExportFile(encryptedExport, await buildExport({ ...other, workspace: otherWorkspace, clock: { now: () => Date.now() }, scryptCost: TEST_SCRYPT }, { secretsPassphrase: 'export passphrase 123' }));
    await otherApp.dispose();
    const imported = await cli(['import', encryptedExport, '--data-dir', dataDir]);
    expect(imported.code).toBe(0);

    // The engine's token cache.
    await services.tokenCache.set({ environmentId: sandbox.id, credentialId: 'c1' }, { token: CANARIES.token, tokenType: 'Bearer' });

    // Everyday use: status, copy, a failing call, default exports (handler and CLI).
    await call('vault:status', {});
    await call('secrets:copy', { environmentId: sandbox.id, name: 'CLIENT_SECRET' });
    expect(clipboard.text).toBe(CANARIES.handler);
    await dispatch('variables:set', { environmentId: 'missing', name: 'X', value: CANARIES.handler, secret: true }).then((r) => answers.push(r));
    nextFile = path.join(root, 'export-handler.json');
    await call('portability:export', {});
    const cliExport = await cli(['export', path.join(root, 'export-cli.json'), '--data-dir', dataDir]);
    await call('vault:lock', {});
    await call('vault:unlock', { passphrase: PASSPHRASE });

    // The haystack: every file in the data folder, the default exports, CLI output, answers, events, logs.
    const haystacks: Array<[string, Buffer]> = [
      ...listFiles(dataDir).map((file): [string, Buffer] => [file, fs.readFileSync(file)]),
      ['export-handler.json', fs.readFileSync(path.join(root, 'export-handler.json'))],
      ['export-cli.json', fs.readFileSync(path.join(root, 'export-cli.json'))],
      ['encrypted export', fs.readFileSync(encryptedExport)],
      ['CLI output', Buffer.from(cliRun.output + imported.output + cliExport.output)],
      ['handler answers', Buffer.from(JSON.stringify(answers))],
      ['events', Buffer.from(JSON.stringify(events))],
      ['logs', Buffer.from(logs.join('\n'))],
    ];
    expect(haystacks.length).toBeGreaterThan(10);
    for (const [where, bytes] of haystacks) {
      for (const [name, canary] of Object.entries(CANARIES)) {
        for (const form of [canary, Buffer.from(canary).toString('base64')]) {
          expect(bytes.includes(form), `${name} canary found in ${where}`).toBe(false);
        }
      }
    }

    // The search can fail: decrypting on purpose finds every canary.
    const revealed = await call('secrets:reveal', { environmentId: sandbox.id, name: 'API_KEY' });
    expect(revealed).toEqual({ value: CANARIES.cli, hideAfterMs: 30_000 });
    const environments = workspace.read().environments;
    const resolved = await Promise.all(environments.map((e) => services.variables.resolveVariables(e.id)));
    const allValues = JSON.stringify(resolved);
    for (const canary of [CANARIES.handler, CANARIES.cli, CANARIES.postman, CANARIES.ours]) expect(allValues).toContain(canary);
    expect(await services.tokenCache.get({ environmentId: sandbox.id, credentialId: 'c1' })).toEqual({ token: CANARIES.token, tokenType: 'Bearer' });
    expect(services.redact(`Authorization: Bearer ${CANARIES.token}`)).toBe('Authorization: Bearer ••••');
    await app.dispose();
  });
});
