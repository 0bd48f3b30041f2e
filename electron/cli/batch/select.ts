/**
 * Which saved requests `tokenbench run` runs: each argument names a request (its name or id,
 * any case) or a group (a collection, or "collection/folder"), `--all` takes every one. Order:
 * as the app's sidebar shows them (collections, folders, then names).
 */
import { AppError } from '../../../shared/errors';
import { requestTree, type RequestTreeNode, type SavedRequest } from '../../../shared/runner/saved';

function inTreeOrder(nodes: readonly RequestTreeNode[]): SavedRequest[] {
  return nodes.flatMap((node) => [...node.requests, ...inTreeOrder(node.folders)]);
}

const groupOf = (request: SavedRequest) => [request.collection, ...request.folder.split('/').filter(Boolean)].join('/').toLowerCase();

export function selectRequests(saved: readonly SavedRequest[], names: readonly string[], all: boolean): SavedRequest[] {
  if (all && names.length) throw new AppError('invalid-request', 'Give either --all or request/group names, not both.');
  if (!all && names.length === 0) throw new AppError('invalid-request', 'Say what to run: a saved request\'s name, a collection or "collection/folder", or --all.');
  const ordered = inTreeOrder(requestTree(saved));
  if (all) return ordered;
  const chosen = new Set<SavedRequest>();
  for (const name of names) {
    const wanted = name.toLowerCase().replace(/\/+$/, '');
    const matches = ordered.filter((r) => r.id === name || r.name.toLowerCase() === wanted || groupOf(r) === wanted || groupOf(r).startsWith(`${wanted}/`));
    if (matches.length === 0) {
      const groups = [...new Set(saved.map((r) => r.collection))].join(', ') || 'none yet';
      throw new AppError('not-found', `No saved request or group is called "${name}".`, { hint: `Collections: ${groups}. Requests are saved in the app's runner.` });
    }
    for (const match of matches) chosen.add(match);
  }
  return ordered.filter((r) => chosen.has(r));
}
