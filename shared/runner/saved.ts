// Saved requests: a named draft in a collection, optionally in a folder ("orders/v3"), so the
// runner's sidebar can show them as a tree. Renderer-safe schema and types.
import { z } from 'zod';
import { requestDraftSchema } from './draft';

export const DEFAULT_COLLECTION = 'My requests';

export const savedRequestNameSchema = z.string().trim().min(1, 'Give the request a name.').max(120, 'Keep request names under 120 characters.');
export const collectionNameSchema = z.string().trim().min(1, 'Name the collection.').max(80, 'Keep collection names under 80 characters.');
/** Folders inside a collection, separated by "/"; empty for the collection's top level. */
export const folderPathSchema = z
  .string()
  .trim()
  .max(200, 'Keep folder paths under 200 characters.')
  .transform((path) => path.split('/').map((p) => p.trim()).filter(Boolean).join('/'));

export const savedRequestSchema = z.object({
  id: z.string().min(1),
  name: savedRequestNameSchema,
  collection: collectionNameSchema,
  folder: folderPathSchema,
  draft: requestDraftSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedRequest = z.infer<typeof savedRequestSchema>;

export interface RequestTreeNode {
  name: string;
  /** "collection" or "collection/folder/sub". */
  path: string;
  folders: RequestTreeNode[];
  requests: SavedRequest[];
}

/** Collections -> folders -> requests, each level sorted by name. */
export function requestTree(requests: readonly SavedRequest[]): RequestTreeNode[] {
  const root: RequestTreeNode = { name: '', path: '', folders: [], requests: [] };
  for (const request of requests) {
    let node = root;
    for (const name of [request.collection, ...request.folder.split('/').filter(Boolean)]) {
      let child = node.folders.find((f) => f.name === name);
      if (!child) {
        child = { name, path: node.path ? `${node.path}/${name}` : name, folders: [], requests: [] };
        node.folders.push(child);
      }
      node = child;
    }
    node.requests.push(request);
  }
  const sort = (node: RequestTreeNode) => {
    node.folders.sort((a, b) => a.name.localeCompare(b.name));
    node.requests.sort((a, b) => a.name.localeCompare(b.name));
    node.folders.forEach(sort);
  };
  sort(root);
  return root.folders;
}
