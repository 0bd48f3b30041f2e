import { describe, expect, it } from 'vitest';
import type { Credential } from '../../../shared/domain/credential';
import { holdsSecrets, namedHosts } from './named-hosts';

const credential = (url: string) => ({ recipe: { kind: 'token-request', tokenRequest: { url }, renewal: {} } }) as unknown as Pick<Credential, 'recipe'>;

describe('namedHosts', () => {
  it('takes the hosts of the credentials\' URLs and of the variables, sorted, once each', () => {
    const hosts = namedHosts([credential('{{baseUrl}}/token'), credential('https://auth.example.com:8443/t')], {
      baseUrl: { value: 'https://API.example.com', secret: false },
      other: { value: 'https://api.example.com/v2', secret: false },
      note: { value: 'not a url', secret: false },
    });
    expect(hosts).toEqual(['api.example.com', 'auth.example.com:8443']);
  });

  it('never takes a host that holds a secret value, since allowed hosts are shown in the window', () => {
    const hosts = namedHosts([credential('https://{{tenant}}.example.com/token')], {
      tenant: { value: 'Tenant-Secret-42', secret: true },
      tokenUrl: { value: 'https://auth.example.com/token', secret: true },
    });
    expect(hosts).toEqual(['auth.example.com']);
  });

  it('names nothing for a URL with an unknown variable', () => {
    expect(namedHosts([credential('https://{{missing}}.example.com')], {})).toEqual([]);
  });

  it('takes refresh URLs, ignores credentials without a token request, and sorts what it finds', () => {
    const refreshing = { recipe: { kind: 'token-request', tokenRequest: { url: 'https://z-auth.example.com/token' }, renewal: { refreshRequest: { url: 'https://b-refresh.example.com/r' } } } } as unknown as Pick<Credential, 'recipe'>;
    const staticKey = { recipe: { kind: 'static', token: '{{key}}' } } as unknown as Pick<Credential, 'recipe'>;
    expect(namedHosts([refreshing, staticKey], { late: { value: ' https://y.example.com ', secret: false }, early: { value: 'https://a.example.com', secret: false } })).toEqual([
      'a.example.com',
      'b-refresh.example.com',
      'y.example.com',
      'z-auth.example.com',
    ]);
  });

  it('leaves hosts that merely contain a plain value, or when a secret is empty', () => {
    const hosts = namedHosts([credential('https://eu.api.example.com/token')], {
      region: { value: 'eu', secret: false },
      unset: { value: '', secret: true },
    });
    expect(hosts).toEqual(['eu.api.example.com']);
  });
});

describe('holdsSecrets', () => {
  const variable = (secret: boolean, hint: string | null) => ({ name: 'v', value: '', secret, description: '', hint });

  it('is true when at least one secret variable has a stored value', () => {
    expect(holdsSecrets({ variables: [variable(false, null), variable(true, '••••')] })).toBe(true);
    expect(holdsSecrets({ variables: [variable(true, null), variable(false, '••••')] })).toBe(false);
    expect(holdsSecrets({ variables: [] })).toBe(false);
  });
});
