// What both generated clients (TypeScript, Python) share: the recipe's parts they need, the
// environment variable that supplies each recipe variable, the header text, and the final check
// that no secret value ended up in the file.
import { ASSERTION_AUTH_TYPES, recipeVariables, type TokenRequestRecipe, type Recipe } from '../../../shared/recipe';

export type CodeLanguage = 'typescript' | 'python';

export interface ExportVariable {
  /** The recipe's `{{name}}`. */
  name: string;
  /** The environment variable that supplies it, e.g. LEMONWAY_API_KEY. */
  env: string;
  secret: boolean;
  /** Non-secret values the environment holds are written as defaults; secrets never are. */
  default?: string;
}

export interface ExportInput {
  credentialName: string;
  recipe: Recipe;
  /** The environment's variables: secret flags, and the values of non-secret ones for defaults. */
  variables: Record<string, { value?: string; secret: boolean }>;
  environmentName?: string;
}

export interface ExportPlan {
  credentialName: string;
  recipe: TokenRequestRecipe;
  variables: ExportVariable[];
  /** Lines said at the top of the file (without comment markers). */
  header: string[];
}

export class CodeExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodeExportError';
  }
}

/** "Live Data (service account)" + "clientSecret" -> LIVE_DATA_SERVICE_ACCOUNT_CLIENT_SECRET. */
export function environmentVariableName(credentialName: string, variable: string): string {
  const snake = (text: string) =>
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase();
  const prefix = snake(credentialName);
  const name = snake(variable);
  return /^[A-Z_]/.test(prefix) && prefix ? `${prefix}_${name}` : name;
}

export function exportPlan(input: ExportInput, language: CodeLanguage): ExportPlan {
  const recipe = input.recipe;
  if (recipe.kind !== 'token-request') {
    throw new CodeExportError(`"${input.credentialName}" is a ${recipe.kind === 'static' ? 'static key' : 'HTTP Basic'} credential: there is no token request to turn into code. Send the key as its recipe's "use" part says.`);
  }
  // The generated clients speak plain HTTP with no packages: they neither sign client assertions
  // (a JWT library and the private key) nor open a browser for a sign-in, so such recipes are refused.
  if ((ASSERTION_AUTH_TYPES as readonly string[]).includes(recipe.tokenRequest.clientAuth.type)) {
    throw new CodeExportError(`"${input.credentialName}" signs a client assertion (${recipe.tokenRequest.clientAuth.type}) for each token request: the exported code has no JWT signing, so it cannot be exported yet. Use tokenbench token in scripts instead.`);
  }
  if (recipe.dpop) {
    throw new CodeExportError(`"${input.credentialName}" uses DPoP: each token request and API call carries a proof signed with the credential's key, and the exported code has no JWT signing, so it cannot be exported yet. Use tokenbench token and tokenbench request in scripts instead.`);
  }
  if (recipe.authorization) {
    throw new CodeExportError(`"${input.credentialName}" needs a sign-in in the browser: the exported code cannot do that step, so it cannot be exported yet. Use tokenbench token in scripts instead.`);
  }
  const variables = recipeVariables(recipe).map((name): ExportVariable => {
    const known = input.variables[name];
    // A variable the environment lacks is treated as secret: nothing says it is safe to print.
    const secret = known?.secret ?? true;
    const value = known?.value;
    return { name, env: environmentVariableName(input.credentialName, name), secret, ...(!secret && value ? { default: value } : {}) };
  });
  const file = language === 'typescript' ? 'token-client.ts' : 'token_client.py';
  const width = Math.max(...variables.map((v) => v.env.length), 0);
  const header = [
    `Token client for the "${input.credentialName}" credential, exported from Tokenbench${input.environmentName ? ` (environment "${input.environmentName}")` : ''}.`,
    `It asks ${recipe.tokenRequest.method} ${recipe.tokenRequest.url} for a token as the recipe says, keeps it in memory,`,
    'shares one token request between concurrent callers, renews it ahead of expiry, renews once and',
    'retries once when the API answers 401, and never asks the auth service more often than',
    `every ${recipe.guard.minIntervalSeconds} s (longer when it sends Retry-After). ${language === 'typescript' ? 'Needs Node >= 18, no packages.' : 'Needs Python >= 3.9, standard library only.'}`,
    '',
    'Configure it with environment variables (secrets are never written in this file):',
    ...variables.map((v) => `  ${v.env.padEnd(width)}  ${v.secret ? 'secret' : v.default !== undefined ? `default: ${v.default}` : 'required'}`),
    '',
    'Use:',
    ...(language === 'typescript'
      ? [`  import { TokenClient } from './${file.replace(/\.ts$/, '')}';`, '  const client = new TokenClient();', "  const response = await client.fetch('https://api.example.com/...');"]
      : ['  from token_client import TokenClient', '  client = TokenClient()', "  response = client.request('GET', 'https://api.example.com/...')"]),
  ];
  return { credentialName: input.credentialName, recipe, variables, header };
}

/** The last line of defence: a secret value the caller knows must not appear in the file. */
export function assertNoSecrets(code: string, secretValues: string[]): void {
  for (const value of secretValues) {
    if (value.length >= 4 && code.includes(value)) {
      throw new CodeExportError('A secret value appears in the recipe itself (not in a secret variable), so the code would contain it. Move it into a secret variable first.');
    }
  }
}
