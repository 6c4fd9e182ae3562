// /v1/events: the event store's read API.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/schema.js';
import { decodeCursor, encodeCursor, queryFingerprint } from '../../lib/cursor.js';
import { toFtsQuery } from '../../lib/fts.js';
import { idParamsSchema, notModifiedResponse } from '../../lib/http.js';
import { splitPage } from '../../lib/pagination.js';
import { invalidParameter, notFound, problemResponses } from '../../lib/problem.js';
import { addHours, exclusiveUpper, lowerInstant } from '../../lib/time.js';
import { presentEvent, presentEventDetail } from './events.present.js';
import { eventsAround, getEvent, getEventFacts, listEvents, type EventFilter } from './events.repository.js';
import {
  eventContextQuerySchema,
  eventContextSchema,
  eventDetailSchema,
  eventListSchema,
  listEventsQuerySchema,
  type ListEventsQuery,
} from './events.schemas.js';

/**
 * Turns validated query parameters into a repository filter, rejecting combinations zod cannot
 * see. Dates in `from`/`to` are whole days in `timezone`: UTC for lists, the reader's `tz` for
 * the timeline and statistics, so their first and last buckets are whole.
 */
export function eventFilterFromQuery(query: Omit<ListEventsQuery, 'limit' | 'cursor' | 'sort'>, timezone = 'UTC'): EventFilter {
  const from = query.from && lowerInstant(query.from, timezone);
  const toExclusive = query.to && exclusiveUpper(query.to, timezone);
  if (from && toExclusive && from >= toExclusive) {
    throw invalidParameter('query', 'from', 'must be earlier than `to`');
  }
  let match: string | undefined;
  if (query.q !== undefined) {
    match = toFtsQuery(query.q) ?? undefined;
    if (!match) throw invalidParameter('query', 'q', 'must contain at least one letter or digit');
  }
  return {
    from,
    toExclusive,
    kinds: query.kind,
    statuses: query.status,
    actorId: query.actor,
    country: query.country,
    sourceId: query.source,
    match,
  };
}

/** One keyset page of events for a list query; shared by /v1/events and /v1/timeline. */
export async function listEventPage(db: Db, query: ListEventsQuery, timezone = 'UTC'): Promise<{ page: EventRow[]; nextCursor: string | null }> {
  const { limit, cursor, sort, ...filters } = query;
  // The zone changes the result set only through date bounds, so only then is it part of the query.
  const zoneMatters = Boolean(filters.from?.dateOnly || filters.to?.dateOnly);
  const fingerprint = queryFingerprint({ ...filters, from: filters.from?.input, to: filters.to?.input, sort, timezone: zoneMatters ? timezone : undefined });
  const key = cursor ? decodeCursor(cursor, fingerprint, 2) : undefined;
  const rows = await listEvents(db, {
    ...eventFilterFromQuery(filters, timezone),
    order: sort === 'start_at' ? 'asc' : 'desc',
    after: key ? { startAt: String(key[0]), id: String(key[1]) } : undefined,
    limit: limit + 1,
  });
  const { page, more } = splitPage(rows, limit);
  const last = page.at(-1);
  return { page, nextCursor: more && last ? encodeCursor([last.startAt, last.id], fingerprint) : null };
}

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events',
    {
      schema: {
        operationId: 'listEvents',
        tags: ['events'],
        summary: 'List events',
        description:
          'Events ordered by start time, filtered by time span, kind, status, actor, country, source and full text. ' +
          'Pages are keyset cursors: follow `next_cursor` until it is null.',
        querystring: listEventsQuerySchema,
        response: { 200: eventListSchema, ...notModifiedResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { page, nextCursor } = await listEventPage(app.db, request.query);
      return { data: page.map(presentEvent), next_cursor: nextCursor };
    },
  );

  app.get(
    '/events/:id',
    {
      schema: {
        operationId: 'getEvent',
        tags: ['events'],
        summary: 'Get an event with its actors, figures, citations and relations',
        description:
          'Every casualty, munition and damage figure is one source\'s claim and carries that source and its citations. ' +
          'Where sources disagree, each claim is listed; none is silently preferred.',
        params: idParamsSchema,
        response: { 200: eventDetailSchema, ...notModifiedResponse, ...problemResponses(404) },
      },
    },
    async (request) => {
      const event = await getEvent(app.db, request.params.id);
      if (!event) throw notFound('event', request.params.id);
      return presentEventDetail(event, await getEventFacts(app.db, event.id));
    },
  );

  app.get(
    '/events/:id/context',
    {
      schema: {
        operationId: 'getEventContext',
        tags: ['events'],
        summary: 'What happened around an event, and what is linked to it',
        description: 'The events just before and after it within a time window, and every event linked to it by a relation.',
        params: idParamsSchema,
        querystring: eventContextQuerySchema,
        response: { 200: eventContextSchema, ...notModifiedResponse, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const event = await getEvent(app.db, request.params.id);
      if (!event) throw notFound('event', request.params.id);
      const { window_hours: hours, limit, kind, country } = request.query;
      const window = {
        earliest: addHours(event.startAt, -hours),
        latest: addHours(event.endAt ?? event.startAt, hours),
      };
      const { before, after } = await eventsAround(app.db, event, window, { kinds: kind, country }, limit);
      const detail = presentEventDetail(event, await getEventFacts(app.db, event.id));
      return {
        event: presentEvent(event),
        window_start: window.earliest,
        window_end: window.latest,
        before: before.map(presentEvent),
        after: after.map(presentEvent),
        linked: detail.relations,
      };
    },
  );
};
