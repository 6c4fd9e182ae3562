// The one way records change: each create, update and delete commits the record, its revision
// (who, when, why, before and after) and, for a delete, its tombstone, in the caller's
// transaction. Deleting a record that others still refer to is refused with a 409 that names them.
import { eq, getTableColumns, type Table } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ResourceType } from '../../domain/vocabulary.js';
import { ProblemError } from '../../lib/problem.js';
import { insertRevision, insertTombstone, type Queryable, type Snapshot } from './records.repository.js';

/** How the generic write path reads and changes one type of record. */
export type RecordStore<Row extends { id: string }> = {
  type: ResourceType;
  /** In messages: "event", "casualty report". */
  label: string;
  get(tx: Queryable, id: string): Row | null;
  /** Whether a record has this id: one indexed read, for reference checks. */
  exists(tx: Queryable, id: string): boolean;
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

/**
 * The authors of revisions written by loaders instead of an editor's API key (whose ids are
 * `key_…`). An import leaves a record alone when its newest revision is by anyone else.
 */
export const LOADER_AUTHORS = {
  seed: { keyId: 'seed', keyName: 'Seed dataset' },
  airForceImport: { keyId: 'import:airforce', keyName: 'Air Force importer' },
} as const;

export const LOADER_KEY_IDS: readonly string[] = Object.values(LOADER_AUTHORS).map((a) => a.keyId);

export function isLoader(keyId: string): boolean {
  return LOADER_KEY_IDS.includes(keyId);
}

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

/** Thrown inside the savepoint of an update that changes nothing, to roll it back. */
const UNCHANGED = Symbol('unchanged');

/**
 * Writes `next` over `current`; returns false (and leaves no trace) when nothing would change.
 * The snapshot is read back from the tables (an event's places and actors are rows of their own),
 * so the update is tried in a savepoint and rolled back when it changed nothing but `updated_at`:
 * writing the old row back would still fire the triggers, moving the change counter (every cached
 * answer dropped) and marking statistics hours to recompute.
 */
export function commitUpdate<Row extends { id: string }>(tx: Queryable, store: RecordStore<Row>, current: Row, next: Row, ctx: WriteContext): boolean {
  const before = store.snapshot(tx, current);
  let after: Snapshot = before;
  try {
    tx.transaction((savepoint) => {
      store.update(savepoint, next);
      after = store.snapshot(savepoint, next);
      const { updated_at: _b, ...beforeContent } = before;
      const { updated_at: _a, ...afterContent } = after;
      if (JSON.stringify(beforeContent) === JSON.stringify(afterContent)) throw UNCHANGED;
    });
  } catch (error) {
    if (error === UNCHANGED) return false;
    throw error;
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
  const revisionId = insertRevision(tx, {
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
  insertTombstone(tx, { resourceType: store.type, resourceId: current.id, deletedAt: ctx.now, reason: ctx.reason, revisionId });
}

/** "1 citation", "3 citations". */
export function countOf(n: number, noun: string): string[] {
  return n === 0 ? [] : [`${n} ${noun}${n === 1 ? '' : 's'}`];
}

/** snake_case of a row's camelCase keys, leaving out internal columns: the API shape of flat records. */
export function snakeRecord(row: object, omit: string[] = ['importKey']): Snapshot {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !omit.includes(key))
      .map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
  );
}

/**
 * The row with every column of its table, those it leaves out null, as the database stores it: a
 * loader's curated rows may leave optional columns out, and a revision's snapshot has every field.
 */
export function fullRow<T extends Table>(table: T, row: object): Omit<T['$inferSelect'], 'createdAt' | 'updatedAt'> {
  const given = row as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(getTableColumns(table))
      .filter((key) => key !== 'createdAt' && key !== 'updatedAt')
      .map((key) => [key, given[key] ?? null]),
  ) as Omit<T['$inferSelect'], 'createdAt' | 'updatedAt'>;
}

/** camelCase keys of a snake_case body: the row fields it sets. */
export function camelFields(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()), value]));
}

type IdTable = SQLiteTable & { id: SQLiteColumn };

/** A store over one table whose rows are the records themselves (everything but events). */
export function tableStore<Row extends { id: string }>(options: {
  type: ResourceType;
  label: string;
  table: IdTable;
  owners: RecordStore<Row>['owners'];
  dependents: RecordStore<Row>['dependents'];
}): RecordStore<Row> {
  const table = options.table as IdTable & Record<string, never>;
  return {
    type: options.type,
    label: options.label,
    get: (tx, id) => (tx.select().from(table).where(eq(table.id, id)).get() as Row | undefined) ?? null,
    exists: (tx, id) => tx.select({ id: table.id }).from(table).where(eq(table.id, id)).get() !== undefined,
    insert: (tx, row) => void tx.insert(table).values(row as never).run(),
    update: (tx, row) => {
      const { id, ...rest } = row;
      tx.update(table).set(rest as never).where(eq(table.id, id)).run();
    },
    remove: (tx, id) => void tx.delete(table).where(eq(table.id, id)).run(),
    snapshot: (_tx, row) => snakeRecord(row),
    owners: options.owners,
    dependents: options.dependents,
  };
}
