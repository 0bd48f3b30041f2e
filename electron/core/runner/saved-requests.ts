// Saved requests (`requests.json` in the data directory): named drafts in collections and folders.
// Drafts hold `{{variable}}` references, not secret values.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoreProblem } from '../../../shared/ipc/contract';
import type { RequestDraft } from '../../../shared/runner/draft';
import { DEFAULT_COLLECTION, savedRequestSchema, type SavedRequest } from '../../../shared/runner/saved';
import { openDataFile, type DataFile, type StoreClass } from '../store/data-file';

const requestsFileSchema = z.object({ requests: z.array(savedRequestSchema) });
export type RequestsFile = z.infer<typeof requestsFileSchema>;

/** `requests.json`, for the runner and for imports that bring saved requests. */
export function openRequestsFile(options: { dataDir: string; storeClass?: StoreClass; problems?: StoreProblem[] }): DataFile<RequestsFile> {
  return openDataFile({
    dataDir: options.dataDir,
    name: 'requests',
    schema: requestsFileSchema,
    initial: () => ({ requests: [] }),
    storeClass: options.storeClass,
    problems: options.problems ?? [],
  });
}

export interface SaveRequestInput {
  id?: string;
  name: string;
  collection: string;
  folder?: string;
  draft: RequestDraft;
}

export class SavedRequests {
  private readonly file: DataFile<RequestsFile>;
  private readonly now: () => number;

  constructor(options: { dataDir: string; storeClass?: StoreClass; problems?: StoreProblem[]; now: () => number; file?: DataFile<RequestsFile> }) {
    this.now = options.now;
    this.file = options.file ?? openRequestsFile(options);
  }

  list(): SavedRequest[] {
    return [...this.file.read().requests];
  }

  /** Creates a request, or replaces the one with `input.id`; returns it and the new list. */
  async save(input: SaveRequestInput): Promise<{ saved: SavedRequest; all: SavedRequest[] }> {
    const at = new Date(this.now()).toISOString();
    let saved: SavedRequest | undefined;
    const next = await this.file.update((current) => {
      const existing = input.id ? current.requests.find((r) => r.id === input.id) : undefined;
      if (input.id && !existing) throw new AppError('not-found', 'That saved request no longer exists. It may have been deleted in another window.', { hint: 'Save it again as a new request.' });
      saved = savedRequestSchema.parse({
        id: existing?.id ?? randomUUID(),
        name: input.name,
        collection: input.collection || DEFAULT_COLLECTION,
        folder: input.folder ?? existing?.folder ?? '',
        draft: input.draft,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      const others = current.requests.filter((r) => r.id !== saved!.id);
      return { ...current, requests: existing ? current.requests.map((r) => (r.id === saved!.id ? saved! : r)) : [...others, saved] };
    });
    return { saved: saved!, all: [...next.requests] };
  }

  async delete(id: string): Promise<SavedRequest[]> {
    const next = await this.file.update((current) => {
      if (!current.requests.some((r) => r.id === id)) throw new AppError('not-found', 'That saved request no longer exists.');
      return { ...current, requests: current.requests.filter((r) => r.id !== id) };
    });
    return [...next.requests];
  }
}
