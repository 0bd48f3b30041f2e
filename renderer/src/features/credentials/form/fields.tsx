/**
 * The recipe form's building blocks: labelled inputs that show the problems found at their recipe
 * path (schema problems and unknown `{{names}}`), read from the nearest ProblemsContext.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { problemsAt, type FieldProblem } from '../recipe-check';

export const ProblemsContext = createContext<readonly FieldProblem[]>([]);

export function FieldProblems({ path }: { path: string }) {
  const problems = problemsAt(useContext(ProblemsContext), path);
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems">
      {problems.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  /** Recipe path whose problems this field shows, e.g. `tokenRequest.url`. */
  path: string;
  help?: string;
  children: ReactNode;
}

export function Field({ label, path, help, children }: FieldProps) {
  const invalid = problemsAt(useContext(ProblemsContext), path).length > 0;
  return (
    <div className={`field${invalid ? ' invalid' : ''}`}>
      <label>
        <span>{label}</span>
        {children}
      </label>
      {help && <p className="muted small">{help}</p>}
      <FieldProblems path={path} />
    </div>
  );
}

export function TextField(props: Omit<FieldProps, 'children'> & { value: string; onChange(value: string): void; placeholder?: string; mono?: boolean }) {
  const { value, onChange, placeholder, mono, ...field } = props;
  return (
    <Field {...field}>
      <input className={mono ? 'mono' : undefined} value={value} placeholder={placeholder} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

/** An optional text: empty means "not set" (undefined), not an empty string. */
export function OptionalTextField(props: Omit<FieldProps, 'children'> & { value: string | undefined; onChange(value: string | undefined): void; placeholder?: string }) {
  const { value, onChange, ...rest } = props;
  return <TextField {...rest} mono value={value ?? ''} onChange={(text) => onChange(text === '' ? undefined : text)} />;
}

/** Seconds: empty is "not set" when optional; anything unreadable is kept as NaN for the schema to flag. */
export function SecondsField(
  props: Omit<FieldProps, 'children'> & { value: number | undefined; onChange(value: number | undefined): void; optional?: boolean },
) {
  const { value, onChange, optional, ...field } = props;
  return (
    <Field {...field}>
      <input
        type="number"
        min={0}
        step="any"
        value={value === undefined || Number.isNaN(value) ? '' : value}
        placeholder={optional ? 'default' : undefined}
        onChange={(e) => onChange(e.target.value === '' ? (optional ? undefined : Number.NaN) : Number(e.target.value))}
      />
    </Field>
  );
}

export function SelectField<T extends string>(
  props: Omit<FieldProps, 'children'> & { value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange(value: T): void },
) {
  const { value, options, onChange, ...field } = props;
  return (
    <Field {...field}>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
