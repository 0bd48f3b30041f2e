/**
 * The auth blocks of Postman, Insomnia and Bruno hold the same things under different field
 * names. Each reader describes its tool's names once (an `AuthDialect`) and hands over the block
 * as text fields; `readAuthBlock` turns any of them into the one neutral `ForeignAuth` that
 * `recipeFor` (foreign-auth.ts) makes a recipe of.
 */
import type { ForeignAuth } from './foreign-auth';

/** One auth block of a file, its values as text. */
export interface AuthBlock {
  /** The tool's name for the auth type (`bearer`, `oauth2`, `noauth`, ...). */
  type: string;
  get(field: string): string;
  has(field: string): boolean;
}

/** A field whose value picks one of two ways: `value` means `then`, anything else the other way. */
interface Choice<T extends string> {
  field: string;
  value: string;
  then: T;
}

/**
 * Where a tool's names differ. The rest they share: `token`, `username`, `password`, `key`,
 * `value`, `accessTokenUrl`, `clientId`, `clientSecret`, `scope`, `audience`, `resource` (Bruno's
 * parser gives its fields these names too).
 */
export interface AuthDialect {
  /** The type name that means "no auth" (`noauth` in Postman). */
  none: string;
  /** The OAuth 2.0 grant's field (`grant_type`, `grantType`). */
  grant: string;
  /** A bearer block's own prefix field, if the tool has one. */
  bearerPrefix?: string;
  /** Where an API key goes: the field, and its values for the query and (if any) a cookie. */
  apiKeyPlacement: { field: string; query: string; cookie?: string };
  clientAuth: Choice<'basic' | 'body'>;
  /** Absent: the token always goes in the Authorization header. */
  addTo?: Choice<'query'>;
  headerPrefix: string;
  /** Postman writes an empty prefix to send the bare token; the others mean the default. */
  emptyPrefixIsNone?: boolean;
  queryName?: string;
  /** Fields whose values are not imported (tokens saved in the file), with the note that says so. */
  leftOut: Array<{ fields: string[]; note: string }>;
}

export function readAuthBlock(block: AuthBlock, dialect: AuthDialect, note: (what: string) => void): ForeignAuth {
  const { get } = block;
  const optional = (field: string | undefined) => (field && get(field) ? get(field) : undefined);
  const choose = <T extends string, U extends string>(choice: Choice<T>, otherwise: U): T | U => (get(choice.field) === choice.value ? choice.then : otherwise);
  switch (block.type) {
    case dialect.none:
      return { type: 'none' };
    case 'inherit':
      return { type: 'inherit' };
    case 'bearer': {
      const prefix = optional(dialect.bearerPrefix);
      return { type: 'bearer', token: get('token'), ...(prefix ? { prefix } : {}) };
    }
    case 'basic':
      return { type: 'basic', username: get('username'), password: get('password') };
    case 'apikey': {
      const { field, query, cookie } = dialect.apiKeyPlacement;
      const placement = get(field);
      return { type: 'apikey', name: get('key') || 'X-Api-Key', value: get('value'), in: placement === query ? 'query' : cookie !== undefined && placement === cookie ? 'cookie' : 'header' };
    }
    case 'oauth2': {
      for (const { fields, note: what } of dialect.leftOut) if (fields.some((field) => get(field) !== '')) note(what);
      const prefix = block.has(dialect.headerPrefix) && (dialect.emptyPrefixIsNone || get(dialect.headerPrefix) !== '') ? get(dialect.headerPrefix) : undefined;
      const queryName = optional(dialect.queryName);
      return {
        type: 'oauth2',
        grant: get(dialect.grant) || 'authorization_code',
        tokenUrl: get('accessTokenUrl'),
        clientId: get('clientId'),
        clientSecret: get('clientSecret'),
        scope: get('scope'),
        username: get('username'),
        password: get('password'),
        ...(optional('audience') ? { audience: get('audience') } : {}),
        ...(optional('resource') ? { resource: get('resource') } : {}),
        clientAuth: choose(dialect.clientAuth, dialect.clientAuth.then === 'basic' ? 'body' : 'basic'),
        addTo: dialect.addTo ? choose(dialect.addTo, 'header') : 'header',
        ...(prefix !== undefined ? { headerPrefix: prefix } : {}),
        ...(queryName ? { queryName } : {}),
      };
    }
    default:
      return { type: 'unsupported', name: block.type || 'unnamed' };
  }
}
