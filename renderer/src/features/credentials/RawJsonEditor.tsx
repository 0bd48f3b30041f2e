/**
 * The recipe as raw JSON, for pasting or bulk edits. Every change is parsed and validated by the
 * recipe schema; problems are listed by field until the text is a valid recipe.
 */
import type { FieldProblem } from './recipe-check';

export function RawJsonEditor({ text, jsonProblem, problems, onChange }: { text: string; jsonProblem: string | null; problems: readonly FieldProblem[]; onChange(text: string): void }) {
  return (
    <div className="raw-json">
      <label>
        <span>Recipe JSON</span>
        <textarea className="mono" rows={24} spellCheck={false} value={text} onChange={(e) => onChange(e.target.value)} />
      </label>
      {(jsonProblem || problems.length > 0) && (
        <ul className="field-problems" aria-label="Recipe problems">
          {jsonProblem && <li>{jsonProblem}</li>}
          {problems.map((p) => (
            <li key={`${p.field}:${p.message}`}>
              {p.field ? <code>{p.field}</code> : 'Recipe'}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
