// The database as a fastify plugin: opened and migrated when the app starts, closed with it.
import fp from 'fastify-plugin';
import { migrateDatabase, openDatabase, type Db } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export type DbPluginOptions = { databaseUrl: string };

export default fp<DbPluginOptions>(
  async (app, opts) => {
    const handle = openDatabase(opts.databaseUrl);
    try {
      migrateDatabase(handle.db);
    } catch (error) {
      handle.close();
      throw error;
    }
    app.decorate('db', handle.db);
    app.addHook('onClose', async () => handle.close());
  },
  { name: 'db' },
);
