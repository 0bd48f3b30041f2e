import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../../shared/ipc/domains/portability';
import { count, exportedSentence, importedItemText, importedSentence, secretsWithoutValueSentence } from './wording';

const emptyImport: ImportSummary = { imported: true, format: 'postman', environments: [], credentials: [], skippedVariables: [], secretsWithoutValue: 0, collections: [], requests: 0, notMapped: [], secretsMoved: 0 };

describe('portability wording', () => {
  it('counts in the singular and the plural', () => {
    expect(count(1, 'environment')).toBe('1 environment');
    expect(count(0, 'credential')).toBe('0 credentials');
    expect(count(2, 'environment')).toBe('2 environments');
  });

  it('names the file an export went to', () => {
    expect(exportedSentence({ saved: true, fileName: 'x.json', environments: 2, credentials: 1, secretsIncluded: false })).toBe(
      'Exported 2 environments and 1 credential to x.json.',
    );
  });

  it('counts only what was imported, and says where it came from', () => {
    const summary: ImportSummary = {
      ...emptyImport,
      format: 'tokenbench',
      environments: [
        { name: 'Sandbox', importedAs: 'Sandbox (imported)' },
        { name: 'Prod', importedAs: null, skipped: 'an environment with this name already exists' },
      ],
    };
    expect(importedSentence(summary)).toBe('Imported 1 environment and 0 credentials from a Tokenbench export.');
    expect(importedSentence({ ...summary, environments: [summary.environments[1]!] })).toBe('Nothing was imported from a Tokenbench export.');
    expect(importedSentence({ ...summary, format: 'postman-collection', requests: 10 })).toBe('Imported 1 environment, 0 credentials and 10 saved requests from a Postman collection.');
  });

  it('says when an item was renamed, and not when it kept its name', () => {
    expect(importedItemText({ name: 'Sandbox', importedAs: 'Sandbox' })).toBe('Sandbox');
    expect(importedItemText({ name: 'Sandbox', importedAs: 'Sandbox (imported)' })).toBe('Sandbox as “Sandbox (imported)”: the name was taken');
  });

  it('mentions secrets without a value only when there are some', () => {
    expect(secretsWithoutValueSentence(0)).toBeNull();
    expect(secretsWithoutValueSentence(1)).toBe('1 secret variable has no value yet: set it before use.');
    expect(secretsWithoutValueSentence(3)).toBe('3 secret variables have no value yet: set them before use.');
  });
});
