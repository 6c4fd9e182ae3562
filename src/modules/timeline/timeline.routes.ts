// /v1/timeline: what happened, in what order, grouped by day, week, month or year in the
// reader's time zone. Same filters and cursor paging as /v1/events.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventRow } from '../../db/schema.js';
import { eventHeadline, type CasualtyClaim, type MunitionClaim } from '../../domain/figures.js';
import { bucketer, type BucketRef } from '../../lib/buckets.js';
import { notModifiedResponse } from '../../lib/http.js';
import { problemResponses } from '../../lib/problem.js';
import { toLocalIso } from '../../lib/time.js';
import { claimsOfEvents, relationsOfEvents } from '../events/events.repository.js';
import { listEventPage } from '../events/events.routes.js';
import { timelineQuerySchema, timelineSchema, type TimelineEntryWire } from './timeline.schemas.js';

function byEvent<T extends { eventId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.eventId, [...(map.get(row.eventId) ?? []), row]);
  return map;
}

const brief = (e: EventRow) => ({ id: e.id, kind: e.kind, status: e.status, title: e.title, start_at: e.startAt });

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/timeline',
    {
      schema: {
        operationId: 'getTimeline',
        tags: ['timeline'],
        summary: 'Events in order, grouped by calendar bucket',
        description:
          'Each event is placed in the bucket, in `tz`, that contains its start, with its headline figures (chosen as in the statistics) ' +
          'and its relations. Scheduled events appear, marked by `status`.',
        querystring: timelineQuerySchema,
        response: { 200: timelineSchema, ...notModifiedResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { bucket, tz, ...listQuery } = request.query;
      const { page, nextCursor } = await listEventPage(app.db, listQuery, tz);
      const ids = page.map((e) => e.id);
      const claims = await claimsOfEvents(app.db, ids);
      const casualties = byEvent<CasualtyClaim>(claims.casualty);
      const munitions = byEvent<MunitionClaim>(claims.munition);
      const links = await relationsOfEvents(app.db, ids);
      const bucketOf = bucketer(bucket, tz);

      const groups: Array<BucketRef & { events: TimelineEntryWire[] }> = [];
      for (const event of page) {
        const headline = eventHeadline(casualties.get(event.id) ?? [], munitions.get(event.id) ?? []);
        const entry: TimelineEntryWire = {
          id: event.id,
          kind: event.kind,
          status: event.status,
          title: event.title,
          start_at: event.startAt,
          start_precision: event.startPrecision,
          start_local: toLocalIso(event.startAt, tz),
          end_at: event.endAt,
          location: {
            place: event.place,
            admin1: event.admin1,
            country: event.country,
            latitude: event.latitude,
            longitude: event.longitude,
            geo_precision: event.geoPrecision,
          },
          headline: {
            casualties: headline.casualties.map(({ sourceIds, ...range }) => ({ ...range, source_ids: sourceIds })),
            munitions: headline.munitions && {
              source_id: headline.munitions.sourceId,
              launched: headline.munitions.launched,
              intercepted: headline.munitions.intercepted,
              lost_to_ew: headline.munitions.lostToEw,
            },
          },
          relations: links
            .filter(({ relation }) => relation.fromEventId === event.id || relation.toEventId === event.id)
            .map(({ relation, from, to }) => {
              const outgoing = relation.fromEventId === event.id;
              return { id: relation.id, kind: relation.kind, direction: outgoing ? ('outgoing' as const) : ('incoming' as const), event: brief(outgoing ? to : from) };
            }),
        };
        const ref = bucketOf(event.startAt);
        const last = groups.at(-1);
        if (last && last.label === ref.label) last.events.push(entry);
        else groups.push({ ...ref, events: [entry] });
      }
      return {
        bucket,
        tz,
        data: groups.map(({ label, start, end, events }) => ({ label, start: start!, end: end!, events })),
        next_cursor: nextCursor,
      };
    },
  );
};
