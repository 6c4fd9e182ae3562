// /v1/timeline: what happened, in what order, grouped by day, week, month or year in the
// reader's time zone. Same filters and cursor paging as /v1/events; also a CSV of one row per
// event with its bucket.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventRow } from '../../db/schema.js';
import { bucketer, type BucketRef } from '../../lib/buckets.js';
import { csvEncoder, exportFormat, sendExport } from '../../lib/export.js';
import { registerFormatRoutes } from '../../lib/format-routes.js';
import { setNextLink } from '../../lib/formats.js';
import { timelineCells, timelineColumns } from './timeline.entries.js';
import { TIMELINE_FORMATS, timelineQuerySchema, timelineSchema, type TimelineEntryWire } from './timeline.schemas.js';

const TIMELINE_DESCRIPTION =
  'Events in order, grouped by calendar bucket (day, ISO week, month or year) in `tz`. Each event is placed in the bucket, in `tz`, that contains its start, with its headline figures (chosen as in the statistics) ' +
  'and its relations. Scheduled events appear, marked by `status`. Same filters as /v1/events.';

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  registerFormatRoutes(app, {
    path: '/timeline',
    fileStem: 'timeline',
    what: 'the timeline',
    offered: TIMELINE_FORMATS,
    tags: ['timeline'],
    operations: {
      json: { operationId: 'getTimeline', summary: 'Get the timeline', description: `${TIMELINE_DESCRIPTION} JSON pages like /v1/events.` },
      csv: {
        operationId: 'exportTimelineCsv',
        summary: 'Export the timeline as CSV',
        description: 'One row per event with its bucket: every matching event, streamed, unless `limit` is given.',
      },
    },
    description: TIMELINE_DESCRIPTION,
    querystring: timelineQuerySchema,
    // JSON pages carry whole entries, as their schema says; `fields` shapes the CSV.
    omit: { json: ['fields'] },
    bodies: {
      json: timelineSchema,
      csv:
        'One row per event: bucket, bucket_start, bucket_end, then the entry\'s fields (location as place, admin1, country, latitude, longitude, geo_precision; ' +
        'headline as killed/injured/missing low, best, high, as_reported, source ids and launched, intercepted, lost_to_ew, munitions_source_id; relations as `follows evt_b` or `evt_a follows`).',
    },
    errors: [],
    pages: true,
    config: { responseCache: true },
    handler: async (request, reply, negotiated) => {
      const { format } = negotiated;
      const { bucket, fields, ...listQuery } = request.query;
      const { tz } = listQuery;
      const bucketOf = bucketer(bucket, tz);

      if (format === 'csv') {
        const source = await app.store.events.toExport(listQuery);
        setNextLink(reply, request, source.nextCursor);
        const csv = exportFormat(
          async (batch: EventRow[]) => (await app.store.timeline.entries(batch, tz, bucketOf)).map(timelineCells),
          csvEncoder(timelineColumns(fields), negotiated),
        );
        return sendExport(request, reply, { rows: source.rows, ...csv }, source.stream);
      }

      const { page, nextCursor } = await app.store.events.listPage(listQuery);
      setNextLink(reply, request, nextCursor);
      const groups: Array<BucketRef & { events: TimelineEntryWire[] }> = [];
      for (const { bucket: ref, entry } of await app.store.timeline.entries(page, tz, bucketOf)) {
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
  });
};
