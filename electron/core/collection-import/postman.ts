/**
 * Postman collections, format v2.0 and v2.1 (schema.getpostman.com/json/collection/v2.1.0):
 * folders (`item` with `item`), requests, collection variables, and auth blocks at collection,
 * folder and request level. A request or folder without `auth` inherits its parent's; `noauth`
 * means none. v2.0 writes an auth block's fields as an object, v2.1 as `[{ key, value }]`.
 * Scripts, saved example responses and auth types Tokenbench has no recipe for are listed as not
 * mapped.
 */
import type { KeyValueRow, RequestBody } from '../../../shared/runner/draft';
import { CollectionBuilder } from './builder';
import { readAuthBlock, type AuthDialect } from './auth-blocks';
import type { ForeignAuth } from './foreign-auth';
import type { CollectionPlan } from './model';
import { arr, obj, str, type Obj } from './untyped';

export function isPostmanCollection(raw: unknown): boolean {
  const record = obj(raw);
  return Array.isArray(record.item) && typeof obj(record.info).name === 'string';
}

export function readPostmanCollection(raw: unknown): CollectionPlan {
  const record = obj(raw);
  const info = obj(record.info);
  const builder = new CollectionBuilder('postman-collection', str(info.name).trim() || 'Postman collection');
  for (const entry of arr(record.variable)) {
    const variable = obj(entry);
    const name = str(variable.key ?? variable.id);
    if (variable.disabled === true) builder.skippedVariables.push({ environment: builder.collection, name, reason: 'it is disabled in Postman' });
    else builder.variable(name, str(variable.value), { secret: variable.type === 'secret' });
  }
  noteScripts(builder, record, `collection ${builder.collection}`);
  const rootAuth = readAuth(record.auth, builder, `auth of collection ${builder.collection}`);
  walk(builder, arr(record.item), [], rootAuth === null ? { type: 'none' } : rootAuth, builder.collection);
  return builder.build();
}

/** The credential of the nearest level that has auth. */
interface Inherited {
  auth: ForeignAuth;
  label: string;
}

function walk(builder: CollectionBuilder, items: unknown[], folders: string[], inherited: ForeignAuth, label: string): void {
  const parent: Inherited = { auth: inherited, label };
  for (const entry of items) {
    const item = obj(entry);
    const name = str(item.name).trim() || 'Untitled';
    const where = [...folders, name].join(' / ');
    noteScripts(builder, item, where);
    const own = readAuth(item.auth ?? (isRequestWithAuth(item) ? obj(item.request).auth : undefined), builder, `auth of ${where}`);
    const effective = own === null || own.type === 'inherit' ? parent : { auth: own, label: name };
    if (Array.isArray(item.item)) {
      walk(builder, item.item, [...folders, folderName(name)], effective.auth, effective.label);
    } else if (item.request !== undefined) {
      readRequest(builder, item, name, folders, where, effective);
    } else {
      builder.note(where, 'it is neither a folder nor a request.');
    }
  }
}

function isRequestWithAuth(item: Obj): boolean {
  return item.request !== undefined && typeof item.request === 'object' && obj(item.request).auth !== undefined;
}

/** Folder names are joined by "/" in Tokenbench, so a "/" inside one becomes "-". */
export function folderName(name: string): string {
  return name.replace(/\//g, '-');
}

function readRequest(builder: CollectionBuilder, item: Obj, name: string, folders: string[], where: string, auth: Inherited): void {
  const request = typeof item.request === 'string' ? { url: item.request } : obj(item.request);
  const responses = arr(item.response).length;
  if (responses > 0) builder.note(where, `${responses} saved example response(s) are not imported.`);
  const { url, query, pathVariables } = readUrl(request.url);
  for (const [variable, value] of pathVariables) builder.variable(variable, value);
  builder.request({
    name,
    folder: folders.join('/'),
    method: str(request.method, 'GET').toUpperCase() || 'GET',
    url,
    query,
    headers: readRows(request.header),
    body: readBody(builder, request.body, where),
    credential: builder.credentialFor(auth.auth, auth.label, `auth of ${where}`),
  });
}

function readRows(value: unknown): KeyValueRow[] {
  if (typeof value === 'string') {
    // v2.0 also allows headers as one "Name: value\n..." string.
    return value
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => ({ name: line.slice(0, line.indexOf(':')).trim(), value: line.slice(line.indexOf(':') + 1).trim(), enabled: true }));
  }
  return arr(value).map((entry) => {
    const row = obj(entry);
    return { name: str(row.key), value: str(row.value), enabled: row.disabled !== true };
  });
}

/** `:id` path segments become `{{id}}`, with the value Postman holds for them as a variable. */
function readUrl(value: unknown): { url: string; query: KeyValueRow[]; pathVariables: Array<[string, string]> } {
  if (typeof value === 'string') return { url: value, query: [], pathVariables: [] };
  const url = obj(value);
  const raw = str(url.raw);
  const pathVariables: Array<[string, string]> = arr(url.variable).map((entry) => [str(obj(entry).key), str(obj(entry).value)]);
  const hasQueryRows = Array.isArray(url.query);
  let base = hasQueryRows ? raw.split('?')[0]! : raw;
  if (!raw) {
    const host = Array.isArray(url.host) ? url.host.map((h) => str(h)).join('.') : str(url.host);
    const path = Array.isArray(url.path) ? url.path.map((p) => str(p)).join('/') : str(url.path);
    base = `${url.protocol ? `${str(url.protocol)}://` : ''}${host}${path ? `/${path}` : ''}`;
  }
  for (const [name] of pathVariables) base = base.replace(new RegExp(`/:${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$)`), `/{{${name}}}`);
  const query = arr(url.query).map((entry) => {
    const row = obj(entry);
    return { name: str(row.key), value: str(row.value), enabled: row.disabled !== true };
  });
  return { url: base, query, pathVariables: pathVariables.filter(([name]) => name !== '') };
}

function readBody(builder: CollectionBuilder, value: unknown, where: string): RequestBody {
  const body = obj(value);
  if (body.disabled === true) return { type: 'none' };
  switch (body.mode) {
    case undefined:
      return { type: 'none' };
    case 'raw': {
      const text = str(body.raw);
      const language = str(obj(obj(body.options).raw).language);
      if (text === '') return { type: 'none' };
      return language === 'json' || (language === '' && /^\s*[[{]/.test(text)) ? { type: 'json', text } : { type: 'raw', text };
    }
    case 'urlencoded':
      return { type: 'form', fields: readRows(body.urlencoded) };
    case 'formdata': {
      const rows = arr(body.formdata).map(obj);
      const files = rows.filter((row) => row.type === 'file');
      builder.multipartNote(where, files.map((f) => str(f.key)));
      return { type: 'form', fields: readRows(rows.filter((row) => row.type !== 'file')) };
    }
    default:
      builder.note(where, `its ${str(body.mode)} body is not imported.`);
      return { type: 'none' };
  }
}

/** The fields of an auth block, from v2.1's `[{ key, value }]` or v2.0's plain object. */
function fields(block: unknown): Map<string, string> {
  if (Array.isArray(block)) return new Map(block.map((entry) => [str(obj(entry).key), str(obj(entry).value)]));
  return new Map(Object.entries(obj(block)).map(([key, value]) => [key, str(value)]));
}

/** Postman's names for the fields of its auth blocks. */
const POSTMAN_AUTH: AuthDialect = {
  none: 'noauth',
  grant: 'grant_type',
  apiKeyPlacement: { field: 'in', query: 'query' },
  clientAuth: { field: 'client_authentication', value: 'body', then: 'body' },
  addTo: { field: 'addTokenTo', value: 'queryParams', then: 'query' },
  headerPrefix: 'headerPrefix',
  emptyPrefixIsNone: true,
  leftOut: [
    { fields: ['accessToken'], note: 'the access token saved in the file is left out: Tokenbench fetches its own.' },
    { fields: ['refreshToken'], note: 'the refresh token saved in the file is left out.' },
  ],
};

/** null when the level has no auth of its own (it inherits). */
function readAuth(value: unknown, builder: CollectionBuilder, where: string): ForeignAuth | null {
  if (value === undefined || value === null) return null;
  const auth = obj(value);
  const type = str(auth.type);
  const f = fields(auth[type]);
  return readAuthBlock({ type, get: (key) => f.get(key) ?? '', has: (key) => f.has(key) }, POSTMAN_AUTH, (what) => builder.note(where, what));
}

function noteScripts(builder: CollectionBuilder, item: Obj, where: string): void {
  for (const event of arr(item.event)) {
    const exec = obj(obj(event).script).exec;
    const lines = Array.isArray(exec) ? exec.join('').trim() : str(exec).trim();
    if (lines) builder.note(where, `its ${str(obj(event).listen, 'event')} script is not run: Tokenbench recipes need no scripts.`);
  }
}
