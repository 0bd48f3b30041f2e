// What a preset is: a ready recipe for one vendor or one standard flow, plus the few values the
// user must type. Pure (no Node APIs).
import { httpUrlOf, isHostAllowed } from '../domain/allowed-hosts';
import { RecipeSchema, type Recipe, type RecipeInput } from './recipe';

export interface PresetVariable {
  /** The `{{name}}` the recipe uses. */
  name: string;
  label: string;
  secret: boolean;
  /** false = may stay empty (e.g. an optional expiry date for reminders). */
  required: boolean;
  help: string;
  /** Pre-filled value; per kind of environment when sandbox and production differ. */
  default?: string | { sandbox: string; production: string };
}

export interface Preset {
  id: string;
  name: string;
  vendor: string;
  description: string;
  /** Things worth knowing from the vendor's docs (rate limits, lifetimes, roles...). */
  hints: string[];
  recipe: Recipe;
  variables: PresetVariable[];
  /** Hosts to suggest for the environment's allowed-hosts list; `*.` matches subdomains. */
  allowedHosts: string[] | { sandbox: string[]; production: string[] };
}

export type PresetInput = Omit<Preset, 'recipe'> & { recipe: RecipeInput };

/** Validates the recipe at load time: a broken preset fails every test, not a user. */
export function definePreset(input: PresetInput): Preset {
  return { ...input, recipe: RecipeSchema.parse(input.recipe) };
}

/** The default of a preset variable for a sandbox or production environment ('' when none). */
export function presetDefault(variable: PresetVariable, production: boolean): string {
  const value = variable.default;
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return production ? value.production : value.sandbox;
}

/**
 * The allowed hosts to suggest for a sandbox or production environment: the vendor's hosts, plus
 * the host of any address the user typed into the preset's address fields (`baseUrl`, `tokenUrl`:
 * a proxy, a regional host, a local emulator) that those do not cover: typing it is the user's
 * explicit choice.
 */
export function presetAllowedHosts(preset: Preset, production: boolean, typed: Record<string, string> = {}): string[] {
  const hosts = preset.allowedHosts;
  const vendor = Array.isArray(hosts) ? [...hosts] : [...(production ? hosts.production : hosts.sandbox)];
  const extra = preset.variables
    .filter((variable) => !variable.secret && /url$/i.test(variable.name))
    .map((variable) => httpUrlOf(typed[variable.name] ?? ''))
    .filter((url): url is URL => url !== null && !isHostAllowed(url, vendor))
    .map((url) => url.host.toLowerCase());
  return [...new Set([...vendor, ...extra])];
}

export const CLIENT_ID: PresetVariable = {
  name: 'clientId',
  label: 'Client ID',
  secret: false,
  required: true,
  help: 'The client (application) identifier the auth service gave you.',
};

export const CLIENT_SECRET: PresetVariable = {
  name: 'clientSecret',
  label: 'Client secret',
  secret: true,
  required: true,
  help: 'The secret paired with the client ID.',
};

export const USERNAME: PresetVariable = { name: 'username', label: 'Username', secret: false, required: true, help: 'The user to sign in as.' };

export const PASSWORD: PresetVariable = { name: 'password', label: 'Password', secret: true, required: true, help: "That user's password." };

export const TOKEN_URL: PresetVariable = {
  name: 'tokenUrl',
  label: 'Token URL',
  secret: false,
  required: true,
  help: 'The full token endpoint, e.g. https://auth.example.com/oauth/token.',
};

export const EXPIRES_ON: PresetVariable = {
  name: 'expiresOn',
  label: 'Expires on (optional)',
  secret: false,
  required: false,
  help: 'When the key stops working (e.g. 2026-12-31), for a reminder. Leave empty if it never expires.',
};

/** Recipe parts the OAuth2 presets share (RFC 6749 field names). */
export const OAUTH2_RESPONSE = {
  token: 'access_token',
  tokenType: 'token_type',
  refreshToken: 'refresh_token',
  lifetime: { from: 'expires-in', path: 'expires_in' },
} as const;

export const BASIC_CLIENT_AUTH = { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' } as const;

export const POST_CLIENT_AUTH = { type: 'body', fields: { client_id: '{{clientId}}', client_secret: '{{clientSecret}}' } } as const;

/** A form-encoded OAuth2 grant request to {{tokenUrl}}. */
export function oauth2Grant(fields: Record<string, string>, clientAuth: typeof BASIC_CLIENT_AUTH | typeof POST_CLIENT_AUTH) {
  return { method: 'POST', url: '{{tokenUrl}}', body: { encoding: 'form', fields }, clientAuth } as const;
}
