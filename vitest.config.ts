import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Some server tests run the compiled server as production does: rebuilt first when stale.
    globalSetup: ['tests/e2e/support/build-server.ts'],
    pool: 'forks',
    testTimeout: 15_000,
  },
});
