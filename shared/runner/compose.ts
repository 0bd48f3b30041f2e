// Turns a draft and an environment's variables into the exact request to send, and the same
// request with secret values masked. One function for both, so the wire view shows what was sent.
// Pure (no Node APIs): the renderer uses it with an empty scope to export a template as cURL.
import { maskSecret } from '../recipe/mask';
import type { VariableScope } from '../recipe/template';
import { activeRows, defaultContentType, findHeader, type KeyValueRow, type RequestDraft } from './draft';
import { splitReferences } from './references';

/** A piece of the request: the value sent, and the value shown (secrets masked). */
export interface Filled {
  value: string;
  display: string;
  secret: boolean;
}

export interface ComposedHeader extends Filled {
  name: string;
}

export interface ComposedRequest {
  method: string;
  url: Filled;
  headers: ComposedHeader[];
  body: Filled | undefined;
  /** Some secret value went into the URL, a header or the body. */
  carriesSecrets: boolean;
}

/**
 * Fills `{{name}}` from `scope`; a name the scope lacks stays as `{{name}}` (callers check for
 * unknown names first, see findVariableProblems). `encode` applies to every piece, e.g. for query values.
 */
export function fill(text: string, scope: VariableScope, encode: (piece: string) => string = (p) => p): Filled {
  let value = '';
  let display = '';
  let secret = false;
  for (const part of splitReferences(text)) {
    if ('literal' in part) {
      value += encode(part.literal);
      display += encode(part.literal);
      continue;
    }
    const variable = Object.hasOwn(scope, part.variable) ? scope[part.variable] : undefined;
    if (!variable) {
      value += `{{${part.variable}}}`;
      display += `{{${part.variable}}}`;
      continue;
    }
    value += encode(variable.value);
    display += variable.secret ? maskSecret(variable.value) : encode(variable.value);
    secret ||= variable.secret;
  }
  return { value, display, secret };
}

/** Form and query encoding (application/x-www-form-urlencoded pairs). */
export function encodeFormComponent(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

function join(pieces: Filled[], separator: string): Filled {
  return {
    value: pieces.map((p) => p.value).join(separator),
    display: pieces.map((p) => p.display).join(separator),
    secret: pieces.some((p) => p.secret),
  };
}

function pairs(rows: readonly KeyValueRow[], scope: VariableScope): Filled {
  return join(
    activeRows(rows).map((row) => join([fill(row.name, scope, encodeFormComponent), fill(row.value, scope, encodeFormComponent)], '=')),
    '&',
  );
}

export function composeUrl(draft: Pick<RequestDraft, 'url' | 'query'>, scope: VariableScope): Filled {
  const base = fill(draft.url.trim(), scope);
  const query = pairs(draft.query, scope);
  if (query.value === '') return base;
  const joiner = base.value.includes('?') ? '&' : '?';
  return join([base, query], joiner);
}

function composeBody(draft: RequestDraft, scope: VariableScope): Filled | undefined {
  const body = draft.body;
  switch (body.type) {
    case 'none':
      return undefined;
    case 'json':
    case 'raw':
      return fill(body.text, scope);
    case 'form':
      return pairs(body.fields, scope);
  }
}

export function composeRequest(draft: RequestDraft, scope: VariableScope): ComposedRequest {
  const url = composeUrl(draft, scope);
  const headers: ComposedHeader[] = activeRows(draft.headers).map((row) => ({ name: row.name.trim(), ...fill(row.value, scope) }));
  const body = composeBody(draft, scope);
  const contentType = defaultContentType(draft.body);
  if (body !== undefined && contentType && !findHeader(draft.headers, 'content-type')) {
    headers.push({ name: 'Content-Type', value: contentType, display: contentType, secret: false });
  }
  return {
    method: draft.method,
    url,
    headers,
    body,
    carriesSecrets: url.secret || headers.some((h) => h.secret) || (body?.secret ?? false),
  };
}
