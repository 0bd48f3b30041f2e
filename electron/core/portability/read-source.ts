/**
 * Reading what the user chose to import: one file, or a Bruno collection (its folder, or the
 * `bruno.json` in it), whose `.bru` files come along. The folder is walked with bounds (files,
 * characters, depth) and without following symbolic links, so a hostile folder cannot pull in
 * files from elsewhere or exhaust memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { FolderFiles } from '../collection-import/detect';
import { MAX_IMPORT_CHARACTERS } from './untrusted-json';

export interface ImportSource {
  fileName: string;
  text: string;
  folder?: FolderFiles;
}

const MAX_FOLDER_FILES = 5_000;
const MAX_FOLDER_DEPTH = 16;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function readImportSource(chosen: string): ImportSource {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(chosen);
  } catch (error) {
    throw new AppError('import-unreadable', `${path.basename(chosen)} could not be read: ${(error as Error).message}`);
  }
  if (stat.isDirectory()) return readBrunoFolder(chosen, path.join(chosen, 'bruno.json'));
  if (path.basename(chosen) === 'bruno.json') return readBrunoFolder(path.dirname(chosen), chosen);
  return { fileName: path.basename(chosen), text: readText(chosen) };
}

function readText(filePath: string): string {
  try {
    const size = fs.statSync(filePath).size;
    // Bytes >= characters in UTF-8: a file this large cannot be under the limit.
    if (size > MAX_IMPORT_CHARACTERS * 4) throw new AppError('import-invalid', `${path.basename(filePath)} cannot be imported: it is larger than ${MAX_IMPORT_CHARACTERS / 1_000_000} million characters. Nothing was imported.`);
    return fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('import-unreadable', `${path.basename(filePath)} could not be read: ${(error as Error).message}`);
  }
}

function readBrunoFolder(folder: string, manifest: string): ImportSource {
  const name = path.basename(folder);
  if (!fs.existsSync(manifest)) {
    throw new AppError('import-unknown-format', `The folder ${name} is not a Bruno collection: it has no bruno.json.`, { hint: 'Choose a Bruno collection folder, or one file to import.' });
  }
  const files: Record<string, string> = {};
  let characters = 0;
  let count = 0;
  const refuse = (problem: string): never => {
    throw new AppError('import-invalid', `The Bruno collection ${name} cannot be imported: ${problem}. Nothing was imported.`, { hint: 'Choose the collection folder as Bruno wrote it.' });
  };
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_FOLDER_DEPTH) refuse(`its folders nest more than ${MAX_FOLDER_DEPTH} levels deep`);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // Symbolic links are not followed: they could point anywhere on the disk.
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.bru')) {
        if (++count > MAX_FOLDER_FILES) refuse(`it holds more than ${MAX_FOLDER_FILES.toLocaleString('en')} .bru files`);
        const text = readText(full);
        characters += text.length;
        if (characters > MAX_IMPORT_CHARACTERS) refuse(`its .bru files hold more than ${MAX_IMPORT_CHARACTERS / 1_000_000} million characters`);
        files[path.relative(folder, full).split(path.sep).join('/')] = text;
      }
    }
  };
  walk(folder, 0);
  return { fileName: `${name}/bruno.json`, text: readText(manifest), folder: files };
}
