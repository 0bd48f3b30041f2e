// What the user gives for mutual TLS, read or refused in words: real certificates made by openssl.
import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeClientCertificates, makeTestCertificates, type ClientCertificates } from '../../../testing/certificates';
import { kindOf } from './chosen-files';
import { readCertificateAuthority, readIdentity } from './read-certificate';

let certs: ClientCertificates;
let serverCa: string;
const now = Date.now();

beforeAll(() => {
  certs = makeClientCertificates();
  serverCa = makeTestCertificates().ca;
});

/** The PEM with a middle line dropped: still a PEM block, no longer a certificate. */
const damaged = (pem: string) => {
  const lines = pem.split('\n');
  const begin = lines.indexOf('-----BEGIN CERTIFICATE-----');
  return lines.filter((_line, index) => index !== begin + 2).join('\n');
};

const message = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('reading a client certificate', () => {
  it('shows subject, issuer, validity and the SHA-256 thumbprint of a PEM certificate and its key', () => {
    const read = readIdentity({ format: 'pem', certificate: certs.client.cert, key: certs.client.key }, now);
    const x509 = new X509Certificate(certs.client.cert);
    expect(read.summary).toEqual({
      subject: 'CN=client',
      issuer: 'CN=Tokenbench Test Client CA',
      notBefore: new Date(x509.validFrom).toISOString(),
      notAfter: new Date(x509.validTo).toISOString(),
      sha256: x509.fingerprint256,
    });
    expect(read.warnings).toEqual([]);
    // One file holding both is given as the certificate alone.
    expect(readIdentity({ format: 'pem', certificate: `${certs.client.cert}\n${certs.client.key}`, key: '' }, now).summary.subject).toBe('CN=client');
  });

  it('reads the certificate inside a PKCS#12 file', () => {
    const read = readIdentity({ format: 'pkcs12', pkcs12: certs.pkcs12, passphrase: certs.pkcs12Passphrase }, now);
    expect(read.summary.sha256).toBe(new X509Certificate(certs.client.cert).fingerprint256);
    expect(read.sealed.format).toBe('pkcs12');
  });

  it('says what is wrong with each bad input', () => {
    const pem = (certificate: string, key: string, passphrase?: string) => () => readIdentity({ format: 'pem', certificate, key, ...(passphrase ? { passphrase } : {}) }, now);
    expect(message(pem('hello', certs.client.key))).toBe('The client certificate is not a PEM certificate: it should start with -----BEGIN CERTIFICATE-----.');
    expect(message(pem(certs.client.key, certs.client.key))).toBe('The client certificate holds a private key but no certificate.');
    expect(message(pem(damaged(certs.client.cert), certs.client.key))).toBe('Certificate 1 of the client certificate does not parse: the PEM text is damaged or cut short.');
    expect(message(pem(certs.client.cert, 'not a key'))).toMatch(/^The key is not a PEM private key/);
    expect(message(pem(certs.client.cert, certs.client.cert))).toBe('The key is not a private key: it is a public key or a certificate.');
    expect(message(pem(certs.client.cert, certs.other.key))).toBe('The private key does not belong to the client certificate (CN=client).');
    const encrypted = createPrivateKey(certs.client.key).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right one' }).toString();
    expect(message(pem(certs.client.cert, encrypted))).toBe('The private key is encrypted: give its passphrase too.');
    expect(message(pem(certs.client.cert, encrypted, 'wrong one'))).toBe('The passphrase does not decrypt the private key.');
    expect(readIdentity({ format: 'pem', certificate: certs.client.cert, key: encrypted, passphrase: 'right one' }, now).summary.subject).toBe('CN=client');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(message(pem(certs.client.cert, rsa))).toMatch(/does not belong to the client certificate/);

    const p12 = (bytes: Uint8Array, passphrase: string) => () => readIdentity({ format: 'pkcs12', pkcs12: bytes, passphrase }, now);
    expect(message(p12(certs.pkcs12, 'wrong'))).toBe('The passphrase does not open the PKCS#12 file.');
    expect(message(p12(Buffer.from(certs.client.cert), 'x'))).toBe('The file is not a PKCS#12 (.p12 / .pfx) file.');
    expect(message(p12(Buffer.from([0x30, 1, 2, 3]), 'x'))).toBe('The file is not a readable PKCS#12 (.p12 / .pfx) file.');
  });

  it('keeps an expired certificate with a warning', () => {
    const read = readIdentity({ format: 'pem', certificate: certs.expired.cert, key: certs.expired.key }, now);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(/^The client certificate \(CN=expired-client\) expired on \d{4}-\d{2}-\d{2}: servers will refuse it/);
  });
});

describe('reading a custom CA', () => {
  it('lists every certificate of a bundle and refuses one that does not parse', () => {
    const bundle = readCertificateAuthority(`${serverCa}\n${certs.ca}`, now);
    expect(bundle.certificates.map((c) => c.subject)).toEqual(['CN=Tokenbench Test CA', 'CN=Tokenbench Test Client CA']);
    expect(message(() => readCertificateAuthority('-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----', now))).toBe('Certificate 1 of the CA does not parse: the PEM text is damaged or cut short.');
    expect(message(() => readCertificateAuthority('', now))).toMatch(/^The CA is not a PEM certificate/);
  });
});

describe('a chosen file', () => {
  it('is recognised by what it holds', () => {
    expect(kindOf(Buffer.from(certs.client.cert))).toBe('certificate');
    expect(kindOf(Buffer.from(certs.client.key))).toBe('private-key');
    expect(kindOf(Buffer.from(certs.client.cert + certs.client.key))).toBe('certificate-and-key');
    expect(kindOf(certs.pkcs12)).toBe('pkcs12');
    expect(kindOf(Buffer.from('hello'))).toBe('unknown');
  });
});
