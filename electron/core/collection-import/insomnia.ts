/**
 * Insomnia exports: v4 (`{ _type: "export", __export_format: 4, resources: [...] }`, a flat list
 * joined by `parentId`) and v5 (`type: collection.insomnia.rest/5.0`, YAML, folders holding
 * `children`). Workspaces, folders, requests, environments (the base one merged into each
 * sub-environment) and the auth of folders and requests (an empty block inherits). Insomnia's
 * `{{ _.name }}` becomes `{{name}}`; template tags (`{% response %}`, `{% uuid %}`) are not run and
 * are listed as not mapped.
 */
import type { KeyValueRow, RequestBody } from '../../../shared/runner/draft';
import { CollectionBuilder } from './builder';
import { readAuthBlock, type AuthDialect } from './auth-blocks';
import type { ForeignAuth } from './foreign-auth';
import type { CollectionPlan } from './model';
import { folderName } from './postman';
import { arr, isObj, obj, str, type Obj } from './untyped';

export function isInsomnia(raw: unknown): 'v4' | 'v5' | null {
  const record = obj(raw);
  if (record._type === 'export' && Array.isArray(record.resources)) return 'v4';
  if (/^collection\.insomnia\.rest\/5\./.test(str(record.type))) return 'v5';
  return null;
}

/** `{{ _.base_url }}` and `{{ base_url }}` as `{{base_url}}`. */
export function fromNunjucks(text: string): string {
  return text.replace(/\{\{\s*(?:_\.)?([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g, '{{$1}}');
}

/** One request or folder, whichever export version it came from. */
interface Node {
  name: string;
  folder: boolean;
  children: Node[];
  source: Obj;
}

export function readInsomnia(raw: unknown): CollectionPlan {
  const record = obj(raw);
  const version = isInsomnia(raw);
  const { name, nodes, environments, extras } = version === 'v4' ? fromV4(record) : fromV5(record);
  const builder = new CollectionBuilder('insomnia', name);
  for (const note of extras) builder.note(note.where, note.what);
  const base = environments[0];
  if (base) for (const [key, value] of flatten(base.data)) builder.variable(key, fromNunjucks(value));
  for (const sub of environments.slice(1)) builder.environment(sub.name, flatten(sub.data).map(([key, value]) => ({ name: key, value: fromNunjucks(value) })));
  walk(builder, nodes, [], { auth: { type: 'none' }, label: name });
  return builder.build();
}

interface Environment {
  name: string;
  data: Obj;
}

function fromV4(record: Obj) {
  const resources = arr(record.resources).map(obj);
  const workspace = resources.find((r) => r._type === 'workspace');
  const extras: Array<{ where: string; what: string }> = [];
  const childrenOf = (parentId: unknown): Node[] =>
    resources
      .filter((r) => r.parentId === parentId && (r._type === 'request' || r._type === 'request_group'))
      .sort((a, b) => Number(a.metaSortKey ?? 0) - Number(b.metaSortKey ?? 0))
      .map((r) => ({ name: str(r.name).trim() || 'Untitled', folder: r._type === 'request_group', children: r._type === 'request_group' ? childrenOf(r._id) : [], source: r }));
  const base = resources.find((r) => r._type === 'environment' && r.parentId === workspace?._id);
  const subs = base ? resources.filter((r) => r._type === 'environment' && r.parentId === base._id) : [];
  const environments: Environment[] = base ? [{ name: str(base.name), data: obj(base.data) }, ...subs.map((s) => ({ name: str(s.name).trim() || 'Environment', data: { ...obj(base.data), ...obj(s.data) } }))] : [];
  const kinds = new Map<string, number>();
  for (const r of resources) {
    if (!['workspace', 'request', 'request_group', 'environment', 'cookie_jar'].includes(str(r._type))) kinds.set(str(r._type), (kinds.get(str(r._type)) ?? 0) + 1);
  }
  for (const [kind, n] of kinds) extras.push({ where: 'export', what: `${n} ${kind} resource(s) are not imported.` });
  return { name: str(workspace?.name).trim() || 'Insomnia collection', nodes: childrenOf(workspace?._id), environments, extras };
}

function fromV5(record: Obj) {
  const toNode = (entry: unknown): Node => {
    const item = obj(entry);
    const folder = Array.isArray(item.children);
    return { name: str(item.name).trim() || 'Untitled', folder, children: folder ? arr(item.children).map(toNode) : [], source: item };
  };
  const envs = Array.isArray(record.environments) ? obj(record.environments[0]) : obj(record.environments);
  const baseData = obj(envs.data);
  const environments: Environment[] = isObj(record.environments) || Array.isArray(record.environments)
    ? [{ name: str(envs.name) || 'Base Environment', data: baseData }, ...arr(envs.subEnvironments).map(obj).map((s) => ({ name: str(s.name).trim() || 'Environment', data: { ...baseData, ...obj(s.data) } }))]
    : [];
  return { name: str(record.name).trim() || 'Insomnia collection', nodes: arr(record.collection).map(toNode), environments, extras: [] };
}

/** `{ admin: { appName: "x" } }` as `admin.appName = x`, which `{{ _.admin.appName }}` names. */
function flatten(data: Obj, prefix = ''): Array<[string, string]> {
  return Object.entries(data).flatMap(([key, value]): Array<[string, string]> => (isObj(value) ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, Array.isArray(value) ? JSON.stringify(value) : str(value)]]));
}

function walk(builder: CollectionBuilder, nodes: Node[], folders: string[], parent: { auth: ForeignAuth; label: string }): void {
  for (const node of nodes) {
    const where = [...folders, node.name].join(' / ');
    const own = readAuth(node.source.authentication, where, builder);
    const effective = own.type === 'inherit' ? parent : { auth: own, label: node.name };
    if (node.folder) {
      if (Object.keys(obj(node.source.environment)).length > 0) builder.note(where, 'its folder environment is not imported; put those values in an environment.');
      walk(builder, node.children, [...folders, folderName(node.name)], effective);
      continue;
    }
    const source = node.source;
    const url = str(source.url);
    noteTags(builder, where, JSON.stringify([url, source.headers, source.parameters, source.body]));
    builder.request({
      name: node.name,
      folder: folders.join('/'),
      method: str(source.method, 'GET').toUpperCase() || 'GET',
      url: fromNunjucks(url),
      query: rows(source.parameters),
      headers: rows(source.headers),
      body: readBody(builder, obj(source.body), where),
      credential: builder.credentialFor(effective.auth, effective.label, `auth of ${where}`),
    });
  }
}

function rows(value: unknown): KeyValueRow[] {
  return arr(value).map((entry) => {
    const row = obj(entry);
    return { name: fromNunjucks(str(row.name)), value: fromNunjucks(str(row.value)), enabled: row.disabled !== true };
  });
}

function noteTags(builder: CollectionBuilder, where: string, text: string): void {
  const tags = [...new Set(text.match(/\{%\s*[A-Za-z_]+/g) ?? [])].map((t) => t.replace(/\{%\s*/, ''));
  if (tags.length > 0) builder.note(where, `its Insomnia template tag(s) ${tags.join(', ')} are kept as text; Tokenbench does not run them.`);
}

function readBody(builder: CollectionBuilder, body: Obj, where: string): RequestBody {
  const mime = str(body.mimeType).split(';')[0]!.trim().toLowerCase();
  if (!mime && !body.text) return { type: 'none' };
  if (mime === 'application/x-www-form-urlencoded') return { type: 'form', fields: rows(body.params) };
  if (mime.includes('json') && mime !== 'application/graphql') return { type: 'json', text: fromNunjucks(str(body.text)) };
  if (mime === 'multipart/form-data') {
    const params = arr(body.params).map(obj);
    const files = params.filter((p) => p.type === 'file');
    builder.multipartNote(where, files.map((f) => str(f.name)));
    return { type: 'form', fields: rows(params.filter((p) => p.type !== 'file')) };
  }
  if (mime === 'application/graphql' || mime === 'application/octet-stream') {
    builder.note(where, `its ${mime} body is not imported.`);
    return { type: 'none' };
  }
  return str(body.text) ? { type: 'raw', text: fromNunjucks(str(body.text)) } : { type: 'none' };
}

/** Insomnia's names for the fields of its auth blocks. */
const INSOMNIA_AUTH: AuthDialect = {
  none: 'none',
  grant: 'grantType',
  bearerPrefix: 'prefix',
  apiKeyPlacement: { field: 'addTo', query: 'queryParams', cookie: 'cookie' },
  clientAuth: { field: 'credentialsInBody', value: 'true', then: 'body' },
  headerPrefix: 'tokenPrefix',
  leftOut: [{ fields: ['accessToken', 'refreshToken'], note: 'the tokens saved in the file are left out: Tokenbench fetches its own.' }],
};

function readAuth(value: unknown, where: string, builder: CollectionBuilder): ForeignAuth {
  const auth = obj(value);
  const type = str(auth.type);
  if (!type) return { type: 'inherit' };
  if (auth.disabled === true) return { type: 'none' };
  const block = { type, get: (key: string) => fromNunjucks(str(auth[key])), has: (key: string) => auth[key] !== undefined };
  return readAuthBlock(block, INSOMNIA_AUTH, (what) => builder.note(`auth of ${where}`, what));
}
