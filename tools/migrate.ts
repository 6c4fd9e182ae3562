// `npm run db:migrate`: applies the committed migrations to DATABASE_URL and exits.
import { loadConfig } from '../src/config.js';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { runCli } from './cli.js';

await runCli(async () => {
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    migrateDatabase(handle.db);
    console.log(`Migrated ${config.databaseUrl}`);
  } finally {
    handle.close();
  }
});
