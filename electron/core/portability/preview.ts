/** What an import plan would create, in the words the import dialog and `--dry-run` show. */
import type { ImportPreview } from '../../../shared/ipc/domains/portability';
import type { ImportPlan } from './plan';

/** Requests listed one by one in a preview; the rest are counted. */
export const PREVIEW_REQUESTS = 200;

const KINDS: Record<string, string> = { 'token-request': 'token request', static: 'static key or token', basic: 'HTTP Basic' };

export function describePlan(plan: ImportPlan): Omit<ImportPreview, 'chosen' | 'fileId' | 'fileName'> {
  const requests = plan.collection?.requests ?? [];
  return {
    format: plan.format,
    environments: plan.environments.map((e) => ({ name: e.name, variables: e.variables.length, secrets: e.variables.filter((v) => v.secret).length })),
    credentials: plan.credentials.map((c) => ({ name: c.name, kind: kindOf(c.recipe) })),
    collections: plan.collection ? [{ name: plan.collection.name, requests: requests.length }] : [],
    requests: requests.slice(0, PREVIEW_REQUESTS).map((r) => ({ folder: r.folder, name: r.name, method: r.draft.method, url: r.draft.url, credential: r.credential })),
    skippedVariables: plan.skippedVariables,
    notMapped: plan.notMapped ?? [],
    secretsMoved: plan.secretsMoved ?? 0,
  };
}

function kindOf(recipe: ImportPlan['credentials'][number]['recipe']): string {
  if (recipe.kind === 'token-request') {
    const grant = recipe.tokenRequest.body.encoding === 'none' ? undefined : recipe.tokenRequest.body.fields.grant_type;
    return grant ? `OAuth 2.0 ${grant.replace(/_/g, ' ')}` : KINDS[recipe.kind]!;
  }
  if (recipe.kind === 'static') return recipe.use.in === 'query' ? `key in the query (${recipe.use.name})` : `${recipe.use.name} header`;
  return KINDS[recipe.kind]!;
}
