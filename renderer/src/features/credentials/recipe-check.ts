/**
 * Checks a draft recipe for the editor: schema problems by field (from `parseRecipe`) and
 * `{{names}}` the environment lacks, so each form field can show what concerns it.
 */
import { findUnknownVariables, parseRecipe, type Recipe } from '../../../../shared/recipe';

export interface FieldProblem {
  /** Recipe field path, e.g. `tokenRequest.url`; '' for the recipe as a whole. */
  field: string;
  message: string;
}

export type DraftCheck =
  | { ok: true; recipe: Recipe; problems: FieldProblem[] }
  | { ok: false; recipe: null; problems: FieldProblem[] };

/** `tokenRequest.url: Invalid input` -> { field: 'tokenRequest.url', message: 'Invalid input' }. */
export function splitProblem(problem: string): FieldProblem {
  const at = problem.indexOf(': ');
  if (at === -1) return { field: '', message: problem };
  const field = problem.slice(0, at);
  return { field: field === '(recipe)' ? '' : field, message: problem.slice(at + 2) };
}

/**
 * Schema problems make the draft unusable; unknown variables do not (the preview keeps them as
 * `{{name}}`), but they are listed so the user adds the variable or fixes the typo.
 */
export function checkDraft(draft: unknown, variableNames: Iterable<string>): DraftCheck {
  const parsed = parseRecipe(draft);
  if (!parsed.ok) return { ok: false, recipe: null, problems: parsed.problems.map(splitProblem) };
  const unknown = findUnknownVariables(parsed.recipe, variableNames).flatMap(({ variable, fields }) =>
    fields.map((field) => ({ field, message: `Uses {{${variable}}}, but this environment has no variable "${variable}".` })),
  );
  return { ok: true, recipe: parsed.recipe, problems: unknown };
}

/** Problems for one form field: those at its path and below it (a field map shows its entries' problems). */
export function problemsAt(problems: readonly FieldProblem[], field: string): string[] {
  return problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`)).map((p) => p.message);
}

/** JSON text -> the draft it holds, or the parse error in the user's words. */
export function parseDraftJson(text: string): { ok: true; draft: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, draft: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
