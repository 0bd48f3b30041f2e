// Masked forms of secrets for anything a person may see: previews, the auth timeline, status.
// Pure (no Node APIs): the renderer uses it too.

export const MASK = '••••';

/** Secrets shorter than this are masked completely: their last 4 characters would give too much away. */
const MIN_LENGTH_TO_SHOW_TAIL = 12;

/** `••••a1b2`: at most the last 4 characters, none for short values. */
export function maskSecret(value: string): string {
  return value.length >= MIN_LENGTH_TO_SHOW_TAIL ? `${MASK}${value.slice(-4)}` : MASK;
}

/** The last 4 characters of a long value, or '' (for "token ends with ..." hints). */
export function secretTail(value: string): string {
  return value.length >= MIN_LENGTH_TO_SHOW_TAIL ? value.slice(-4) : '';
}
