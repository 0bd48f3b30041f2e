/**
 * Edits one credential: its name and recipe (as a form or raw JSON), with the live request
 * preview beside it and "Get token now" below. Problems show at the field that has them; unknown
 * `{{names}}` are flagged against the environment's variables.
 */
import { useMemo, useState } from 'react';
import type { Credential } from '../../../../shared/domain/credential';
import type { Environment } from '../../../../shared/domain/environment';
import type { Recipe } from '../../../../shared/recipe';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConfirmDelete } from '../../components/FormActions';
import { moveBetweenTabs } from '../../components/tab-keys';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { ProblemsContext } from './form/fields';
import { RecipeForm } from './form/RecipeForm';
import { RawJsonEditor } from './RawJsonEditor';
import { checkDraft, parseDraftJson } from './recipe-check';
import { RequestPreview } from './RequestPreview';
import { TokenCheck } from './TokenCheck';
import { ExportCode } from './ExportCode';
import { FillFromIssuer } from './FillFromIssuer';

type Tab = 'form' | 'json';

export function CredentialEditor({ credential, environment, onClose }: { credential: Credential; environment: Environment; onClose(): void }) {
  const [name, setName] = useState(credential.name);
  const [draft, setDraft] = useState<unknown>(credential.recipe);
  const [tab, setTab] = useState<Tab>('form');
  const [jsonText, setJsonText] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [formRevision, setFormRevision] = useState(0);
  const save = useAction();
  const remove = useAction();

  const variableNames = useMemo(() => environment.variables.map((v) => v.name), [environment.variables]);
  const check = useMemo(() => checkDraft(draft, variableNames), [draft, variableNames]);
  // Compared in parsed form: the schema fixes key order and fills defaults, so only real edits count.
  const dirty = name !== credential.name || !check.ok || JSON.stringify(check.recipe) !== JSON.stringify(credential.recipe);
  const usable = jsonProblem === null && check.ok;

  function openTab(next: Tab) {
    if (next === tab) return;
    if (next === 'json') {
      setJsonText(JSON.stringify(draft, null, 2));
    } else if (check.ok) {
      // The form edits the parsed recipe, defaults filled in; remount it so its rows start afresh.
      setDraft(check.recipe);
      setFormRevision((r) => r + 1);
    }
    setTab(next);
  }

  function editJson(text: string) {
    setJsonText(text);
    const parsed = parseDraftJson(text);
    setJsonProblem(parsed.ok ? null : parsed.problem);
    if (parsed.ok) setDraft(parsed.draft);
  }

  async function submit() {
    if (!check.ok) return;
    await save.run(() => api.credentials.update({ id: credential.id, ...(name !== credential.name ? { name } : {}), recipe: check.recipe }));
  }

  /** The issuer's endpoints replace the draft's; the form (or the JSON) shows them at once. */
  function fillEndpoints(recipe: Recipe) {
    setDraft(recipe);
    setJsonText(JSON.stringify(recipe, null, 2));
    setJsonProblem(null);
    setFormRevision((r) => r + 1);
  }

  function revert() {
    setName(credential.name);
    setDraft(credential.recipe);
    setJsonText(JSON.stringify(credential.recipe, null, 2));
    setJsonProblem(null);
    setFormRevision((r) => r + 1);
  }

  async function deleteCredential() {
    if (await remove.run(() => api.credentials.delete({ id: credential.id }))) onClose();
  }

  const blockedBecause = !usable ? 'Fix the problems in the recipe first.' : dirty ? 'Save your changes first: tokens are fetched with the saved recipe.' : null;

  return (
    <article className="credential-editor" aria-label={`Credential ${credential.name}`}>
      <h2 className="visually-hidden">Credential {credential.name}</h2>
      <header className="row spread">
        <div className="row">
          <button type="button" className="ghost" onClick={onClose} aria-label="Back to credentials">
            ←
          </button>
          <label className="inline">
            <span>Credential name</span>
            {/* Opening a credential puts focus here, where its editor starts. */}
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        </div>
        <div className="row">
          {dirty && <span className="muted small">Unsaved changes</span>}
          <button type="button" className="primary" disabled={!dirty || !usable || save.busy} onClick={() => void submit()}>
            Save credential
          </button>
          <button type="button" disabled={!dirty || save.busy} onClick={revert}>
            Revert
          </button>
          <ConfirmDelete
            label="Delete credential"
            question={`Delete “${credential.name}” from every environment?`}
            confirmLabel="Yes, delete credential"
            onConfirm={() => void deleteCredential()}
          />
        </div>
      </header>
      {save.error && <ErrorMessage error={save.error} onDismiss={save.clearError} />}
      {remove.error && <ErrorMessage error={remove.error} onDismiss={remove.clearError} />}

      <TokenCheck environment={environment} credentialId={credential.id} blockedBecause={blockedBecause} />
      {credential.recipe.kind === 'token-request' && <ExportCode credentialId={credential.id} environmentId={environment.id} blockedBecause={blockedBecause} />}

      {(draft as Recipe | null)?.kind === 'token-request' && (
        <FillFromIssuer recipe={check.ok && check.recipe.kind === 'token-request' ? check.recipe : null} onFill={fillEndpoints} />
      )}

      <div className="editor-columns">
        <div className="editor-main">
          <div role="tablist" aria-label="Recipe editor" className="tabs" onKeyDown={moveBetweenTabs}>
            <button type="button" role="tab" aria-selected={tab === 'form'} tabIndex={tab === 'form' ? 0 : -1} disabled={tab === 'json' && !usable} onClick={() => openTab('form')}>
              Form
            </button>
            <button type="button" role="tab" aria-selected={tab === 'json'} tabIndex={tab === 'json' ? 0 : -1} onClick={() => openTab('json')}>
              JSON
            </button>
          </div>
          {tab === 'json' && !usable && <p className="muted small">The form opens again once the JSON is a valid recipe.</p>}
          <ProblemsContext.Provider value={check.problems}>
            {tab === 'form' ? (
              <RecipeForm key={formRevision} value={draft as Recipe} onChange={setDraft} />
            ) : (
              <RawJsonEditor text={jsonText} jsonProblem={jsonProblem} problems={check.problems} onChange={editJson} />
            )}
          </ProblemsContext.Provider>
        </div>
        <RequestPreview recipe={check.ok ? check.recipe : null} variables={environment.variables} />
      </div>
    </article>
  );
}
