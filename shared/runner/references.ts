// `{{name}}` references in a request draft: which variables it uses and where, which of them the
// environment lacks, and completion of a half-typed `{{na`. The scan is lenient on purpose: a JSON
// body legitimately contains `}}` and `{{`, so only a well-formed `{{name}}` counts as a variable
// (the recipe parser in shared/recipe is strict because recipes never hold JSON text).
import { VARIABLE_NAME } from '../recipe/template';
import { activeRows, type RequestDraft } from './draft';

const REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

export type TextPart = { literal: string } | { variable: string };

/** Splits text into literal parts and well-formed `{{name}}` references. */
export function splitReferences(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(REFERENCE)) {
    if (match.index > last) parts.push({ literal: text.slice(last, match.index) });
    parts.push({ variable: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  return parts;
}

export function referencedNames(text: string): string[] {
  return [...new Set([...text.matchAll(REFERENCE)].map((m) => m[1]!))];
}

/** Where a template sits in the draft, in the user's words ("the URL", "header \"X-Key\""). */
export interface DraftField {
  where: string;
  text: string;
  /** `{{` that does not start a well-formed reference is flagged here (not in bodies, where JSON has braces). */
  strict: boolean;
}

export function draftFields(draft: RequestDraft): DraftField[] {
  const fields: DraftField[] = [{ where: 'the URL', text: draft.url, strict: true }];
  for (const row of activeRows(draft.query)) {
    fields.push({ where: `query parameter "${row.name}"`, text: row.name, strict: true });
    fields.push({ where: `query parameter "${row.name}"`, text: row.value, strict: true });
  }
  for (const row of activeRows(draft.headers)) {
    fields.push({ where: `header "${row.name}"`, text: row.value, strict: true });
  }
  const body = draft.body;
  if (body.type === 'json' || body.type === 'raw') fields.push({ where: 'the body', text: body.text, strict: false });
  if (body.type === 'form') {
    for (const row of activeRows(body.fields)) {
      fields.push({ where: `form field "${row.name}"`, text: row.name, strict: true });
      fields.push({ where: `form field "${row.name}"`, text: row.value, strict: true });
    }
  }
  return fields;
}

export interface VariableProblem {
  /** The unknown name, or the malformed text such as `{{ api key }}`. */
  variable: string;
  kind: 'unknown' | 'malformed';
  /** Every place that uses it. */
  where: string[];
}

/** Names the draft uses that `available` lacks, and malformed `{{...}}` in URL, query and headers. */
export function findVariableProblems(draft: RequestDraft, available: Iterable<string>): VariableProblem[] {
  const known = new Set(available);
  const problems = new Map<string, VariableProblem>();
  const note = (variable: string, kind: VariableProblem['kind'], where: string) => {
    const key = `${kind}:${variable}`;
    const problem = problems.get(key) ?? { variable, kind, where: [] };
    if (!problem.where.includes(where)) problem.where.push(where);
    problems.set(key, problem);
  };
  for (const field of draftFields(draft)) {
    for (const name of referencedNames(field.text)) if (!known.has(name)) note(name, 'unknown', field.where);
    if (!field.strict) continue;
    for (const part of splitReferences(field.text)) {
      if ('literal' in part && part.literal.includes('{{')) note(malformedSnippet(part.literal), 'malformed', field.where);
    }
  }
  return [...problems.values()];
}

function malformedSnippet(literal: string): string {
  const start = literal.indexOf('{{');
  const end = literal.indexOf('}}', start);
  return end === -1 ? literal.slice(start, start + 30) : literal.slice(start, end + 2);
}

/** One sentence per problem, for errors and the composer's warning line. */
export function describeVariableProblem(problem: VariableProblem, environmentName: string | null): string {
  const places = problem.where.join(', ');
  if (problem.kind === 'malformed') {
    return `${problem.variable} in ${places} is not a variable reference: write {{name}} with letters, digits, _ . or -.`;
  }
  if (environmentName === null) return `{{${problem.variable}}} in ${places} needs an environment: pick one that defines "${problem.variable}".`;
  return `{{${problem.variable}}} in ${places}: environment "${environmentName}" has no variable named "${problem.variable}".`;
}

/** A half-typed reference just before `cursor` (`…{{acc|`): where it starts and what is typed so far. */
export function openReferenceAt(text: string, cursor: number): { from: number; prefix: string } | null {
  const before = text.slice(0, cursor);
  const open = before.lastIndexOf('{{');
  if (open === -1) return null;
  const typed = before.slice(open + 2).trimStart();
  if (typed.includes('}') || (typed !== '' && !VARIABLE_NAME.test(typed))) return null;
  return { from: open, prefix: typed };
}

/** Variable names for the completion list, those starting with the prefix first. */
export function completeVariable(prefix: string, names: readonly string[]): string[] {
  const lower = prefix.toLowerCase();
  const starts = names.filter((n) => n.toLowerCase().startsWith(lower));
  const contains = names.filter((n) => !n.toLowerCase().startsWith(lower) && n.toLowerCase().includes(lower));
  return [...starts, ...contains];
}

/** Replaces the half-typed reference at `cursor` with `{{name}}`; returns the new text and cursor. */
export function insertVariable(text: string, cursor: number, name: string): { text: string; cursor: number } {
  const open = openReferenceAt(text, cursor);
  const from = open ? open.from : cursor;
  let after = text.slice(cursor);
  if (after.startsWith('}}')) after = after.slice(2);
  const inserted = `{{${name}}}`;
  return { text: text.slice(0, from) + inserted + after, cursor: from + inserted.length };
}
