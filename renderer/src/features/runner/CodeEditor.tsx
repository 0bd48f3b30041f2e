/**
 * CodeMirror 6 for JSON: the body editor (validation that accepts `{{variables}}` as values,
 * completion of variable names) and the read-only response viewer (folding, search with Ctrl+F).
 * Loaded lazily: CodeMirror is not part of the app's first download.
 */
import { useEffect, useRef } from 'react';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { jsonWithReferencesAsValues } from '../../../../shared/runner/curl-parse';
import { completeVariable, openReferenceAt } from '../../../../shared/runner/references';
import { jsonHighlight } from './json-highlight';

interface Props {
  value: string;
  label: string;
  readOnly?: boolean;
  onChange?(value: string): void;
  variableNames?: readonly string[];
}

/** Where JSON.parse stopped, from V8's message ("at position 12" or "line 2 column 5"). */
function errorPosition(message: string, text: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (!lineColumn) return text.length;
  const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1);
  return Math.min(lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineColumn[2]) - 1, text.length);
}

function jsonProblems(view: EditorView): Diagnostic[] {
  const text = view.state.doc.toString();
  if (text.trim() === '') return [];
  try {
    JSON.parse(jsonWithReferencesAsValues(text));
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const from = errorPosition(message, text);
    return [{ from, to: Math.min(from + 1, text.length), severity: 'error', message: `Not valid JSON: ${message}` }];
  }
}

function variableCompletion(names: () => readonly string[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const open = openReferenceAt(line.text, context.pos - line.from);
    if (!open) return null;
    return {
      from: line.from + open.from,
      options: completeVariable(open.prefix, names()).map((name) => ({ label: `{{${name}}}`, type: 'variable' })),
      filter: false,
    };
  };
}

export default function CodeEditor({ value, label, readOnly = false, onChange, variableNames = [] }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, variableNames });

  useEffect(() => {
    latest.current = { onChange, variableNames };
  });

  useEffect(() => {
    const extensions: Extension[] = [
      lineNumbers(),
      foldGutter(),
      json(),
      syntaxHighlighting(jsonHighlight),
      bracketMatching(),
      highlightSelectionMatches(),
      search({ top: true }),
      keymap.of([...searchKeymap, ...foldKeymap, ...defaultKeymap, ...(readOnly ? [] : historyKeymap)]),
      EditorView.contentAttributes.of({ 'aria-label': label, ...(readOnly ? { 'aria-readonly': 'true' } : {}) }),
      // Read-only still takes focus (a cursor, no edits), so search and folding work from the keyboard.
      EditorState.readOnly.of(readOnly),
    ];
    if (!readOnly) {
      extensions.push(
        history(),
        highlightActiveLine(),
        lintGutter(),
        linter(jsonProblems, { delay: 300 }),
        autocompletion({ override: [variableCompletion(() => latest.current.variableNames)] }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange?.(update.state.doc.toString());
        }),
      );
    }
    const editor = new EditorView({ parent: host.current!, state: EditorState.create({ doc: value, extensions }) });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is built once per mode; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly, label]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div className="code-editor" ref={host} />;
}
