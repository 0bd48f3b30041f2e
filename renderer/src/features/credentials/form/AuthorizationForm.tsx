/**
 * The sign-in step of a recipe: where the user signs in, as which client, for which scopes. For
 * the authorization code flow Tokenbench adds the loopback redirect, `state` and the PKCE
 * challenge itself; for the device flow (RFC 8628) it shows the code and polls.
 */
import type { Authorization } from '../../../../../shared/recipe';
import { OptionalTextField, SecondsField, TextField } from './fields';

export function AuthorizationForm({ value, onChange }: { value: Authorization; onChange(value: Authorization): void }) {
  const device = value.flow === 'device-code';
  return (
    <div className="form-group">
      {device ? (
        <p className="muted small">You approve with a code on any device; the token request is then polled with {'{{deviceCode}}'}.</p>
      ) : (
        <p className="muted small">You sign in in your browser; the token request then uses {'{{authorizationCode}}'}, {'{{codeVerifier}}'} and {'{{redirectUri}}'}.</p>
      )}
      <div className="form-row">
        <TextField label={device ? 'Device authorization URL' : 'Authorization URL'} path="authorization.url" mono value={value.url} onChange={(url) => onChange({ ...value, url })} />
        <TextField label="Authorization client ID" path="authorization.clientId" mono value={value.clientId} onChange={(clientId) => onChange({ ...value, clientId })} />
      </div>
      <div className="form-row">
        <OptionalTextField label="Scopes" path="authorization.scope" value={value.scope} onChange={(scope) => onChange({ ...value, scope })} />
        <SecondsField label="Sign-in wait (seconds)" path="authorization.timeoutSeconds" value={value.timeoutSeconds} onChange={(t) => onChange({ ...value, timeoutSeconds: t ?? Number.NaN })} />
      </div>
    </div>
  );
}
