// Test-only TLS material made with the openssl CLI: a private CA, certificates it signs (valid,
// expired, for another host name) and a self-signed one. Not imported by production code.
import { execFileSync } from 'node:child_process';
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

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'tokenbench-certs-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  try {
    writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '01\n');
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Tokenbench Test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    const leaf = (name: string, altName: string, start: string, end: string): KeyAndCert => {
      run('req', '-new', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`, '-addext', `subjectAltName=${altName}`);
      run('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-startdate', start, '-enddate', end);
      return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
    };
    const stamp = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
    const valid = leaf('valid', 'IP:127.0.0.1,DNS:localhost', stamp(-1), stamp(1));
    const expired = leaf('expired', 'IP:127.0.0.1,DNS:localhost', stamp(-10), stamp(-5));
    const wrongHost = leaf('wrong', 'DNS:auth.example.com', stamp(-1), stamp(1));
    run('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '1', '-subj', '/CN=self', '-addext', 'subjectAltName=IP:127.0.0.1');
    return { ca: read('ca.pem'), valid, expired, wrongHost, selfSigned: { key: read('self.key'), cert: read('self.pem') } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
