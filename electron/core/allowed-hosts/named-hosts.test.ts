import { describe, expect, it } from 'vitest';
import type { Credential } from '../../../shared/domain/credential';
import { namedHosts } from './named-hosts';

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
});
