// What routes may read of the record layer, as one async interface (see events.reads.ts for why):
// the answer for an id that names no record, and the revisions the history routes list.
import type { Db } from '../../db/client.js';
import type { RevisionRow } from '../../db/schema.js';
import type { ResourceType } from '../../domain/vocabulary.js';
import type { ProblemError } from '../../lib/problem.js';
import { getTombstone, listChanges, listEventRevisions, missingRecord } from './records.repository.js';

export interface RecordReads {
  /** The problem for an id that names no record: 404, or 410 with when and why it was deleted. */
  missing(type: ResourceType, label: string, id: string): Promise<ProblemError>;
  /** Whether a record of this type and id was deleted. */
  deleted(type: ResourceType, id: string): Promise<boolean>;
  /** An event's revisions after `afterId`, oldest first. */
  eventRevisions(eventId: string, afterId: number | undefined, limit: number): Promise<RevisionRow[]>;
  /** Every revision after `afterId`, in commit order. */
  changes(afterId: number, limit: number): Promise<RevisionRow[]>;
}

export function sqliteRecordReads(db: Db): RecordReads {
  return {
    missing: async (type, label, id) => missingRecord(db, type, label, id),
    deleted: async (type, id) => getTombstone(db, type, id) !== null,
    eventRevisions: async (eventId, afterId, limit) => listEventRevisions(db, eventId, afterId, limit),
    changes: async (afterId, limit) => listChanges(db, afterId, limit),
  };
}
