import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/**/*.test.ts'],
    globalSetup: ['spec/temp-root.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
