// The store: everything routes and plugins may ask of the data, as one async interface per
// resource plus the write transaction, the change counter, a ping and close. Routes reach it as
// `app.store` and never see the connection, drizzle or a table; SQLite is its one implementation
// today (below), and a second engine is a second `open…Store` behind the same interfaces.
// `app.db`, the SQLite handle itself, remains for the server entry (seeding), tools and tests.
import { sql } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { migrateDatabase, openDatabase, openReadOnly, type Db } from './db/client.js';
import { dataVersionThisTurn } from './db/data-version.js';
import { writeTransaction } from './db/write-transaction.js';
import { sqliteActorReads, type ActorReads } from './modules/actors/actors.reads.js';
import { sqliteClaimReads, type ClaimReads } from './modules/claims/claims.reads.js';
import { sqliteEventReads, type EventReads } from './modules/events/events.reads.js';
import { sqliteKeyStore, type KeyStore } from './modules/keys/keys.store.js';
import { sqliteRecordReads, sqliteRecordWrites, type RecordReads, type RecordWrites } from './modules/records/records.store.js';
import { sqliteSourceReads, type SourceReads } from './modules/sources/sources.reads.js';
import { sqliteStatsReads, type StatsReads } from './modules/stats/stats.reads.js';
import { sqliteTimelineReads, type TimelineReads } from './modules/timeline/timeline.reads.js';

/** Rows a claim scan reads between two turns of the event loop: a few milliseconds of work. */
export const ROWS_PER_TURN = 1_000;

/** What may be read, outside a write or (as `WriteTx`) inside one. */
export interface StoreReads {
  actors: ActorReads;
  sources: SourceReads;
  events: EventReads;
  claims: ClaimReads;
  timeline: TimelineReads;
  stats: StatsReads;
  records: RecordReads;
}

/** A write's view: the reads, seeing the transaction's own changes, and the record layer's writes. */
export interface WriteTx extends StoreReads {
  records: RecordReads & RecordWrites;
}

export interface Store extends StoreReads {
  keys: KeyStore;
  /**
   * Runs `body` after every write queued before it, in one transaction that holds the write lock
   * from its start: load the record, compare `If-Match`, claim the `Idempotency-Key` and change it
   * there, so that no other writer, in this process or another, comes in between.
   */
  write<T>(body: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** The record's change counter: anything derived from a read is valid while it has not moved. */
  version(): number;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): void;
}

/**
 * Opens (and migrates) a SQLite file, or `:memory:`. Writes queue in this process, whose one
 * connection holds one transaction at a time; SQLite's write lock, taken when each begins, orders
 * them against other processes on the same file. Claim scans get a second, read-only connection:
 * an iterator left open across turns on the main one would pin its snapshot for every other read
 * and refuse every write. An in-memory database cannot be opened twice (each test has its own,
 * small one), so there they run on the main connection in one go.
 */
export function openSqliteStore(databaseUrl: string): { store: Store; db: Db } {
  const handle = openDatabase(databaseUrl);
  try {
    migrateDatabase(handle.db);
  } catch (error) {
    handle.close();
    throw error;
  }
  const { db } = handle;
  const scanHandle = databaseUrl === ':memory:' ? null : openReadOnly(databaseUrl);
  const scan = scanHandle ? { db: scanHandle.db, rowsPerTurn: ROWS_PER_TURN } : { db, rowsPerTurn: Infinity };

  let tail: Promise<unknown> = Promise.resolve();
  const writeOn = <T>(body: (tx: Db) => Promise<T>): Promise<T> => {
    const run = tail.then(() => writeTransaction(db, body));
    // The queue goes on whether this write succeeds or fails: `tail` never rejects.
    tail = run.catch(() => undefined);
    return run;
  };

  const reads: StoreReads = {
    actors: sqliteActorReads(db),
    sources: sqliteSourceReads(db),
    events: sqliteEventReads(db),
    claims: sqliteClaimReads(db),
    timeline: sqliteTimelineReads(db),
    stats: sqliteStatsReads(db, scan),
    records: sqliteRecordReads(db),
  };
  // One connection: inside the transaction, the reads are the same functions and see its changes
  // (all but claim scans, which read the committed file on their own connection).
  const tx: WriteTx = { ...reads, records: { ...reads.records, ...sqliteRecordWrites(db) } };

  const store: Store = {
    ...reads,
    keys: sqliteKeyStore(db, writeOn),
    write: (body) => writeOn(() => body(tx)),
    version: () => dataVersionThisTurn(db),
    ping: async () => {
      db.get(sql`SELECT 1`);
    },
    close: () => {
      scanHandle?.close();
      handle.close();
    },
  };
  return { store, db };
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** The SQLite handle behind the store: for the server entry's seeding, tools and tests, never routes. */
    db: Db;
  }
}

/** Opens the store when the app starts and closes it with the app. */
export const storePlugin = fp<{ databaseUrl: string }>(
  async (app, opts) => {
    const { store, db } = openSqliteStore(opts.databaseUrl);
    app.decorate('store', store);
    app.decorate('db', db);
    app.addHook('onClose', async () => store.close());
  },
  { name: 'store' },
);
