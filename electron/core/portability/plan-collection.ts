/**
 * A collection from another tool (collection-import/) as an import plan: its environments,
 * credentials (used in all of them) and saved requests (in the first). Names and headers that
 * could rewrite a terminal line or split an HTTP header refuse the whole file, like ours; a
 * request Tokenbench cannot hold is listed as not mapped.
 */
import { credentialNameSchema } from '../../../shared/domain/credential';
import { environmentNameSchema } from '../../../shared/domain/environment';
import { unsafeNameCharacter } from '../../../shared/domain/names';
import { requestDraftSchema } from '../../../shared/runner/draft';
import { collectionNameSchema, savedRequestNameSchema } from '../../../shared/runner/saved';
import type { CollectionPlan } from '../collection-import/model';
import { MAX_VALUE_CHARACTERS } from './format';
import type { ImportPlan, PlannedRequest } from './plan-types';
import { refuse } from './untrusted-json';

/** More requests than any real collection; a bound on what one import writes. */
const MAX_REQUESTS = 10_000;
const LINE_BREAK = /[\r\n\0]/;

export function planCollection(plan: CollectionPlan, fileName: string): ImportPlan {
  const notMapped = [...plan.notMapped];
  const collection = checkName(fileName, 'collection', fit(plan.collection, 80));
  if (!collectionNameSchema.safeParse(collection).success) refuse(fileName, 'its collection has no usable name');
  const environments = uniqueNames(plan.environments.map((e) => checkName(fileName, 'environment', fit(e.name, 80))));
  for (const name of environments) {
    const parsed = environmentNameSchema.safeParse(name);
    if (!parsed.success) refuse(fileName, `the environment name "${name}" cannot be used: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  for (const credential of plan.credentials) {
    const parsed = credentialNameSchema.safeParse(checkName(fileName, 'credential', credential.name));
    if (!parsed.success) refuse(fileName, `the credential name "${credential.name}" cannot be used: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  if (plan.requests.length > MAX_REQUESTS) refuse(fileName, `it holds ${plan.requests.length} requests, more than the ${MAX_REQUESTS.toLocaleString('en')} one import may add`);

  const requests: PlannedRequest[] = [];
  for (const request of plan.requests) {
    const where = [request.folder, request.name].filter(Boolean).join(' / ');
    checkName(fileName, 'request', request.name);
    request.folder.split('/').forEach((part) => checkName(fileName, 'folder', part));
    for (const header of request.headers) {
      if (LINE_BREAK.test(header.name) || LINE_BREAK.test(header.value)) refuse(fileName, `request "${request.name}" has a header with a line break or NUL character (${JSON.stringify(header.name).slice(0, 60)})`);
    }
    const name = savedRequestNameSchema.safeParse(fit(request.name, 120));
    const draft = requestDraftSchema.safeParse({ method: request.method, url: request.url, query: request.query, headers: request.headers, body: request.body });
    if (!name.success || !draft.success) {
      const issue = !name.success ? name.error.issues[0] : !draft.success ? draft.error.issues[0] : undefined;
      notMapped.push({ where, what: `the request is left out: ${issue ? `${issue.path.join('.') || 'name'}: ${issue.message}` : 'it cannot be saved'}.` });
      continue;
    }
    const { environmentId: _e, credentialId: _c, ...rest } = draft.data;
    requests.push({ name: name.data, folder: request.folder, draft: rest, environment: environments[0] ?? null, credential: request.credential });
  }

  return {
    format: plan.format,
    environments: plan.environments.map((environment, index) => ({
      name: environments[index]!,
      production: false,
      allowedHosts: [],
      allowInsecureTls: false,
      confirmProduction: true,
      variables: environment.variables.map((variable) => {
        if ((variable.value ?? '').length > MAX_VALUE_CHARACTERS) refuse(fileName, `the value of ${variable.name} is over ${MAX_VALUE_CHARACTERS.toLocaleString('en')} characters`);
        return { name: variable.name, value: variable.value ?? (variable.secret ? null : ''), secret: variable.secret };
      }),
    })),
    credentials: plan.credentials.map((credential) => ({ name: credential.name, presetId: null, recipe: credential.recipe, environments })),
    skippedVariables: plan.skippedVariables,
    collection: { name: collection, requests },
    notMapped,
    secretsMoved: plan.secretsMoved,
  };
}

function checkName(fileName: string, what: string, name: string): string {
  const found = unsafeNameCharacter(name);
  if (found) refuse(fileName, `a ${what} name holds an invisible control or text-direction character (${found})`);
  return name;
}

function fit(name: string, max: number): string {
  const trimmed = name.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** Two environments of one file with the same name: the second becomes "NAME 2". */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${name.slice(0, 76)} ${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}
