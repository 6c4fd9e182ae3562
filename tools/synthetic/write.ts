// Writes a synthetic database file: migrates a new file, bulk-loads the generator's rows (with the
// indexes in place, see load.ts), fills the full-text index once at the end, and moves the
// finished file into place. A file that already holds events is left alone unless `force` is set;
// a failed run leaves nothing behind.
//
// SQLite writes one file from one thread, and the load is bound by SQLite's own work, so large runs
// use both cores: a helper thread runs the same deterministic generator and writes the citations
// and the event-actor links (the two largest tables) into a file of its own, while this thread
// writes the other tables and the full-text index. The helper's tables are then copied in whole: an
// `INSERT INTO t SELECT * FROM helper.t` between tables of identical definition copies the
// table's and each index's b-tree entries in order, without decoding or sorting them (SQLite's
// transfer optimisation), which costs a fraction of writing them.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrateDatabase, type Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';
import { SyntheticGenerator } from './generate.js';
import { EVENT_TABLES, loadEvents, TableBuffer, useBulkLoadSettings, type EventTable } from './load.js';
import { FAILED, HELPER_PROGRESS, HELPER_SHARED_BYTES, HELPER_STARTED, HELPER_STATE, RUNNING, type HelperJob, type HelperResult } from './write-worker.js';

export type SyntheticWriteOptions = {
  path: string;
  events: number;
  seed: number;
  /** Replace a file that already holds events. */
  force?: boolean;
  /**
   * Write the helper's tables on a second thread. Default: for runs of HELPER_MIN_EVENTS events
   * or more (starting the thread costs more than it saves below that). The rows are the same.
   */
  helperThread?: boolean;
  /** Called as events are written, and once when every row is in and the file is being finished. */
  onProgress?: (progress: SyntheticProgress) => void;
};

export type SyntheticProgress = { phase: 'events' | 'finishing'; events: number; total: number; elapsedMs: number };

export type SyntheticWriteSummary = {
  path: string;
  seed: number;
  events: number;
  rows: Record<string, number>;
  elapsedMs: number;
  eventsPerSecond: number;
  /** Where the time went, in milliseconds of wall time on the calling thread (see SyntheticPhases). */
  phases: SyntheticPhases;
};

/**
 * The run's phases in order. `helperRows` ran on the helper thread alongside `rows` and
 * `fullText`, so it is not part of the total; `helperWait` is how long this thread then waited.
 */
export type SyntheticPhases = {
  /** Creating the file and applying the migrations. */
  migrate: number;
  /** Generating and inserting this thread's tables (with their indexes). */
  rows: number;
  /** Filling the full-text index from the events and their places, and its row map. */
  fullText: number;
  /** Generating and inserting the helper's tables, on the helper thread (0 without one). */
  helperRows: number;
  /** Waiting for the helper once this thread was done. */
  helperWait: number;
  /** Copying the helper's tables in. */
  merge: number;
  /** The query planner's statistics (ANALYZE). */
  analyze: number;
  /** Triggers, change counter, WAL, closing and renaming the file. */
  finish: number;
};

export class SyntheticTargetNotEmptyError extends Error {}

/** Below this many events everything is written on the calling thread. */
export const HELPER_MIN_EVENTS = 50_000;
/**
 * The tables the helper thread writes: about half of the load's SQLite work. At a million events
 * the citations alone took the helper 17 s while this thread needed 31 s for the rest and the
 * full-text index; with the links too, 22 s against 25 s (run: 37 s → 32 s). Since events have
 * places, this thread writes them (the full-text index reads them) and the helper takes the
 * figures too. CPU seconds at a million events: the places 7.5 to insert and 11.3 to index, the
 * full-text index 11.7 instead of 4.9 with their names; the three report tables about 12.
 */
const HELPER_TABLES: readonly EventTable[] = ['event_actors', 'citations', 'casualty_reports', 'munition_reports', 'damage_reports'];
/**
 * Tables of this thread whose rows do not arrive in the order of their secondary indexes: the
 * place indexes are keyed by unit, entry, country and latitude, so every row goes somewhere else
 * in each. They are built once the rows are in (a sort): at 100,000 events the places took 0.7 s
 * to insert and 0.7 s to index afterwards, against 2.5–2.8 s with the indexes in place.
 */
const INDEXED_AFTER: readonly EventTable[] = ['event_places'];
/** A helper that reports no progress for this long is taken for dead. */
const HELPER_STALL_MS = 300_000;
/**
 * A helper thread that has not started this long after this thread began waiting for it never
 * will (its script failed to load). Its 'error' event cannot be heard: this thread never returns
 * to its event loop during a run.
 */
const HELPER_START_MS = 30_000;

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

/** The helper thread, driven synchronously: this thread blocks on shared memory, not on its event loop. */
class Helper {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly shared: Int32Array;

  constructor(job: Omit<HelperJob, 'port' | 'shared'>) {
    const { port1, port2 } = new MessageChannel();
    const buffer = new SharedArrayBuffer(HELPER_SHARED_BYTES);
    this.port = port1;
    this.shared = new Int32Array(buffer);
    // From the TypeScript sources (tsx, vitest) the helper needs tsx registered in its thread first.
    const fromSources = extname(fileURLToPath(import.meta.url)) === '.ts';
    const entry = new URL(fromSources ? './write-worker.ts' : './write-worker.js', import.meta.url);
    const script = fromSources ? new URL('./write-worker-boot.mjs', import.meta.url) : entry;
    this.worker = new Worker(script, {
      workerData: { synthetic: 'helper', entry: entry.href, job: { ...job, port: port2, shared: buffer } },
      transferList: [port2],
    });
    this.worker.unref();
  }

  /** Events the helper has written so far. */
  get eventsDone(): number {
    return Atomics.load(this.shared, HELPER_PROGRESS);
  }

  /** Blocks until the helper is done; returns what it wrote, or throws its error. */
  finish(onWait: () => void): { rows: Partial<Record<EventTable, number>>; ms: number } {
    let progress = this.eventsDone;
    const waitStarted = performance.now();
    let lastChange = waitStarted;
    while (Atomics.load(this.shared, HELPER_STATE) === RUNNING) {
      Atomics.wait(this.shared, HELPER_STATE, RUNNING, 1000);
      onWait();
      if (Atomics.load(this.shared, HELPER_STARTED) === 0 && performance.now() - waitStarted > HELPER_START_MS) {
        throw new Error(`the synthetic helper thread did not start within ${HELPER_START_MS / 1000} s`);
      }
      if (this.eventsDone !== progress) {
        progress = this.eventsDone;
        lastChange = performance.now();
      } else if (performance.now() - lastChange > HELPER_STALL_MS) {
        throw new Error(`the synthetic helper thread wrote nothing for ${HELPER_STALL_MS / 1000} s`);
      }
    }
    const received = receiveMessageOnPort(this.port)?.message as HelperResult | undefined;
    this.stop();
    if (!received || Atomics.load(this.shared, HELPER_STATE) === FAILED || 'error' in received) {
      const error = new Error(`the synthetic helper thread failed: ${received && 'error' in received ? received.error.message : 'no result'}`);
      if (received && 'error' in received && received.error.stack) error.stack = `${error.stack}\nCaused by: ${received.error.stack}`;
      throw error;
    }
    return received;
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

type SchemaObject = { name: string; sql: string };

/** Times consecutive steps of the calling thread. */
function stopwatch() {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = now - last;
    last = now;
    return ms;
  };
}

/**
 * Everything after the last row (the full-text index is already filled): derived tables, the
 * triggers, the change counter. One transaction on the finished tables, before the file is
 * switched to WAL.
 */
function finishDatabase(db: Db, triggers: readonly SchemaObject[]): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    // What the statistics triggers would have marked (migration 0006): every hour with events.
    // The server computes their totals on the first statistics request, outside this load.
    sqlite.exec('INSERT OR IGNORE INTO stats_dirty_hours SELECT DISTINCT substr(start_at, 1, 13) FROM events');
    for (const trigger of triggers) sqlite.exec(trigger.sql);
    // As if each row had been written through the API: the counter has moved since migration.
    sqlite.exec('UPDATE data_version SET version = version + 1 WHERE id = 1');
  })();
}

export function writeSyntheticDatabase(options: SyntheticWriteOptions): SyntheticWriteSummary {
  const path = resolve(options.path);
  const existing = countEvents(path);
  if (existing > 0 && !options.force) {
    throw new SyntheticTargetNotEmptyError(`${options.path} already holds ${existing} events; pass --force to replace the file`);
  }
  const generator = new SyntheticGenerator({ seed: options.seed, events: options.events });
  const started = performance.now();
  const elapsedMs = () => performance.now() - started;
  const lap = stopwatch();
  const phases: SyntheticPhases = { migrate: 0, rows: 0, fullText: 0, helperRows: 0, helperWait: 0, merge: 0, analyze: 0, finish: 0 };
  // Built beside the target and renamed over it when complete, so a reader never sees a half-made file.
  const partial = `${path}.partial-${process.pid}`;
  const helperPath = `${partial}-helper`;
  removeDatabaseFiles(partial);
  removeDatabaseFiles(helperPath);
  const sqlite = new Database(partial);
  let helper: Helper | undefined;
  let summary: SyntheticWriteSummary;
  try {
    const db = drizzle(sqlite, { schema }) as Db;
    migrateDatabase(db);
    useBulkLoadSettings(sqlite);
    // Triggers fire once per row: the FTS ones are slower than one INSERT … SELECT at the end,
    // and the change counter's (migration 0005) would be bumped millions of times where once
    // will do. They are put back from their own stored SQL, exactly as the migrations made them.
    const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as SchemaObject[];
    for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);

    const helperTables = (options.helperThread ?? options.events >= HELPER_MIN_EVENTS) ? HELPER_TABLES : [];
    if (helperTables.length > 0) {
      // The helper's tables and indexes are made from the migrated file's own SQL, so that they
      // match the file's exactly (the copy at the end depends on it).
      const list = helperTables.map((t) => `'${t}'`).join(', ');
      const helperSchema = sqlite
        .prepare(`SELECT sql FROM sqlite_master WHERE tbl_name IN (${list}) AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type = 'index', name`)
        .pluck()
        .all() as string[];
      helper = new Helper({ path: helperPath, seed: generator.seed, events: options.events, tables: [...helperTables], schema: helperSchema });
    }
    const lateList = INDEXED_AFTER.map((t) => `'${t}'`).join(', ');
    const lateIndexes = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${lateList}) AND sql IS NOT NULL ORDER BY name`).all() as SchemaObject[];
    for (const index of lateIndexes) sqlite.exec(`DROP INDEX "${index.name}"`);
    const report = (phase: SyntheticProgress['phase'], done: number) => options.onProgress?.({ phase, events: done, total: options.events, elapsedMs: elapsedMs() });
    phases.migrate = lap();

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
    const ownTables = EVENT_TABLES.filter((t) => !helperTables.includes(t));
    Object.assign(rows, loadEvents(sqlite, generator, ownTables, (done) => report('events', helper ? Math.min(done, helper.eventsDone) : done)));
    // The same statements the migrations ran, so the schema is exactly theirs.
    for (const index of lateIndexes) sqlite.exec(index.sql);
    phases.rows = lap();

    sqlite.transaction(() => {
      // What the triggers of migration 0013 would have written: the event's title and summary, then
      // its places' names (group_concat over event_places, '' for none) — the triggers' own SELECT,
      // which is why this thread, not the helper, writes the places. One INSERT … SELECT: the same
      // rows bound from JavaScript as the load goes took twice as long (1.5 s against 0.75 s for
      // 100,000 events).
      sqlite.exec(`INSERT INTO events_fts (event_id, title, summary, places)
        SELECT id, title, summary, coalesce((SELECT group_concat(search_names, ' ') FROM event_places WHERE event_id = events.id), '')
        FROM events ORDER BY rowid`);
      // Which full-text row is whose (migration 0007), as the insert trigger would have recorded it.
      sqlite.exec('INSERT INTO events_fts_rows (event_id, fts_rowid) SELECT event_id, rowid FROM events_fts ORDER BY event_id');
    })();
    phases.fullText = lap();

    if (helper) {
      let lastReport = performance.now();
      const helped = helper.finish(() => {
        if (performance.now() - lastReport < 1000) return;
        lastReport = performance.now();
        report('events', helper!.eventsDone);
      });
      helper = undefined;
      Object.assign(rows, helped.rows);
      phases.helperRows = helped.ms;
      phases.helperWait = lap();
      report('events', options.events);
    }
    report('finishing', options.events);

    if (helperTables.length > 0) {
      sqlite.prepare('ATTACH DATABASE ? AS helper').run(helperPath);
      sqlite.transaction(() => {
        for (const table of helperTables) sqlite.exec(`INSERT INTO main."${table}" SELECT * FROM helper."${table}"`);
      })();
      sqlite.exec('DETACH DATABASE helper');
      removeDatabaseFiles(helperPath);
      phases.merge = lap();
    }

    finishDatabase(db, triggers);
    // The query planner's statistics (with STAT4's samples), so it knows a rare kind, status or
    // country from a common one when filters meet (4.6 s for a million events).
    sqlite.exec('ANALYZE');
    phases.analyze = lap();
    // The app runs the file in WAL mode (src/db/client.ts); the file is handed over in it.
    sqlite.pragma('locking_mode = NORMAL');
    sqlite.pragma('journal_mode = WAL');
    sqlite.close();
    // The old file's journal or WAL must not be read as the new file's.
    for (const suffix of ['-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    renameSync(partial, path);
    phases.finish = lap();

    const totalMs = elapsedMs();
    summary = {
      path,
      seed: generator.seed,
      events: options.events,
      rows: Object.fromEntries(['sources', 'actors', ...EVENT_TABLES].map((t) => [t, rows[t] ?? 0])),
      elapsedMs: totalMs,
      eventsPerSecond: options.events / (totalMs / 1000),
      phases,
    };
  } catch (error) {
    helper?.stop();
    if (sqlite.open) sqlite.close();
    removeDatabaseFiles(partial);
    removeDatabaseFiles(helperPath);
    throw error;
  }
  return summary;
}
