/**
 * Channels for an environment's mutual TLS: choose a certificate file in the open dialog (the
 * window gets a handle, never the contents), store a client certificate and a custom CA, clear them.
 */
import { z } from 'zod';
import type { Environment } from '../../domain/environment';
import { channel, idSchema } from '../define';

/** Pasted PEM text, or a file chosen with `clientTls:chooseFile`. */
const source = z.union([
  z.object({ text: z.string().max(200_000, 'That is too long to be a certificate or key.') }).strict(),
  z.object({ file: idSchema('chosen file') }).strict(),
]);
export type CertificateSource = z.infer<typeof source>;

export interface ChosenCertificateFile {
  handle: string;
  fileName: string;
  /** What the file seems to hold, to fill the right field. */
  kind: 'certificate' | 'private-key' | 'certificate-and-key' | 'pkcs12' | 'unknown';
}

export const clientTlsChannels = {
  /** null: the user cancelled the dialog. */
  'clientTls:chooseFile': channel<ChosenCertificateFile | null>()(z.object({}).strict()),
  /** A client certificate (PEM certificate and key, or a PKCS#12 file), a CA, or both. */
  'clientTls:set': channel<{ environment: Environment; warnings: string[] }>()(
    z
      .object({
        environmentId: idSchema('environment'),
        certificate: source.optional(),
        /** Absent or empty with a certificate: the key is in the certificate's file. */
        key: source.optional(),
        pkcs12: z.object({ file: idSchema('chosen file') }).strict().optional(),
        passphrase: z.string().max(1000).optional(),
        ca: source.optional(),
      })
      .strict(),
  ),
  'clientTls:clear': channel<Environment>()(z.object({ environmentId: idSchema('environment'), certificate: z.boolean(), ca: z.boolean() }).strict()),
};
