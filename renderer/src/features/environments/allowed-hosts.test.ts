import { describe, expect, it } from 'vitest';
import { checkAllowedHost } from './allowed-hosts';

describe('checkAllowedHost', () => {
  it('accepts hosts, wildcards and host:port, normalised to lower case', () => {
    expect(checkAllowedHost(' API.Example.com ', [])).toEqual({ ok: true, host: 'api.example.com' });
    expect(checkAllowedHost('*.landax.no', [])).toEqual({ ok: true, host: '*.landax.no' });
    expect(checkAllowedHost('127.0.0.1:8443', [])).toEqual({ ok: true, host: '127.0.0.1:8443' });
  });

  it('explains what to drop from a pasted URL', () => {
    const check = checkAllowedHost('https://api.example.com/v1', []);
    expect(check).toEqual({ ok: false, problem: expect.stringContaining('type api.example.com') });
  });

  it('refuses paths, empty input, bad ports and repeats with a reason', () => {
    expect(checkAllowedHost('api.example.com/v1', [])).toMatchObject({ ok: false, problem: expect.stringContaining('no scheme, no path') });
    expect(checkAllowedHost('   ', [])).toMatchObject({ ok: false });
    expect(checkAllowedHost('localhost:70000', [])).toEqual({ ok: false, problem: 'Port 70000 is out of range (1-65535).' });
    expect(checkAllowedHost('API.example.com', ['api.example.com'])).toEqual({ ok: false, problem: 'api.example.com is already in the list.' });
  });
});
