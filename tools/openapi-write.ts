// `npm run openapi:write`: regenerates openapi.yaml from the routes' zod schemas.
import { writeFileSync } from 'node:fs';
import { generateOpenApiYaml, OPENAPI_PATH } from '../src/openapi-document.js';
import { runCli } from './cli.js';

await runCli(async () => {
  writeFileSync(OPENAPI_PATH, await generateOpenApiYaml());
  console.log(`Wrote ${OPENAPI_PATH}`);
});
