// Masks secrets in anything recorded or shown: known values (secret variables, tokens, the client
// auth header) in every encoding they may travel in, and JSON fields whose names say "secret".
import { maskSecret } from '../../../shared/recipe';

/** Shorter values would mask innocent text; they are masked structurally where they are used. */
const MIN_REPLACE_LENGTH = 4;

const SECRET_FIELD = /token|secret|password|passwd|api[_-]?key|apikey|session|jwt|credential|assertion|authorization|cookie/i;

export class Redactor {
  private readonly replacements = new Map<string, string>();
  private ordered: Array<[string, string]> | undefined;

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Masks `secret` and its URL-encoded, form-encoded, JSON-escaped and base64 forms. */
  add(secret: string | undefined): this {
    if (!secret || secret.length < MIN_REPLACE_LENGTH) return this;
    const masked = maskSecret(secret);
    const forms = [
      secret,
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%20/g, '+'),
      new URLSearchParams({ v: secret }).toString().slice(2), // a query value as URL objects write it
      JSON.stringify(secret).slice(1, -1),
      Buffer.from(secret).toString('base64'),
    ];
    for (const form of forms) if (form.length >= MIN_REPLACE_LENGTH) this.replacements.set(form, masked);
    this.ordered = undefined;
    return this;
  }

  text(value: string): string {
    // Longest first, so a secret that contains another is masked whole.
    this.ordered ??= [...this.replacements].sort((a, b) => b[0].length - a[0].length);
    let result = value;
    for (const [secret, masked] of this.ordered) if (result.includes(secret)) result = result.split(secret).join(masked);
    return result;
  }

  /** A response body for display: JSON with secret-named fields masked, or text with known secrets masked. */
  body(raw: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.text(raw);
    }
    return this.text(JSON.stringify(maskSecretFields(parsed), null, 2));
  }
}

function maskSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecretFields);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [
      name,
      typeof field === 'string' && SECRET_FIELD.test(name) && !/type$/i.test(name) ? maskSecret(field) : maskSecretFields(field),
    ]),
  );
}
