/** The request exactly as it went on the wire, including the auth header the credential added; secrets masked. */
import type { SentRequest } from '../../../../shared/runner/results';
import { requestPath as requestTarget } from './format';

export function wireText(request: SentRequest): string {
  const target = requestTarget(request.url);
  const head = [`${request.method} ${target} HTTP/1.1`, ...request.headers.map(([name, value]) => `${name}: ${value}`)];
  return request.body === null ? head.join('\n') : `${head.join('\n')}\n\n${request.body}`;
}

export function WireView({ request }: { request: SentRequest }) {
  return (
    <div className="wire">
      <p className="muted small">
        {request.environmentName ? `Environment “${request.environmentName}”` : 'No environment'}
        {request.credentialName ? ` · authorization added by credential “${request.credentialName}”` : ''} · secret values are masked
      </p>
      <pre role="region" tabIndex={0} aria-label="Request as sent">{wireText(request)}</pre>
      {request.dpopProof && (
        <>
          <p className="muted small">
            DPoP proof signed with the credential's key for this method and URL{request.dpopProof.claims['nonce'] !== undefined ? ', with the server\'s nonce' : ''} (ath is a hash of the token, not the token)
          </p>
          <pre role="region" tabIndex={0} aria-label="DPoP proof sent">{JSON.stringify(request.dpopProof, null, 2)}</pre>
        </>
      )}
    </div>
  );
}
