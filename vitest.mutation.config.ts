import { defineConfig } from 'vitest/config';

// The direct tests of the security modules, for mutation testing (stryker.config.mjs): each
// module must be pinned down by its own tests, not by end-to-end canaries where layers overlap.
export default defineConfig({
  test: {
    include: [
      'electron/core/engine/redact.test.ts',
      'electron/core/runner/mask.test.ts',
      'electron/core/runner/response-body.test.ts',
      'shared/domain/allowed-hosts.test.ts',
      'electron/core/engine/read-response.test.ts',
      'electron/core/vault/cipher.test.ts',
      'electron/core/engine/guard.test.ts',
      'electron/core/engine/timestamp.test.ts',
      'electron/core/store/durable-write.test.ts',
      'electron/core/allowed-hosts/named-hosts.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
