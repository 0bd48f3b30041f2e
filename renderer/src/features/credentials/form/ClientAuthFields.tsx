/** How the client authenticates to the token endpoint: none, HTTP Basic, a raw header, or body fields. */
import type { ClientAuth } from '../../../../../shared/recipe';
import { FieldMapEditor } from './FieldMapEditor';
import { SelectField, TextField } from './fields';

const TYPES = [
  { value: 'none', label: 'None' },
  { value: 'basic', label: 'HTTP Basic: base64(username:password)' },
  { value: 'header', label: 'A header, sent exactly as written' },
  { value: 'body', label: 'Fields in the body' },
] as const;

const STARTERS: Record<ClientAuth['type'], ClientAuth> = {
  none: { type: 'none' },
  basic: { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' },
  header: { type: 'header', name: 'Authorization', value: 'basic {{apiKey}}' },
  body: { type: 'body', fields: { client_id: '{{clientId}}', client_secret: '{{clientSecret}}' } },
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
    </fieldset>
  );
}
