// The one redaction module: masks known secret values (secret variables, tokens, the client auth
// header) in every encoding they may travel in, in any letter case, in text, in JSON values
// (structurally: a secret equal to `true` or `0001` never breaks a document) and in raw bytes
// (the hex view). The engine, the runner and the vault's session memory all use it.
import { MASK } from '../../../shared/recipe/mask';
import { maskSecret } from '../../../shared/recipe';

/** Shorter values would mask innocent text; they are masked structurally where they are used. */
export const MIN_REDACTED_LENGTH = 4;

/** A base64 run shorter than this is too likely to be ordinary text. */
const MIN_BASE64_CORE_LENGTH = 8;

const SECRET_FIELD = /token|secret|password|passwd|api[_-]?key|apikey|session|jwt|credential|assertion|authorization|cookie/i;

export interface RedactorOptions {
  /** Show the last 4 characters of long secrets (`••••a1b2`) so a person can tell tokens apart. */
  showTail?: boolean;
}

export class Redactor {
  /** Lower-cased form -> its mask. */
  private readonly replacements = new Map<string, string>();
  /** The forms as written, for byte matching (case folding in bytes is ASCII-only). */
  private readonly written = new Set<string>();
  private pattern: RegExp | undefined;
  private bytePattern: RegExp | undefined;
  private readonly showTail: boolean;

  constructor(secrets: Iterable<string | undefined> = [], options: RedactorOptions = {}) {
    this.showTail = options.showTail ?? true;
    for (const secret of secrets) this.add(secret);
  }

  /** Masks `secret` in every form it may travel in (see `formsOf`). */
  add(secret: string | undefined): this {
    if (!secret || secret.length < MIN_REDACTED_LENGTH) return this;
    const masked = this.showTail ? maskSecret(secret) : MASK;
    for (const form of formsOf(secret)) {
      this.written.add(form);
      const key = form.toLowerCase();
      if (!this.replacements.has(key)) {
        this.replacements.set(key, masked);
        this.pattern = undefined;
        this.bytePattern = undefined;
      }
    }
    return this;
  }

  /** The compiled patterns may stay: with nothing known nothing is matched, and `add` renews them. */
  forgetAll(): void {
    this.replacements.clear();
    this.written.clear();
  }

  get isEmpty(): boolean {
    return this.replacements.size === 0;
  }

  text(value: string): string {
    if (this.replacements.size === 0) return value;
    this.pattern ??= alternation([...this.replacements.keys()]);
    return value.replace(this.pattern, (found) => this.replacements.get(found.toLowerCase()) ?? MASK);
  }

  /** Every string (and object key) in a JSON-able value masked; the shape stays valid. */
  value<T>(value: T): T {
    return maskValue(value, (text) => this.text(text));
  }

  /** Raw bytes with every known form overwritten by `*` of the same length (offsets stay true). */
  bytes(data: Buffer): Buffer {
    if (this.replacements.size === 0) return data;
    this.bytePattern ??= alternation([...this.written, ...this.replacements.keys()].map((form) => Buffer.from(form).toString('latin1')));
    const latin1 = data.toString('latin1');
    const masked = latin1.replace(this.bytePattern, (found) => '*'.repeat(found.length));
    return masked === latin1 ? data : Buffer.from(masked, 'latin1');
  }

  /** A response body for display: JSON with secret-named fields masked, or text with known secrets masked. */
  body(raw: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.text(raw);
    }
    return JSON.stringify(this.value(maskSecretFields(parsed)), null, 2);
  }
}

/**
 * The forms a secret takes on the wire: raw, URL-encoded (path, query, form), JSON-escaped,
 * base64 and base64url, and the part of a longer base64 text (`base64(id:secret)` in a Basic
 * header) that encodes the secret at each of the three byte alignments.
 */
export function formsOf(secret: string): string[] {
  const forms = new Set<string>([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ]);
  const bytes = Buffer.from(secret);
  for (const encoded of [bytes.toString('base64'), bytes.toString('base64url')]) forms.add(encoded);
  for (const core of base64Cores(bytes)) {
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  // `Basic <base64>` or `Bearer <token>`: the value after the scheme word travels alone too.
  const scheme = /^[A-Za-z][A-Za-z0-9_-]*\s+(\S.*)/s.exec(secret);
  if (scheme) forms.add(scheme[1]!);
  return [...forms].filter((form) => form.length >= MIN_REDACTED_LENGTH);
}

/** The base64 characters that depend only on `bytes`, whatever precedes and follows them. */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  // Offset 3 would be offset 0 again (one whole group of zeros first): `offset <= 3` (a mutant) is equivalent.
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const whole = Math.floor(padded.length / 3);
    // The first group mixes unknown leading bytes in (unless aligned); a last partial group trailing ones.
    const core = padded.toString('base64').slice(offset === 0 ? 0 : 4, whole * 4);
    if (core.length >= MIN_BASE64_CORE_LENGTH) cores.push(core);
  }
  return cores;
}

/** One case-insensitive pattern, longest alternative first so a secret containing another is masked whole. */
function alternation(forms: string[]): RegExp {
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'gi');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every string and object key of a JSON-able value through `mask`, never its JSON text: the shape and types stay valid. */
export function maskValue<T>(value: T, mask: (text: string) => string): T {
  return maskLeaves(value, mask) as T;
}

function maskLeaves(value: unknown, mask: (text: string) => string): unknown {
  // Numbers and booleans stay: they are flags and sizes, and a secret equal to `true` must not turn every flag into text.
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => maskLeaves(item, mask));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([name, field]) => [mask(name), maskLeaves(field, mask)]));
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
