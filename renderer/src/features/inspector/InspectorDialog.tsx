/**
 * The JWT inspector, in a modal dialog: the token's header and claims (decoded in the main
 * process, which holds the token), its times in local time and relative, its scopes and roles,
 * and a signature check against a JWKS address or a key the user gives.
 */
import { useEffect, useState } from 'react';
import type { JwtInspection, TokenKey } from '../../../../shared/domain/token';
import type { ErrorInfo } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ModalDialog } from '../../components/ModalDialog';
import { api, toErrorInfo, unwrap } from '../../lib/api';
import { useCredentials } from '../../state/credentials';
import { useEnvironments } from '../../state/environments';
import { ClaimTimes } from './ClaimTimes';
import { SignatureCheck } from './SignatureCheck';
import './inspector.css';

export default function InspectorDialog({ tokenKey, onClose }: { tokenKey: TokenKey; onClose(): void }) {
  const [inspection, setInspection] = useState<JwtInspection | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const environment = useEnvironments((s) => s.environments.find((e) => e.id === tokenKey.environmentId));
  const credential = useCredentials((s) => s.credentials.find((c) => c.id === tokenKey.credentialId));
  const title = `${credential?.name ?? 'Token'} in ${environment?.name ?? 'an environment'}`;

  useEffect(() => {
    let current = true;
    unwrap(api.tokens.inspect({ ...tokenKey }))
      .then((result) => current && setInspection(result))
      .catch((failure: unknown) => current && setError(toErrorInfo(failure)));
    return () => {
      current = false;
    };
  }, [tokenKey]);

  return (
    <ModalDialog className="inspector-dialog" labelledBy="inspector-title" onClose={onClose}>
      <header className="inspector-header">
        <div>
          <h2 id="inspector-title">JWT inspector</h2>
          <p className="muted small">{title}</p>
        </div>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </header>
      {error && <ErrorMessage error={error} />}
      {!inspection && !error && <p className="muted">Decoding…</p>}
      {inspection && !inspection.isJwt && <p className="inspector-not-jwt">{inspection.reason}</p>}
      {inspection?.isJwt && (
        <div className="inspector-body">
          <ClaimTimes times={inspection.times ?? {}} />
          <ChipList label="Scopes" values={inspection.scopes ?? []} />
          <ChipList label="Roles" values={inspection.roles ?? []} />
          <section aria-label="Header">
            <h3>Header</h3>
            <pre className="inspector-json">{JSON.stringify(inspection.header, null, 2)}</pre>
          </section>
          <section aria-label="Claims">
            <h3>Claims</h3>
            <pre className="inspector-json">{JSON.stringify(inspection.claims, null, 2)}</pre>
          </section>
          <SignatureCheck tokenKey={tokenKey} issuer={typeof inspection.claims?.iss === 'string' ? inspection.claims.iss : undefined} alg={String(inspection.header?.alg ?? '')} />
        </div>
      )}
    </ModalDialog>
  );
}

function ChipList({ label, values }: { label: string; values: string[] }) {
  if (values.length === 0) return null;
  return (
    <section aria-label={label} className="inspector-chips">
      <h3>{label}</h3>
      <ul>
        {values.map((value) => (
          <li key={value} className="badge">
            {value}
          </li>
        ))}
      </ul>
    </section>
  );
}
