/**
 * The checksum every data file carries, so that damage which still reads as valid JSON of the
 * right shape (one changed digit in a count or in a sealed value) is caught like any other
 * damage, instead of being read as if it were what Tokenbench saved.
 *
 * A file holds its content plus `"integrity": { "generation": N, "sha256": HEX }`: how many times
 * the file was saved, and the SHA-256 of that number and the content. The checksum finds
 * accidents (a bad disk, a half-finished copy, an editor), not attacks: whoever can write the
 * file can compute it again; sealed values carry authenticated encryption for that.
 *
 * A file without `integrity` was written before checksums existed (or edited by hand with the
 * block removed): it opens as it is, and gets a checksum at its next save.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

type Json = Record<string, unknown>;

const INTEGRITY = 'integrity';

const integritySchema = z.object({
  generation: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** What a file holds once its checksum is checked. `generation` is undefined for files from before checksums. */
export interface CheckedContent {
  content: Json;
  generation: number | undefined;
}

/** `content` with its checksum, ready to be written as JSON. */
export function withChecksum(content: Json, generation: number): Json {
  const plain = withoutIntegrity(content);
  return { ...plain, [INTEGRITY]: { generation, sha256: digest(plain, generation) } };
}

/**
 * Splits a parsed file into its content and generation, checking the checksum. Returns the
 * reason in the user's words when the file does not match it.
 */
export function checkIntegrity(raw: Json): CheckedContent | { damage: string } {
  if (!(INTEGRITY in raw)) return { content: raw, generation: undefined };
  const block = integritySchema.safeParse(raw[INTEGRITY]);
  if (!block.success) return { damage: 'its checksum record is unreadable' };
  const content = withoutIntegrity(raw);
  if (digest(content, block.data.generation) !== block.data.sha256) {
    return { damage: 'its content does not match its checksum (something changed it on disk, or it was edited outside Tokenbench)' };
  }
  return { content, generation: block.data.generation };
}

function withoutIntegrity(raw: Json): Json {
  const content = { ...raw };
  delete content[INTEGRITY];
  return content;
}

/**
 * Over the JSON text of the content: parsing and serializing again gives the same text (keys keep
 * their order), so a file reads back to the digest it was written with.
 */
function digest(content: Json, generation: number): string {
  return createHash('sha256').update(JSON.stringify([generation, content])).digest('hex');
}
