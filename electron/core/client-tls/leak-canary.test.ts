// Plants a client key (PEM), a PKCS#12 file and its passphrase through the IPC handlers and the
// CLI, drives the refusals (wrong passphrase, key of another certificate, a server refusing the
// certificate) and a token request over mutual TLS, then searches every IPC answer and event, the
// log, the CLI's output, the default export and every byte in the data folder for them.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCertificates, TestCertificates } from '../../../testing/certificates';
import { startMutualTlsWorld, type MutualTlsAuthorizationServer } from '../../../testing/emulators/mtls-authorization-server';
import { listFiles, TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { main } from '../../cli/main';
import { createManualClock } from '../clock';
import { createMainServices } from '../services';

const PASSPHRASE = 'client tls canary vault passphrase';
let serverCerts: TestCertificates;
let clientCerts: ClientCertificates;
let auth: MutualTlsAuthorizationServer;

beforeAll(async () => {
  ({ serverCerts, clientCerts, auth } = await startMutualTlsWorld('canary-client'));
}, 60_000);
afterAll(() => auth?.close());

async function cli(argv: string[]) {
  let text = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (chunk) => (text += chunk));
  err.on('data', (chunk) => (text += chunk));
  const code = await main(argv, { stdin: Readable.from(['']), stdout: out, stderr: err, env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });
  return { code, text };
}

describe('leak canary: mutual TLS', () => {
  it('finds neither the client key, nor the PKCS#12 file or its passphrase, anywhere but sealed in the vault', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const p12Path = path.join(folder, 'client.p12');
    fs.writeFileSync(p12Path, clientCerts.pkcs12);
    const exportPath = path.join(folder, 'export.json');
    const logs: string[] = [];
    const clock = createManualClock(Date.now());
    const app = await createMainServices({
      dataDir,
      clock,
      scryptCost: TEST_SCRYPT,
      log: (message) => logs.push(message),
      confirmation: { confirm: async () => true },
      files: { chooseExportFile: async () => exportPath, chooseImportFile: async () => null },
      certificateFiles: { chooseCertificateFile: async () => p12Path },
    });
    const seen: unknown[] = [];
    app.onEvent((event, payload) => seen.push({ event, payload }));
    const call = async (channel: string, payload: unknown) => {
      const result = await app.dispatch(channel, payload);
      seen.push(result);
      return result;
    };

    await call('vault:setup', { passphrase: PASSPHRASE });
    const pem = (await app.handlers['environments:create']({ name: 'Canary PEM' })).id;
    const p12 = (await app.handlers['environments:create']({ name: 'Canary P12' })).id;
    const { credential } = await app.handlers['credentials:add-from-preset']({ presetId: 'oauth2-tls-client-auth', environmentId: pem, values: { tokenUrl: auth.tokenEndpoint, clientId: 'canary-client' } });
    await app.handlers['credentials:add-from-preset']({ presetId: 'oauth2-tls-client-auth', environmentId: p12, useCredentialId: credential.id, values: { tokenUrl: auth.tokenEndpoint, clientId: 'canary-client' } });

    // Refusals first: a key of another certificate, a wrong PKCS#12 passphrase.
    expect((await call('clientTls:set', { environmentId: pem, certificate: { text: clientCerts.other.cert }, key: { text: clientCerts.client.key } })).ok).toBe(false);
    const chosen = (await call('clientTls:chooseFile', {})) as { ok: true; value: { handle: string; kind: string } };
    expect(chosen.value.kind).toBe('pkcs12');
    expect((await call('clientTls:set', { environmentId: p12, pkcs12: { file: chosen.value.handle }, passphrase: `${clientCerts.pkcs12Passphrase}-wrong` })).ok).toBe(false);
    // Then stored for real, used over mutual TLS, refused by the server, and used again.
    expect((await call('clientTls:set', { environmentId: p12, pkcs12: { file: chosen.value.handle }, passphrase: clientCerts.pkcs12Passphrase, ca: { text: serverCerts.ca } })).ok).toBe(true);
    expect((await call('clientTls:set', { environmentId: pem, certificate: { text: clientCerts.stranger.cert }, key: { text: clientCerts.stranger.key }, ca: { text: serverCerts.ca } })).ok).toBe(true);
    expect((await call('tokens:fetch', { environmentId: pem, credentialId: credential.id })).ok).toBe(false);
    expect((await call('clientTls:set', { environmentId: pem, certificate: { text: clientCerts.client.cert }, key: { text: clientCerts.client.key } })).ok).toBe(true);
    clock.advance(301_000);
    expect((await call('tokens:fetch', { environmentId: pem, credentialId: credential.id })).ok).toBe(true);
    expect((await call('tokens:fetch', { environmentId: p12, credentialId: credential.id })).ok).toBe(true);
    await call('environments:list', {});
    await call('timeline:list', {});
    expect((await call('portability:export', {})).ok).toBe(true);
    await app.dispose();

    const outputs = [await cli(['env', 'tls', 'Canary PEM', '--data-dir', dataDir]), await cli(['env', 'show', 'Canary P12', '--json', '--data-dir', dataDir]), await cli(['timeline', '--data-dir', dataDir])];
    for (const output of outputs) expect(output.code, output.text).toBe(0);

    const keyLines = [clientCerts.client.key, clientCerts.stranger.key].map((key) => key.split('\n').filter((line) => line.length > 40)[1]!);
    const canaries = [...keyLines, clientCerts.pkcs12Passphrase, Buffer.from(clientCerts.pkcs12Passphrase).toString('base64'), clientCerts.pkcs12.toString('base64').slice(64, 128)];
    const places: Array<[string, string]> = [
      ['IPC answers and events', JSON.stringify(seen)],
      ['log', logs.join('\n')],
      ['CLI output', outputs.map((o) => o.text).join('\n')],
      ...listFiles(dataDir).map((file): [string, string] => [file, fs.readFileSync(file, 'latin1')]),
      ['export', fs.readFileSync(exportPath, 'utf8')],
    ];
    for (const [place, text] of places) for (const canary of canaries) expect(text.includes(canary), `${place} holds a planted secret`).toBe(false);
    // The planted values did reach the vault (sealed): the search looked for the right things.
    expect(JSON.stringify(seen)).toContain('CN=client');
    expect(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).toContain(':client-certificate');
  }, 120_000);
});
