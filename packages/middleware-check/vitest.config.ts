import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Each test starts real servers (Node processes, nginx): one file at a time, generous timeouts.
  test: { include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
