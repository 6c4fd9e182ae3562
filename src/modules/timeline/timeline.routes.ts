// /v1/timeline: what happened, in what order, grouped by day, week, month or year in the
// reader's time zone. Same filters and cursor paging as /v1/events; also a CSV of one row per
// event with its bucket.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventRow } from '../../db/schema.js';
import { bucketer, type BucketRef } from '../../lib/buckets.js';
import { csvEncoder, exportFormat, sendExport } from '../../lib/export.js';
import { project } from '../../lib/fields.js';
import { formatResponses, negotiateFormat, setFormatHeaders, setNextLink } from '../../lib/formats.js';
import { notModifiedResponse } from '../../lib/http.js';
import { problemResponses } from '../../lib/problem.js';
import { eventsToExport, listEventPage } from '../events/events.routes.js';
import { timelineCells, timelineColumns, timelineEntries } from './timeline.entries.js';
import { TIMELINE_FORMATS, timelineQuerySchema, timelineSchema, type TimelineEntryWire } from './timeline.schemas.js';

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/timeline',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getTimeline',
        tags: ['timeline'],
        summary: 'Events in order, grouped by calendar bucket',
        description:
          'Each event is placed in the bucket, in `tz`, that contains its start, with its headline figures (chosen as in the statistics) ' +
          'and its relations. Scheduled events appear, marked by `status`.\n\n' +
          'Formats (`format=` or `Accept`): JSON pages; CSV has one row per event with its bucket and returns every matching event, streamed, unless `limit` is given.',
        querystring: timelineQuerySchema,
        response: {
          ...formatResponses(TIMELINE_FORMATS, 'The timeline in the requested format.', {
            json: timelineSchema,
            csv:
              'One row per event: bucket, bucket_start, bucket_end, then the entry\'s fields (location as place, admin1, country, latitude, longitude, geo_precision; ' +
              'headline as killed/injured/missing low, best, high, source ids and launched, intercepted, lost_to_ew, munitions_source_id; relations as `follows evt_b` or `evt_a follows`).',
          }),
          ...notModifiedResponse,
          ...problemResponses(400, 406),
        },
      },
    },
    async (request, reply) => {
      const { bucket, format: requested, bom, fields, ...listQuery } = request.query;
      const { tz } = listQuery;
      const negotiated = negotiateFormat(request, TIMELINE_FORMATS, requested, bom);
      setFormatHeaders(reply, negotiated, 'timeline');
      const bucketOf = bucketer(bucket, tz);

      if (negotiated.format === 'csv') {
        const source = await eventsToExport(app.db, listQuery);
        setNextLink(reply, request, source.nextCursor);
        const format = exportFormat(
          async (batch: EventRow[]) => (await timelineEntries(app.db, batch, tz, bucketOf)).map(timelineCells),
          csvEncoder(timelineColumns(fields), negotiated),
        );
        return sendExport(request, reply, { rows: source.rows, ...format }, source.stream);
      }

      const { page, nextCursor } = await listEventPage(app.db, listQuery);
      setNextLink(reply, request, nextCursor);
      const groups: Array<BucketRef & { events: TimelineEntryWire[] }> = [];
      for (const { bucket: ref, entry } of await timelineEntries(app.db, page, tz, bucketOf)) {
        const last = groups.at(-1);
        if (last && last.label === ref.label) last.events.push(entry);
        else groups.push({ ...ref, events: [entry] });
      }
      const body = {
        bucket,
        tz,
        data: groups.map(({ label, start, end, events }) => ({ label, start: start!, end: end!, events })),
        next_cursor: nextCursor,
      };
      if (!fields) return body;
      // A projected body is no longer the declared shape, so it bypasses the response serializer.
      return reply.send(JSON.stringify({ ...body, data: body.data.map((group) => ({ ...group, events: group.events.map((e) => project(e, fields)) })) }));
    },
  );
};
