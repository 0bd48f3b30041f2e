/**
 * File names from the user's names: readable in a file list and a diff, safe on every system
 * (no separators, no reserved Windows names, no case-only clashes), and unique in their folder.
 */

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_LENGTH = 60;

/** "Orders API (v2)" -> "Orders-API-v2". */
export function safeFileStem(name: string): string {
  const stem = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/[-.]+$/, '');
  if (!stem) return 'unnamed';
  return RESERVED.test(stem) ? `${stem}-file` : stem;
}

/** `stem.yaml`, or `stem-2.yaml`, ... : the first one no other file in the folder has (ignoring case). */
export function uniqueFileName(name: string, taken: ReadonlySet<string>, extension = '.yaml'): string {
  const stem = safeFileStem(name);
  const lowerTaken = new Set([...taken].map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = `${n === 1 ? stem : `${stem}-${n}`}${extension}`;
    if (!lowerTaken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Whether `fileName` is what `name` would be given (with or without a `-N` suffix): then a save keeps it. */
export function fileNameFits(fileName: string, name: string, extension = '.yaml'): boolean {
  if (!fileName.toLowerCase().endsWith(extension)) return false;
  const stem = fileName.slice(0, -extension.length);
  const wanted = safeFileStem(name);
  return stem === wanted || new RegExp(`^${escapeRegExp(wanted)}-\\d+$`).test(stem);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
