/**
 * Names people give things (environments, credentials): shown in the app, printed by the CLI and
 * written into exports. A control character (CR, LF, ESC, BEL, ...) or a bidirectional override
 * in a name could rewrite a terminal line or make "prod" read as "dorp", so such names are refused
 * where they are typed or imported. Stored data is read leniently: a name saved by an older
 * version must not make its file unreadable. Pure: no Node APIs.
 */
import { z } from 'zod';

// C0 and C1 controls, DEL, bidi marks/embeddings/overrides/isolates, zero-width characters, BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** The first character a name may not hold, described for the user, or null. */
export function unsafeNameCharacter(name: string): string | null {
  const match = UNSAFE_CHARACTER.exec(name);
  if (!match) return null;
  const code = match[0].codePointAt(0)!;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A trimmed, bounded display name with no control or text-direction characters. */
export function displayNameSchema(what: string) {
  return z
    .string()
    .trim()
    .min(1, `Give the ${what} a name.`)
    .max(80, `Keep ${what} names under 80 characters.`)
    .superRefine((name, ctx) => {
      const found = unsafeNameCharacter(name);
      if (found) ctx.addIssue({ code: 'custom', message: `The ${what} name holds an invisible control or text-direction character (${found}); type it with visible characters only.` });
    });
}
