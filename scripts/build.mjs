// `npm run build` (and `npm start`, before it serves): bundles src/server.ts and everything it
// imports into dist/server.mjs with esbuild. One file parsed at start-up instead of about 700
// modules resolved one by one takes about a third off the time to /readyz (README, Performance).
// Left outside the bundle, loaded from node_modules as usual: better-sqlite3 (a native addon),
// Swagger UI (it serves files from its own folder) and pino (it can start worker threads by file).
// Not minified, so stack traces in the logs keep their function names.
// Written to a temporary file and renamed, so a server starting meanwhile never reads half a file.
// Then the explorer, the page at / (scripts/build-explorer.mjs), into dist/explorer.
import { renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildExplorer } from './build-explorer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/server.mjs`;
const temporary = `${outfile}.${process.pid}.tmp`;

await build({
  absWorkingDir: root,
  entryPoints: ['src/server.ts'],
  outfile: temporary,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', '@fastify/swagger-ui', 'pino'],
  // Bundled CommonJS packages call require(); an ES module has to make it.
  banner: { js: "import { createRequire as sitrepCreateRequire } from 'node:module'; const require = sitrepCreateRequire(import.meta.url);" },
  logLevel: 'error',
});
renameSync(temporary, outfile);

await buildExplorer(root);
