/**
 * `env tls` through the real CLI process: a client certificate and CA set from files, a
 * certificate-bound token from oidc-provider over mutual TLS, a PKCS#12 passphrase on standard
 * input, and neither the key nor that passphrase anywhere in the data folder.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../../testing/cli';
import type { ClientCertificates, TestCertificates } from '../../../testing/certificates';
import { certificateThumbprint } from '../../../testing/emulators/bound-resource-server';
import { startMutualTlsWorld, type MutualTlsAuthorizationServer } from '../../../testing/emulators/mtls-authorization-server';
import { listFiles, TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { createVault } from '../../core/vault/vault';

const PASSPHRASE = 'env tls cli passphrase';
let serverCerts: TestCertificates;
let clientCerts: ClientCertificates;
let auth: MutualTlsAuthorizationServer;

beforeAll(async () => {
  ({ serverCerts, clientCerts, auth } = await startMutualTlsWorld('cli-client'));
}, 60_000);
afterAll(() => auth?.close());

describe('tokenbench env tls', () => {
  it('sets a client certificate and CA from files, and the token command gets a certificate-bound token', async () => {
    const dataDir = tempDir();
    const files = tempDir();
    const write = (name: string, content: string | Buffer) => {
      fs.writeFileSync(path.join(files, name), content);
      return path.join(files, name);
    };
    await createVault({ dataDir, problems: [], scryptCost: TEST_SCRYPT }).setup({ passphrase: PASSPHRASE });
    const cli = (args: string[], input = '') => spawnCli([...args, '--data-dir', dataDir], { TOKENBENCH_PASSPHRASE: PASSPHRASE }, input);

    expect((await cli(['env', 'create', 'Bank'])).code).toBe(0);
    const added = await cli(['credential', 'add', '--preset', 'oauth2-tls-client-auth', '--env', 'Bank', '--name', 'Bank API', '--set', `tokenUrl=${auth.tokenEndpoint}`, '--set', 'clientId=cli-client']);
    expect(added.code, added.stderr).toBe(0);

    const set = await cli(['env', 'tls', 'Bank', '--cert', write('client.pem', clientCerts.client.cert), '--key', write('client.key', clientCerts.client.key), '--ca', write('ca.pem', serverCerts.ca)]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('client certificate (PEM, key in the vault):');
    expect(set.stdout).toContain('subject: CN=client');
    expect(set.stdout).toContain(`SHA-256: ${new X509Certificate(clientCerts.client.cert).fingerprint256}`);
    expect(set.stdout).toContain('subject: CN=Tokenbench Test CA');

    const token = await cli(['token', 'Bank API', '--env', 'Bank']);
    expect(token.code, token.stderr).toBe(0);
    expect((decodeJwt(token.stdout.trim()).cnf as Record<string, string>)['x5t#S256']).toBe(certificateThumbprint(new X509Certificate(clientCerts.client.cert).raw));

    const wrong = await cli(['env', 'tls', 'Bank', '--pkcs12', write('client.p12', clientCerts.pkcs12)], 'not the passphrase\n');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('The passphrase does not open the PKCS#12 file.');
    const p12 = await cli(['env', 'tls', 'Bank', '--pkcs12', path.join(files, 'client.p12'), '--json'], `${clientCerts.pkcs12Passphrase}\n`);
    expect(p12.code, p12.stderr).toBe(0);
    expect(JSON.parse(p12.stdout).certificate).toMatchObject({ format: 'pkcs12', subject: 'CN=client' });

    const expired = await cli(['env', 'tls', 'Bank', '--cert', write('expired.pem', clientCerts.expired.cert + clientCerts.expired.key)]);
    expect(expired.code).toBe(0);
    expect(expired.stderr).toMatch(/warning: The client certificate \(CN=expired-client\) expired on/);
    expect(expired.stdout).toContain('[EXPIRED]');

    const keyLine = clientCerts.client.key.split('\n')[2]!;
    for (const file of listFiles(dataDir)) {
      const text = fs.readFileSync(file, 'latin1');
      expect(text, file).not.toContain(keyLine);
      expect(text, file).not.toContain(clientCerts.pkcs12Passphrase);
      expect(text, file).not.toContain(clientCerts.pkcs12.toString('base64').slice(0, 40));
    }
  }, 180_000);
});
