// Serves the explorer, the page at / (explorer/, built into dist/explorer by
// scripts/build-explorer.mjs), from memory: index.html revalidated on every load (its ETag answers
// 304), and the content-hashed script, stylesheet and base map under /explorer/ kept for a year.
// The page reads its state from its own URL and fetches only the public API; the server adds
// nothing to it. Its security headers are set by the security plugin (`isExplorer`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import { ProblemError } from '../lib/problem.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** dist/explorer in the nearest folder above this module that has one (src/plugins, or dist/ when bundled). */
function findExplorerBuild(): string | null {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'dist', 'explorer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

type Asset = { body: Buffer; type: string };

function readBuild(folder: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(folder)) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    if (type) assets.set(name, { body: readFileSync(join(folder, name)), type });
  }
  return assets;
}

export default fp(
  async (app) => {
    const folder = findExplorerBuild();
    if (!folder) throw new Error('The explorer is not built (no dist/explorer/index.html): run `npm run build`, which `npm start` runs first.');
    const assets = readBuild(folder);
    const page = assets.get('index.html')!;

    app.get('/', { schema: { hide: true }, config: { cachePolicy: 'revalidate' } }, async (_request, reply) => reply.type(page.type).send(page.body));
    app.get<{ Params: { file: string } }>('/explorer/:file', { schema: { hide: true }, config: { cachePolicy: 'immutable' } }, async (request, reply) => {
      const asset = request.params.file === 'index.html' ? undefined : assets.get(request.params.file);
      if (!asset) throw new ProblemError('SITREP_NOT_FOUND', `No explorer file ${request.params.file}; the page at / names the current ones.`);
      return reply.type(asset.type).send(asset.body);
    });
  },
  { name: 'explorer', dependencies: ['http-cache'] },
);
