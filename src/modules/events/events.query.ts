// The event list's query path, shared by /v1/events, /v1/timeline and the statistics: validated
// parameters → repository filter → keyset page or streamed export.
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/schema.js';
import { decodeCursor, queryFingerprint, type CursorKey } from '../../lib/cursor.js';
import { toFtsQuery } from '../../lib/fts.js';
import { DEFAULT_LIMIT, keysetPage } from '../../lib/pagination.js';
import { invalidParameter } from '../../lib/problem.js';
import { exclusiveUpper, lowerInstant } from '../../lib/time.js';
import { placeFilterFromQuery } from '../places/places.schemas.js';
import { presentEvent } from './events.present.js';
import { iterateEvents, listEvents, placesOfEvents, type EventFilter, type EventListFilter } from './events.repository.js';
import type { EventWire, ListEventsQuery } from './events.schemas.js';

/**
 * Turns validated query parameters into a repository filter, rejecting combinations zod cannot
 * see. Dates in `from`/`to` are whole days in the reader's `tz`, so the first and last buckets of
 * the timeline and the statistics are whole.
 */
export function eventFilterFromQuery(query: Omit<ListEventsQuery, 'limit' | 'cursor' | 'sort' | 'tz' | 'range'> & { range?: ListEventsQuery['range'] }, timezone: string): EventFilter {
  const from = query.from && lowerInstant(query.from, timezone);
  const toExclusive = query.to && exclusiveUpper(query.to, timezone);
  if (from && toExclusive && from >= toExclusive) {
    throw invalidParameter('query', 'from', 'must be earlier than `to`');
  }
  let match: string | undefined;
  if (query.q !== undefined) {
    match = toFtsQuery(query.q) ?? undefined;
    if (!match) throw invalidParameter('query', 'q', 'must contain at least one letter or digit');
  }
  const places = placeFilterFromQuery(query);
  return {
    from,
    toExclusive,
    ...(query.range === 'overlaps' && { overlaps: true }),
    ...(places && { places }),
    kinds: query.kind,
    statuses: query.status,
    actorId: query.actor,
    country: query.country,
    sourceId: query.source,
    match,
  };
}

/**
 * The fingerprint of a list query, and its repository filter and order from a cursor's key on.
 * The filter is built only after the cursor is checked, so a bad cursor is the error reported first.
 */
function eventListPlan(query: ListEventsQuery) {
  const { limit: _limit, cursor: _cursor, sort, tz: timezone, ...filters } = query;
  // The zone changes the result set only through date bounds, so only then is it part of the query.
  const zoneMatters = Boolean(filters.from?.dateOnly || filters.to?.dateOnly);
  return {
    fingerprint: queryFingerprint({ ...filters, from: filters.from?.input, to: filters.to?.input, sort, timezone: zoneMatters ? timezone : undefined }),
    filter: (key: CursorKey | undefined): Omit<EventListFilter, 'limit'> => ({
      ...eventFilterFromQuery(filters, timezone),
      order: sort === 'start_at' ? 'asc' : 'desc',
      after: key ? { startAt: String(key[0]), id: String(key[1]) } : undefined,
    }),
  };
}

/** One keyset page of events for a list query (`limit` defaults to 50); shared by /v1/events and /v1/timeline. */
export async function listEventPage(
  db: Db,
  query: ListEventsQuery,
): Promise<{ page: EventRow[]; nextCursor: string | null }> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const { fingerprint, filter } = eventListPlan(query);
  return keysetPage({
    fingerprint,
    cursor: query.cursor,
    arity: 2,
    limit,
    fetch: (key, count) => listEvents(db, { ...filter(key), limit: count }),
    keyOf: (event) => [event.startAt, event.id],
  });
}

/**
 * The events an export writes: with `limit`, one page (and the cursor of the next); without,
 * every matching event from the cursor on, read lazily from the database when the body starts.
 */
export async function eventsToExport(
  db: Db,
  query: ListEventsQuery,
): Promise<{ rows: () => Iterable<EventRow> | AsyncIterable<EventRow>; nextCursor: string | null; stream: boolean }> {
  if (query.limit !== undefined) {
    const { page, nextCursor } = await listEventPage(db, query);
    return { rows: () => page, nextCursor, stream: false };
  }
  const { fingerprint, filter } = eventListPlan(query);
  // Built now, not when the body starts, so a bad parameter is still a 400.
  const streamed = filter(query.cursor ? decodeCursor(query.cursor, fingerprint, 2) : undefined);
  return { rows: () => iterateEvents(db, streamed), nextCursor: null, stream: true };
}

/** Events as the API shows them, with their places (one query for the batch). */
export async function presentEvents(db: Db, rows: EventRow[]): Promise<EventWire[]> {
  const places = await placesOfEvents(db, rows.map((r) => r.id));
  return rows.map((row) => presentEvent(row, places.get(row.id)!));
}
