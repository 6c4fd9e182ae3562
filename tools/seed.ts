// `npm run db:seed`: migrates DATABASE_URL and loads the curated seed dataset. Idempotent.
import { seedDatabase } from '../seed/seed.js';
import { loadConfig } from '../src/config.js';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { runCli } from './cli.js';

await runCli(async () => {
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    migrateDatabase(handle.db);
    const summary = await seedDatabase(handle.db);
    console.log(`Seeded ${config.databaseUrl}: ${summary.inserted} records inserted, ${summary.unchanged} already present`);
  } finally {
    handle.close();
  }
});
