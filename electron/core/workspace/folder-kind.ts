/**
 * One kind of workspace file in its sub-folder (`environments/`, `credentials/`, `requests/`):
 * reading every file, keeping the ones that read well and naming the ones that do not, and
 * writing back only what changed. A file that does not read is never written or removed: the
 * user's text stays as it is until they fix it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { syncFolder, writeFileDurably } from '../store/durable-write';
import { readDocument, writeDocument, type FileKind } from './documents';
import { fileNameFits, uniqueFileName } from './file-names';

export interface BrokenFile {
  /** Relative to the workspace folder, with "/" (e.g. "credentials/orders.yaml"). */
  file: string;
  line: number;
  message: string;
}

export interface KindContent<T> {
  /** The items that read well, by file name. */
  items: T[];
  broken: BrokenFile[];
  /** Each item's file name, its text as read, and what it held (as it would be written), by id. */
  files: Map<string, { fileName: string; text: string; held: string }>;
  /** Every file name in the sub-folder, broken ones too (new names must not clash with them). */
  fileNames: Set<string>;
  /** Changes when any file is added, removed or changed. */
  signature: string;
}

const isDocumentFile = (name: string) => /\.ya?ml$/i.test(name) && !name.startsWith('.');

/** The sub-folder's file names and their identities, cheap enough to check on every read. */
export function kindSignature(root: string, kind: FileKind<never>): string {
  const folder = path.join(root, kind.folder);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter(isDocumentFile).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
  return names
    .map((name) => {
      try {
        const stat = fs.statSync(path.join(folder, name));
        return `${name}:${stat.ino}:${stat.mtimeMs}:${stat.size}`;
      } catch {
        return `${name}:gone`;
      }
    })
    .join('|');
}

export function readKind<T extends { id: string; name: string }>(root: string, kind: FileKind<T>): KindContent<T> {
  const folder = path.join(root, kind.folder);
  const signature = kindSignature(root, kind as FileKind<never>);
  const names = signature === 'none' ? [] : fs.readdirSync(folder).filter(isDocumentFile).sort();
  const content: KindContent<T> = { items: [], broken: [], files: new Map(), fileNames: new Set(names), signature };
  const ownerOf = new Map<string, string>();
  for (const fileName of names) {
    const relative = `${kind.folder}/${fileName}`;
    let text: string;
    let modifiedAt: string;
    try {
      text = fs.readFileSync(path.join(folder, fileName), 'utf8');
      modifiedAt = fs.statSync(path.join(folder, fileName)).mtime.toISOString();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      content.broken.push({ file: relative, line: 1, message: `it could not be read (${(error as Error).message})` });
      continue;
    }
    const result = readDocument(kind, text, modifiedAt);
    if (!result.ok) {
      content.broken.push({ file: relative, line: result.line, message: result.message });
      continue;
    }
    const owner = ownerOf.get(result.item.id);
    if (owner) {
      content.broken.push({ file: relative, line: 1, message: `it has the same id as ${kind.folder}/${owner} (a copied file?). Give it a new id, or remove one of the two` });
      continue;
    }
    ownerOf.set(result.item.id, fileName);
    content.items.push(result.item);
    content.files.set(result.item.id, { fileName, text, held: writeDocument(kind, result.item) });
  }
  return content;
}

/**
 * Writes `next` over what `current` read: new and changed items get their file (renamed when the
 * name changed), removed items lose theirs. Broken files are left alone.
 */
export function writeKind<T extends { id: string; name: string }>(root: string, kind: FileKind<T>, current: KindContent<T>, next: readonly T[]): void {
  const folder = path.join(root, kind.folder);
  fs.mkdirSync(folder, { recursive: true });
  const names = new Set(current.fileNames);
  const keep = new Set(next.map((item) => item.id));
  const removed: string[] = [];
  for (const [id, file] of current.files) {
    if (!keep.has(id)) removed.push(file.fileName);
  }
  for (const item of next) {
    const text = writeDocument(kind, item);
    const existing = current.files.get(item.id);
    if (existing && fileNameFits(existing.fileName, item.name)) {
      // A file written by hand keeps its own layout until what it holds changes.
      if (existing.held !== text) writeFileDurably(path.join(folder, existing.fileName), text);
      continue;
    }
    // The old name stays taken until the end, so no other item is written under it and then removed.
    if (existing) removed.push(existing.fileName);
    const fileName = uniqueFileName(item.name, names);
    names.add(fileName);
    writeFileDurably(path.join(folder, fileName), text);
  }
  for (const fileName of removed) {
    try {
      fs.rmSync(path.join(folder, fileName), { force: true });
    } catch (error) {
      throw new AppError('store-write-failed', `${kind.folder}/${fileName} could not be removed: ${(error as Error).message}.`, { hint: 'Check the permissions of the workspace folder, then try again.' });
    }
  }
  // The removals and renames last through a power cut too.
  syncFolder(fs, folder);
}
