import { configDefaults, defineConfig } from 'vitest/config';

// Two tiers, told apart by file name so no list needs editing. `fast` is the inner loop: app.inject()
// against a fresh in-memory database. `slow` is every `*.slow.test.ts`: files that start processes
// or servers, drive Chromium, LibreOffice, ogrinfo, pandas or an SDK generator, measure memory,
// generate synthetic databases, import the full Air Force file, fuzz every operation or sum
// thousands of claims. Their tests get minutes, not seconds: on a loaded 2-core machine the full
// import alone has taken 76 s.
// `npm test` runs both.
const SLOW = 'test/**/*.slow.test.ts';

export default defineConfig({
  test: {
    // Building better-sqlite3 apps is quick, but the real-HTTP tests start a whole server process.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The explorer's bundle, which every app serves at /, is built once before the tests.
    globalSetup: ['test/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, SLOW] } },
      { extends: true, test: { name: 'slow', include: [SLOW], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
