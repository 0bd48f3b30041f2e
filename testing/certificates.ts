// Test-only TLS material made with the openssl CLI: a private CA, certificates it signs (valid,
// expired, for another host name) and a self-signed one; and for mutual TLS, client certificates
// (PEM and PKCS#12) from a client CA. Made fresh in a temporary folder at each run; not imported
// by production code.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyAndCert {
  key: string;
  cert: string;
}

export interface TestCertificates {
  ca: string;
  valid: KeyAndCert;
  expired: KeyAndCert;
  wrongHost: KeyAndCert;
  selfSigned: KeyAndCert;
}

const CA_CONFIG = `[ ca ]
default_ca = d
[ d ]
dir = .
database = index.txt
serial = serial
new_certs_dir = .
default_md = sha256
policy = p
copy_extensions = copy
[ p ]
commonName = supplied
`;

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const stamp = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/** A temporary folder with a CA named `subject` in it, and a way to sign leaf certificates. */
function openCaFolder(subject: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tokenbench-certs-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '01\n');
  run('req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${subject}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const leaf = (name: string, extension: string, start: string, end: string): KeyAndCert => {
    run('req', '-new', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`, '-addext', extension);
    run('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-startdate', start, '-enddate', end);
    return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
  };
  return { dir, run, read, leaf, close: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeTestCertificates(): TestCertificates {
  const { run, read, leaf: signed, close } = openCaFolder('Tokenbench Test CA');
  const leaf = (name: string, altName: string, start: string, end: string) => signed(name, `subjectAltName=${altName}`, start, end);
  const ec = EC;
  try {
    const valid = leaf('valid', 'IP:127.0.0.1,DNS:localhost', stamp(-1), stamp(1));
    const expired = leaf('expired', 'IP:127.0.0.1,DNS:localhost', stamp(-10), stamp(-5));
    const wrongHost = leaf('wrong', 'DNS:auth.example.com', stamp(-1), stamp(1));
    run('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '1', '-subj', '/CN=self', '-addext', 'subjectAltName=IP:127.0.0.1');
    return { ca: read('ca.pem'), valid, expired, wrongHost, selfSigned: { key: read('self.key'), cert: read('self.pem') } };
  } finally {
    close();
  }
}

export interface ClientCertificates {
  /** The CA a mutual-TLS server trusts for its clients. */
  ca: string;
  /** Signed by `ca`: PEM, and the same as PKCS#12 with `pkcs12Passphrase`. */
  client: KeyAndCert;
  pkcs12: Buffer;
  pkcs12Passphrase: string;
  /** Signed by `ca` too, for another client (subject CN=other-client). */
  other: KeyAndCert;
  /** Signed by `ca`, but expired. */
  expired: KeyAndCert;
  /** Signed by a CA the server does not know. */
  stranger: KeyAndCert;
}

/** Client certificates for mutual TLS (RFC 8705), from a client CA of their own. */
export function makeClientCertificates(): ClientCertificates {
  const clientUse = 'extendedKeyUsage=clientAuth';
  const own = openCaFolder('Tokenbench Test Client CA');
  const other = openCaFolder('Somebody Else CA');
  try {
    const client = own.leaf('client', clientUse, stamp(-1), stamp(1));
    const otherClient = own.leaf('other-client', clientUse, stamp(-1), stamp(1));
    const expired = own.leaf('expired-client', clientUse, stamp(-10), stamp(-5));
    const stranger = other.leaf('stranger', clientUse, stamp(-1), stamp(1));
    const pkcs12Passphrase = `p12-${randomBytes(9).toString('base64url')}`;
    own.run('pkcs12', '-export', '-in', 'client.pem', '-inkey', 'client.key', '-out', 'client.p12', '-passout', `pass:${pkcs12Passphrase}`);
    return { ca: own.read('ca.pem'), client, pkcs12: readFileSync(join(own.dir, 'client.p12')), pkcs12Passphrase, other: otherClient, expired, stranger };
  } finally {
    own.close();
    other.close();
  }
}
