/**
 * The hosts an environment's own data names: the token and refresh URLs of the credentials used
 * in it and the addresses held in its variables. An environment that holds secrets but lists no
 * allowed hosts starts from these (seed.ts), instead of "anywhere".
 */
import type { Environment } from '../../../shared/domain/environment';
import { httpUrlOf } from '../../../shared/domain/allowed-hosts';
import type { Credential } from '../../../shared/domain/credential';
import { resolveTemplate, type VariableScope } from '../../../shared/recipe/template';

/** True when at least one secret variable of the environment has a value in the vault. */
export function holdsSecrets(environment: Pick<Environment, 'variables'>): boolean {
  return environment.variables.some((v) => v.secret && v.hint !== null);
}

/** `host` for the scheme's default port, `host:port` otherwise: the form allowed-host entries take. */
export function hostEntry(url: URL): string {
  return url.host.toLowerCase();
}

function recipeUrls(credential: Pick<Credential, 'recipe'>): string[] {
  const { recipe } = credential;
  if (recipe.kind !== 'token-request') return [];
  // Equivalent mutant: any text in place of the empty list names no host (it is no URL).
  return [recipe.tokenRequest.url, ...(recipe.renewal.refreshRequest ? [recipe.renewal.refreshRequest.url] : [])];
}

/**
 * Hosts named by `credentials` (those used in the environment) and by `variables` (its resolved
 * values), sorted, without duplicates. A URL that cannot be resolved names nothing.
 */
export function namedHosts(credentials: readonly Pick<Credential, 'recipe'>[], variables: VariableScope): string[] {
  // Allowed hosts are plain data the window shows, so a host that holds a secret value
  // (`https://{{tenantSecret}}.example.com`) is never taken: the user adds such a host by hand.
  const secrets = Object.values(variables)
    .filter((v) => v.secret && v.value !== '')
    .map((v) => v.value.toLowerCase());
  const hosts = new Set<string>();
  const add = (text: string) => {
    // URL parsing drops spaces around the address itself.
    const url = httpUrlOf(text);
    if (!url || !url.hostname) return;
    const host = hostEntry(url);
    if (!secrets.some((secret) => host.includes(secret))) hosts.add(host);
  };
  for (const variable of Object.values(variables)) add(variable.value);
  for (const credential of credentials) {
    for (const template of recipeUrls(credential)) {
      try {
        // The field name only labels an error, which is dropped here: any name is equivalent.
        add(resolveTemplate(template, variables, 'url').value);
      } catch {
        // An unknown variable in the URL: the token request itself will say so.
      }
    }
  }
  return [...hosts].sort();
}
