// GET /v1/events/{id}/revisions and GET /v1/changes: what changed, when, why and by whom.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RevisionRow } from '../../db/schema.js';
import { decodeCursor, encodeCursor, queryFingerprint } from '../../lib/cursor.js';
import { idParamsWithExample, notModifiedResponse } from '../../lib/http.js';
import { keysetPage, splitPage } from '../../lib/pagination.js';
import { invalidParameter, notFound, problemResponses } from '../../lib/problem.js';
import { changeFeedSchema, changesQuerySchema, revisionListSchema, revisionsQuerySchema, type RevisionWire } from './history.schemas.js';

export function presentRevision(row: RevisionRow): RevisionWire {
  return {
    revision: row.id,
    resource_type: row.resourceType,
    resource_id: row.resourceId,
    event_id: row.eventId,
    action: row.action,
    changed_at: row.changedAt,
    changed_by: { key_id: row.keyId, name: row.keyName },
    reason: row.reason,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

// The feed's cursor is its position; it belongs to no filter. It is not a keysetPage: a bad `since`
// gets its own message, and the answer always carries a cursor, so a caught-up reader can poll with it.
const FEED = queryFingerprint({ feed: 'changes' });

function feedPosition(since: string): number {
  let position: number;
  try {
    position = Number(decodeCursor(since, FEED, 1)[0]);
  } catch {
    position = NaN;
  }
  if (!Number.isInteger(position) || position < 0) {
    throw invalidParameter('query', 'since', 'is not a position this feed issued; pass next_cursor from an earlier answer unchanged');
  }
  return position;
}

export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events/:id/revisions',
    {
      schema: {
        operationId: 'listEventRevisions',
        tags: ['history'],
        summary: 'List the revisions of an event',
        description:
          'Every change to the event and to the records that belong to it (casualty, munition and damage reports, citations, ' +
          'relations), oldest first, each with who made it, when, why, and the record before and after. Deleted events keep ' +
          'their history. Changes made by the seed or an import are revisions too, by that loader (`changed_by.key_id` `seed` ' +
          'or `import:airforce`).',
        params: idParamsWithExample('evt_2025_07_04_kyiv_strike'),
        querystring: revisionsQuerySchema,
        response: { 200: revisionListSchema, ...notModifiedResponse, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { limit, cursor } = request.query;
      const { page, nextCursor } = await keysetPage({
        fingerprint: queryFingerprint({ revisionsOf: id }),
        cursor,
        arity: 1,
        limit,
        fetch: (key, count) => app.store.records.eventRevisions(id, key && Number(key[0]), count),
        keyOf: (revision) => [revision.id],
      });
      // Only a first page can tell an event without history from one that never existed.
      if (page.length === 0 && !cursor && !(await app.store.events.get(id)) && !(await app.store.records.deleted('event', id))) {
        throw notFound('event', id);
      }
      return { data: page.map(presentRevision), next_cursor: nextCursor };
    },
  );

  app.get(
    '/changes',
    {
      schema: {
        operationId: 'listChanges',
        tags: ['history'],
        summary: 'List changes',
        description:
          'The feed of every change: created, updated and deleted records of every type, in commit order, whether an editor, the seed or an import made ' +
          'the change. To sync: start without `since`, store each ' +
          'answer\'s `next_cursor`, and later pass it as `since` to get only what changed after. Deletions appear with ' +
          '`action: deleted` and the record as it was in `before`.',
        querystring: changesQuerySchema,
        response: { 200: changeFeedSchema, ...notModifiedResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { since, limit } = request.query;
      const after = since ? feedPosition(since) : 0;
      const { page, more } = splitPage(await app.store.records.changes(after, limit + 1), limit);
      const position = page.at(-1)?.id ?? after;
      return { data: page.map(presentRevision), next_cursor: encodeCursor([position], FEED), has_more: more };
    },
  );
};
