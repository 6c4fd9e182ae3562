import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Building better-sqlite3 apps is quick, but the real-HTTP test starts a whole server process.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
