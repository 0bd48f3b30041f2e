import { defineConfig } from 'vitest/config';

// Unit and integration tests sit next to the code (`*.test.ts`). Kept apart from vite.config.ts
// so that running tests never triggers the Electron build plugin.
export default defineConfig({
  test: {
    include: ['*.test.ts', 'electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'testing/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
