/**
 * The "from example" flow as a service for the IPC handlers and the CLI: propose (read the paste,
 * answer with secrets masked) and save (read the paste again, so the secret values it holds go
 * from there into the vault; create the credential in the environment).
 */
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import type { ExampleProposalView } from '../../../shared/ipc/domains/from-example';
import { maskSecret } from '../../../shared/recipe/mask';
import { recipeVariables, type Recipe } from '../../../shared/recipe';
import { ExampleError } from './example-request';
import { looksLikeSecret } from './lift-values';
import { proposeFromExample, type ExampleInput, type ExampleProposal } from './propose';

export interface VariableWrite {
  name: string;
  value: string;
  secret: boolean;
  description?: string;
}

export interface FromExampleDeps {
  findEnvironment(id: string): Environment;
  setVariables(environmentId: string, variables: VariableWrite[]): Promise<Environment>;
  createCredential(input: { name: string; recipe: Recipe; environmentIds: string[] }): Promise<Credential>;
}

export interface SaveFromExample extends ExampleInput {
  environmentId: string;
  name: string;
  recipe: Recipe;
  /** Values typed by the user, by variable name; they win over the example's. */
  values: Record<string, string>;
  /** Secret switches as the user left them, by variable name. */
  secret: Record<string, boolean>;
}

export interface FromExampleService {
  propose(input: ExampleInput): ExampleProposalView;
  save(request: SaveFromExample): Promise<{ credential: Credential; environment: Environment }>;
}

/** Messages may quote the paste (a malformed header, say): key-shaped words in them are masked. */
export function maskKeys(text: string): string {
  return text.replace(/[A-Za-z0-9+/=_\-.~]{16,}/g, (word) => (looksLikeSecret(word) ? maskSecret(word) : word));
}

function read(input: ExampleInput): ExampleProposal {
  try {
    const proposal = proposeFromExample(input);
    return { ...proposal, warnings: proposal.warnings.map(maskKeys) };
  } catch (error) {
    if (error instanceof ExampleError) throw new AppError('invalid-request', maskKeys(error.message), { hint: 'Paste the request exactly as the vendor\'s docs print it; you can edit every guess afterwards.' });
    throw error;
  }
}

/** The proposal as the window may see it: a secret value only as its masked hint. */
export function proposalView(proposal: ExampleProposal): ExampleProposalView {
  return {
    ...proposal,
    variables: proposal.variables.map((v) => ({
      name: v.name,
      secret: v.secret,
      value: v.secret ? '' : v.value,
      hint: v.secret && v.value ? maskSecret(v.value) : '',
      fromExample: v.value !== '',
      why: v.why,
    })),
  };
}

export function createFromExampleService(deps: FromExampleDeps): FromExampleService {
  return {
    propose: (input) => proposalView(read(input)),

    async save(request) {
      const proposal = read(request);
      const environment = deps.findEnvironment(request.environmentId);
      const existing = new Map(environment.variables.map((v) => [v.name, v]));
      const writes: VariableWrite[] = [];
      const missing: string[] = [];
      for (const name of recipeVariables(request.recipe)) {
        const proposed = proposal.variables.find((v) => v.name === name);
        const typed = request.values[name]?.trim() ?? '';
        const value = typed || proposed?.value || '';
        const secret = request.secret[name] ?? proposed?.secret ?? true;
        if (!value) {
          // A value the environment already holds (e.g. baseUrl) is kept.
          if (!existing.has(name)) missing.push(name);
          continue;
        }
        writes.push({ name, value, secret, description: proposed ? proposed.why.slice(0, 500) : 'Set when the credential was made from an example.' });
      }
      if (missing.length) {
        throw new AppError('invalid-request', `Fill in ${missing.map((m) => `"${m}"`).join(', ')}: the recipe uses ${missing.length === 1 ? 'it' : 'them'} and neither the example nor the environment "${environment.name}" has a value.`, {
          details: { field: missing[0]! },
        });
      }
      const updated = await deps.setVariables(environment.id, writes);
      const credential = await deps.createCredential({ name: request.name, recipe: request.recipe, environmentIds: [environment.id] });
      return { credential, environment: updated };
    },
  };
}
