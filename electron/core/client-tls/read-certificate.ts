/**
 * Reads what the user gives for mutual TLS (a PEM certificate and key, a PKCS#12 file and its
 * passphrase, a CA) and says in words what is wrong with it before anything is stored. Parsing
 * uses Node's own TLS stack, the one that will present the certificate, so what reads here
 * connects later.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import { AppError } from '../../../shared/errors';
import type { CertificateSummary } from '../../../shared/domain/environment';

/** A client identity as sealed in the vault. */
export type SealedIdentity = { format: 'pem'; cert: string; key: string; passphrase?: string } | { format: 'pkcs12'; pfx: string; passphrase: string };

export type IdentityInput = { format: 'pem'; certificate: string; key: string; passphrase?: string } | { format: 'pkcs12'; pkcs12: Uint8Array; passphrase: string };

export interface ReadIdentity {
  sealed: SealedIdentity;
  summary: CertificateSummary;
  /** Said to the user, but the certificate is kept (an expired one, one not valid yet). */
  warnings: string[];
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

const invalid = (message: string, hint?: string) => new AppError('invalid-request', message, hint ? { hint } : {});

function pemBlocks(text: string): Array<{ label: string; pem: string }> {
  return [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1]!, pem: m[0] }));
}

function dateOf(text: string): string {
  return new Date(text).toISOString();
}

export function summarize(certificate: X509Certificate): CertificateSummary {
  return {
    subject: certificate.subject.split('\n').join(', '),
    issuer: certificate.issuer.split('\n').join(', '),
    notBefore: dateOf(certificate.validFrom),
    notAfter: dateOf(certificate.validTo),
    sha256: certificate.fingerprint256,
  };
}

/** Expired or not yet valid: said, not refused (the user may be preparing a renewal). */
export function validityWarnings(summary: CertificateSummary, now: number, what: string): string[] {
  if (Date.parse(summary.notAfter) <= now) return [`The ${what} (${summary.subject}) expired on ${summary.notAfter.slice(0, 10)}: servers will refuse it. Ask its issuer for a new one.`];
  if (Date.parse(summary.notBefore) > now) return [`The ${what} (${summary.subject}) is not valid before ${summary.notBefore.slice(0, 10)}: servers will refuse it until then.`];
  return [];
}

/** The certificates of a PEM text, in order; `what` names it in errors ("the client certificate"). */
function certificatesOf(text: string, what: string): X509Certificate[] {
  const blocks = pemBlocks(text);
  const certificates = blocks.filter((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE');
  if (certificates.length === 0) {
    if (blocks.some((b) => b.label.includes('PRIVATE KEY'))) throw invalid(`${capital(what)} holds a private key but no certificate.`, 'Give the certificate (-----BEGIN CERTIFICATE-----) here, and its key separately.');
    throw invalid(`${capital(what)} is not a PEM certificate: it should start with -----BEGIN CERTIFICATE-----.`, 'A .p12 or .pfx file is PKCS#12: import it as such, with its passphrase.');
  }
  return certificates.map((block, index) => {
    try {
      return new X509Certificate(block.pem);
    } catch {
      throw invalid(`Certificate ${index + 1} of ${what} does not parse: the PEM text is damaged or cut short.`, 'Copy it again, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE----- included.');
    }
  });
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function privateKeyOf(text: string, passphrase: string | undefined): KeyObject {
  const block = pemBlocks(text).find((b) => b.label.endsWith('PRIVATE KEY'));
  if (!block) {
    if (pemBlocks(text).some((b) => b.label === 'PUBLIC KEY' || b.label === 'CERTIFICATE')) throw invalid('The key is not a private key: it is a public key or a certificate.', 'Give the private key issued with the certificate (-----BEGIN PRIVATE KEY-----).');
    throw invalid('The key is not a PEM private key: it should start with -----BEGIN PRIVATE KEY----- (or RSA / EC PRIVATE KEY).');
  }
  const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(block.pem);
  if (encrypted && !passphrase) throw invalid('The private key is encrypted: give its passphrase too.');
  try {
    return createPrivateKey(passphrase ? { key: block.pem, passphrase } : block.pem);
  } catch {
    if (encrypted) throw invalid('The passphrase does not decrypt the private key.', 'Check the passphrase (it is case-sensitive).');
    throw invalid('The private key does not parse: the PEM text is damaged or cut short.');
  }
}

function readPem(input: Extract<IdentityInput, { format: 'pem' }>): Omit<ReadIdentity, 'warnings'> {
  const [leaf] = certificatesOf(input.certificate, 'the client certificate');
  // A combined file (certificate and key in one) may be given as both.
  const keyText = input.key.trim() === '' ? input.certificate : input.key;
  const key = privateKeyOf(keyText, input.passphrase);
  if (!leaf!.checkPrivateKey(key)) {
    throw invalid(`The private key does not belong to the client certificate (${summarize(leaf!).subject}).`, 'Give the key that was issued with this certificate.');
  }
  const chain = pemBlocks(input.certificate).filter((b) => b.label.endsWith('CERTIFICATE')).map((b) => b.pem).join('\n');
  const keyPem = pemBlocks(keyText).find((b) => b.label.endsWith('PRIVATE KEY'))!.pem;
  return {
    sealed: { format: 'pem', cert: chain, key: keyPem, ...(input.passphrase ? { passphrase: input.passphrase } : {}) },
    summary: summarize(leaf!),
  };
}

function readPkcs12(input: Extract<IdentityInput, { format: 'pkcs12' }>): Omit<ReadIdentity, 'warnings'> {
  const pfx = Buffer.from(input.pkcs12);
  if (pfx.length === 0 || pfx[0] !== 0x30) throw invalid('The file is not a PKCS#12 (.p12 / .pfx) file.', pfx.toString('latin1').includes('-----BEGIN') ? 'It is PEM text: import it as a PEM certificate and key.' : undefined);
  let context;
  try {
    context = createSecureContext({ pfx, passphrase: input.passphrase });
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    if (/mac verify|bad decrypt|invalid password/i.test(reason)) throw invalid('The passphrase does not open the PKCS#12 file.', 'Check the passphrase (it is case-sensitive).');
    if (/key values mismatch/i.test(reason)) throw invalid('In the PKCS#12 file, the private key does not belong to the certificate.');
    if (/unsupported/i.test(reason)) throw invalid('The PKCS#12 file uses an algorithm this version of Tokenbench cannot read (old RC2/3DES encryption).', 'Re-export it with current settings (openssl pkcs12 -export without -legacy), or import the certificate and key as PEM.');
    throw invalid('The file is not a readable PKCS#12 (.p12 / .pfx) file.');
  }
  // The certificate the context would present, read without any connection being made.
  const socket = new TLSSocket(new Socket(), { secureContext: context });
  try {
    const certificate = socket.getX509Certificate();
    if (!certificate) throw invalid('The PKCS#12 file holds no certificate with a private key.');
    return { sealed: { format: 'pkcs12', pfx: pfx.toString('base64'), passphrase: input.passphrase }, summary: summarize(certificate) };
  } finally {
    socket.destroy();
  }
}

export function readIdentity(input: IdentityInput, now: number): ReadIdentity {
  const read = input.format === 'pem' ? readPem(input) : readPkcs12(input);
  return { ...read, warnings: validityWarnings(read.summary, now, 'client certificate') };
}

/** A custom CA: one or more PEM certificates, each of which must parse. */
export function readCertificateAuthority(text: string, now: number): { pem: string; certificates: CertificateSummary[]; warnings: string[] } {
  const certificates = certificatesOf(text, 'the CA').map(summarize);
  const pem = pemBlocks(text).filter((b) => b.label.endsWith('CERTIFICATE')).map((b) => b.pem).join('\n');
  return { pem, certificates, warnings: certificates.flatMap((c) => validityWarnings(c, now, 'CA certificate')) };
}

/** The identity as the HTTP client presents it. */
export function presentable(sealed: SealedIdentity): { cert?: string; key?: string; pfx?: Uint8Array; passphrase?: string } {
  if (sealed.format === 'pem') return { cert: sealed.cert, key: sealed.key, ...(sealed.passphrase ? { passphrase: sealed.passphrase } : {}) };
  return { pfx: Buffer.from(sealed.pfx, 'base64'), passphrase: sealed.passphrase };
}
