/**
 * Checks the token's signature in the main process against a JWKS address, the keys the token's
 * issuer publishes (found by OpenID Connect discovery), or a key the user pastes. The key stays in this form's local state only; it is sent to the main process once.
 */
import { useState, type FormEvent } from 'react';
import type { JwtInspection, TokenKey } from '../../../../shared/domain/token';
import type { ErrorInfo } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api, toErrorInfo, unwrap } from '../../lib/api';

type Checked = Extract<JwtInspection['signature'], { checked: true }>;

export function SignatureCheck({ tokenKey, issuer, alg }: { tokenKey: TokenKey; issuer?: string; alg: string }) {
  const [jwksUrl, setJwksUrl] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Checked | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const discoverable = issuer && /^https?:\/\//.test(issuer) ? issuer : null;
  const suggestion = discoverable ? `${discoverable.replace(/\/$/, '')}/.well-known/jwks.json` : null;

  async function check(event: FormEvent | null, source: { issuer: string } | { jwksUrl: string } | { key: string }) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const inspection = await unwrap(api.tokens.inspect({ ...tokenKey, ...source }));
      if (inspection.signature.checked) setResult(inspection.signature);
    } catch (failure) {
      setError(toErrorInfo(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="signature-check" onSubmit={(event) => void check(event, jwksUrl.trim() ? { jwksUrl: jwksUrl.trim() } : { key })} aria-label="Check the signature">
      <h3>Signature{alg && <span className="muted small"> ({alg})</span>}</h3>
      <label>
        <span>JWKS address</span>
        <input type="url" value={jwksUrl} onChange={(e) => setJwksUrl(e.target.value)} placeholder="https://auth.example.com/.well-known/jwks.json" />
      </label>
      {suggestion && jwksUrl !== suggestion && (
        <button type="button" className="ghost small" onClick={() => setJwksUrl(suggestion)}>
          Use the issuer’s {suggestion}
        </button>
      )}
      {discoverable && (
        <button type="button" className="ghost small" disabled={busy} onClick={() => void check(null, { issuer: discoverable })}>
          Check against the keys {discoverable} publishes (discovery)
        </button>
      )}
      <label>
        <span>or a key: PEM public key, certificate, JWK, or the shared secret for HS* tokens</span>
        <textarea value={key} onChange={(e) => setKey(e.target.value)} rows={3} disabled={jwksUrl.trim() !== ''} spellCheck={false} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || (jwksUrl.trim() === '' && key.trim() === '')}>
          {busy ? 'Checking…' : 'Check signature'}
        </button>
      </div>
      {result && (
        <p className={`signature-result ${result.valid ? 'valid' : 'invalid'}`} role="status">
          <strong>{result.valid ? 'Signature valid.' : 'Signature not valid.'}</strong> {result.detail}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
