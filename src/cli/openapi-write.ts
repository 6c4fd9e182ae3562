// `npm run openapi:write`: regenerates openapi.yaml from the routes' zod schemas.
import { writeFileSync } from 'node:fs';
import { generateOpenApiYaml, OPENAPI_PATH } from '../openapi-document.js';
import { runCli } from './run.js';

await runCli(async () => {
  writeFileSync(OPENAPI_PATH, await generateOpenApiYaml());
  console.log(`Wrote ${OPENAPI_PATH}`);
});
