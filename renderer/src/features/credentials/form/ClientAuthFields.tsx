/** How the client authenticates to the token endpoint: none, HTTP Basic, a raw header, body fields, or a signed JWT. */
import { PRIVATE_KEY_ALGORITHMS, SECRET_ALGORITHMS, type ClientAuth } from '../../../../../shared/recipe';
import { FieldMapEditor } from './FieldMapEditor';
import { SelectField, TextField } from './fields';

const TYPES = [
  { value: 'none', label: 'None' },
  { value: 'basic', label: 'HTTP Basic: base64(username:password)' },
  { value: 'header', label: 'A header, sent exactly as written' },
  { value: 'body', label: 'Fields in the body' },
  { value: 'private-key-jwt', label: 'JWT signed with a private key (private_key_jwt)' },
  { value: 'client-secret-jwt', label: 'JWT signed with the client secret (client_secret_jwt)' },
] as const;

const options = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value }));

const STARTERS: Record<ClientAuth['type'], ClientAuth> = {
  none: { type: 'none' },
  basic: { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' },
  header: { type: 'header', name: 'Authorization', value: 'basic {{apiKey}}' },
  body: { type: 'body', fields: { client_id: '{{clientId}}', client_secret: '{{clientSecret}}' } },
  'private-key-jwt': { type: 'private-key-jwt', clientId: '{{clientId}}', privateKey: '{{privateKey}}', algorithm: 'RS256' },
  'client-secret-jwt': { type: 'client-secret-jwt', clientId: '{{clientId}}', clientSecret: '{{clientSecret}}', algorithm: 'HS256' },
};

export function ClientAuthFields({ path, value, onChange }: { path: string; value: ClientAuth; onChange(value: ClientAuth): void }) {
  return (
    <fieldset className="form-group">
      <legend>Client authentication</legend>
      <SelectField label="Client auth type" path={`${path}.type`} value={value.type} options={TYPES} onChange={(type) => onChange(STARTERS[type])} />
      {value.type === 'basic' && (
        <div className="form-row">
          <TextField label="Basic username" path={`${path}.username`} mono value={value.username} onChange={(username) => onChange({ ...value, username })} />
          <TextField label="Basic password" path={`${path}.password`} mono value={value.password} onChange={(password) => onChange({ ...value, password })} />
        </div>
      )}
      {value.type === 'header' && (
        <div className="form-row">
          <TextField label="Client auth header name" path={`${path}.name`} mono value={value.name} onChange={(name) => onChange({ ...value, name })} />
          <TextField
            label="Client auth header value"
            path={`${path}.value`}
            mono
            help='Exactly as sent, e.g. "basic {{apiKey}}" for a raw key.'
            value={value.value}
            onChange={(v) => onChange({ ...value, value: v })}
          />
        </div>
      )}
      {value.type === 'body' && (
        <FieldMapEditor noun="Client auth field" legend="Client auth fields (added to the body)" path={`${path}.fields`} value={value.fields} onChange={(fields) => onChange({ ...value, fields })} />
      )}
      {value.type === 'private-key-jwt' && (
        <div className="form-row">
          <TextField label="Assertion client ID" path={`${path}.clientId`} mono value={value.clientId} onChange={(clientId) => onChange({ ...value, clientId })} />
          <TextField
            label="Private key"
            path={`${path}.privateKey`}
            mono
            help="A secret variable holding the PEM or JWK private key, e.g. {{privateKey}}."
            value={value.privateKey}
            onChange={(privateKey) => onChange({ ...value, privateKey })}
          />
          <SelectField label="Signing algorithm" path={`${path}.algorithm`} value={value.algorithm} options={options(PRIVATE_KEY_ALGORITHMS)} onChange={(algorithm) => onChange({ ...value, algorithm })} />
        </div>
      )}
      {value.type === 'client-secret-jwt' && (
        <div className="form-row">
          <TextField label="Assertion client ID" path={`${path}.clientId`} mono value={value.clientId} onChange={(clientId) => onChange({ ...value, clientId })} />
          <TextField label="Client secret" path={`${path}.clientSecret`} mono value={value.clientSecret} onChange={(clientSecret) => onChange({ ...value, clientSecret })} />
          <SelectField label="Signing algorithm" path={`${path}.algorithm`} value={value.algorithm} options={options(SECRET_ALGORITHMS)} onChange={(algorithm) => onChange({ ...value, algorithm })} />
        </div>
      )}
    </fieldset>
  );
}
