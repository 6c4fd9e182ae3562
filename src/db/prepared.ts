// Queries prepared once per database and reused. Building a query with drizzle's builder costs
// more than running an indexed read, so the fixed-shape queries of hot paths (an event and its
// facts) are built once, with placeholders, the first time a database runs them.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';

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
