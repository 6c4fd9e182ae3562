// Writes a synthetic database file: migrates a new file, bulk-loads the generator's rows through
// multi-row prepared INSERTs in large transactions, fills the full-text index once at the end,
// and moves the finished file into place. A file that already holds events is left alone unless
// `force` is set; a failed run leaves nothing behind.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrateDatabase, type Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import { GENERATED_AT, SyntheticGenerator, type SyntheticSink } from './generate.js';

export type SyntheticWriteOptions = {
  path: string;
  events: number;
  seed: number;
  /** Replace a file that already holds events. */
  force?: boolean;
  /** Called after every transaction with the events written so far, and once before the index build. */
  onProgress?: (progress: SyntheticProgress) => void;
};

export type SyntheticProgress = { phase: 'events' | 'indexes'; events: number; total: number; elapsedMs: number };

export type SyntheticWriteSummary = {
  path: string;
  seed: number;
  events: number;
  rows: Record<string, number>;
  elapsedMs: number;
  eventsPerSecond: number;
};

export class SyntheticTargetNotEmptyError extends Error {}

/** Events per transaction: large enough to amortise the commit, small enough for steady progress. */
const EVENTS_PER_TRANSACTION = 50_000;
/** Rows per multi-row INSERT: fewer calls into SQLite for the same rows. */
const ROWS_PER_STATEMENT = 100;

// Column lists in the order the sink's methods take their values. created_at and updated_at are
// the generator's fixed constant, written as a literal rather than bound for every row.
const COLUMNS = {
  sources: ['id', 'kind', 'publisher', 'title', 'url', 'reference', 'published_at', 'notes'],
  actors: ['id', 'name', 'kind', 'country', 'description'],
  events: ['id', 'kind', 'status', 'title', 'summary', 'start_at', 'start_precision', 'end_at', 'end_precision', 'span_end_at', 'timezone', 'place', 'admin1', 'country', 'latitude', 'longitude', 'geo_precision'],
  event_actors: ['event_id', 'actor_id', 'role'],
  casualty_reports: ['id', 'event_id', 'source_id', 'category', 'group', 'low', 'best', 'high', 'as_reported'],
  munition_reports: ['id', 'event_id', 'source_id', 'weapon_category', 'weapon_model', 'launched', 'intercepted', 'lost_to_ew'],
  damage_reports: ['id', 'event_id', 'source_id', 'asset_category', 'count', 'description'],
  relations: ['id', 'from_event_id', 'kind', 'to_event_id'],
  citations: ['id', 'event_id', 'source_id', 'via_source_id', 'casualty_report_id', 'munition_report_id', 'damage_report_id', 'relation_id', 'quote', 'locator'],
} as const;

type TableName = keyof typeof COLUMNS;
type Value = string | number | null;

const TIMESTAMPED: ReadonlySet<TableName> = new Set(['sources', 'actors', 'events', 'casualty_reports', 'munition_reports', 'damage_reports', 'relations', 'citations']);

/** Buffers one table's rows and inserts them ROWS_PER_STATEMENT at a time. */
class TableBuffer {
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
    // GENERATED_AT is a constant of this module, never input.
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

function createBuffers(sqlite: Database.Database) {
  const t = (name: TableName) => new TableBuffer(sqlite, name);
  return {
    events: t('events'),
    eventActors: t('event_actors'),
    casualty: t('casualty_reports'),
    munition: t('munition_reports'),
    damage: t('damage_reports'),
    relations: t('relations'),
    citations: t('citations'),
  };
}

function bufferSink(b: ReturnType<typeof createBuffers>): SyntheticSink {
  return {
    event(id, kind, status, title, summary, startAt, startPrecision, endAt, endPrecision, spanEndAt, timezone, place, admin1, country, latitude, longitude, geoPrecision) {
      b.events.values.push(id, kind, status, title, summary, startAt, startPrecision, endAt, endPrecision, spanEndAt, timezone, place, admin1, country, latitude, longitude, geoPrecision);
      b.events.added();
    },
    eventActor(eventId, actorId, role) {
      b.eventActors.values.push(eventId, actorId, role);
      b.eventActors.added();
    },
    casualty(id, eventId, sourceId, category, group, low, best, high, asReported) {
      b.casualty.values.push(id, eventId, sourceId, category, group, low, best, high, asReported);
      b.casualty.added();
    },
    munition(id, eventId, sourceId, category, model, launched, intercepted, lostToEw) {
      b.munition.values.push(id, eventId, sourceId, category, model, launched, intercepted, lostToEw);
      b.munition.added();
    },
    damage(id, eventId, sourceId, category, count, description) {
      b.damage.values.push(id, eventId, sourceId, category, count, description);
      b.damage.added();
    },
    relation(id, fromEventId, kind, toEventId) {
      b.relations.values.push(id, fromEventId, kind, toEventId);
      b.relations.added();
    },
    citation(id, eventId, sourceId, viaSourceId, casualtyReportId, munitionReportId, damageReportId, relationId, quote, locator) {
      b.citations.values.push(id, eventId, sourceId, viaSourceId, casualtyReportId, munitionReportId, damageReportId, relationId, quote, locator);
      b.citations.added();
    },
  };
}

/** How many events the file at `path` holds; 0 when it has no events table (or does not exist). */
export function countEvents(path: string): number {
  if (!existsSync(path)) return 0;
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    return table ? (sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n : 0;
  } finally {
    sqlite.close();
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

export function writeSyntheticDatabase(options: SyntheticWriteOptions): SyntheticWriteSummary {
  const path = resolve(options.path);
  const existing = countEvents(path);
  if (existing > 0 && !options.force) {
    throw new SyntheticTargetNotEmptyError(`${options.path} already holds ${existing} events; pass --force to replace the file`);
  }
  const generator = new SyntheticGenerator({ seed: options.seed, events: options.events });
  const started = performance.now();
  // Built beside the target and renamed over it when complete, so a reader never sees a half-made file.
  const partial = `${path}.partial-${process.pid}`;
  removeDatabaseFiles(partial);
  const sqlite = new Database(partial);
  let summary: SyntheticWriteSummary;
  try {
    migrateDatabase(drizzle(sqlite, { schema }) as Db);
    // Bulk-load settings, for this connection only: no rollback journal and no fsync (a crash
    // loses only the partial file), no foreign-key lookups (the generator only refers to rows
    // it has written; the tests run foreign_key_check), and a cache that holds the hot pages.
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('cache_size = -1048576');

    // Triggers fire once per row: the FTS ones are slower than one INSERT … SELECT at the end,
    // and the change counter's (migration 0003) would be bumped millions of times where once
    // will do. Triggers and indexes are put back from their own stored SQL, exactly as the
    // migrations made them.
    const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
    // Secondary indexes likewise: one sorted build per index at the end beats maintaining
    // twenty of them row by row. Primary keys stay, so duplicate ids still fail loudly.
    const indexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as Array<{ name: string; sql: string }>;
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);

    const rows: Record<string, number> = {};
    sqlite.transaction(() => {
      const sources = new TableBuffer(sqlite, 'sources');
      for (const row of generator.sources()) {
        sources.values.push(...row);
        sources.added();
      }
      sources.flush();
      const actors = new TableBuffer(sqlite, 'actors');
      for (const row of generator.actors()) {
        actors.values.push(...row);
        actors.added();
      }
      actors.flush();
      rows.sources = sources.written;
      rows.actors = actors.written;
    })();

    const buffers = createBuffers(sqlite);
    const sink = bufferSink(buffers);
    const writeRange = sqlite.transaction((from: number, to: number) => {
      for (let n = from; n < to; n++) generator.write(n, sink);
      for (const buffer of Object.values(buffers)) buffer.flush();
    });
    for (let from = 0; from < options.events; from += EVENTS_PER_TRANSACTION) {
      const to = Math.min(options.events, from + EVENTS_PER_TRANSACTION);
      writeRange(from, to);
      options.onProgress?.({ phase: 'events', events: to, total: options.events, elapsedMs: performance.now() - started });
    }
    options.onProgress?.({ phase: 'indexes', events: options.events, total: options.events, elapsedMs: performance.now() - started });
    for (const buffer of Object.values(buffers)) rows[buffer.table] = buffer.written;

    sqlite.transaction(() => {
      sqlite.exec('INSERT INTO events_fts (event_id, title, summary) SELECT id, title, summary FROM events ORDER BY rowid');
      for (const index of indexes) sqlite.exec(index.sql);
      for (const trigger of triggers) sqlite.exec(trigger.sql);
      sqlite.exec('UPDATE data_version SET version = version + 1 WHERE id = 1');
      // What the statistics triggers would have marked (migration 0006): every hour with events.
      // The server computes their totals on the first statistics request.
      sqlite.exec('INSERT OR IGNORE INTO stats_dirty_hours SELECT DISTINCT substr(start_at, 1, 13) FROM events');
    })();
    sqlite.close();

    // The old file's journal or WAL must not be read as the new file's.
    for (const suffix of ['-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    renameSync(partial, path);
    const elapsedMs = performance.now() - started;
    summary = {
      path,
      seed: generator.seed,
      events: options.events,
      rows,
      elapsedMs,
      eventsPerSecond: options.events / (elapsedMs / 1000),
    };
  } catch (error) {
    if (sqlite.open) sqlite.close();
    removeDatabaseFiles(partial);
    throw error;
  }
  return summary;
}
