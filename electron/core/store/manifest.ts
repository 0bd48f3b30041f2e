/**
 * The data folder's manifest (`manifest.json`): which data files Tokenbench has saved in this
 * folder. A listed file that is gone together with its `.bak` was lost, and is reported by name,
 * where it would otherwise open like a file never written (an empty list of credentials, and
 * nobody told).
 *
 * A file is listed by the first save (of any data file in the folder) after it exists on disk,
 * before that save writes anything: a manifest that cannot be written stops the save with
 * nothing changed, and a process killed half-way never lists a file it did not write.
 *
 * It holds none of the user's data. When it is damaged, that is reported, the damaged copy is
 * kept aside, and it is written again from the files present at the next save.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { writeFileDurably, type FileLayer } from './durable-write';
import { asideName } from './file-backup';
import { DEFAULT_LOCK_STALE_MS, withFileLock } from './file-lock';
import { checkIntegrity, withChecksum } from './integrity';
import { readSnapshot } from './snapshot';

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 1;

const manifestSchema = z.object({
  schemaVersion: z.literal(FORMAT),
  files: z.record(z.string(), z.object({ listedAt: z.string() })),
});
type Listing = z.infer<typeof manifestSchema>['files'];

type ManifestState =
  | { kind: 'absent' }
  | { kind: 'ok'; files: Listing; generation: number }
  | { kind: 'damaged'; damage: string; keptAs: string }
  /** Written by a newer Tokenbench: neither trusted nor overwritten. */
  | { kind: 'too-new' };

/** The data files opened in this process, by folder: what a manifest write lists, once they exist. */
const opened = new Map<string, Set<string>>();

export interface FolderManifest {
  /** Why the absence of the file and its `.bak` is a loss; undefined when it was never listed. */
  lostFile(fileName: string): string | undefined;
  /** Lists every data file opened in this process that exists now. Call before a save, holding the file's lock. */
  listExisting(): Promise<void>;
}

export interface ManifestOptions {
  dataDir: string;
  /** The data file that opens the manifest (to be listed once it exists). */
  fileName: string;
  problems: StoreProblem[];
  files: FileLayer;
  lockStaleMs?: number | undefined;
  now: () => Date;
}

export function openManifest(options: ManifestOptions): FolderManifest {
  const dataDir = path.resolve(options.dataDir);
  const manifestPath = path.join(dataDir, MANIFEST_FILE);
  const names = opened.get(dataDir) ?? new Set<string>();
  opened.set(dataDir, names.add(options.fileName));
  let cache: { key: string; state: ManifestState } | undefined;

  function read(): ManifestState {
    const snapshot = readSnapshot(manifestPath, cache?.key);
    if (!snapshot) return { kind: 'absent' };
    if (snapshot.text !== undefined || !cache) cache = { key: snapshot.key, state: parse(snapshot.text ?? '') };
    if (cache.state.kind === 'damaged') report(cache.state);
    return cache.state;
  }

  function parse(text: string): ManifestState {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return damaged(text.trim() === '' ? 'it is empty' : 'it is not valid JSON');
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return damaged('it does not hold a JSON object');
    const version = (raw as { schemaVersion?: unknown }).schemaVersion;
    const checked = checkIntegrity(raw as Record<string, unknown>);
    if (typeof version === 'number' && version > FORMAT && !('damage' in checked)) return { kind: 'too-new' };
    if ('damage' in checked) return damaged(checked.damage);
    const content = manifestSchema.safeParse(checked.content);
    if (!content.success) return damaged('it does not have the expected shape');
    return { kind: 'ok', files: content.data.files, generation: checked.generation ?? 0 };
  }

  function damaged(damage: string): ManifestState {
    // Named after the damaged file's own time, so every reader names the same place.
    return { kind: 'damaged', damage, keptAs: asideName(manifestPath, fs.statSync(manifestPath).mtime) };
  }

  function report(state: Extract<ManifestState, { kind: 'damaged' }>): void {
    const message =
      `${MANIFEST_FILE} is damaged: ${state.damage}. It lists the data files saved in this folder and holds none of your data: ` +
      `it will be kept as ${path.basename(state.keptAs)} and written again at the next save. Until then, a data file deleted together with its .bak is not noticed.`;
    if (!options.problems.some((p) => p.message === message)) options.problems.push({ file: manifestPath, keptAs: state.keptAs, message });
  }

  /** The files to list that are not listed yet (all of them when the manifest is damaged or absent). */
  function unlisted(state: ManifestState): string[] {
    const listed = state.kind === 'ok' ? state.files : {};
    return [...names].filter((name) => !listed[name] && fs.existsSync(path.join(dataDir, name)));
  }

  // Damage to the manifest is reported when the folder is opened, not at the first save.
  read();

  return {
    lostFile(fileName) {
      const state = read();
      const entry = state.kind === 'ok' ? state.files[fileName] : undefined;
      if (!entry) return undefined;
      return `${fileName} is missing, and so is its backup ${fileName}.bak, though Tokenbench saved it in this folder before (${MANIFEST_FILE} lists it since ${entry.listedAt}).`;
    },

    async listExisting() {
      const needsWrite = (state: ManifestState) => state.kind !== 'too-new' && (state.kind === 'damaged' || unlisted(state).length > 0);
      if (!needsWrite(read())) return;
      await withFileLock(manifestPath, options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS, () => {
        const state = read();
        if (!needsWrite(state)) return;
        const files = { ...(state.kind === 'ok' ? state.files : {}) };
        const listedAt = options.now().toISOString();
        for (const name of unlisted(state)) files[name] = { listedAt };
        if (state.kind === 'damaged') fs.renameSync(manifestPath, state.keptAs);
        const generation = (state.kind === 'ok' ? state.generation : 0) + 1;
        writeFileDurably(manifestPath, JSON.stringify(withChecksum({ schemaVersion: FORMAT, files }, generation), undefined, '\t'), { files: options.files });
      });
    },
  };
}
