/** History rows lead with the path, the part that differs between requests. */
import { describe, expect, it } from 'vitest';
import { requestHost, requestPath } from './format';

describe('request URL parts', () => {
  it('splits the path and query from the host', () => {
    expect(requestPath('https://sandbox-api.lemonway.fr/v2/accounts/o_123abc?limit=2')).toBe('/v2/accounts/o_123abc?limit=2');
    expect(requestHost('https://sandbox-api.lemonway.fr/v2/accounts/o_123abc?limit=2')).toBe('sandbox-api.lemonway.fr');
  });

  it('shows a URL that does not parse whole, with no host', () => {
    expect(requestPath('{{baseUrl}}/orders')).toBe('{{baseUrl}}/orders');
    expect(requestHost('{{baseUrl}}/orders')).toBe('');
  });
});
