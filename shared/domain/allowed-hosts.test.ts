import { describe, expect, it } from 'vitest';
import { httpUrlOf, isHostAllowed } from './allowed-hosts';

const allowed = (url: string, hosts: string[]) => isHostAllowed(new URL(url), hosts);

describe('allowed hosts', () => {
  it('matches a plain host name on any port and scheme, in any case and with spaces around the entry', () => {
    expect(allowed('https://api.example.com/v1', ['api.example.com'])).toBe(true);
    expect(allowed('http://API.Example.COM:8080/', [' Api.Example.com '])).toBe(true);
    expect(allowed('https://api.example.com.evil.net/', ['api.example.com'])).toBe(false);
    expect(allowed('https://evilapi.example.com/', ['api.example.com'])).toBe(false);
    expect(allowed('https://example.com/', ['api.example.com'])).toBe(false);
  });

  it('lets a wildcard admit subdomains only, never the bare domain or a foreign host', () => {
    const hosts = ['*.landax.no'];
    expect(allowed('https://api.landax.no/', hosts)).toBe(true);
    expect(allowed('https://a.b.landax.no/', hosts)).toBe(true);
    expect(allowed('https://landax.no/', hosts)).toBe(false);
    expect(allowed('https://evillandax.no/', hosts)).toBe(false);
    expect(allowed('https://evil.example.com/', hosts)).toBe(false);
    expect(allowed('https://a-very-long-foreign-host-name.example.com/', hosts)).toBe(false);
    expect(allowed('https://landax.no.evil.com/', hosts)).toBe(false);
    expect(allowed('https://API.LANDAX.NO/', ['*.Landax.No'])).toBe(true);
    expect(allowed('https://a.landax.no/', hosts)).toBe(true);
    expect(allowed('http://.landax.no/', hosts)).toBe(false);
    expect(allowed('https://a.landax.no.example.org/', hosts)).toBe(false);
    expect(allowed('https://landax.no/', ['*.'])).toBe(false);
  });

  it('holds host:port to that port, counting the scheme\'s default port', () => {
    expect(allowed('https://host.example/', ['host.example:443'])).toBe(true);
    expect(allowed('https://host.example:443/', ['host.example:443'])).toBe(true);
    expect(allowed('http://host.example/', ['host.example:443'])).toBe(false);
    expect(allowed('http://host.example/', ['host.example:80'])).toBe(true);
    expect(allowed('https://host.example/', ['host.example:80'])).toBe(false);
    expect(allowed('http://127.0.0.1:8443/', ['127.0.0.1:8443'])).toBe(true);
    expect(allowed('http://127.0.0.1:8444/', ['127.0.0.1:8443'])).toBe(false);
    expect(allowed('http://127.0.0.1:8443/', ['127.0.0.1'])).toBe(true);
    expect(allowed('http://host.example:8080/', ['host.example:80'])).toBe(false);
    expect(allowed('http://host.example:80/', ['host.example:8080'])).toBe(false);
    expect(allowed('https://host.example:8443/', [' Host.Example:8443 '])).toBe(true);
    expect(allowed('http://host.example/', ['host.example:'])).toBe(false);
  });

  it('reads a bracketed IPv6 address as a host, not as host:port', () => {
    expect(allowed('http://[::1]:3000/', ['[::1]'])).toBe(true);
    expect(allowed('http://[::1]:3000/', ['[::1]:3000'])).toBe(true);
    expect(allowed('http://[::1]:3001/', ['[::1]:3000'])).toBe(false);
  });

  it('ignores blank entries and needs one entry to match', () => {
    expect(allowed('https://api.example.com/', ['', '  '])).toBe(false);
    expect(allowed('https://api.example.com/', ['other.example', 'api.example.com'])).toBe(true);
    expect(allowed('https://api.example.com/', ['other.example', '*.other.example'])).toBe(false);
  });

  it('allows any host when the list is empty', () => {
    expect(allowed('https://anything.example/', [])).toBe(true);
  });
});

describe('httpUrlOf', () => {
  it('returns http(s) URLs only', () => {
    expect(httpUrlOf('https://api.example.com/x')?.hostname).toBe('api.example.com');
    expect(httpUrlOf('http://localhost:1')?.port).toBe('1');
    expect(httpUrlOf('ftp://files.example.com')).toBeNull();
    expect(httpUrlOf('not a url')).toBeNull();
  });
});
