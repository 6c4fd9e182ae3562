// The statement cache, one per connection, in two layers. SQLite's prepare costs more than most
// of sitrep's indexed reads, and drizzle's query builder costs more still:
// - `cacheStatements`, installed on every connection by client.ts, keeps the SQLite statements
//   drizzle prepares, by SQL text (least recently used dropped first). It replaces the
//   connection's `prepare`, the one call drizzle's better-sqlite3 driver makes for every query.
// - `preparedPer` keeps a hot fixed-shape query (an event and its facts, the change counter)
//   built once per connection with placeholders, so neither layer of cost is paid again.
import type Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './db-type.js';

/** How many prepared statements a connection keeps for reuse. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares a new statement for every query it runs, and SQLite's prepare costs more than
 * most of sitrep's indexed reads, so each connection keeps its statements by SQL text (least
 * recently used dropped first). A statement still busy in an open iterator (an export) is not
 * shared: the caller gets a fresh one.
 */
export function cacheStatements(sqlite: Database.Database, capacity = STATEMENT_CACHE_SIZE): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      // Modes stick to a statement; put back the defaults its previous user may have changed.
      if (cached.reader) cached.pluck(false).expand(false).raw(false);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as Database.Database['prepare'];
}

/** `build(db)`, made once per database and kept for as long as that database lives. */
export function preparedPer<T>(build: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let prepared = byDb.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      byDb.set(db, prepared);
    }
    return prepared;
  };
}

/**
 * A placeholder for a list of values, bound as one JSON array: `column IN (…)` with a list of any
 * length stays one prepared statement. Pass the values through `jsonList`.
 */
export function listPlaceholder(name: string): SQL {
  return sql`(SELECT value FROM json_each(${sql.placeholder(name)}))`;
}

export const jsonList = (values: readonly string[]): string => JSON.stringify(values);
