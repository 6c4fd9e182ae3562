// `npm run keys:create -- --name <who> --role editor|admin`, `keys:list`, `keys:revoke -- <id>`:
// API keys for DATABASE_URL. A new key is printed once; only its hash is stored.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { KEY_ROLES, type KeyRole } from '../src/domain/vocabulary.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../src/modules/keys/keys.repository.js';
import { CliError, runCli } from './cli.js';

const USAGE = 'usage: keys create --name <who> --role editor|admin | keys list | keys revoke <key id>';

await runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args,
    options: { name: { type: 'string' }, role: { type: 'string' } },
    allowPositionals: true,
  });
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    migrateDatabase(handle.db);
    if (command === 'create') {
      const name = values.name?.trim();
      if (!name) throw new CliError(`--name is required. ${USAGE}`);
      if (!KEY_ROLES.includes(values.role as KeyRole)) throw new CliError(`--role must be one of: ${KEY_ROLES.join(', ')}. ${USAGE}`);
      const { row, key } = createApiKey(handle.db, { name, role: values.role as KeyRole });
      console.error(`Created ${row.role} key ${row.id} for "${row.name}". It is shown only now; store it safely:`);
      console.log(key);
    } else if (command === 'list') {
      for (const row of listApiKeys(handle.db)) {
        console.log([row.id, row.role, row.revokedAt ? `revoked ${row.revokedAt}` : 'active', `created ${row.createdAt}`, row.name].join('\t'));
      }
    } else if (command === 'revoke') {
      const id = positionals[0];
      if (!id) throw new CliError(`A key id is required. ${USAGE}`);
      const row = revokeApiKey(handle.db, id);
      if (!row) throw new CliError(`No API key has the id ${JSON.stringify(id)}.`);
      console.log(`Revoked ${row.id} ("${row.name}") at ${row.revokedAt}.`);
    } else {
      throw new CliError(USAGE);
    }
  } finally {
    handle.close();
  }
});
