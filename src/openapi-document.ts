// Generates the OpenAPI document exactly as the running app serves it, for the committed
// openapi.yaml and the test that keeps the two equal.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';

export const OPENAPI_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../openapi.yaml');

export async function generateOpenApiYaml(): Promise<string> {
  // The explorer's routes are not in the document; without them it needs no build first.
  const app = await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', explorer: false });
  try {
    await app.ready();
    return app.swagger({ yaml: true });
  } finally {
    await app.close();
  }
}
