// Opens the SQLite database, sets the pragmas sitrep relies on, and applies the committed
// drizzle-kit migrations; installs the statement cache (statements.ts) on every connection.
// Everything above this file sees only the drizzle handle.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';
import { cacheStatements } from './statements.js';

export type { Db } from './db-type.js';
import type { Db } from './db-type.js';

/**
 * The committed migrations, found in the nearest folder above this module that has them: this
 * module runs from src/db/ (tsx, tests) and from dist/server.mjs (the bundle `npm start` serves).
 */
function findMigrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`No migrations folder above ${here}`);
  }
}

export const MIGRATIONS_FOLDER = findMigrationsFolder();

export type DatabaseHandle = { db: Db; sqlite: Database.Database; close: () => void };

export function openDatabase(url: string): DatabaseHandle {
  if (url !== ':memory:') mkdirSync(dirname(resolve(url)), { recursive: true });
  const sqlite = new Database(url);
  if (url !== ':memory:') {
    // WAL lets readers go on while a write commits. synchronous=FULL fsyncs the WAL at every
    // commit, so a write the API has acknowledged survives a power cut or a SIGKILL, not only a
    // process crash (NORMAL, WAL's usual pairing, may lose the last commits on power loss).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
  }
  sqlite.pragma('foreign_keys = ON');
  // A writer waits for another's write lock (another process's too) instead of failing with
  // SQLITE_BUSY; in WAL mode readers never wait.
  sqlite.pragma('busy_timeout = 5000');
  // 16 MiB of page cache (SQLite's default is 2): the upper levels of every index stay in it,
  // and the operating system's file cache, which is not the process's memory, keeps the rest
  // close. 64 MiB bought no measurable speed and cost as much in RSS (docs/PERFORMANCE.md).
  // Not mmap: mapped pages of a multi-gigabyte file would count against the process's RSS.
  sqlite.pragma('cache_size = -16384');
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  return { db, sqlite, close: () => sqlite.close() };
}

/**
 * A second connection to a database file, read-only, for reads that stay open across many turns
 * of the event loop (claim scans, src/store.ts). Its page cache is smaller: it walks rows once.
 */
export function openReadOnly(url: string): DatabaseHandle {
  const sqlite = new Database(url, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -8192');
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  return { db, sqlite, close: () => sqlite.close() };
}

/**
 * Gives SQLite's query planner statistics of tables that have none or whose size has changed
 * much since (`PRAGMA optimize`, as SQLite advises for a connection that stays open): with them it
 * drives a list by the rarer of two filters (a rare status in a common country) instead of
 * walking the common one. A full ANALYZE of a million events takes about 5 s, once.
 */
export function refreshPlannerStatistics(db: Db): void {
  db.$client.pragma('optimize=0x10002');
}

/**
 * Options for every drizzle write transaction (the API's writes, whose bodies await, begin the
 * same way in ./write-transaction.ts): BEGIN IMMEDIATE takes the write lock at the start, so a
 * transaction never reads under a shared lock and then fails to upgrade it (SQLITE_BUSY half-way);
 * another writer waits up to busy_timeout instead.
 */
export const WRITE_TRANSACTION = { behavior: 'immediate' } as const;

/**
 * Applies the migrations not yet applied. Processes that start together on a new file (a process
 * manager's cluster mode) all find none applied; drizzle's migrator reads that before it takes the
 * write lock, so every one but the first then fails on a table that now exists, and its
 * transaction is rolled back. Asked again, each finds the migrations applied and does nothing; a
 * migration that is itself broken fails every time, and its first error is thrown.
 */
export function migrateDatabase(db: Db): void {
  const attempts = 3;
  let firstError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      return;
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}
