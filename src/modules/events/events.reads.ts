// What the routes may read about events, as one async interface: the seam a second database
// engine implements (SQLite's implementation below binds the query and repository functions to
// one connection). Routes reach it as `app.store.events` and never see the connection.
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/schema.js';
import type { CsvRow } from '../../lib/csv.js';
// Before events.as-of: schemas are listed in the OpenAPI document in the order their modules load.
import { eventsToExport, listEventPage, presentEvents } from './events.query.js';
import { eventAsOf } from './events.as-of.js';
import { acledRows } from './events.acled.js';
import { eventRowsWithHeadlines } from './events.export.js';
import { eventsAround, getEvent, getEventFacts, type EventFacts, type EventFilter } from './events.repository.js';
import type { EventWire, ListEventsQuery } from './events.schemas.js';

/** Every matching event of a list query: one page, or (`stream`) every match read as the body is sent. */
export type EventExportSource = { rows: () => Iterable<EventRow> | AsyncIterable<EventRow>; nextCursor: string | null; stream: boolean };

export interface EventReads {
  /** One keyset page of a list query (`limit` defaults to 50). */
  listPage(query: ListEventsQuery): Promise<{ page: EventRow[]; nextCursor: string | null }>;
  /** The events an export writes: with `limit` one page, without every match from the cursor on. */
  toExport(query: ListEventsQuery): Promise<EventExportSource>;
  /** Events as the API shows them, with their places. */
  present(rows: EventRow[]): Promise<EventWire[]>;
  /** Events as the API shows them, each with its export cells (headline figures included). */
  withHeadlines(batch: EventRow[]): Promise<Array<{ event: EventWire; cells: CsvRow }>>;
  /** Events in ACLED's columns. */
  acledRows(batch: EventRow[]): Promise<CsvRow[]>;
  get(id: string): Promise<EventRow | null>;
  /** An event's reports, citations, actors and relations. */
  facts(eventId: string): Promise<EventFacts>;
  /** The event and its facts as they stood at `instant`, from the revisions; null if it did not exist then. */
  asOf(eventId: string, instant: string): Promise<{ event: EventRow; facts: EventFacts } | null>;
  /** Up to `limit` events on each side of `focus` in time, nearest first, within the window. */
  around(focus: EventRow, window: { earliest: string; latest: string }, filter: EventFilter, limit: number): Promise<{ before: EventRow[]; after: EventRow[] }>;
}

export function sqliteEventReads(db: Db): EventReads {
  return {
    listPage: (query) => listEventPage(db, query),
    toExport: (query) => eventsToExport(db, query),
    present: (rows) => presentEvents(db, rows),
    withHeadlines: (batch) => eventRowsWithHeadlines(db, batch),
    acledRows: (batch) => acledRows(db, batch),
    get: (id) => getEvent(db, id),
    facts: (eventId) => getEventFacts(db, eventId),
    asOf: async (eventId, instant) => eventAsOf(db, eventId, instant),
    around: (focus, window, filter, limit) => eventsAround(db, focus, window, filter, limit),
  };
}
