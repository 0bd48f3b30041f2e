/** The request body: none, JSON (CodeMirror, loaded on first use), a form table, or raw text. */
import { lazy, Suspense } from 'react';
import type { BodyType, RequestBody } from '../../../../shared/runner/draft';
import { KeyValueTable } from './KeyValueTable';

const CodeEditor = lazy(() => import('./CodeEditor'));

const TYPES: Array<[BodyType, string]> = [
  ['none', 'None'],
  ['json', 'JSON'],
  ['form', 'Form'],
  ['raw', 'Raw text'],
];

/** Switching type keeps what can be kept: text between JSON and raw. */
function convert(body: RequestBody, type: BodyType): RequestBody {
  const text = body.type === 'json' || body.type === 'raw' ? body.text : '';
  switch (type) {
    case 'none':
      return { type: 'none' };
    case 'json':
      return { type: 'json', text: text || '{\n  \n}' };
    case 'raw':
      return { type: 'raw', text };
    case 'form':
      return { type: 'form', fields: body.type === 'form' ? body.fields : [{ name: '', value: '', enabled: true }] };
  }
}

export function BodyEditor({ body, onChange, variableNames }: { body: RequestBody; onChange(body: RequestBody): void; variableNames: readonly string[] }) {
  return (
    <div className="body-editor">
      <div className="row" role="radiogroup" aria-label="Body type">
        {TYPES.map(([type, label]) => (
          <label key={type} className="checkbox">
            <input type="radio" name="body-type" checked={body.type === type} onChange={() => onChange(convert(body, type))} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {body.type === 'json' && (
        <Suspense fallback={<p className="muted small">Loading the editor…</p>}>
          <CodeEditor label="JSON body" value={body.text} variableNames={variableNames} onChange={(text) => onChange({ type: 'json', text })} />
        </Suspense>
      )}
      {body.type === 'form' && <KeyValueTable label="Field" rows={body.fields} variableNames={variableNames} onChange={(fields) => onChange({ type: 'form', fields })} />}
      {body.type === 'raw' && (
        <textarea className="raw-body" aria-label="Raw body" spellCheck={false} value={body.text} onChange={(e) => onChange({ type: 'raw', text: e.target.value })} />
      )}
    </div>
  );
}
