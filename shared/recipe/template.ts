// `{{name}}` templates in recipes: parsing, resolution against an environment's variables, and the
// masked form of the result. Pure (no Node APIs) so the renderer can flag unknown names and show a
// live preview with the same code the engine uses to send requests.
import { maskSecret } from './mask';

/** One variable as the template sees it. `value` is plaintext in the main process only. */
export interface TemplateVariable {
  value: string;
  secret: boolean;
}

export type VariableScope = Readonly<Record<string, TemplateVariable>>;

export type TemplatePart = { literal: string } | { variable: string };

/** Letters, digits, `_`, `-` and `.`, starting with a letter or `_`. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Why a template could not be resolved; `field` names the recipe field (e.g. `tokenRequest.url`). */
export class TemplateError extends Error {
  constructor(
    readonly code: 'unknown-variable' | 'invalid-template',
    readonly field: string,
    message: string,
    readonly variable?: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** A resolved template: the real value, the same text with secrets masked, and whether a secret went in. */
export interface ResolvedTemplate {
  value: string;
  display: string;
  secret: boolean;
}

/** Parsing is memoised: the engine resolves the same few templates on every API call. */
const parsed = new Map<string, TemplatePart[] | string>();
const PARSE_CACHE_LIMIT = 2000;

/** The parts of a template, or a sentence saying what is wrong with it. */
export function parseTemplate(template: string): TemplatePart[] | string {
  const known = parsed.get(template);
  if (known !== undefined) return known;
  const result = parseUncached(template);
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
  parsed.set(template, result);
  return result;
}

function parseUncached(template: string): TemplatePart[] | string {
  const parts: TemplatePart[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open === -1) {
      if (rest.includes('}}')) return `"}}" without a matching "{{" in "${template}"`;
      parts.push({ literal: rest });
      break;
    }
    const before = rest.slice(0, open);
    if (before.includes('}}')) return `"}}" without a matching "{{" in "${template}"`;
    if (before) parts.push({ literal: before });
    const close = rest.indexOf('}}', open + 2);
    if (close === -1) return `"{{" is never closed in "${template}"`;
    const name = rest.slice(open + 2, close).trim();
    if (!VARIABLE_NAME.test(name)) {
      return `"{{${name}}}" is not a variable name (letters, digits, _ . - ; starting with a letter or _)`;
    }
    parts.push({ variable: name });
    rest = rest.slice(close + 2);
  }
  return parts;
}

/** The variable names a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  const parts = parseTemplate(template);
  if (typeof parts === 'string') return [];
  return [...new Set(parts.flatMap((p) => ('variable' in p ? [p.variable] : [])))];
}

export interface ResolveOptions {
  /**
   * 'throw' (the engine): an unknown name is a TemplateError. 'keep' (previews): the `{{name}}`
   * stays in the output so the user sees where it is.
   */
  unknown?: 'throw' | 'keep';
}

/** Fills `{{name}}` from `scope`. `field` names the recipe field for error messages. */
export function resolveTemplate(
  template: string,
  scope: VariableScope,
  field: string,
  options: ResolveOptions = {},
): ResolvedTemplate {
  const parts = parseTemplate(template);
  if (typeof parts === 'string') throw new TemplateError('invalid-template', field, `The recipe field ${field} is not a valid template: ${parts}.`);
  let value = '';
  let display = '';
  let secret = false;
  for (const part of parts) {
    if ('literal' in part) {
      value += part.literal;
      display += part.literal;
      continue;
    }
    const variable = Object.hasOwn(scope, part.variable) ? scope[part.variable] : undefined;
    if (variable === undefined) {
      if (options.unknown === 'keep') {
        value += `{{${part.variable}}}`;
        display += `{{${part.variable}}}`;
        continue;
      }
      throw unknownVariable(part.variable, field);
    }
    value += variable.value;
    display += variable.secret ? maskSecret(variable.value) : variable.value;
    secret ||= variable.secret;
  }
  return { value, display, secret };
}

export function unknownVariable(name: string, field: string): TemplateError {
  return new TemplateError(
    'unknown-variable',
    field,
    `The recipe field ${field} uses {{${name}}}, but the environment has no variable named "${name}". ` +
      `Add "${name}" to the environment, or correct the name in the recipe.`,
    name,
  );
}
