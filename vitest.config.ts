import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned servers (stdio, HTTP) need a little longer than pure unit tests on a shared 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
