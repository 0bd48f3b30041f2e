/**
 * An environment variable of the Tokenbench process: what CI systems hand their jobs (masked
 * variables, injected secrets). Read at use, so a changed value is seen by the next run.
 */
import type { SecretReference } from '../../../shared/domain/secret-reference';
import { sourceError, type SecretSource } from './source';

type EnvironmentReference = Extract<SecretReference, { source: 'env' }>;

export const environmentSource: SecretSource<EnvironmentReference> = {
  name: 'env',
  describe: (reference) => `the environment variable ${reference.name}`,
  async read(reference, context) {
    const value = context.env[reference.name];
    if (value === undefined) throw sourceError('not-found', 'env', `${this.describe(reference)} is not set for Tokenbench.`, `Set ${reference.name} in the environment Tokenbench (or the CI job) starts in.`);
    if (value === '') throw sourceError('not-found', 'env', `${this.describe(reference)} is set but empty.`, `Give ${reference.name} a value.`);
    return value;
  },
};
