// Wire shapes of the history: revisions of records and the change feed.
import { z } from 'zod';
import { pageQuerySchema } from '../../lib/pagination.js';
import { queryParameters } from '../../lib/query.js';
import { changeActionSchema, resourceTypeSchema } from '../../lib/vocabulary-schemas.js';

const recordStateSchema = z
  .record(z.string(), z.unknown())
  .nullable();

export const revisionSchema = z
  .object({
    revision: z.number().int().describe('Position in commit order: later changes have larger numbers.'),
    resource_type: resourceTypeSchema,
    resource_id: z.string(),
    event_id: z.string().nullable().describe('The event the record belongs to (for a relation, its from-event); null for sources and actors.'),
    action: changeActionSchema,
    changed_at: z.string().describe('RFC 3339 UTC, when the change was committed.'),
    changed_by: z
      .object({ key_id: z.string(), name: z.string() })
      .describe('The API key that made the change, and its holder; or a loader: `seed` (the seed dataset) or `import:airforce` (the Air Force importer).'),
    reason: z.string().nullable().describe('The editor\'s correction note; for an import, the file, its SHA-256 and its row counts.'),
    before: recordStateSchema.describe('The record as the API showed it before the change; null for a creation.'),
    after: recordStateSchema.describe('The record after the change; null for a deletion.'),
  })
  .meta({ id: 'Revision', description: 'One change to one record: who, when, why, and the record before and after. Revisions cannot be changed or deleted.' });

export const revisionListSchema = z
  .object({
    data: z.array(revisionSchema),
    next_cursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  })
  .meta({ id: 'RevisionList', description: 'Revisions of an event and of every record belonging to it (figures, citations, relations), oldest first.' });

export const changeFeedSchema = z
  .object({
    data: z.array(revisionSchema),
    next_cursor: z.string().describe('Pass as `since` to continue after the last change here; keep it to poll for later changes.'),
    has_more: z.boolean().describe('True when more changes follow at once; false when the feed is caught up.'),
  })
  .meta({ id: 'ChangeFeed', description: 'Created, updated and deleted records in commit order.' });

export const changesQuerySchema = queryParameters({
  since: z
    .string()
    .max(1024)
    .optional()
    .describe('The `next_cursor` of an earlier answer; omit to start from the first change.'),
  limit: pageQuerySchema.limit,
});

export const revisionsQuerySchema = queryParameters({ ...pageQuerySchema });

export type RevisionWire = z.infer<typeof revisionSchema>;
