// Reads a drizzle select one row at a time with better-sqlite3's iterate(), for exports that must
// never hold every matching row in memory. drizzle has no lazy reader of its own, so the query is
// built with drizzle (no SQL strings from input) and run here in raw mode: each row arrives as the
// values of the selected columns, in the order of the selection's keys, which drizzle keeps.
//
// While the iterator is open better-sqlite3 refuses writes on the same connection (reads are
// fine), so it is opened lazily on the first row and always closed: on the last row, on `break`,
// or when the consumer's generator is returned (an aborted download).
import type { Db } from './client.js';

type BuiltQuery = { toSQL(): { sql: string; params: unknown[] } };

export function* iterateRows<T>(db: Db, selection: Record<string, unknown>, query: BuiltQuery): Generator<T, void, undefined> {
  const keys = Object.keys(selection);
  const { sql, params } = query.toSQL();
  const values = db.$client.prepare(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>;
  try {
    for (const row of values) {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) record[keys[i]!] = row[i];
      yield record as T;
    }
  } finally {
    values.return?.();
  }
}
