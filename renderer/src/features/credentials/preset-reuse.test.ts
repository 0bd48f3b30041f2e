/** The preset form's view of the workspace: what to share, where a name clashes, what to ask. */
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../../../shared/domain/credential';
import { environmentSchema, type Environment } from '../../../../shared/domain/environment';
import { findPreset } from '../../../../shared/recipe';
import { nameClash, presetFields, shareableCredentials } from './preset-reuse';

const lemonway = findPreset('lemonway')!;
const env = (id: string, name: string, variables: Environment['variables'] = []): Environment =>
  environmentSchema.parse({ id, name, production: false, variables, allowedHosts: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
const sandbox = env('env-sandbox', 'Lemonway sandbox');
const prod = env('env-prod', 'Lemonway prod');
const credential: Credential = { id: 'cred-1', name: 'Lemonway', presetId: 'lemonway', recipe: lemonway.recipe, environmentIds: [sandbox.id], createdAt: '', updatedAt: '' };

describe('preset form and the rest of the workspace', () => {
  it('offers the credential from the same preset in another environment, not in its own', () => {
    expect(shareableCredentials([credential], 'lemonway', prod.id)).toEqual([credential]);
    expect(shareableCredentials([credential], 'lemonway', sandbox.id)).toEqual([]);
    expect(shareableCredentials([credential], 'lengow', prod.id)).toEqual([]);
  });

  it('names the environment where a clashing name is used, whatever its case', () => {
    expect(nameClash([credential], [sandbox, prod], ' lemonway ')).toBe('A credential called "Lemonway" already exists, used in "Lemonway sandbox". Pick another name.');
    expect(nameClash([credential], [sandbox, prod], 'Lemonway prod')).toBeNull();
  });

  it('asks only for the values the environment lacks', () => {
    const withKey = env('env-3', 'Half set', [{ name: 'apiKey', value: '', secret: true, hint: '••••0001', description: '' }]);
    const fields = presetFields(lemonway, withKey);
    expect(fields.toAsk.map((v) => v.name)).toEqual(['baseUrl']);
    expect(fields.alreadySet.map((v) => v.name)).toEqual(['apiKey']);
    expect(presetFields(lemonway, prod).toAsk.map((v) => v.name)).toEqual(['baseUrl', 'apiKey']);
  });
});
