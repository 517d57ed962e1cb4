import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned servers (stdio, HTTP) need a little longer than pure unit tests on a shared 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two test files at a time even on 2 cores, where vitest's default (one fewer than the cores) runs them one by
    // one: much of the suite waits on child processes, PostgreSQL and Chromium rather than using a core. On this
    // 2-core machine `npm test` took 580 s with two at a time against 764–865 s one at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
