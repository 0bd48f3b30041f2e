/**
 * The recipe's policies: renewal (margin, optional refresh request), the guard that protects the
 * auth service from too many token requests, and how API requests carry the token.
 */
import type { GuardPolicy, TokenRequestRecipe, UseRecipe } from '../../../../../shared/recipe';
import { RequestForm } from './RequestForm';
import { SecondsField, SelectField, TextField } from './fields';

type Renewal = TokenRequestRecipe['renewal'];

export function RenewalForm({ value, tokenRequest, onChange }: { value: Renewal; tokenRequest: TokenRequestRecipe['tokenRequest']; onChange(value: Renewal): void }) {
  const refresh = value.refreshRequest;
  return (
    <div className="form-group">
      <SecondsField
        label="Renew this many seconds before expiry"
        path="renewal.marginSeconds"
        optional
        help="Empty: the larger of 30 s and 10% of the lifetime."
        value={value.marginSeconds}
        onChange={(marginSeconds) => onChange({ ...value, marginSeconds })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={refresh !== undefined}
          onChange={(e) =>
            onChange({
              ...value,
              // A refresh request usually mirrors the token request with another grant: start from it.
              refreshRequest: e.target.checked
                ? { ...tokenRequest, body: { encoding: 'form', fields: { grant_type: 'refresh_token', refresh_token: '{{refreshToken}}' } } }
                : undefined,
            })
          }
        />
        <span>Renew with a refresh request while a refresh token is held</span>
      </label>
      {refresh ? (
        <RequestForm path="renewal.refreshRequest" label="Refresh request" value={refresh} onChange={(r) => onChange({ ...value, refreshRequest: r })} />
      ) : (
        <p className="muted small">Without one, renewal repeats the token request.</p>
      )}
    </div>
  );
}

export function GuardForm({ value, onChange }: { value: GuardPolicy; onChange(value: GuardPolicy): void }) {
  return (
    <div className="form-row">
      <SecondsField
        label="Least seconds between token requests"
        path="guard.minIntervalSeconds"
        value={value.minIntervalSeconds}
        onChange={(s) => onChange({ ...value, minIntervalSeconds: s ?? Number.NaN })}
      />
      <SecondsField
        label="Wait after a first failure (seconds)"
        path="guard.backoffInitialSeconds"
        value={value.backoffInitialSeconds}
        onChange={(s) => onChange({ ...value, backoffInitialSeconds: s ?? Number.NaN })}
      />
      <SecondsField
        label="Longest wait after failures (seconds)"
        path="guard.backoffMaxSeconds"
        value={value.backoffMaxSeconds}
        onChange={(s) => onChange({ ...value, backoffMaxSeconds: s ?? Number.NaN })}
      />
    </div>
  );
}

const PLACES = [
  { value: 'header', label: 'A header' },
  { value: 'query', label: 'A query parameter' },
] as const;

export function UseForm({ value, onChange }: { value: UseRecipe; onChange(value: UseRecipe): void }) {
  return (
    <div className="form-row">
      <SelectField
        label="Send the token in"
        path="use.in"
        value={value.in}
        options={PLACES}
        onChange={(place) =>
          onChange(place === 'header' ? { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' } : { in: 'query', name: 'access_token', value: '{{token}}' })
        }
      />
      <TextField label={value.in === 'header' ? 'Header name' : 'Query parameter name'} path="use.name" mono value={value.name} onChange={(name) => onChange({ ...value, name })} />
      <TextField
        label="Value template"
        path="use.value"
        mono
        help="{{token}} is the token, {{tokenType}} its type; environment variables work too."
        value={value.value}
        onChange={(v) => onChange({ ...value, value: v })}
      />
    </div>
  );
}
