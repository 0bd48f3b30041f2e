/**
 * `tokenbench env tls ENV`: an environment's mutual TLS. With no option it shows the client
 * certificate and custom CA; `--cert FILE --key FILE` or `--pkcs12 FILE` (its passphrase on
 * standard input, never on the command line) set the client certificate, `--ca FILE` the CA, and
 * `--clear` / `--clear-ca` remove them.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { CertificateSummary, Environment } from '../../../shared/domain/environment';
import type { IdentityInput } from '../../core/client-tls/read-certificate';
import { findEnvironmentByName, unlock, type CliCore } from '../core';
import { isInteractive, promptHidden, readAllStdin, type CliIo } from '../io';
import type { Command } from './command';

async function readNamed(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new AppError('invalid-request', code === 'ENOENT' ? `The ${what} file ${file} does not exist.` : `The ${what} file ${file} could not be read (${code ?? 'unknown error'}).`);
  }
}

function describe(environment: Environment, now: number): string[] {
  const line = (c: CertificateSummary) => {
    const expired = Date.parse(c.notAfter) <= now ? ' [EXPIRED]' : '';
    return [`    subject: ${c.subject}`, `    issuer: ${c.issuer}`, `    valid: ${c.notBefore} to ${c.notAfter}${expired}`, `    SHA-256: ${c.sha256}`];
  };
  const tls = environment.clientTls;
  const lines = [`${environment.name}: mutual TLS`];
  if (tls?.certificate) lines.push(`  client certificate (${tls.certificate.format === 'pkcs12' ? 'PKCS#12' : 'PEM'}, key in the vault):`, ...line(tls.certificate));
  else lines.push('  no client certificate');
  if (tls?.ca) lines.push(`  custom CA (trusted with the system's):`, ...tls.ca.certificates.flatMap(line));
  else lines.push('  no custom CA (the system CAs only)');
  return lines;
}

async function identityFrom(options: Record<string, string | boolean | undefined>, io: CliIo, core: CliCore): Promise<IdentityInput | undefined> {
  const { cert, key, pkcs12 } = options as Record<string, string | undefined>;
  if (pkcs12 !== undefined && (cert !== undefined || key !== undefined)) throw new AppError('invalid-request', 'Give either --pkcs12 or --cert and --key, not both.');
  if (key !== undefined && cert === undefined) throw new AppError('invalid-request', 'A key was given without its certificate: add --cert FILE.');
  if (pkcs12 === undefined && cert === undefined) return undefined;
  const wantsPassphrase = pkcs12 !== undefined || options['passphrase-from-stdin'] === true;
  if (wantsPassphrase && !io.env.TOKENBENCH_PASSPHRASE && !isInteractive(io) && core.vault.status().state !== 'unlocked') {
    throw new AppError('vault-locked', 'Standard input carries the certificate passphrase, so the vault passphrase must come from TOKENBENCH_PASSPHRASE or an unlock session.', {
      hint: 'Run tokenbench unlock first, or set TOKENBENCH_PASSPHRASE.',
    });
  }
  await unlock(core, io);
  const passphrase = !wantsPassphrase ? undefined : isInteractive(io) ? await promptHidden(io, 'Passphrase of the certificate file: ') : (await readAllStdin(io)).replace(/\r?\n$/, '');
  if (pkcs12 !== undefined) return { format: 'pkcs12', pkcs12: await readNamed(pkcs12, 'PKCS#12'), passphrase: passphrase ?? '' };
  return {
    format: 'pem',
    certificate: (await readNamed(cert!, 'certificate')).toString('utf8'),
    key: key !== undefined ? (await readNamed(key, 'key')).toString('utf8') : '',
    ...(passphrase ? { passphrase } : {}),
  };
}

export const envTlsCommand: Command = {
  words: ['env', 'tls'],
  usage: 'ENV',
  arity: 1,
  readsStdin: true,
  options: {
    cert: { type: 'string' },
    key: { type: 'string' },
    pkcs12: { type: 'string' },
    'passphrase-from-stdin': { type: 'boolean' },
    ca: { type: 'string' },
    clear: { type: 'boolean' },
    'clear-ca': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  summary: "Show or set an environment's client certificate and custom CA (mutual TLS).",
  details: [
    'Examples: tokenbench env tls prod --cert client.pem --key client.key --ca company-ca.pem',
    '          printf %s "$P12_PASSPHRASE" | tokenbench env tls prod --pkcs12 client.p12',
    '--cert FILE, --key FILE  PEM certificate (chain) and its private key (one file holding both: --cert alone)',
    '--pkcs12 FILE            a .p12 / .pfx file; its passphrase is read from standard input (or typed, hidden)',
    '--passphrase-from-stdin  the PEM key is encrypted: read its passphrase from standard input',
    '--ca FILE                PEM CA certificate(s) trusted, with the system CAs, for this environment\'s hosts',
    '--clear, --clear-ca      remove the client certificate (and its key from the vault) / the custom CA',
    '--json                   print the environment\'s mutual TLS settings as JSON (never the key)',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const core = await openCore();
    let environment = findEnvironmentByName(core, args[0]!);
    const identity = await identityFrom(options, io, core);
    const ca = typeof options.ca === 'string' ? (await readNamed(options.ca, 'CA')).toString('utf8') : undefined;
    if (options.clear || options['clear-ca']) {
      if (options.clear) await unlock(core, io);
      environment = await core.clientTls.clear({ environmentId: environment.id, certificate: options.clear === true, ca: options['clear-ca'] === true });
    }
    if (identity || ca !== undefined) {
      const result = await core.clientTls.set({ environmentId: environment.id, ...(identity ? { identity } : {}), ...(ca !== undefined ? { ca } : {}) });
      environment = result.environment;
      for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);
    }
    if (options.json) print(JSON.stringify(environment.clientTls ?? { certificate: null, ca: null }, null, 2));
    else for (const line of describe(environment, core.clock.now())) print(line);
    return 0;
  },
};
