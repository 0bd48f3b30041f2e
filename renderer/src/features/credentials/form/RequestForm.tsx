/**
 * One HTTP request to the auth service (the token request, or the refresh request): method, URL,
 * query, headers, body encoding and fields, client authentication and timeout.
 */
import type { RequestRecipe } from '../../../../../shared/recipe';
import { ClientAuthFields } from './ClientAuthFields';
import { FieldMapEditor } from './FieldMapEditor';
import { SecondsField, SelectField, TextField } from './fields';

const METHODS = (['POST', 'GET', 'PUT', 'PATCH'] as const).map((m) => ({ value: m, label: m }));
const ENCODINGS = [
  { value: 'form', label: 'Form (application/x-www-form-urlencoded)' },
  { value: 'json', label: 'JSON' },
  { value: 'none', label: 'No body' },
] as const;

type Body = RequestRecipe['body'];

function withEncoding(body: Body, encoding: Body['encoding']): Body {
  if (encoding === 'none') return { encoding };
  return { encoding, fields: body.encoding === 'none' ? {} : body.fields };
}

export function RequestForm({ path, label, value, onChange }: { path: string; label: string; value: RequestRecipe; onChange(value: RequestRecipe): void }) {
  const set = <K extends keyof RequestRecipe>(key: K, v: RequestRecipe[K]) => onChange({ ...value, [key]: v });
  const body = value.body;

  return (
    <div className="form-group">
      <div className="form-row">
        <SelectField label={`${label} method`} path={`${path}.method`} value={value.method} options={METHODS} onChange={(m) => set('method', m)} />
        <TextField
          label={`${label} URL`}
          path={`${path}.url`}
          mono
          placeholder="{{baseUrl}}/oauth/token"
          value={value.url}
          onChange={(url) => set('url', url)}
        />
      </div>
      <FieldMapEditor noun="Query parameter" legend="Query parameters" path={`${path}.query`} value={value.query} onChange={(q) => set('query', q)} />
      <FieldMapEditor noun="Header" legend="Headers" path={`${path}.headers`} value={value.headers} onChange={(h) => set('headers', h)} />
      <SelectField label={`${label} body encoding`} path={`${path}.body`} value={body.encoding} options={ENCODINGS} onChange={(e) => set('body', withEncoding(body, e))} />
      {body.encoding !== 'none' && (
        <FieldMapEditor
          key={body.encoding}
          noun="Body field"
          legend="Body fields (names sent exactly as written)"
          path={`${path}.body.fields`}
          value={body.fields}
          onChange={(fields) => set('body', { ...body, fields })}
        />
      )}
      <ClientAuthFields path={`${path}.clientAuth`} value={value.clientAuth} onChange={(auth) => set('clientAuth', auth)} />
      <SecondsField label={`${label} timeout (seconds)`} path={`${path}.timeoutSeconds`} value={value.timeoutSeconds} onChange={(t) => set('timeoutSeconds', t ?? Number.NaN)} />
    </div>
  );
}
