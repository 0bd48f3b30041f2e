/**
 * Environments: a named set of variables (sandbox, prod, ...) that credentials draw on.
 *
 * This is the non-secret view, safe for the renderer and the readable store file. Secret
 * variable values live in the vault; here a secret variable carries only a masked hint.
 */
import { z } from 'zod';
import { displayNameSchema } from './names';

/** For names typed or imported: no control or text-direction characters (see names.ts). */
export const environmentNameSchema = displayNameSchema('environment');
/** For names already stored (read leniently, so an old file stays readable). */
const storedEnvironmentNameSchema = z.string().trim().min(1).max(80);

export const variableNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'Variable names start with a letter or _ and use letters, digits, _ . or -.')
  .max(100, 'Keep variable names under 100 characters.');

/** `api.example.com`, `*.example.com` (any subdomain) or `host:port`. */
export const allowedHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/, 'Allowed hosts look like api.example.com, *.example.com or localhost:8443 (no scheme, no path).');

export const variableSchema = z.object({
  name: variableNameSchema,
  /** Plain value; empty for secret variables (their value lives in the vault). */
  value: z.string().max(100_000),
  secret: z.boolean(),
  description: z.string().max(500).default(''),
  /** For secret variables: at most the last 4 characters, e.g. "••••a1b2"; null when unset. */
  hint: z.string().max(12).nullable().default(null),
  /**
   * For secret variables read from the team's secret manager at use (`pass:team/api`, `op://...`):
   * where the value lives, never the value (shared/domain/secret-reference.ts).
   */
  ref: z.string().max(1000).optional(),
});
export type Variable = z.infer<typeof variableSchema>;

/** What the environment view shows of a certificate: never the key. */
export const certificateSummarySchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** ISO 8601. */
  notBefore: z.string(),
  notAfter: z.string(),
  /** SHA-256 of the DER certificate, hex pairs with colons (as browsers show it). */
  sha256: z.string(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

/**
 * Mutual TLS for an environment's hosts (RFC 8705). The client key (or the PKCS#12 file and its
 * passphrase) is sealed in the vault; only the certificate's summary is here. The custom CA is
 * public, so its PEM is kept here and trusted without unlocking the vault.
 */
export const clientTlsSchema = z.object({
  certificate: certificateSummarySchema.extend({ format: z.enum(['pem', 'pkcs12']) }).nullable().default(null),
  /** PEM certificates trusted, in addition to the system's, for this environment's hosts. */
  ca: z.object({ pem: z.string().max(200_000), certificates: z.array(certificateSummarySchema) }).nullable().default(null),
});
export type ClientTls = z.infer<typeof clientTlsSchema>;

export const environmentSchema = z.object({
  id: z.string().min(1),
  name: storedEnvironmentNameSchema,
  production: z.boolean().default(false),
  /**
   * Hosts this environment's secrets and tokens may be sent to. Empty: unrestricted while it holds
   * no secrets; filled from the hosts it names before its secrets are first sent
   * (electron/core/allowed-hosts/seed.ts).
   */
  allowedHosts: z.array(z.string()).default([]),
  /** Explicit opt-out of TLS verification, for self-signed sandboxes only. */
  allowInsecureTls: z.boolean().default(false),
  /** Ask before a request or token fetch in a production environment. */
  confirmProduction: z.boolean().default(true),
  /** Absent: no client certificate and no custom CA. */
  clientTls: clientTlsSchema.optional(),
  variables: z.array(variableSchema).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Environment = z.infer<typeof environmentSchema>;
