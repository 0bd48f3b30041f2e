/**
 * Scrubs known secret values out of text (logs, error messages) before it leaves the main
 * process. It knows every value the vault decrypted or stored in this session; the vault makes
 * it forget them when it locks (nothing secret may stay in memory then, and nothing secret can
 * be read until the next unlock).
 */
import { MASK } from '../../../shared/recipe/mask';

/** Shorter values would turn ordinary words into masks and hide nothing worth hiding. */
const MIN_REDACTED_LENGTH = 4;

export interface Redactor {
  redact(text: string): string;
}

export interface SecretMemory extends Redactor {
  remember(value: string): void;
  forgetAll(): void;
}

export function createRedactor(): SecretMemory {
  const values = new Set<string>();
  let pattern: RegExp | undefined;

  return {
    remember(value) {
      if (value.length < MIN_REDACTED_LENGTH) return;
      // The forms a value takes inside a URL (path or query string) or a JSON string too.
      for (const form of [value, encodeURIComponent(value), queryEncoded(value), JSON.stringify(value).slice(1, -1)]) {
        if (!values.has(form)) {
          values.add(form);
          pattern = undefined;
        }
      }
    },
    forgetAll() {
      values.clear();
      pattern = undefined;
    },
    redact(text) {
      if (values.size === 0) return text;
      // Longest first, so a secret that contains another one is masked whole.
      pattern ??= new RegExp([...values].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
      return text.replace(pattern, MASK);
    },
  };
}

/** As `URLSearchParams` writes a query value: `~!'()` and spaces differ from encodeURIComponent. */
function queryEncoded(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
