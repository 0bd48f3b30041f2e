/**
 * The browser step of an authorization-code recipe: where the user signs in, as which client, for
 * which scopes. Tokenbench adds the loopback redirect, `state` and the PKCE challenge itself.
 */
import type { Authorization } from '../../../../../shared/recipe';
import { OptionalTextField, SecondsField, TextField } from './fields';

export function AuthorizationForm({ value, onChange }: { value: Authorization; onChange(value: Authorization): void }) {
  return (
    <div className="form-group">
      <p className="muted small">You sign in in your browser; the token request then uses {'{{authorizationCode}}'}, {'{{codeVerifier}}'} and {'{{redirectUri}}'}.</p>
      <div className="form-row">
        <TextField label="Authorization URL" path="authorization.url" mono value={value.url} onChange={(url) => onChange({ ...value, url })} />
        <TextField label="Authorization client ID" path="authorization.clientId" mono value={value.clientId} onChange={(clientId) => onChange({ ...value, clientId })} />
      </div>
      <div className="form-row">
        <OptionalTextField label="Scopes" path="authorization.scope" value={value.scope} onChange={(scope) => onChange({ ...value, scope })} />
        <SecondsField label="Sign-in wait (seconds)" path="authorization.timeoutSeconds" value={value.timeoutSeconds} onChange={(t) => onChange({ ...value, timeoutSeconds: t ?? Number.NaN })} />
      </div>
    </div>
  );
}
