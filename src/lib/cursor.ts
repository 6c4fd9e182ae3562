// Opaque keyset cursors. A cursor carries the sort key of the last row served (always ending in
// the primary key, so ties never skip or repeat a row) and a fingerprint of the query it belongs
// to, so a cursor replayed against other filters is refused instead of silently paging wrong.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { invalidParameter } from './problem.js';

const payloadSchema = z.object({
  v: z.literal(1),
  k: z.array(z.union([z.string(), z.number()])).min(1),
  q: z.string(),
});

/** The sort key a cursor carries: the last row's sort columns, primary key last. */
export type CursorKey = Array<string | number>;

export function queryFingerprint(query: Record<string, unknown>): string {
  const stable = JSON.stringify(Object.keys(query).sort().map((key) => [key, query[key]]));
  return createHash('sha256').update(stable).digest('base64url').slice(0, 16);
}

export function encodeCursor(key: CursorKey, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: key, q: fingerprint })).toString('base64url');
}

/** Returns the sort key in the cursor, or throws a 400 problem naming `cursor`. */
export function decodeCursor(cursor: string, fingerprint: string, keyLength: number): CursorKey {
  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidParameter('query', 'cursor', 'is not a cursor this API issued; pass next_cursor from a previous page unchanged');
  }
  if (payload.k.length !== keyLength) {
    throw invalidParameter('query', 'cursor', 'is not a cursor this API issued; pass next_cursor from a previous page unchanged');
  }
  if (payload.q !== fingerprint) {
    throw invalidParameter('query', 'cursor', 'was issued for a different query; keep the filters and sort of the first page when paging');
  }
  return payload.k;
}
