import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // 2 cores here; the PDF and browser suites are heavy.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
