/** Saves the draft under a name, in a collection and optional folder (or updates the open one). */
import { useState, type FormEvent } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';
import { DEFAULT_COLLECTION } from '../../../../shared/runner/saved';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useRunner } from './store';

export function SaveRequestForm({ onDone }: { onDone(): void }) {
  const draft = useRunner((s) => s.draft);
  const saved = useRunner((s) => s.saved);
  const markSaved = useRunner((s) => s.markSaved);
  const [name, setName] = useState(saved?.name ?? '');
  const [collection, setCollection] = useState(saved?.collection ?? DEFAULT_COLLECTION);
  const [folder, setFolder] = useState(saved?.folder ?? '');
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function submit(event: FormEvent, asNew: boolean) {
    event.preventDefault();
    const result = await api.requests.save({ id: asNew ? undefined : saved?.id, name, collection, folder, draft });
    if (!result.ok) return setError(result.error);
    markSaved(result.value);
    onDone();
  }

  return (
    <form className="dialog" aria-label="Save request" onSubmit={(e) => void submit(e, false)}>
      {error && <ErrorMessage error={error} />}
      <div className="row">
        <label>
          <span>Name</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="Request name" />
        </label>
        <label>
          <span>Collection</span>
          <input value={collection} onChange={(e) => setCollection(e.target.value)} aria-label="Collection" />
        </label>
        <label>
          <span>Folder (optional, a/b)</span>
          <input value={folder} onChange={(e) => setFolder(e.target.value)} aria-label="Folder" />
        </label>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          {saved ? 'Save changes' : 'Save'}
        </button>
        {saved && (
          <button type="button" onClick={(e) => void submit(e, true)} disabled={name.trim() === ''}>
            Save as new
          </button>
        )}
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
