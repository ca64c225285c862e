import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two shared cores on CI: fuzzing and LibreOffice tests take seconds, not milliseconds.
    testTimeout: 30_000,
  },
});
