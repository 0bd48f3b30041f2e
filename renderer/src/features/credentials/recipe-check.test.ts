import { describe, expect, it } from 'vitest';
import { findPreset, type TokenRequestRecipe } from '../../../../shared/recipe';
import { checkDraft, parseDraftJson, problemsAt, splitProblem } from './recipe-check';

const lemonway = findPreset('lemonway')!.recipe as TokenRequestRecipe;

describe('checkDraft', () => {
  it('accepts a valid recipe and flags names the environment lacks, by field', () => {
    const check = checkDraft(lemonway, ['baseUrl']);
    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([
      { field: 'tokenRequest.clientAuth.value', message: 'Uses {{apiKey}}, but this environment has no variable "apiKey".' },
    ]);
    expect(checkDraft(lemonway, ['baseUrl', 'apiKey']).problems).toEqual([]);
  });

  it('reports schema problems at the field that has them', () => {
    const broken = { ...lemonway, tokenRequest: { ...lemonway.tokenRequest, url: 'https://x/{{bad name}}', method: 'DELETE' } };
    const check = checkDraft(broken, []);
    expect(check.ok).toBe(false);
    expect(problemsAt(check.problems, 'tokenRequest.url')[0]).toContain('is not a variable name');
    expect(problemsAt(check.problems, 'tokenRequest.method')).toHaveLength(1);
    expect(problemsAt(check.problems, 'tokenRequest')).toHaveLength(2);
    expect(problemsAt(check.problems, 'tokenResponse')).toEqual([]);
  });
});

describe('helpers', () => {
  it('splits "(recipe): ..." into a whole-recipe problem', () => {
    expect(splitProblem('(recipe): Invalid input')).toEqual({ field: '', message: 'Invalid input' });
    expect(splitProblem('kind: Invalid')).toEqual({ field: 'kind', message: 'Invalid' });
  });

  it('turns broken JSON into a readable problem', () => {
    expect(parseDraftJson('{"a": 1}')).toEqual({ ok: true, draft: { a: 1 } });
    const bad = parseDraftJson('{"a": ');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatch(/^Not valid JSON: /);
  });
});
