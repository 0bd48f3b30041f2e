/**
 * "Fill endpoints from the issuer": reads the issuer's discovery document and fills the draft
 * recipe's endpoints and client authentication (fill-from-issuer.ts), then says what it filled
 * and what the server did not offer. Nothing is saved until the user saves the credential.
 */
import { useId, useState } from 'react';
import type { TokenRequestRecipe } from '../../../../shared/recipe';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { fillFromIssuer, type IssuerFill } from './fill-from-issuer';

export function FillFromIssuer({ recipe, onFill }: { recipe: TokenRequestRecipe | null; onFill(recipe: TokenRequestRecipe): void }) {
  const [issuer, setIssuer] = useState('');
  const [result, setResult] = useState<Omit<IssuerFill, 'recipe'> | null>(null);
  const discover = useAction();
  const inputId = useId();

  async function fill() {
    if (!recipe) return;
    setResult(null);
    const metadata = await discover.run(() => api.discovery.fetch({ issuer: issuer.trim() }));
    if (!metadata) return;
    const { recipe: filled, ...said } = fillFromIssuer(recipe, metadata);
    onFill(filled);
    setResult(said);
  }

  return (
    <section className="fill-from-issuer" aria-label="Fill endpoints from the issuer">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void fill();
        }}
      >
        <label htmlFor={inputId}>Issuer</label>
        <input id={inputId} type="url" placeholder="https://login.example.com" value={issuer} onChange={(e) => setIssuer(e.target.value)} />
        <button type="submit" disabled={!recipe || issuer.trim() === '' || discover.busy}>
          {discover.busy ? 'Reading…' : 'Fill endpoints from the issuer'}
        </button>
      </form>
      {!recipe && <p className="muted small">Fix the problems in the recipe first.</p>}
      {discover.error && <ErrorMessage error={discover.error} onDismiss={discover.clearError} />}
      {result && (
        <div role="status" className="small">
          <p>Filled from {issuer.trim()} (not saved yet):</p>
          <ul>
            {result.filled.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {result.missing.length > 0 && (
            <>
              <p>The server does not offer:</p>
              <ul>
                {result.missing.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
