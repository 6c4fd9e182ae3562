// Two ways to read many rows without holding them all. `pagedRows` reads keyset pages of a few
// hundred rows, one short query each, for exports that stream across many event-loop turns: an
// open better-sqlite3 iterator would make the connection refuse every write until the download
// ends. `iterateRows` reads a drizzle select one row at a time with iterate(), for a consumer
// that reads it to the end synchronously (the statistics), where no write can interleave. drizzle has no lazy reader of its own, so the query is
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

export const PAGE_ROWS = 500;

/**
 * Every row of a keyset-ordered query, a page at a time: `page(after, limit)` returns the rows
 * following the position `after` (undefined for the first page), and `positionOf` gives a row's
 * position. Rows written meanwhile are seen or not according to where they sort, never twice.
 */
export async function* pagedRows<T, P>(
  page: (after: P | undefined, limit: number) => Promise<T[]>,
  positionOf: (row: T) => P,
  limit = PAGE_ROWS,
): AsyncGenerator<T, void, undefined> {
  let after: P | undefined;
  for (;;) {
    const rows = await page(after, limit);
    yield* rows;
    if (rows.length < limit) return;
    after = positionOf(rows[rows.length - 1]!);
  }
}
