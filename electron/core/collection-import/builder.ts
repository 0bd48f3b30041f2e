/**
 * Collects what a foreign collection turns into (plan in model.ts) while a reader walks the file:
 * variables, secrets moved to the vault, credentials made from auth blocks (one per distinct
 * block, shared by every request that uses it), requests, and notes on what could not be mapped.
 */
import { variableNameSchema } from '../../../shared/domain/environment';
import { RecipeSchema } from '../../../shared/recipe/recipe';
import type { KeyValueRow, RequestBody } from '../../../shared/runner/draft';
import type { ImportSummary } from '../../../shared/ipc/domains/portability';
import { recipeFor, type ForeignAuth } from './foreign-auth';
import type { CollectionPlan, PlannedCollectionRequest, PlannedCollectionVariable } from './model';
import { isReferenceOnly, isSecret, referencedName } from './secret-looking';

/** `{{ name }}` as Insomnia and Postman users often write it, in the `{{name}}` form recipes read. */
export function tidyTemplates(text: string): string {
  return text.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g, '{{$1}}');
}

export class CollectionBuilder {
  private readonly shared: PlannedCollectionVariable[] = [];
  private readonly environments: Array<{ name: string; variables: PlannedCollectionVariable[] }> = [];
  private readonly credentials: CollectionPlan['credentials'] = [];
  private readonly credentialKinds = new Map<string, string>();
  private readonly byAuth = new Map<string, string | null>();
  private readonly requests: PlannedCollectionRequest[] = [];
  private readonly notMapped: CollectionPlan['notMapped'] = [];
  private readonly secretNames = new Set<string>();
  readonly skippedVariables: ImportSummary['skippedVariables'] = [];

  constructor(
    private readonly format: CollectionPlan['format'],
    readonly collection: string,
  ) {}

  note(where: string, what: string): void {
    this.notMapped.push({ where, what });
  }

  private allNames(): Set<string> {
    return new Set([...this.shared, ...this.environments.flatMap((e) => e.variables)].map((v) => v.name.toLowerCase()));
  }

  private freeVariableName(suggested: string): string {
    const base = suggested.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[^A-Za-z_]+/, '') || 'secret';
    const taken = this.allNames();
    if (!taken.has(base.toLowerCase())) return base.slice(0, 90);
    for (let n = 2; ; n++) if (!taken.has(`${base}${n}`.toLowerCase())) return `${base.slice(0, 90)}${n}`;
  }

  /** A usable variable name, or null after noting why not. */
  private checkName(name: string, scope: string): string | null {
    const parsed = variableNameSchema.safeParse(name);
    if (parsed.success) return parsed.data;
    this.skippedVariables.push({ environment: scope, name, reason: 'Tokenbench variable names start with a letter or _ and use letters, digits, _ . or -' });
    return null;
  }

  /** A collection-wide variable, present in every environment the import creates. */
  variable(name: string, value: string, options: { secret?: boolean } = {}): void {
    const usable = this.checkName(name, this.collection);
    if (usable === null) return;
    if (this.shared.some((v) => v.name === usable)) {
      this.skippedVariables.push({ environment: this.collection, name, reason: 'the file has it twice; the first one was kept' });
      return;
    }
    const secret = options.secret === true || isSecret(usable, value);
    this.shared.push({ name: usable, value: secret && value === '' ? null : tidyTemplates(value), secret });
  }

  /** An environment of the file with its own values (the collection-wide ones are added to it). */
  environment(name: string, entries: Array<{ name: string; value: string; secret?: boolean }>): void {
    const variables: PlannedCollectionVariable[] = [];
    for (const entry of entries) {
      const usable = this.checkName(entry.name, name);
      if (usable === null) continue;
      if (variables.some((v) => v.name === usable)) continue;
      const secret = entry.secret === true || isSecret(usable, entry.value);
      variables.push({ name: usable, value: secret && entry.value === '' ? null : tidyTemplates(entry.value), secret });
    }
    this.environments.push({ name, variables });
  }

  /** Files a secret in the vault (or marks the variable it names as secret); returns its `{{variable}}`. */
  secret(suggestedName: string, value: string): string {
    const referenced = referencedName(value);
    if (referenced !== null) {
      this.secretNames.add(referenced);
      return `{{${referenced}}}`;
    }
    if (value !== '') {
      const same = this.shared.find((v) => v.secret && v.value === value);
      if (same) return `{{${same.name}}}`;
    }
    const name = this.freeVariableName(suggestedName);
    this.shared.push({ name, value: value === '' ? null : value, secret: true });
    return `{{${name}}}`;
  }

  /** The credential for an auth block (made once per distinct block), or null after noting why not. */
  credentialFor(auth: ForeignAuth, label: string, where: string, options: { variablePrefix?: string } = {}): string | null {
    if (auth.type === 'none' || auth.type === 'inherit') return null;
    const key = JSON.stringify(auth);
    if (this.byAuth.has(key)) return this.byAuth.get(key)!;
    const made = recipeFor(auth, { secret: (name, value) => this.secret(`${options.variablePrefix ?? ''}${name}`, tidyTemplates(value)) });
    if ('problem' in made) {
      this.note(where, `${made.problem}.`);
      this.byAuth.set(key, null);
      return null;
    }
    const recipe = RecipeSchema.safeParse(JSON.parse(tidyTemplates(JSON.stringify(made.recipe))));
    if (!recipe.success) {
      this.note(where, `its ${made.kind} auth could not be made into a recipe: ${recipe.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
      this.byAuth.set(key, null);
      return null;
    }
    const name = this.freeCredentialName(`${label.slice(0, 50)} (${made.kind})`);
    this.credentials.push({ name, recipe: recipe.data });
    this.credentialKinds.set(name, made.kind);
    this.byAuth.set(key, name);
    return name;
  }

  private freeCredentialName(suggested: string): string {
    const taken = new Set(this.credentials.map((c) => c.name.toLowerCase()));
    if (!taken.has(suggested.toLowerCase())) return suggested;
    for (let n = 2; ; n++) if (!taken.has(`${suggested} ${n}`.toLowerCase())) return `${suggested} ${n}`;
  }

  /** Rows whose values are secrets get a `{{variable}}` in the vault instead. */
  protectRows(rows: KeyValueRow[]): KeyValueRow[] {
    return rows.map((row) => (isSecret(row.name, row.value) ? { ...row, value: this.secret(row.name, row.value) } : { ...row, name: row.name, value: tidyTemplates(row.value) }));
  }

  /** The same for a JSON body: string fields with secret-looking names or values. */
  protectJson(text: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text; // Not JSON after all (often a template with {{variables}}): kept as written.
    }
    let changed = false;
    const walk = (value: unknown, key: string): unknown => {
      if (typeof value === 'string' && isSecret(key, value)) {
        changed = true;
        return this.secret(key, value);
      }
      if (Array.isArray(value)) return value.map((item) => walk(item, key));
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
      return value;
    };
    const result = walk(parsed, '');
    return changed ? JSON.stringify(result, null, 2) : text;
  }

  protectBody(body: RequestBody): RequestBody {
    if (body.type === 'json') return { type: 'json', text: this.protectJson(body.text) };
    if (body.type === 'form') return { type: 'form', fields: this.protectRows(body.fields) };
    return body;
  }

  /** Tokenbench sends no multipart bodies: the text fields go as a form, file fields are named. */
  multipartNote(where: string, fileFields: string[]): void {
    this.note(
      where,
      fileFields.length > 0
        ? `its multipart body's file field(s) ${fileFields.join(', ')} are left out; the other fields are sent as a form.`
        : 'its multipart body is sent as a URL-encoded form (Tokenbench sends no multipart bodies).',
    );
  }

  request(request: PlannedCollectionRequest): void {
    const { base, query } = splitUrl(request.url);
    this.requests.push({
      ...request,
      url: tidyTemplates(base),
      query: this.protectRows([...query, ...request.query]),
      headers: this.protectRows(request.headers),
      body: this.protectBody(request.body),
    });
  }

  kindOf(credential: string): string {
    return this.credentialKinds.get(credential) ?? '';
  }

  build(): CollectionPlan {
    const environments = this.environments.length > 0 ? this.environments : [{ name: this.collection, variables: [] }];
    const merged = environments.map((environment) => {
      const own = new Set(environment.variables.map((v) => v.name));
      const variables = [...this.shared.filter((v) => !own.has(v.name)), ...environment.variables].map((v) =>
        this.secretNames.has(v.name) && !v.secret ? { ...v, secret: true, value: v.value === '' ? null : v.value } : v,
      );
      // A secret named by an auth block but defined nowhere: created empty, to be set before use.
      for (const name of this.secretNames) {
        if (!variables.some((v) => v.name === name) && variableNameSchema.safeParse(name).success) variables.push({ name, value: null, secret: true });
      }
      return { name: environment.name, variables };
    });
    return {
      format: this.format,
      collection: this.collection,
      environments: merged,
      credentials: this.credentials,
      requests: this.requests,
      notMapped: this.notMapped,
      skippedVariables: this.skippedVariables,
      // Every value that was in the file in clear and now goes to the vault.
      secretsMoved: merged.reduce((n, e) => n + e.variables.filter((v) => v.secret && v.value !== null && !isReferenceOnly(v.value)).length, 0),
    };
  }
}

/** `https://host/path?a=1&b={{x}}` -> the URL without its query, and the query as rows. */
export function splitUrl(url: string): { base: string; query: KeyValueRow[] } {
  const at = url.indexOf('?');
  if (at === -1) return { base: url, query: [] };
  const rest = url.slice(at + 1).split('#')[0]!;
  const query = rest
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const decode = (s: string) => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s;
        }
      };
      return eq === -1 ? { name: decode(pair), value: '', enabled: true } : { name: decode(pair.slice(0, eq)), value: decode(pair.slice(eq + 1)), enabled: true };
    });
  return { base: url.slice(0, at), query };
}
