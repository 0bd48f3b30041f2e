/** An editable table of name/value rows with an on/off switch per row (query, headers, form fields). */
import type { KeyValueRow } from '../../../../shared/runner/draft';
import { VariableInput } from './VariableInput';

interface Props {
  label: string;
  rows: KeyValueRow[];
  onChange(rows: KeyValueRow[]): void;
  variableNames: readonly string[];
}

export function KeyValueTable({ label, rows, onChange, variableNames }: Props) {
  const update = (index: number, patch: Partial<KeyValueRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="kv-table" role="group" aria-label={label}>
      {rows.map((row, index) => (
        <div className="kv-row" key={index}>
          <input
            type="checkbox"
            checked={row.enabled}
            onChange={(e) => update(index, { enabled: e.target.checked })}
            aria-label={`Use ${label.toLowerCase()} row ${index + 1}`}
          />
          <input value={row.name} placeholder="Name" aria-label={`${label} name ${index + 1}`} onChange={(e) => update(index, { name: e.target.value })} />
          <VariableInput value={row.value} placeholder="Value" label={`${label} value ${index + 1}`} variableNames={variableNames} onChange={(value) => update(index, { value })} />
          <button type="button" className="ghost" aria-label={`Remove ${label.toLowerCase()} row ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="ghost add-row" onClick={() => onChange([...rows, { name: '', value: '', enabled: true }])}>
        + Add {label.toLowerCase()}
      </button>
    </div>
  );
}
