/**
 * Bruno collections: a folder with `bruno.json`, a `.bru` file per request, `folder.bru` and
 * `collection.bru` for folder and collection settings, and `environments/*.bru`. Every `.bru`
 * file is read by Bruno's own published parser (`@usebruno/lang`), so the import reads them as
 * Bruno does. Auth at collection, folder and request level (`auth: inherit` takes the level
 * above); collection and folder headers apply to the requests below them. Bruno keeps secret
 * environment values outside the collection, so they arrive as secrets without a value.
 */
import lang from '@usebruno/lang';
import type { KeyValueRow, RequestBody } from '../../../shared/runner/draft';
import { CollectionBuilder } from './builder';
import type { FolderFiles } from './model';
import { readAuthBlock, type AuthDialect } from './auth-blocks';
import type { ForeignAuth } from './foreign-auth';
import type { CollectionPlan } from './model';
import { folderName } from './postman';
import { arr, obj, str, type Obj } from './untyped';

export function isBrunoCollection(raw: unknown, folder: FolderFiles | undefined): boolean {
  const record = obj(raw);
  return folder !== undefined && record.type === 'collection' && typeof record.name === 'string';
}

interface Level {
  auth: ForeignAuth;
  label: string;
  headers: KeyValueRow[];
}

export function readBrunoCollection(raw: unknown, files: FolderFiles): CollectionPlan {
  const builder = new CollectionBuilder('bruno', str(obj(raw).name).trim() || 'Bruno collection');
  const parse = <T>(path: string, read: (text: string) => T): T | null => {
    try {
      return read(files[path]!);
    } catch (error) {
      builder.note(path, `Bruno's parser could not read it (${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200)}); it is left out.`);
      return null;
    }
  };

  for (const path of Object.keys(files).filter((p) => /^environments\/[^/]+\.bru$/.test(p)).sort()) {
    const env = parse(path, (text) => lang.bruToEnvJsonV2(text));
    if (!env) continue;
    const name = path.slice('environments/'.length, -'.bru'.length);
    for (const v of (env.variables ?? []).filter((v) => !v.enabled)) builder.skippedVariables.push({ environment: name, name: v.name, reason: 'it is disabled in Bruno' });
    builder.environment(
      name,
      (env.variables ?? []).filter((v) => v.enabled).map((v) => ({ name: v.name, value: v.value, secret: v.secret })),
    );
  }

  const settings = (path: string) => (path in files ? parse(path, (text) => lang.collectionBruToJson(text)) : null);
  const root = settings('collection.bru');
  if (root) noteScripts(builder, root, 'collection.bru');
  const top: Level = { auth: readAuth(obj(root?.auth), builder.collection, builder, 'none'), label: builder.collection, headers: rows(root?.headers) };

  const levels = new Map<string, Level>([['', top]]);
  const folderNames = new Map<string, string>();
  const levelOf = (dir: string): Level => {
    const known = levels.get(dir);
    if (known) return known;
    const parent = levelOf(dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '');
    const own = settings(`${dir}/folder.bru`);
    const name = str(obj(own?.meta).name) || dir.slice(dir.lastIndexOf('/') + 1);
    folderNames.set(dir, name);
    if (own) noteScripts(builder, own, `${dir}/folder.bru`);
    const auth = readAuth(obj(own?.auth), dir, builder, 'inherit');
    const level: Level = { auth: auth.type === 'inherit' ? parent.auth : auth, label: auth.type === 'inherit' ? parent.label : name, headers: [...parent.headers, ...rows(own?.headers)] };
    levels.set(dir, level);
    return level;
  };

  const requests = Object.keys(files)
    .filter((p) => p.endsWith('.bru') && !p.startsWith('environments/') && p !== 'collection.bru' && !p.endsWith('/folder.bru') && p !== 'folder.bru')
    .map((path) => ({ path, json: parse(path, (text) => lang.bruToJsonV2(text)) }))
    .filter((r): r is { path: string; json: Obj } => r.json !== null)
    .sort((a, b) => dirOf(a.path).localeCompare(dirOf(b.path)) || Number(obj(a.json.meta).seq ?? 0) - Number(obj(b.json.meta).seq ?? 0) || a.path.localeCompare(b.path));

  for (const { path, json } of requests) {
    const dir = dirOf(path);
    const level = levelOf(dir);
    const folder = dir.split('/').filter(Boolean).map((_, i, parts) => folderName(folderNames.get(parts.slice(0, i + 1).join('/')) ?? parts[i]!)).join('/');
    const meta = obj(json.meta);
    const name = str(meta.name) || path.slice(path.lastIndexOf('/') + 1, -'.bru'.length);
    const where = [folder, name].filter(Boolean).join(' / ');
    if (meta.type && meta.type !== 'http') {
      builder.note(where, `its ${str(meta.type)} request type is not imported.`);
      continue;
    }
    noteScripts(builder, json, where);
    const http = obj(json.http);
    const own = readAuth(obj({ mode: http.auth ?? 'none', ...obj(json.auth) }), where, builder, 'none');
    const auth = own.type === 'inherit' ? level : { auth: own, label: name };
    builder.request({
      name,
      folder,
      method: str(http.method, 'get').toUpperCase(),
      url: str(http.url),
      query: arr(json.params).map(obj).filter((p) => p.type !== 'path').map(toRow),
      headers: [...level.headers, ...rows(json.headers)],
      body: readBody(builder, str(http.body, 'none'), obj(json.body), where),
      credential: builder.credentialFor(auth.auth, auth.label, `auth of ${where}`),
    });
    for (const param of arr(json.params).map(obj).filter((p) => p.type === 'path')) builder.note(where, `its path parameter ${str(param.name)} is not imported; write {{${str(param.name)}}} in the URL.`);
  }
  return builder.build();
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const toRow = (row: Obj): KeyValueRow => ({ name: str(row.name), value: str(row.value), enabled: row.enabled !== false });
const rows = (value: unknown): KeyValueRow[] => arr(value).map(obj).map(toRow);

function readBody(builder: CollectionBuilder, mode: string, body: Obj, where: string): RequestBody {
  switch (mode) {
    case 'none':
      return { type: 'none' };
    case 'json':
      return { type: 'json', text: str(body.json) };
    case 'formUrlEncoded':
      return { type: 'form', fields: rows(body.formUrlEncoded) };
    case 'text':
    case 'xml':
      return { type: 'raw', text: str(body[mode]) };
    case 'multipartForm': {
      const parts = arr(body.multipartForm).map(obj);
      const files = parts.filter((p) => p.type === 'file');
      builder.multipartNote(where, files.map((f) => str(f.name)));
      return { type: 'form', fields: parts.filter((p) => p.type !== 'file').map(toRow) };
    }
    default:
      builder.note(where, `its ${mode} body is not imported.`);
      return { type: 'none' };
  }
}

/** Bruno's names for the fields of its auth blocks. */
const BRUNO_AUTH: AuthDialect = {
  none: 'none',
  grant: 'grantType',
  apiKeyPlacement: { field: 'placement', query: 'queryparams' },
  clientAuth: { field: 'credentialsPlacement', value: 'basic_auth_header', then: 'basic' },
  addTo: { field: 'tokenPlacement', value: 'url', then: 'query' },
  headerPrefix: 'tokenHeaderPrefix',
  queryName: 'tokenQueryKey',
  leftOut: [{ fields: ['refreshTokenUrl'], note: 'its separate refresh token URL is not imported; renewal asks the token URL again.' }],
};

/** `{ mode, bearer: {...}, basic: {...}, ... }` as Bruno's parser returns it. */
function readAuth(auth: Obj, where: string, builder: CollectionBuilder, missing: 'none' | 'inherit'): ForeignAuth {
  const type = str(auth.mode) || missing;
  const block = obj(auth[type]);
  return readAuthBlock({ type, get: (key) => str(block[key]), has: (key) => block[key] !== undefined }, BRUNO_AUTH, (what) => builder.note(`auth of ${where}`, what));
}

function noteScripts(builder: CollectionBuilder, json: Obj, where: string): void {
  const script = obj(json.script);
  if (str(script.req).trim()) builder.note(where, 'its pre-request script is not run: Tokenbench recipes need no scripts.');
  if (str(script.res).trim()) builder.note(where, 'its post-response script is not run.');
  if (str(json.tests).trim()) builder.note(where, 'its tests are not imported.');
  if (arr(json.assertions).length > 0) builder.note(where, `its ${arr(json.assertions).length} assertion(s) are not imported.`);
  const vars = obj(json.vars);
  const count = arr(vars.req).length + arr(vars.res).length;
  if (count > 0) builder.note(where, `its ${count} request/response variable(s) are not imported.`);
}
