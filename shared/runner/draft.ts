// The request draft: what the user composes in the runner (method, URL with `{{variables}}`,
// query and header tables, a body, the environment and credential to use). Templates, never
// secret values: variables are filled in by the main process at send time. Pure (no Node APIs).
import { z } from 'zod';

/** Methods offered in the picker; any other token method (PROPFIND, ...) is accepted too. */
export const COMMON_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export const DEFAULT_TIMEOUT_SECONDS = 30;

export const keyValueRowSchema = z.object({
  name: z.string().max(10_000),
  value: z.string().max(1_000_000),
  enabled: z.boolean().default(true),
});
export type KeyValueRow = z.infer<typeof keyValueRowSchema>;

const rows = z.array(keyValueRowSchema).max(1000, 'A request can have at most 1000 rows per table.');

/** Bodies up to 20 MB can be composed; larger payloads belong in a file upload tool. */
const bodyText = z.string().max(20_000_000, 'The body is over 20 MB; the runner sends at most 20 MB.');

export const requestBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('json'), text: bodyText }),
  z.object({ type: z.literal('form'), fields: rows }),
  z.object({ type: z.literal('raw'), text: bodyText }),
]);
export type RequestBody = z.infer<typeof requestBodySchema>;
export type BodyType = RequestBody['type'];

export const requestDraftSchema = z.object({
  method: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_-]{0,30}$/, 'The method is a word such as GET or POST.'),
  url: z.string().max(100_000),
  query: rows.default([]),
  headers: rows.default([]),
  body: requestBodySchema.default({ type: 'none' }),
  environmentId: z.string().nullable().default(null),
  credentialId: z.string().nullable().default(null),
  timeoutSeconds: z.number().int().min(1, 'The timeout is at least 1 second.').max(600, 'The timeout is at most 600 seconds.').default(DEFAULT_TIMEOUT_SECONDS),
});
export type RequestDraft = z.infer<typeof requestDraftSchema>;

export function emptyDraft(overrides: Partial<RequestDraft> = {}): RequestDraft {
  return {
    method: 'GET',
    url: '',
    query: [],
    headers: [],
    body: { type: 'none' },
    environmentId: null,
    credentialId: null,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    ...overrides,
  };
}

/** Rows that take part in the request: enabled, with a name. */
export function activeRows(list: readonly KeyValueRow[]): KeyValueRow[] {
  return list.filter((row) => row.enabled && row.name.trim() !== '');
}

/** The first active header with that name (case-insensitive). */
export function findHeader(headers: readonly KeyValueRow[], name: string): KeyValueRow | undefined {
  const lower = name.toLowerCase();
  return activeRows(headers).find((row) => row.name.trim().toLowerCase() === lower);
}

/** The Content-Type a body type implies when the user set none. */
export function defaultContentType(body: RequestBody): string | undefined {
  switch (body.type) {
    case 'json':
      return 'application/json';
    case 'form':
      return 'application/x-www-form-urlencoded';
    case 'raw':
      return 'text/plain; charset=utf-8';
    case 'none':
      return undefined;
  }
}
