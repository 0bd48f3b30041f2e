/**
 * Edits a name -> value map (query parameters, headers, body fields) with names kept exactly as
 * typed: vendors differ on `grant_type` vs `Grant_type`. Rows live here while being typed, so a
 * half-typed or repeated name never loses a row; the map sent up skips empty names.
 */
import { useState } from 'react';
import { FieldProblems } from './fields';

interface Row {
  id: number;
  name: string;
  value: string;
}

let nextRowId = 0;
const row = (name: string, value: string): Row => ({ id: nextRowId++, name, value });

interface FieldMapEditorProps {
  /** e.g. "Body field": used for the legend and every input's accessible name. */
  noun: string;
  legend: string;
  path: string;
  value: Record<string, string>;
  onChange(value: Record<string, string>): void;
  valuePlaceholder?: string;
}

export function FieldMapEditor({ noun, legend, path, value, onChange, valuePlaceholder }: FieldMapEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => Object.entries(value).map(([name, v]) => row(name, v)));
  const names = rows.map((r) => r.name).filter(Boolean);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);

  function update(next: Row[]) {
    setRows(next);
    onChange(Object.fromEntries(next.filter((r) => r.name !== '').map((r) => [r.name, r.value])));
  }

  return (
    <fieldset className="field-map">
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="muted small">None.</p>}
      {rows.map((r, index) => (
        <div className="field-map-row" key={r.id}>
          <input
            className="mono"
            aria-label={`${noun} ${index + 1} name`}
            placeholder="name"
            spellCheck={false}
            value={r.name}
            onChange={(e) => update(rows.map((x) => (x.id === r.id ? { ...x, name: e.target.value } : x)))}
          />
          <input
            className="mono"
            aria-label={`${noun} ${index + 1} value`}
            placeholder={valuePlaceholder ?? 'value or {{variable}}'}
            spellCheck={false}
            value={r.value}
            onChange={(e) => update(rows.map((x) => (x.id === r.id ? { ...x, value: e.target.value } : x)))}
          />
          <button type="button" className="ghost" aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`} onClick={() => update(rows.filter((x) => x.id !== r.id))}>
            ×
          </button>
        </div>
      ))}
      {repeated.length > 0 && <p className="field-problem">“{repeated[0]}” appears twice: only the last one is kept.</p>}
      <button type="button" onClick={() => setRows([...rows, row('', '')])}>
        Add {noun.toLowerCase()}
      </button>
      <FieldProblems path={path} />
    </fieldset>
  );
}
