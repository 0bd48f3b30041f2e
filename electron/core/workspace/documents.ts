/**
 * One workspace file as text: an environment, a credential recipe or a saved request in YAML.
 *
 * YAML because it diffs and merges line by line: one value per line, no closing brackets or
 * trailing commas that make two additions touch the same line, and block strings for long text.
 * Keys are written in one fixed order (`name`, `id`, then the others sorted by code point, at every level), so a
 * save never reorders a file. Timestamps are left out (they would change on every save and make
 * two edits of one file conflict), and so is every secret: a secret variable keeps its name,
 * description and reference only; its value and even its masked hint stay on each machine.
 */
import { LineCounter, parseDocument, stringify, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { credentialSchema, type Credential } from '../../../shared/domain/credential';
import { environmentSchema, type Environment } from '../../../shared/domain/environment';
import { savedRequestSchema, type SavedRequest } from '../../../shared/runner/saved';

/** The three kinds of file, each in its own sub-folder of the workspace. */
export interface FileKind<T extends { id: string; name: string }> {
  folder: 'environments' | 'credentials' | 'requests';
  /** "environment", for messages. */
  noun: string;
  schema: z.ZodType<T>;
  /** What goes into the file (no secrets, no timestamps). */
  toDocument(item: T): Record<string, unknown>;
  /** Refuses content that must never be in a shared file; returns the path of the offending value. */
  forbidden?(item: Record<string, unknown>): { path: (string | number)[]; message: string } | undefined;
}

const withoutTimes = <T extends { createdAt: string; updatedAt: string }>({ createdAt: _c, updatedAt: _u, ...rest }: T) => rest;

export const environmentFiles: FileKind<Environment> = {
  folder: 'environments',
  noun: 'environment',
  schema: environmentSchema,
  toDocument: (environment) => ({
    ...withoutTimes(environment),
    variables: environment.variables.map(({ hint: _hint, ...variable }) => (variable.secret ? { ...variable, value: '' } : variable)),
  }),
  forbidden(item) {
    const variables = Array.isArray(item.variables) ? (item.variables as unknown[]) : [];
    for (const [i, variable] of variables.entries()) {
      const v = variable as { name?: unknown; secret?: unknown; value?: unknown };
      if (v && v.secret === true && typeof v.value === 'string' && v.value !== '') {
        return {
          path: ['variables', i, 'value'],
          message: `the secret variable ${String(v.name)} has a value in the file; secret values never go in a workspace folder. Remove the value here and set it with "Set value" (or tokenbench secret set) on each machine`,
        };
      }
    }
    return undefined;
  },
};

export const credentialFiles: FileKind<Credential> = {
  folder: 'credentials',
  noun: 'credential',
  schema: credentialSchema,
  toDocument: withoutTimes,
};

export const requestFiles: FileKind<SavedRequest> = {
  folder: 'requests',
  noun: 'saved request',
  schema: savedRequestSchema,
  toDocument: withoutTimes,
};

const FIRST_KEYS = ['name', 'id'];

/** A copy with object keys in the one fixed order (arrays keep theirs). */
export function inStableOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inStableOrder);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const rank = (key: string) => (FIRST_KEYS.includes(key) ? FIRST_KEYS.indexOf(key) : FIRST_KEYS.length);
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, inStableOrder(v)]));
}

export function writeDocument<T extends { id: string; name: string }>(kind: FileKind<T>, item: T): string {
  // No line folding: a long URL or scope list stays on one line, so a change to it is a one-line diff.
  return stringify(inStableOrder(kind.toDocument(item)), { lineWidth: 0, indent: 2 });
}

export type ReadResult<T> = { ok: true; item: T } | { ok: false; line: number; message: string };

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(\s|$)/;

/** Reads one file's text; `modifiedAt` stands in for the timestamps the file does not carry. */
export function readDocument<T extends { id: string; name: string }>(kind: FileKind<T>, text: string, modifiedAt: string): ReadResult<T> {
  const lines = text.split(/\r?\n/);
  const marker = lines.findIndex((line) => CONFLICT_MARKER.test(line));
  if (marker >= 0) {
    return { ok: false, line: marker + 1, message: 'an unresolved merge conflict (a git conflict marker). Keep the lines you want, remove the markers, then save the file' };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    return { ok: false, line, message: `it is not valid YAML (${firstLine(syntax.message)})` };
  }
  const content: unknown = document.toJS();
  if (!content || typeof content !== 'object' || Array.isArray(content)) {
    return { ok: false, line: 1, message: `it does not hold a ${kind.noun} (a YAML mapping with name, id, ...)` };
  }
  const refused = kind.forbidden?.(content as Record<string, unknown>);
  if (refused) return { ok: false, line: lineOf(document, lineCounter, refused.path), message: refused.message };
  const parsed = kind.schema.safeParse({ createdAt: modifiedAt, updatedAt: modifiedAt, ...content });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, line: lineOf(document, lineCounter, issue.path as (string | number)[]), message: `it is not a valid ${kind.noun} (${where}${issue.message})` };
  }
  return { ok: true, item: parsed.data };
}

/** The line of the deepest node on `path` that the file has (line 1 when none). */
function lineOf(document: Document, lineCounter: LineCounter, path: (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node: unknown = document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}
