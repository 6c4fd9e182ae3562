// Revisions, tombstones and idempotency keys: the append-only record of every change, made through
// the write API or by a loader (the seed, an import). Takes the database (or a transaction), returns rows.
import { and, asc, desc, eq, gt, inArray, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { idempotencyKeys, revisions, tombstones, type RevisionRow, type TombstoneRow } from '../../db/schema.js';
import type { ChangeAction, ResourceType } from '../../domain/vocabulary.js';
import { notFound, ProblemError } from '../../lib/problem.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/** A transaction of `db.transaction`, or the database itself. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export type Snapshot = Record<string, unknown>;

export type RevisionInput = {
  resourceType: ResourceType;
  resourceId: string;
  eventId: string | null;
  otherEventId: string | null;
  action: ChangeAction;
  keyId: string;
  keyName: string;
  reason: string | null;
  before: Snapshot | null;
  after: Snapshot | null;
  changedAt: string;
};

function prepareRevisionInsert(tx: Queryable) {
  const p = (name: keyof RevisionInput) => sql.placeholder(name);
  return tx
    .insert(revisions)
    .values({
      resourceType: p('resourceType'),
      resourceId: p('resourceId'),
      eventId: p('eventId'),
      otherEventId: p('otherEventId'),
      action: p('action'),
      keyId: p('keyId'),
      keyName: p('keyName'),
      reason: p('reason'),
      // The JSON is bound as text made here: a bare placeholder would store null as the text 'null'.
      before: sql`${p('before')}`,
      after: sql`${p('after')}`,
      changedAt: p('changedAt'),
    })
    .prepare();
}

// Built once per transaction: an import commits thousands of revisions in one.
const revisionInserts = new WeakMap<Queryable, ReturnType<typeof prepareRevisionInsert>>();

const jsonOrNull = (snapshot: Snapshot | null) => (snapshot === null ? null : JSON.stringify(snapshot));

/** Appends a revision; returns its number. */
export function insertRevision(tx: Queryable, revision: RevisionInput): number {
  let insert = revisionInserts.get(tx);
  if (insert === undefined) {
    insert = prepareRevisionInsert(tx);
    revisionInserts.set(tx, insert);
  }
  // Not `.returning()`: reading the row back would parse its JSON again.
  return Number(insert.run({ ...revision, before: jsonOrNull(revision.before), after: jsonOrNull(revision.after) }).lastInsertRowid);
}

export function insertTombstone(tx: Queryable, row: TombstoneRow): void {
  tx.insert(tombstones).values(row).run();
}

export function getTombstone(db: Queryable, resourceType: ResourceType, resourceId: string): TombstoneRow | null {
  return db.select().from(tombstones).where(and(eq(tombstones.resourceType, resourceType), eq(tombstones.resourceId, resourceId))).get() ?? null;
}

export function tombstonedIds(db: Queryable, resourceType: ResourceType): Set<string> {
  return new Set(db.select({ id: tombstones.resourceId }).from(tombstones).where(eq(tombstones.resourceType, resourceType)).all().map((r) => r.id));
}

/** The revisions of an event and of every record that belongs to it, oldest first. */
export function listEventRevisions(db: Queryable, eventId: string, afterId: number | undefined, limit: number): RevisionRow[] {
  return db
    .select()
    .from(revisions)
    .where(and(or(eq(revisions.eventId, eventId), eq(revisions.otherEventId, eventId)), afterId === undefined ? undefined : gt(revisions.id, afterId)))
    .orderBy(asc(revisions.id))
    .limit(limit)
    .all();
}

/** Every revision in commit order, after a position of the feed. */
export function listChanges(db: Queryable, afterId: number, limit: number): RevisionRow[] {
  return db.select().from(revisions).where(gt(revisions.id, afterId)).orderBy(asc(revisions.id)).limit(limit).all();
}

/** The ids of records of a type that ever belonged to an event (deleted ones included). */
export function resourceIdsEverInEvent(db: Queryable, resourceType: ResourceType, eventId: string): string[] {
  const rows = db
    .selectDistinct({ id: revisions.resourceId })
    .from(revisions)
    .where(and(eq(revisions.resourceType, resourceType), or(eq(revisions.eventId, eventId), eq(revisions.otherEventId, eventId))))
    .all();
  return rows.map((r) => r.id);
}

/**
 * A record as it stood at `instant`, as revisions know it: the state after the last revision
 * made by then; or, if it was changed only later, the state before the first such change
 * (`undefined` when neither: the record has no revision, as one loaded before loaders wrote revisions). Null means it did
 * not exist then.
 */
export function snapshotAt(db: Queryable, resourceType: ResourceType, resourceId: string, instant: string): Snapshot | null | undefined {
  const ofRecord = and(eq(revisions.resourceType, resourceType), eq(revisions.resourceId, resourceId));
  const last = db.select().from(revisions).where(and(ofRecord, lte(revisions.changedAt, instant))).orderBy(desc(revisions.id)).limit(1).get();
  if (last) return last.after ?? null;
  const next = db.select().from(revisions).where(and(ofRecord, gt(revisions.changedAt, instant))).orderBy(asc(revisions.id)).limit(1).get();
  if (next) return next.before ?? null;
  return undefined;
}

/** The newest revision of one record, or null when it has none. */
export function latestRevision(db: Queryable, resourceType: ResourceType, resourceId: string): RevisionRow | null {
  return (
    db
      .select()
      .from(revisions)
      .where(and(eq(revisions.resourceType, resourceType), eq(revisions.resourceId, resourceId)))
      .orderBy(desc(revisions.id))
      .limit(1)
      .get() ?? null
  );
}

/** The newest revision of one record by one of `keyIds`, or null. */
export function latestRevisionBy(db: Queryable, resourceType: ResourceType, resourceId: string, keyIds: readonly string[]): RevisionRow | null {
  return (
    db
      .select()
      .from(revisions)
      .where(and(eq(revisions.resourceType, resourceType), eq(revisions.resourceId, resourceId), inArray(revisions.keyId, [...keyIds])))
      .orderBy(desc(revisions.id))
      .limit(1)
      .get() ?? null
  );
}

/** The oldest revision of one record, or null. */
export function firstRevision(db: Queryable, resourceType: ResourceType, resourceId: string): RevisionRow | null {
  return (
    db
      .select()
      .from(revisions)
      .where(and(eq(revisions.resourceType, resourceType), eq(revisions.resourceId, resourceId)))
      .orderBy(asc(revisions.id))
      .limit(1)
      .get() ?? null
  );
}

/** Whether anyone but `keyIds` changed the event or a record that belongs to it. */
export function eventChangedByOthers(db: Queryable, eventId: string, keyIds: readonly string[]): boolean {
  const ofEvent = (column: typeof revisions.eventId | typeof revisions.otherEventId) =>
    db
      .select({ id: revisions.id })
      .from(revisions)
      .where(and(eq(column, eventId), notInArray(revisions.keyId, [...keyIds])))
      .limit(1)
      .get();
  return ofEvent(revisions.eventId) !== undefined || ofEvent(revisions.otherEventId) !== undefined;
}

export type TombstoneWithAuthor = { resourceType: ResourceType; resourceId: string; keyId: string; before: Snapshot | null };

/** Every tombstone, with who deleted the record and what it was. */
export function tombstonesWithAuthors(db: Queryable): TombstoneWithAuthor[] {
  return db
    .select({ resourceType: tombstones.resourceType, resourceId: tombstones.resourceId, keyId: revisions.keyId, before: revisions.before })
    .from(tombstones)
    .innerJoin(revisions, eq(revisions.id, tombstones.revisionId))
    .all()
    .map((t) => ({ ...t, before: t.before ?? null }));
}

export function revisionsByIds(db: Queryable, ids: number[]): RevisionRow[] {
  return ids.length ? db.select().from(revisions).where(inArray(revisions.id, ids)).all() : [];
}

export function getIdempotencyRecord(db: Queryable, apiKeyId: string, key: string): IdempotencyRow | null {
  return db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key))).get() ?? null;
}

export function insertIdempotencyRecord(tx: Queryable, row: IdempotencyRow): void {
  tx.insert(idempotencyKeys).values(row).run();
}

/** 404, or 410 with when and why when the record was deleted. */
export function missingRecord(db: Queryable, type: ResourceType, label: string, id: string): ProblemError {
  const tombstone = getTombstone(db, type, id);
  if (!tombstone) return notFound(label, id);
  return new ProblemError(
    'SITREP_GONE',
    `The ${label} ${JSON.stringify(id)} was deleted at ${tombstone.deletedAt}${tombstone.reason ? `: ${tombstone.reason}` : '.'}`,
    undefined,
    { deleted_at: tombstone.deletedAt, deletion_reason: tombstone.reason },
  );
}
