// Runs once before any test file: builds the explorer (dist/explorer), which every app serves at /.
// `npm start` builds it the same way (scripts/build.mjs).
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module without types, shared with scripts/build.mjs.
import { buildExplorer } from '../scripts/build-explorer.mjs';

export default async function setup(): Promise<void> {
  await buildExplorer(fileURLToPath(new URL('..', import.meta.url)));
}
