/**
 * Which tool a file comes from, judged by its content (never its name), and the reader for it.
 * A Bruno collection is a folder: its `bruno.json` is the file, the folder's `.bru` files come
 * along in `folder`.
 */
import type { CollectionPlan } from './model';
import { isPostmanCollection, readPostmanCollection } from './postman';

/** The other files of a chosen folder, by path relative to it ("users/get user.bru"). */
export type FolderFiles = Readonly<Record<string, string>>;

export function detectCollection(raw: unknown, fileName: string, folder?: FolderFiles): CollectionPlan | null {
  void fileName;
  void folder;
  if (isPostmanCollection(raw)) return readPostmanCollection(raw);
  return null;
}
