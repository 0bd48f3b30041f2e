import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../../shared/recipe';
import { hostsOutsideSuggestion } from './preset-hosts';

const landax = findPreset('landax')!;

describe('hostsOutsideSuggestion', () => {
  it('is quiet when the typed address is covered, exactly or by a wildcard', () => {
    expect(hostsOutsideSuggestion(landax.variables, { baseUrl: 'https://acme.landax.no' }, ['*.landax.no'])).toEqual([]);
    expect(hostsOutsideSuggestion(landax.variables, { baseUrl: 'https://api.lengow.io' }, ['api.lengow.io'])).toEqual([]);
  });

  it('names a typed host the suggestion would refuse', () => {
    expect(hostsOutsideSuggestion(landax.variables, { baseUrl: 'http://127.0.0.1:4100', clientId: 'not a url' }, ['*.landax.no'])).toEqual(['127.0.0.1']);
  });

  it('says nothing when there is no suggestion (every host allowed) or the value is not a URL', () => {
    expect(hostsOutsideSuggestion(landax.variables, { baseUrl: 'http://127.0.0.1:4100' }, [])).toEqual([]);
    expect(hostsOutsideSuggestion(landax.variables, { baseUrl: 'acme' }, ['*.landax.no'])).toEqual([]);
  });
});
