// Bulk-loading the generator's rows into SQLite, shared by the main thread and the helper thread
// (tools/synthetic/write.ts, tools/synthetic/write-worker.ts): multi-row prepared INSERTs, in primary-key
// order, in large transactions, on a connection set up for a brand-new file nobody else reads.
import type Database from 'better-sqlite3';
import { GENERATED_AT, type SyntheticGenerator, type SyntheticSink } from './generate.js';

/** Events per transaction: large enough to amortise the commit, small enough for steady progress. */
const EVENTS_PER_TRANSACTION = 25_000;
/** Rows per multi-row INSERT: fewer calls into SQLite for the same rows. */
const ROWS_PER_STATEMENT = 100;

// Column lists in the order the sink's methods take their values. created_at and updated_at are
// the generator's fixed constant, written as a literal rather than bound for every row.
export const COLUMNS = {
  sources: ['id', 'kind', 'publisher', 'title', 'url', 'reference', 'published_at', 'notes'],
  actors: ['id', 'name', 'kind', 'country', 'description'],
  events: ['id', 'kind', 'status', 'title', 'summary', 'start_at', 'start_precision', 'end_at', 'end_precision', 'span_end_at', 'timezone', 'place', 'admin1', 'country', 'latitude', 'longitude', 'geo_precision'],
  event_places: ['event_id', 'position', 'role', 'name', 'gazetteer_id', 'admin1', 'country', 'latitude', 'longitude', 'geo_precision', 'search_names'],
  event_actors: ['event_id', 'actor_id', 'role'],
  casualty_reports: ['id', 'event_id', 'source_id', 'category', 'group', 'low', 'best', 'high', 'as_reported'],
  munition_reports: ['id', 'event_id', 'source_id', 'weapon_category', 'weapon_model', 'launched', 'intercepted', 'lost_to_ew'],
  damage_reports: ['id', 'event_id', 'source_id', 'asset_category', 'count', 'description'],
  relations: ['id', 'from_event_id', 'kind', 'to_event_id'],
  citations: ['id', 'event_id', 'source_id', 'via_source_id', 'casualty_report_id', 'munition_report_id', 'damage_report_id', 'relation_id', 'quote', 'locator'],
} as const;

export type TableName = keyof typeof COLUMNS;
/** The tables written per event (sources and actors are written once, before the events). */
export type EventTable = Exclude<TableName, 'sources' | 'actors'>;
export const EVENT_TABLES: readonly EventTable[] = ['events', 'event_places', 'event_actors', 'casualty_reports', 'munition_reports', 'damage_reports', 'relations', 'citations'];

type Value = string | number | null;

const TIMESTAMPED: ReadonlySet<TableName> = new Set(['sources', 'actors', 'events', 'casualty_reports', 'munition_reports', 'damage_reports', 'relations', 'citations']);

/**
 * Settings for loading a brand-new file that no other connection reads until it is finished: no
 * rollback journal and no fsync (a crash loses only the partial file), no foreign-key lookups
 * (the generator only refers to rows it has written; the tests run foreign_key_check), and a
 * page cache big enough for the right-hand edges of every index. Most indexes stay in place while
 * rows go in: rows arrive in primary-key order and roughly in time order, so those indexes are
 * appended to in a few places, which costs less than sorting each afterwards. event_places' are
 * the exception (write.ts drops them and builds them at the end): places arrive in no index order.
 */
export function useBulkLoadSettings(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('locking_mode = EXCLUSIVE');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -65536');
}

/** Buffers one table's rows and inserts them ROWS_PER_STATEMENT at a time. */
export class TableBuffer {
  readonly values: Value[] = [];
  rows = 0;
  written = 0;
  private readonly batch: Database.Statement;
  private readonly single: Database.Statement;

  constructor(
    sqlite: Database.Database,
    readonly table: TableName,
  ) {
    const columns = COLUMNS[table];
    const stamped = TIMESTAMPED.has(table);
    const names = [...columns, ...(stamped ? ['created_at', 'updated_at'] : [])].map((c) => `"${c}"`).join(', ');
    // GENERATED_AT is a constant of the generator, never input.
    const row = `(${columns.map(() => '?').join(', ')}${stamped ? `, '${GENERATED_AT}', '${GENERATED_AT}'` : ''})`;
    const insert = `INSERT INTO "${table}" (${names}) VALUES `;
    this.batch = sqlite.prepare(insert + Array(ROWS_PER_STATEMENT).fill(row).join(', '));
    this.single = sqlite.prepare(insert + row);
  }

  /** Call after pushing one row's values: every ROWS_PER_STATEMENT rows go to SQLite at once. */
  added(): void {
    if (++this.rows === ROWS_PER_STATEMENT) {
      this.batch.run(this.values);
      this.values.length = 0;
      this.written += ROWS_PER_STATEMENT;
      this.rows = 0;
    }
  }

  /** Inserts what is left over, one row at a time. */
  flush(): void {
    const width = COLUMNS[this.table].length;
    for (let i = 0; i < this.values.length; i += width) this.single.run(this.values.slice(i, i + width));
    this.written += this.rows;
    this.values.length = 0;
    this.rows = 0;
  }
}

const ignore = () => {};

/** A sink that buffers the rows of `tables` and drops the others (another thread writes those). */
function bufferSink(buffers: Partial<Record<EventTable, TableBuffer>>): SyntheticSink {
  const { events, event_places, event_actors, casualty_reports, munition_reports, damage_reports, relations, citations } = buffers;
  return {
    event: events
      ? (id, kind, status, title, summary, startAt, startPrecision, endAt, endPrecision, spanEndAt, timezone, place, admin1, country, latitude, longitude, geoPrecision) => {
          events.values.push(id, kind, status, title, summary, startAt, startPrecision, endAt, endPrecision, spanEndAt, timezone, place, admin1, country, latitude, longitude, geoPrecision);
          events.added();
        }
      : ignore,
    place: event_places
      ? (eventId, position, role, name, gazetteerId, admin1, country, latitude, longitude, geoPrecision, searchNames) => {
          event_places.values.push(eventId, position, role, name, gazetteerId, admin1, country, latitude, longitude, geoPrecision, searchNames);
          event_places.added();
        }
      : ignore,
    eventActor: event_actors
      ? (eventId, actorId, role) => {
          event_actors.values.push(eventId, actorId, role);
          event_actors.added();
        }
      : ignore,
    casualty: casualty_reports
      ? (id, eventId, sourceId, category, group, low, best, high, asReported) => {
          casualty_reports.values.push(id, eventId, sourceId, category, group, low, best, high, asReported);
          casualty_reports.added();
        }
      : ignore,
    munition: munition_reports
      ? (id, eventId, sourceId, category, model, launched, intercepted, lostToEw) => {
          munition_reports.values.push(id, eventId, sourceId, category, model, launched, intercepted, lostToEw);
          munition_reports.added();
        }
      : ignore,
    damage: damage_reports
      ? (id, eventId, sourceId, category, count, description) => {
          damage_reports.values.push(id, eventId, sourceId, category, count, description);
          damage_reports.added();
        }
      : ignore,
    relation: relations
      ? (id, fromEventId, kind, toEventId) => {
          relations.values.push(id, fromEventId, kind, toEventId);
          relations.added();
        }
      : ignore,
    citation: citations
      ? (id, eventId, sourceId, viaSourceId, casualtyReportId, munitionReportId, damageReportId, relationId, quote, locator) => {
          citations.values.push(id, eventId, sourceId, viaSourceId, casualtyReportId, munitionReportId, damageReportId, relationId, quote, locator);
          citations.added();
        }
      : ignore,
  };
}

/**
 * Writes the rows of `tables` for every event, in event order, one transaction per
 * EVENTS_PER_TRANSACTION events; `onTransaction` hears how many events are done after each.
 * Returns the rows written per table.
 */
export function loadEvents(
  sqlite: Database.Database,
  generator: SyntheticGenerator,
  tables: readonly EventTable[],
  onTransaction: (eventsDone: number) => void,
): Partial<Record<EventTable, number>> {
  const buffers: Partial<Record<EventTable, TableBuffer>> = {};
  for (const table of tables) buffers[table] = new TableBuffer(sqlite, table);
  const sink = bufferSink(buffers);
  const writeRange = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) generator.write(n, sink);
    for (const buffer of Object.values(buffers)) buffer.flush();
  });
  for (let from = 0; from < generator.events; from += EVENTS_PER_TRANSACTION) {
    const to = Math.min(generator.events, from + EVENTS_PER_TRANSACTION);
    writeRange(from, to);
    onTransaction(to);
  }
  const rows: Partial<Record<EventTable, number>> = {};
  for (const [table, buffer] of Object.entries(buffers)) rows[table as EventTable] = buffer.written;
  return rows;
}
