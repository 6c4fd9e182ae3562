// The drizzle handle every repository takes, on its own so that client.ts and the statement cache
// it installs (statements.ts) can both name it without importing each other.
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
