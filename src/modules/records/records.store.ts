// The record layer as the store offers it (see events/events.reads.ts for why an interface): what
// routes read of any record (the record by id, the answer for an id that names none, the
// revisions), and, inside `app.store.write`, how records change and idempotency keys are kept.
// SQLite's implementation runs the synchronous record layer (records.writes.ts) on the connection,
// which the seed and the importer call directly.
import type { Db } from '../../db/client.js';
import type { RevisionRow } from '../../db/schema.js';
import type { ResourceType } from '../../domain/vocabulary.js';
import type { ProblemError } from '../../lib/problem.js';
import { getIdempotencyRecord, getTombstone, insertIdempotencyRecord, listChanges, listEventRevisions, missingRecord, type IdempotencyRow } from './records.repository.js';
import { commitCreate, commitDelete, commitUpdate, type RecordStore, type WriteContext } from './records.writes.js';

export interface RecordReads {
  /** The record of this type (its `RecordStore`) with this id, or null. */
  get<Row extends { id: string }>(store: RecordStore<Row>, id: string): Promise<Row | null>;
  /** Whether a record of this type has this id. */
  exists<Row extends { id: string }>(store: RecordStore<Row>, id: string): Promise<boolean>;
  /** The problem for an id that names no record: 404, or 410 with when and why it was deleted. */
  missing(type: ResourceType, label: string, id: string): Promise<ProblemError>;
  /** Whether a record of this type and id was deleted. */
  deleted(type: ResourceType, id: string): Promise<boolean>;
  /** An event's revisions after `afterId`, oldest first. */
  eventRevisions(eventId: string, afterId: number | undefined, limit: number): Promise<RevisionRow[]>;
  /** Every revision after `afterId`, in commit order. */
  changes(afterId: number, limit: number): Promise<RevisionRow[]>;
}

/** Only inside a write transaction: each change writes its revision (and, deleting, a tombstone) with it. */
export interface RecordWrites {
  create<Row extends { id: string }>(store: RecordStore<Row>, row: Row, ctx: WriteContext): Promise<void>;
  /** False, and no trace left, when nothing but `updated_at` would change. */
  update<Row extends { id: string }>(store: RecordStore<Row>, current: Row, next: Row, ctx: WriteContext): Promise<boolean>;
  /** 409 naming what still refers to the record. */
  remove<Row extends { id: string }>(store: RecordStore<Row>, current: Row, ctx: WriteContext): Promise<void>;
  /** The answer kept with this API key's Idempotency-Key, if any. */
  idempotency(apiKeyId: string, key: string): Promise<IdempotencyRow | null>;
  keepIdempotency(row: IdempotencyRow): Promise<void>;
}

export function sqliteRecordReads(db: Db): RecordReads {
  return {
    get: async (store, id) => store.get(db, id),
    exists: async (store, id) => store.exists(db, id),
    missing: async (type, label, id) => missingRecord(db, type, label, id),
    deleted: async (type, id) => getTombstone(db, type, id) !== null,
    eventRevisions: async (eventId, afterId, limit) => listEventRevisions(db, eventId, afterId, limit),
    changes: async (afterId, limit) => listChanges(db, afterId, limit),
  };
}

/** `tx`: the connection, with the write transaction open on it. */
export function sqliteRecordWrites(tx: Db): RecordWrites {
  return {
    create: async (store, row, ctx) => commitCreate(tx, store, row, ctx),
    update: async (store, current, next, ctx) => commitUpdate(tx, store, current, next, ctx),
    remove: async (store, current, ctx) => commitDelete(tx, store, current, ctx),
    idempotency: async (apiKeyId, key) => getIdempotencyRecord(tx, apiKeyId, key),
    keepIdempotency: async (row) => insertIdempotencyRecord(tx, row),
  };
}
