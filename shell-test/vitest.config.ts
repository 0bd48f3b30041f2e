import { defineConfig } from 'vitest/config';

// The shell test loads the built bundles (`npm run build` first), so it runs apart from the
// unit tests: `npm run test:shell`, after the build in `npm test`.
export default defineConfig({
  test: {
    include: ['shell-test/**/*.shell.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Node loads the built bundles itself, exactly as built: the test runner does not transform them.
    server: { deps: { external: [/dist-electron\//] } },
  },
});
