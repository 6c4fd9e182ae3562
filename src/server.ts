// Starts sitrep: parse the environment, build the app on a migrated database, load the curated seed
// dataset into it (idempotent), listen, and close cleanly on SIGINT/SIGTERM so in-flight requests
// finish and the database is released. Seeding is the server's start-up, not buildApp's: tests and
// tools build apps on databases that must stay as they made them.
import closeWithGrace from 'close-with-grace';
import { seedDatabase } from '../seed/seed.js';
import { buildApp } from './app.js';
import { refreshPlannerStatistics } from './db/client.js';
import { ConfigError, loadConfig } from './config.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const app = await buildApp({
  databaseUrl: config.databaseUrl,
  logLevel: config.logLevel,
  requireKeyForReads: config.requireKeyForReads,
  responseCacheMb: config.responseCacheMb,
  checkResponses: config.checkResponses,
  publicBaseUrl: config.publicBaseUrl,
  http: config.http,
});
app.log.info({ seed: await seedDatabase(app.db) }, 'seed dataset loaded');
refreshPlannerStatistics(app.db);

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an error');
  else app.log.info({ signal }, 'closing');
  await app.close();
});

try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  app.log.error({ err }, 'could not listen');
  process.exit(1);
}
