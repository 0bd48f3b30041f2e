/**
 * How to read the token response: where the token, its type and a refresh token sit, where the
 * lifetime comes from (seconds, a timestamp with format and zone, the JWT's exp, or a fixed
 * documented lifetime), and extra fields worth showing.
 */
import type { Lifetime, ResponseRecipe } from '../../../../../shared/recipe';
import { FieldMapEditor } from './FieldMapEditor';
import { OptionalTextField, SecondsField, SelectField, TextField } from './fields';

const LIFETIME_KINDS = [
  { value: 'expires-in', label: 'Seconds remaining (e.g. expires_in)' },
  { value: 'expires-at', label: 'An expiry timestamp (e.g. expiresAt)' },
  { value: 'jwt-exp', label: 'The exp claim of the token (a JWT)' },
  { value: 'fixed', label: 'Not in the response: a documented lifetime' },
] as const;

const FORMATS = [
  { value: 'iso', label: 'ISO 8601 (2021-11-19T23:36:09)' },
  { value: 'epoch-seconds', label: 'Epoch seconds' },
  { value: 'epoch-milliseconds', label: 'Epoch milliseconds' },
] as const;

const LIFETIME_STARTERS: Record<Lifetime['from'], Lifetime> = {
  'expires-in': { from: 'expires-in', path: 'expires_in' },
  'expires-at': { from: 'expires-at', path: 'expires_at', format: 'iso', zone: 'UTC' },
  'jwt-exp': { from: 'jwt-exp' },
  fixed: { from: 'fixed', seconds: 3600 },
};

const FALLBACK_HELP = 'Used when the response lacks the field. Leave empty to treat a missing lifetime as an error.';

function LifetimeFields({ path, value, onChange }: { path: string; value: Lifetime; onChange(value: Lifetime): void }) {
  return (
    <fieldset className="form-group">
      <legend>Lifetime</legend>
      <SelectField label="Lifetime comes from" path={`${path}.from`} value={value.from} options={LIFETIME_KINDS} onChange={(from) => onChange(LIFETIME_STARTERS[from])} />
      {value.from === 'expires-in' && (
        <TextField label="Lifetime field" path={`${path}.path`} mono value={value.path} onChange={(p) => onChange({ ...value, path: p })} />
      )}
      {value.from === 'expires-at' && (
        <div className="form-row">
          <TextField label="Expiry field" path={`${path}.path`} mono value={value.path} onChange={(p) => onChange({ ...value, path: p })} />
          <SelectField label="Timestamp format" path={`${path}.format`} value={value.format} options={FORMATS} onChange={(format) => onChange({ ...value, format })} />
          <TextField
            label="Time zone of timestamps without one"
            path={`${path}.zone`}
            help='IANA name, e.g. "UTC" or "Europe/Paris".'
            value={value.zone}
            onChange={(zone) => onChange({ ...value, zone })}
          />
        </div>
      )}
      {value.from === 'fixed' ? (
        <SecondsField label="Lifetime (seconds)" path={`${path}.seconds`} value={value.seconds} onChange={(s) => onChange({ ...value, seconds: s ?? Number.NaN })} />
      ) : (
        <SecondsField
          label="Fallback lifetime (seconds)"
          path={`${path}.fallbackSeconds`}
          optional
          help={FALLBACK_HELP}
          value={value.fallbackSeconds}
          onChange={(fallbackSeconds) => onChange({ ...value, fallbackSeconds })}
        />
      )}
    </fieldset>
  );
}

export function ResponseForm({ path, value, onChange }: { path: string; value: ResponseRecipe; onChange(value: ResponseRecipe): void }) {
  return (
    <div className="form-group">
      <div className="form-row">
        <TextField label="Token field" path={`${path}.token`} mono value={value.token} onChange={(token) => onChange({ ...value, token })} />
        <OptionalTextField label="Token type field" path={`${path}.tokenType`} placeholder="token_type" value={value.tokenType} onChange={(tokenType) => onChange({ ...value, tokenType })} />
        <OptionalTextField
          label="Refresh token field"
          path={`${path}.refreshToken`}
          placeholder="refresh_token"
          value={value.refreshToken}
          onChange={(refreshToken) => onChange({ ...value, refreshToken })}
        />
      </div>
      <LifetimeFields path={`${path}.lifetime`} value={value.lifetime} onChange={(lifetime) => onChange({ ...value, lifetime })} />
      <FieldMapEditor
        noun="Extra"
        legend="Extras (non-secret fields to show: label and field path)"
        path={`${path}.extras`}
        valuePlaceholder="field path, e.g. account_id"
        value={value.extras}
        onChange={(extras) => onChange({ ...value, extras })}
      />
    </div>
  );
}
