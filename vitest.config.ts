import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'main/**/*.test.ts', 'shared/**/*.test.ts'],
    environment: 'node',
    // Native SQLite in every worker: two cores here, so two forks.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
