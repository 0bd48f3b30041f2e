/**
 * OpenAPI 3.x documents (JSON or YAML). `components.securitySchemes` become credential
 * skeletons: OAuth 2.0 client-credentials and password flows with their token URL and scopes,
 * API keys in a header, the query or a cookie, HTTP bearer and basic; their secrets are created
 * as secret variables without a value, to be set before use. Every operation becomes a saved
 * request in a folder named after its first tag, authenticated by the scheme its `security` (or
 * the document's) names. Only local `$ref`s (`#/...`) are followed: an import never fetches.
 */
import type { KeyValueRow, RequestBody } from '../../../shared/runner/draft';
import { CollectionBuilder } from './builder';
import type { ForeignAuth } from './foreign-auth';
import type { CollectionPlan } from './model';
import { folderName } from './postman';
import { arr, isObj, obj, str, type Obj } from './untyped';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** A `$ref` chain longer than this is a loop or a hostile file. */
const MAX_REF_HOPS = 20;

export function isOpenApi(raw: unknown): boolean {
  return /^3\.\d/.test(str(obj(raw).openapi)) && (isObj(obj(raw).paths) || isObj(obj(raw).components));
}

export function isSwagger2(raw: unknown): boolean {
  return str(obj(raw).swagger).startsWith('2');
}

export function readOpenApi(raw: unknown): CollectionPlan {
  const doc = obj(raw);
  const info = obj(doc.info);
  const builder = new CollectionBuilder('openapi', str(info.title).trim() || 'OpenAPI');
  const resolve = resolver(doc, builder);
  builder.variable('baseUrl', serverUrl(arr(doc.servers), builder));

  const schemes = new Map<string, string | null>();
  for (const [name, value] of Object.entries(obj(obj(doc.components).securitySchemes))) {
    // Variables are named after the scheme ("oauth.clientId"): two schemes are two accounts.
    const prefix = `${name.replace(/[^A-Za-z0-9_-]+/g, '_')}.`;
    schemes.set(name, builder.credentialFor(schemeAuth(name, prefix, resolve(value, `security scheme ${name}`), builder), name, `security scheme ${name}`, { variablePrefix: prefix }));
  }
  const credentialOf = (security: unknown, where: string): string | null => {
    const alternatives = arr(security).map(obj);
    const first = alternatives.find((alternative) => Object.keys(alternative).length > 0);
    if (!first) return null;
    const names = Object.keys(first);
    if (names.length > 1) builder.note(where, `it needs ${names.join(' and ')} together; only ${names[0]} is attached.`);
    if (!schemes.has(names[0]!)) {
      builder.note(where, `its security scheme ${names[0]} is not defined in components.securitySchemes.`);
      return null;
    }
    return schemes.get(names[0]!) ?? null;
  };

  for (const [path, value] of Object.entries(obj(doc.paths))) {
    const item = resolve(value, `path ${path}`);
    const shared = arr(item.parameters);
    for (const method of METHODS) {
      if (!isObj(item[method])) continue;
      const operation = item[method];
      const name = str(operation.operationId) || str(operation.summary) || `${method.toUpperCase()} ${path}`;
      const folder = folderName(str(arr(operation.tags)[0]));
      const where = [folder, name].filter(Boolean).join(' / ');
      const params = parameters([...shared, ...arr(operation.parameters)], resolve, builder, where);
      builder.request({
        name,
        folder,
        method: method.toUpperCase(),
        url: `{{baseUrl}}${path.replace(/\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g, '{{$1}}')}`,
        query: params.query,
        headers: params.headers,
        body: requestBody(operation.requestBody, resolve, builder, where),
        credential: credentialOf(operation.security ?? doc.security, where),
      });
    }
  }
  return builder.build();
}

type Resolve = (value: unknown, where: string) => Obj;

/** Follows local `$ref`s; an external one is noted and read as empty. */
function resolver(doc: Obj, builder: CollectionBuilder): Resolve {
  return (value, where) => {
    let current = obj(value);
    for (let hops = 0; typeof current.$ref === 'string'; hops++) {
      const ref = current.$ref;
      if (hops >= MAX_REF_HOPS) {
        builder.note(where, `its $ref chain (${ref}) loops or is longer than ${MAX_REF_HOPS} steps.`);
        return {};
      }
      if (!ref.startsWith('#/')) {
        builder.note(where, `its $ref ${ref} points outside the document; an import never fetches other files.`);
        return {};
      }
      let target: unknown = doc;
      for (const part of ref.slice(2).split('/')) target = obj(target)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      current = obj(target);
    }
    return current;
  };
}

/** The first server's URL, its `{variables}` filled with their defaults. */
function serverUrl(servers: unknown[], builder: CollectionBuilder): string {
  const server = obj(servers[0]);
  if (servers.length > 1) builder.note('servers', `${servers.length - 1} other server(s) are not imported; baseUrl is the first one (${str(server.url)}).`);
  let url = str(server.url);
  for (const [name, variable] of Object.entries(obj(server.variables))) url = url.replaceAll(`{${name}}`, str(obj(variable).default));
  return url.replace(/\/$/, '');
}

function schemeAuth(name: string, prefix: string, scheme: Obj, builder: CollectionBuilder): ForeignAuth {
  switch (str(scheme.type)) {
    case 'apiKey': {
      const placement = str(scheme.in);
      return { type: 'apikey', name: str(scheme.name) || name, value: '', in: placement === 'query' ? 'query' : placement === 'cookie' ? 'cookie' : 'header' };
    }
    case 'http': {
      const kind = str(scheme.scheme).toLowerCase();
      if (kind === 'bearer') return { type: 'bearer', token: '' };
      if (kind === 'basic') {
        builder.variable(`${prefix}username`, '');
        return { type: 'basic', username: `{{${prefix}username}}`, password: '' };
      }
      return { type: 'unsupported', name: `HTTP ${kind}` };
    }
    case 'oauth2': {
      const flows = obj(scheme.flows);
      const flow = isObj(flows.clientCredentials) ? ['client_credentials', flows.clientCredentials] as const : isObj(flows.password) ? ['password', flows.password] as const : null;
      const others = Object.keys(flows).filter((f) => f !== (flow?.[0] === 'client_credentials' ? 'clientCredentials' : flow ? 'password' : ''));
      if (flow && others.length > 0) builder.note(`security scheme ${name}`, `its ${others.join(', ')} flow(s) are not imported; the ${flow[0].replace('_', ' ')} flow is.`);
      if (!flow) return { type: 'oauth2', grant: Object.keys(flows)[0] === 'authorizationCode' ? 'authorization_code' : Object.keys(flows)[0] ?? 'unknown', tokenUrl: '', clientId: '', clientSecret: '', scope: '', clientAuth: 'basic', addTo: 'header' };
      builder.variable(`${prefix}clientId`, '');
      if (flow[0] === 'password') builder.variable(`${prefix}username`, '');
      return {
        type: 'oauth2',
        grant: flow[0],
        tokenUrl: str(flow[1].tokenUrl),
        clientId: `{{${prefix}clientId}}`,
        clientSecret: '',
        scope: Object.keys(obj(flow[1].scopes)).join(' '),
        username: `{{${prefix}username}}`,
        password: '',
        clientAuth: 'basic',
        addTo: 'header',
      };
    }
    case 'openIdConnect':
      return { type: 'unsupported', name: 'OpenID Connect (discovery)' };
    default:
      return { type: 'unsupported', name: str(scheme.type) || 'unnamed' };
  }
}

function parameters(list: unknown[], resolve: Resolve, builder: CollectionBuilder, where: string): { query: KeyValueRow[]; headers: KeyValueRow[] } {
  const query: KeyValueRow[] = [];
  const headers: KeyValueRow[] = [];
  for (const entry of list) {
    const param = resolve(entry, where);
    const name = str(param.name);
    const value = str(param.example ?? obj(param.schema).example ?? obj(param.schema).default);
    const row = { name, value, enabled: param.required === true };
    if (param.in === 'query') query.push(row);
    else if (param.in === 'header') headers.push(row);
    else if (param.in === 'path') builder.variable(name, value);
    else if (param.in === 'cookie') builder.note(where, `its cookie parameter ${name} is not imported.`);
  }
  return { query, headers };
}

function requestBody(value: unknown, resolve: Resolve, builder: CollectionBuilder, where: string): RequestBody {
  if (value === undefined) return { type: 'none' };
  const content = obj(resolve(value, where).content);
  const jsonType = Object.keys(content).find((type) => /json/i.test(type));
  if (jsonType) {
    const media = obj(content[jsonType]);
    const example = media.example ?? obj(Object.values(obj(media.examples))[0]).value ?? resolve(media.schema, where).example;
    if (example === undefined) {
      builder.note(where, 'its JSON body has no example; compose it in the runner.');
      return { type: 'json', text: '{}' };
    }
    return { type: 'json', text: JSON.stringify(example, null, 2) };
  }
  if (content['application/x-www-form-urlencoded']) {
    const schema = resolve(obj(content['application/x-www-form-urlencoded']).schema, where);
    return { type: 'form', fields: Object.keys(obj(schema.properties)).map((name) => ({ name, value: '', enabled: true })) };
  }
  const types = Object.keys(content);
  if (types.length > 0) builder.note(where, `its ${types.join(', ')} body is not imported.`);
  return { type: 'none' };
}
