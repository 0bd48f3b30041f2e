/**
 * A one-line input that completes `{{variable}}` names from the active environment: typing `{{`
 * opens the list, arrows pick, Enter or Tab inserts.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { completeVariable, insertVariable, openReferenceAt } from '../../../../shared/runner/references';

interface Props {
  value: string;
  onChange(value: string): void;
  variableNames: readonly string[];
  label: string;
  placeholder?: string;
  className?: string;
  id?: string;
}

export function VariableInput({ value, onChange, variableNames, label, placeholder, className, id }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [cursor, setCursor] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const open = cursor === null ? null : openReferenceAt(value, cursor);
  const options = open ? completeVariable(open.prefix, variableNames).slice(0, 12) : [];
  const showing = options.length > 0;

  function choose(name: string) {
    if (cursor === null) return;
    const next = insertVariable(value, cursor, name);
    onChange(next.text);
    setCursor(null);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.cursor, next.cursor));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!showing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)]!);
    } else if (event.key === 'Escape') {
      setCursor(null);
    }
  }

  return (
    <span className={`variable-input ${className ?? ''}`}>
      <input
        ref={input}
        id={id}
        value={value}
        placeholder={placeholder}
        aria-label={label}
        role="combobox"
        aria-expanded={showing}
        aria-controls={listId}
        aria-autocomplete="list"
        spellCheck={false}
        onChange={(e) => {
          onChange(e.target.value);
          setCursor(e.target.selectionStart);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setCursor(null)}
      />
      {showing && (
        <ul className="completions" id={listId} role="listbox" aria-label="Variables">
          {options.map((name, i) => (
            <li key={name} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={(e) => (e.preventDefault(), choose(name))}>
              {`{{${name}}}`}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
