/**
 * Adding a credential: pick a preset (vendor dialects first; each with its description and what
 * is worth knowing) and type only your own values, or start from scratch with a recipe kind.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Credential } from '../../../../shared/domain/credential';
import type { Environment } from '../../../../shared/domain/environment';
import { PRESETS, type Preset } from '../../../../shared/recipe';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { InlineCode } from './InlineCode';
import { PresetForm } from './PresetForm';
import { KIND_LABELS, starterRecipe, type RecipeKind } from './recipe-defaults';

interface AddCredentialProps {
  environment: Environment;
  onCreated(credential: Credential): void;
  onCancel(): void;
}

function FromScratch({ environment, onCreated }: Omit<AddCredentialProps, 'onCancel'>) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<RecipeKind>('token-request');
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await action.run(() => api.credentials.create({ name, recipe: starterRecipe(kind), environmentIds: [environment.id] }));
    if (created) onCreated(created);
  }

  return (
    <form className="preset-card scratch" onSubmit={submit} aria-label="Start from scratch">
      <h3>Start from scratch</h3>
      <p className="muted small">Any other auth dialect: describe the token request, the response and how the token is used.</p>
      <label>
        <span>New credential name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        <span>Recipe kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as RecipeKind)}>
          {(Object.keys(KIND_LABELS) as RecipeKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
      <button type="submit" disabled={action.busy || name.trim() === ''}>
        Create and edit
      </button>
    </form>
  );
}

export function AddCredential({ environment, onCreated, onCancel }: AddCredentialProps) {
  const [preset, setPreset] = useState<Preset | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focused whenever the picker shows: the button that opened it (or the cancelled form) is gone.
  useEffect(() => heading.current?.focus(), [preset]);

  if (preset) return <PresetForm preset={preset} environment={environment} onCreated={onCreated} onCancel={() => setPreset(null)} />;

  return (
    <section className="add-credential" aria-label="Add a credential">
      <div className="row spread">
        <h2 tabIndex={-1} ref={heading}>
          Add a credential to {environment.name}
        </h2>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ul className="preset-grid">
        {PRESETS.map((p) => (
          <li key={p.id} className="preset-card">
            <h3>{p.name}</h3>
            <p className="small">
              <InlineCode text={p.description} />
            </p>
            {p.hints.length > 0 && (
              <details>
                <summary>Worth knowing ({p.hints.length})</summary>
                <ul className="hints small">
                  {p.hints.map((hint) => (
                    <li key={hint}>
                      <InlineCode text={hint} />
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <button type="button" aria-label={`Use preset ${p.name}`} onClick={() => setPreset(p)}>
              Use this preset
            </button>
          </li>
        ))}
        <li>
          <FromScratch environment={environment} onCreated={onCreated} />
        </li>
      </ul>
    </section>
  );
}
