// The import's part in the history. Every record an import creates, changes or deletes is committed
// with its revision through the write path editors use, authored by the importer; a record whose
// newest revision is an editor's is left as the editor has it, and a record an editor deleted is
// not created again. Conflicts (the file changed what the editor changed) are collected for the
// summary.
import { createHash } from 'node:crypto';
import type { EventStatus, ResourceType, TimePrecision } from '../../src/domain/vocabulary.js';
import { spanEnd } from '../../src/lib/time.js';
import {
  eventChangedByOthers,
  firstRevision,
  latestRevision,
  latestRevisionBy,
  tombstonesWithAuthors,
  type Queryable,
  type Snapshot,
  type TombstoneWithAuthor,
} from '../../src/modules/records/records.repository.js';
import { commitCreate, commitDelete, commitUpdate, isLoader, LOADER_AUTHORS, LOADER_KEY_IDS, type RecordStore, type WriteContext } from '../../src/modules/records/records.writes.js';
import { OWNED_ID_PREFIX } from './plan.js';

export type ImportedFile = { name: string; sha256: string };

export type RowCounts = { rowsRead: number; rowsImported: number; rowsRejected: number };

/** A record an editor changed (or deleted) whose data in the file changed too. */
export type EditorConflict = {
  resourceType: ResourceType;
  resourceId: string;
  /** The fields in question as the record has them now (API names); null when the editor deleted it. */
  editor: Snapshot | null;
  /** The same fields as the file now gives them. */
  file: Snapshot;
};

export type EditorCorrections = {
  /** Records the file would change whose newest revision is an editor's: left as the editor has them. */
  kept: number;
  /** Records an editor deleted that the file still has: not created again. */
  deletionsKept: number;
  /** Of those, the ones whose data in the file changed since a loader last wrote them. */
  conflicts: EditorConflict[];
};

export type UpdateOutcome = 'updated' | 'unchanged' | 'kept';

export function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Who writes the import's revisions, and why: the file by name and content, and what became of its rows. */
export function importWriteContext(file: ImportedFile, counts: RowCounts, now: string): WriteContext {
  const { keyId, keyName } = LOADER_AUTHORS.airForceImport;
  const reason =
    `Air Force import of ${file.name} (SHA-256 ${file.sha256}): ` +
    `${counts.rowsRead} rows read, ${counts.rowsImported} imported, ${counts.rowsRejected} rejected`;
  return { keyId, keyName, reason, now };
}

export type ImportHistory = {
  readonly corrections: EditorCorrections;
  /** How many revisions this import has written. */
  revisionCount(): number;
  create<Row extends { id: string }>(store: RecordStore<Row>, row: Row): void;
  /**
   * Creates the record under its derived id, or the first free `<id>_<n>` (an id is never reused:
   * a tombstone takes it too). Returns the id, or null when an editor deleted the record that id
   * chain names: it stays deleted.
   */
  createUnlessDeleted<Row extends { id: string }>(store: RecordStore<Row>, row: Row, taken: (id: string) => boolean): string | null;
  /** Whether an editor deleted a curated record (one the importer adopts, not creates) that `matches`. */
  curatedDeletedByEditor(type: ResourceType, matches: (before: Snapshot) => boolean): boolean;
  /** Whether an editor deleted a curated event that the post `sourceId` cited over this window. */
  curatedEventDeletedByEditor(sourceId: string, window: { startAt: string; spanEndAt: string }): boolean;
  /** Writes `patch` over the record, unless its newest revision is an editor's. */
  update<Row extends { id: string }>(store: RecordStore<Row>, current: Row, patch: Partial<Row>): UpdateOutcome;
  remove<Row extends { id: string }>(store: RecordStore<Row>, current: Row): void;
  /** Whether the newest revision of the record is an editor's. */
  heldByEditor(type: ResourceType, id: string): boolean;
  /** Whether an editor changed the event or anything that belongs to it. */
  eventChangedByEditor(eventId: string): boolean;
  /** Counts a record left as an editor has it for a reason of the caller's. */
  keptForEditor(): void;
};

/** Whether a citation (as a snapshot) backs the event itself rather than one of its reports or relations. */
export const isEventLevelCitation = (citation: Snapshot) =>
  citation.casualty_report_id == null && citation.munition_report_id == null && citation.damage_report_id == null && citation.relation_id == null;

const ignoredWhenComparing = new Set(['created_at', 'updated_at']);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pick = (snapshot: Snapshot, keys: string[]): Snapshot => Object.fromEntries(keys.map((k) => [k, snapshot[k] ?? null]));
const ownedPrefixes = Object.values(OWNED_ID_PREFIX);
const isCurated = (id: string) => !ownedPrefixes.some((prefix) => id.startsWith(prefix));

/** The history of one import, inside its transaction. */
export function importHistory(tx: Queryable, ctx: WriteContext): ImportHistory {
  const corrections: EditorCorrections = { kept: 0, deletionsKept: 0, conflicts: [] };
  let revisions = 0;
  const tombstones = new Map<string, TombstoneWithAuthor>();
  for (const t of tombstonesWithAuthors(tx)) tombstones.set(`${t.resourceType}:${t.resourceId}`, t);
  const curatedDeletions = [...tombstones.values()].filter((t) => !isLoader(t.keyId) && isCurated(t.resourceId) && t.before !== null);
  const matchedDeletions = new Set<TombstoneWithAuthor>();

  /**
   * What loaders last put in the record: the state after the newest revision by the seed or an
   * import, or, when it has none (loaded before loaders wrote revisions), the state before its
   * first revision. Null when neither is known (an editor created it).
   */
  const loaderBaseline = (type: ResourceType, id: string): Snapshot | null =>
    latestRevisionBy(tx, type, id, LOADER_KEY_IDS)?.after ?? firstRevision(tx, type, id)?.before ?? null;

  const conflict = (type: ResourceType, id: string, editor: Snapshot | null, file: Snapshot) =>
    corrections.conflicts.push({ resourceType: type, resourceId: id, editor, file });

  const history: ImportHistory = {
    corrections,
    revisionCount: () => revisions,

    create(store, row) {
      commitCreate(tx, store, row, ctx);
      revisions += 1;
    },

    createUnlessDeleted(store, row, taken) {
      for (let n = 1; ; n += 1) {
        const id = n === 1 ? row.id : `${row.id}_${n}`;
        const tombstone = tombstones.get(`${store.type}:${id}`);
        if (tombstone && !isLoader(tombstone.keyId)) {
          corrections.deletionsKept += 1;
          // The file still has the record; if what it says changed since the import wrote it, say so.
          const baseline = loaderBaseline(store.type, id);
          if (baseline) {
            const file = store.snapshot(tx, { ...row, id });
            const changed = Object.keys(file).filter((k) => !ignoredWhenComparing.has(k) && !same(file[k], baseline[k]));
            if (changed.length) conflict(store.type, id, null, pick(file, changed));
          }
          return null;
        }
        if (tombstone || taken(id)) continue;
        history.create(store, { ...row, id });
        return id;
      }
    },

    curatedDeletedByEditor(type, matches) {
      const found = curatedDeletions.find((t) => t.resourceType === type && !matchedDeletions.has(t) && matches(t.before!));
      if (!found) return false;
      matchedDeletions.add(found);
      corrections.deletionsKept += 1;
      return true;
    },

    curatedEventDeletedByEditor(sourceId, window) {
      return history.curatedDeletedByEditor('event', (event) => {
        const end = spanEnd({
          startAt: event.start_at as string,
          startPrecision: event.start_precision as TimePrecision,
          endAt: event.end_at as string | null,
          endPrecision: event.end_precision as TimePrecision | null,
          timezone: event.timezone as string,
          status: event.status as EventStatus,
        });
        if (!((event.start_at as string) < window.spanEndAt && (end === null || end > window.startAt))) return false;
        // It was cited to the post at the event level (its citations went before it).
        return [...tombstones.values()].some(
          (t) => t.resourceType === 'citation' && t.before !== null && t.before.event_id === event.id && t.before.source_id === sourceId && isEventLevelCitation(t.before),
        );
      });
    },

    update(store, current, patch) {
      const next = { ...current, ...patch, updatedAt: ctx.now };
      if (!history.heldByEditor(store.type, current.id)) return commitAndCount(store, current, next);
      const editor = store.snapshot(tx, current);
      const file = store.snapshot(tx, next);
      const differing = Object.keys(file).filter((k) => !ignoredWhenComparing.has(k) && !same(editor[k], file[k]));
      if (differing.length === 0) return 'unchanged';
      corrections.kept += 1;
      const baseline = loaderBaseline(store.type, current.id);
      if (baseline === null || differing.some((k) => !same(file[k], baseline[k]))) conflict(store.type, current.id, pick(editor, differing), pick(file, differing));
      return 'kept';
    },

    remove(store, current) {
      commitDelete(tx, store, current, ctx);
      revisions += 1;
      tombstones.set(`${store.type}:${current.id}`, { resourceType: store.type, resourceId: current.id, keyId: ctx.keyId, before: null });
    },

    heldByEditor(type, id) {
      const latest = latestRevision(tx, type, id);
      return latest !== null && !isLoader(latest.keyId);
    },

    eventChangedByEditor: (eventId) => eventChangedByOthers(tx, eventId, LOADER_KEY_IDS),

    keptForEditor() {
      corrections.kept += 1;
    },
  };

  function commitAndCount<Row extends { id: string }>(store: RecordStore<Row>, current: Row, next: Row): UpdateOutcome {
    if (!commitUpdate(tx, store, current, next, ctx)) return 'unchanged';
    revisions += 1;
    return 'updated';
  }

  return history;
}
