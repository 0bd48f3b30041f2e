/**
 * "From example": paste the token request from a vendor's docs (and its sample response), read
 * the proposal (every guess with why), edit it, see the exact request (secrets masked), and save
 * the credential with its variables. The main process reads the paste; secret values it holds go
 * from there into the vault, and the pasted text is dropped from this window once saved.
 */
import { useId, useMemo, useState } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';
import type { ExampleProposalView } from '../../../../shared/ipc/domains/from-example';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ModalDialog } from '../../components/ModalDialog';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { ProposalView } from './ProposalView';
import { previewScope, previewText, readRecipeText } from './request-preview';
import './from-example.css';

export function FromExampleDialog({ environmentId, onClose }: { environmentId: string; onClose(): void }) {
  const titleId = useId();
  const [example, setExample] = useState('');
  const [sampleResponse, setSampleResponse] = useState('');
  const [proposal, setProposal] = useState<ExampleProposalView | null>(null);
  const [name, setName] = useState('');
  const [recipeText, setRecipeText] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const recipe = useMemo(() => (proposal ? readRecipeText(recipeText) : null), [proposal, recipeText]);
  const preview = useMemo(() => {
    if (!proposal || !recipe?.ok) return '';
    const variables = proposal.variables.map((v) => ({ ...v, secret: secret[v.name] ?? v.secret }));
    return previewText(recipe.recipe, previewScope(variables, values));
  }, [proposal, recipe, values, secret]);

  async function call<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (thrown) {
      setError(toErrorInfo(thrown));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function read() {
    const read = await call(() => unwrap(api.fromExample.propose({ example, ...(sampleResponse.trim() ? { sampleResponse } : {}) })));
    if (!read) return;
    setProposal(read);
    setName(read.suggestedName);
    setRecipeText(JSON.stringify(read.recipe, null, 2));
    setValues({});
    setSecret({});
  }

  async function save() {
    if (!recipe?.ok) return;
    const saved = await call(() =>
      unwrap(api.fromExample.save({ example, ...(sampleResponse.trim() ? { sampleResponse } : {}), environmentId, name, recipe: recipe.recipe, values, secret })),
    );
    if (!saved) return;
    // The paste and anything typed may hold secrets: nothing of them stays in this window.
    setExample('');
    setSampleResponse('');
    setValues({});
    setProposal(null);
    onClose();
  }

  return (
    <ModalDialog className="from-example-dialog" labelledBy={titleId} onClose={onClose}>
      <header className="row spread">
        <h2 id={titleId}>New credential from an example</h2>
        <button type="button" className="ghost" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="from-example-columns">
        <section className="from-example-paste" aria-label="Example">
          <label>
            <span>Token request from the docs: cURL, raw HTTP, Python requests, JavaScript fetch or axios</span>
            <textarea aria-label="Example request" rows={9} spellCheck={false} value={example} onChange={(e) => setExample(e.target.value)} autoFocus />
          </label>
          <label>
            <span>Sample response (optional: finds the token, its type and lifetime)</span>
            <textarea aria-label="Sample response" rows={5} spellCheck={false} value={sampleResponse} onChange={(e) => setSampleResponse(e.target.value)} />
          </label>
          <div className="row">
            <button type="button" className={proposal ? '' : 'primary'} disabled={!example.trim() || busy} onClick={() => void read()}>
              Read example
            </button>
          </div>
          {proposal && recipe && (
            <label>
              <span>Recipe (edit freely)</span>
              <textarea aria-label="Recipe JSON" rows={12} spellCheck={false} value={recipeText} onChange={(e) => setRecipeText(e.target.value)} />
              {!recipe.ok && <span className="field-problem" role="status">{recipe.problem}</span>}
            </label>
          )}
        </section>
        {proposal && (
          <section className="from-example-proposal" aria-label="Proposal">
            <label className="inline">
              <span>Credential name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <ProposalView
              proposal={proposal}
              values={values}
              secret={secret}
              onValue={(n, value) => setValues((current) => ({ ...current, [n]: value }))}
              onSecret={(n, flag) => setSecret((current) => ({ ...current, [n]: flag }))}
            />
            <h3>The request that will be sent</h3>
            <pre className="from-example-preview" role="region" aria-label="Request preview">
              {preview}
            </pre>
            <div className="row">
              <button type="button" className="primary" disabled={busy || !recipe?.ok || !name.trim()} onClick={() => void save()}>
                Save credential
              </button>
            </div>
          </section>
        )}
      </div>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </ModalDialog>
  );
}
