import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['src/**/*.test.ts', 'corpus/**/*.test.ts', 'lessons/**/*.test.ts'], environment: 'node' },
});
