// The one way records change: each create, update and delete commits the record, its revision
// (who, when, why, before and after) and, for a delete, its tombstone, in the caller's
// transaction. Deleting a record that others still refer to is refused with a 409 that names them.
import type { ResourceType } from '../../domain/vocabulary.js';
import { ProblemError } from '../../lib/problem.js';
import { insertRevision, insertTombstone, type Queryable, type Snapshot } from './history.repository.js';

/** How the generic write path reads and changes one type of record. */
export type RecordStore<Row extends { id: string }> = {
  type: ResourceType;
  /** In messages: "event", "casualty report". */
  label: string;
  get(tx: Queryable, id: string): Row | null;
  insert(tx: Queryable, row: Row): void;
  update(tx: Queryable, row: Row): void;
  remove(tx: Queryable, id: string): void;
  /** The record as revisions keep it: its API shape, self-contained. */
  snapshot(tx: Queryable, row: Row): Snapshot;
  /** The event(s) it belongs to, so an event's history includes it. */
  owners(row: Row): { eventId: string | null; otherEventId: string | null };
  /** What still refers to it, e.g. ["2 citations"]; empty when it may be deleted. */
  dependents(tx: Queryable, id: string): string[];
};

export type WriteContext = { keyId: string; keyName: string; reason: string | null; now: string };

export function commitCreate<Row extends { id: string }>(tx: Queryable, store: RecordStore<Row>, row: Row, ctx: WriteContext): void {
  store.insert(tx, row);
  insertRevision(tx, {
    resourceType: store.type,
    resourceId: row.id,
    ...store.owners(row),
    action: 'created',
    keyId: ctx.keyId,
    keyName: ctx.keyName,
    reason: ctx.reason,
    before: null,
    after: store.snapshot(tx, row),
    changedAt: ctx.now,
  });
}

/** Writes `next` over `current`; returns false (and writes nothing) when nothing would change. */
export function commitUpdate<Row extends { id: string }>(tx: Queryable, store: RecordStore<Row>, current: Row, next: Row, ctx: WriteContext): boolean {
  const before = store.snapshot(tx, current);
  store.update(tx, next);
  const after = store.snapshot(tx, next);
  const { updated_at: _b, ...beforeContent } = before;
  const { updated_at: _a, ...afterContent } = after;
  if (JSON.stringify(beforeContent) === JSON.stringify(afterContent)) {
    store.update(tx, current);
    return false;
  }
  insertRevision(tx, {
    resourceType: store.type,
    resourceId: current.id,
    ...store.owners(next),
    action: 'updated',
    keyId: ctx.keyId,
    keyName: ctx.keyName,
    reason: ctx.reason,
    before,
    after,
    changedAt: ctx.now,
  });
  return true;
}

export function commitDelete<Row extends { id: string }>(tx: Queryable, store: RecordStore<Row>, current: Row, ctx: WriteContext): void {
  const dependents = store.dependents(tx, current.id);
  if (dependents.length) {
    throw new ProblemError(
      'SITREP_CONFLICT',
      `The ${store.label} ${JSON.stringify(current.id)} cannot be deleted while ${dependents.join(', ')} refer to it; delete or change those first. Nothing was changed.`,
    );
  }
  const before = store.snapshot(tx, current);
  store.remove(tx, current.id);
  const revision = insertRevision(tx, {
    resourceType: store.type,
    resourceId: current.id,
    ...store.owners(current),
    action: 'deleted',
    keyId: ctx.keyId,
    keyName: ctx.keyName,
    reason: ctx.reason,
    before,
    after: null,
    changedAt: ctx.now,
  });
  insertTombstone(tx, { resourceType: store.type, resourceId: current.id, deletedAt: ctx.now, reason: ctx.reason, revisionId: revision.id });
}

/** "1 citation", "3 citations". */
export function countOf(n: number, noun: string): string[] {
  return n === 0 ? [] : [`${n} ${noun}${n === 1 ? '' : 's'}`];
}
