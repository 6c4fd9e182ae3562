// Shared pieces of every list endpoint: the `limit`/`cursor` parameters and the list envelope.
import { z } from 'zod';
import { decodeCursor, encodeCursor, type CursorKey } from './cursor.js';

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

const limitSchema = z.coerce
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be at least 1' })
  .max(MAX_LIMIT, { error: `must be at most ${MAX_LIMIT}` })
  .meta({ format: 'int32' });

const cursorSchema = z
  .string()
  .max(1024, { error: 'is not a cursor this API issued' })
  .optional()
  .describe('Opaque cursor from the previous page\'s `next_cursor`; omit for the first page.');

export const pageQuerySchema = {
  limit: limitSchema.default(DEFAULT_LIMIT).describe(`Page size, 1 to ${MAX_LIMIT}.`),
  cursor: cursorSchema,
};

/**
 * Paging of endpoints that also export files: JSON answers in pages (default 50), while CSV,
 * NDJSON and GeoJSON without `limit` return every matching row, streamed. With `limit`, every
 * format answers one page and names the next in a `Link: <…>; rel="next"` header.
 */
export const exportPageQuerySchema = {
  limit: limitSchema
    .optional()
    .describe(
      `Page size, 1 to ${MAX_LIMIT}. JSON pages hold ${DEFAULT_LIMIT} when it is omitted; CSV, NDJSON and GeoJSON without it return every matching row, streamed.`,
    ),
  cursor: cursorSchema,
};

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}

/** Splits a fetched `limit + 1` rows into the page and whether another page follows. */
export function splitPage<T>(rows: T[], limit: number): { page: T[]; more: boolean } {
  return rows.length > limit ? { page: rows.slice(0, limit), more: true } : { page: rows, more: false };
}

/**
 * One keyset page: checks `cursor` against the query's fingerprint, fetches `limit + 1` rows after
 * its key (none for the first page) and names the last row served as the next cursor, or null on
 * the last page. `fetch` turns the raw key back into its column values; `keyOf` must give the same
 * `arity` values in the same order, or the next cursor will not decode.
 */
export async function keysetPage<T>(options: {
  fingerprint: string;
  cursor: string | undefined;
  arity: number;
  limit: number;
  fetch: (after: CursorKey | undefined, count: number) => T[] | Promise<T[]>;
  keyOf: (row: T) => CursorKey;
}): Promise<{ page: T[]; nextCursor: string | null }> {
  const { fingerprint, cursor, arity, limit } = options;
  // An empty `cursor=` counts as none, as it always has: it asks for the first page.
  const after = cursor ? decodeCursor(cursor, fingerprint, arity) : undefined;
  const { page, more } = splitPage(await options.fetch(after, limit + 1), limit);
  return { page, nextCursor: more ? encodeCursor(options.keyOf(page.at(-1)!), fingerprint) : null };
}
