// Wire shapes of the timeline: events in order, grouped into calendar buckets in the reader's
// time zone, each with its headline figures and its links to other events.
import { z } from 'zod';
import { fieldsQuerySchema } from '../../lib/fields.js';
import { timeZoneSchema } from '../../lib/filters.js';
import { offeredFormats } from '../../lib/formats.js';
import { calendarBucketSchema, eventKindSchema, eventStatusSchema, timePrecisionSchema } from '../../lib/vocabulary-schemas.js';
import { eventListQuerySchema, eventRelationSchema, headlineSchema, locationSchema } from '../events/events.schemas.js';
import { timelineExample } from './timeline.examples.js';

export const TIMELINE_FORMATS = offeredFormats(['json', 'csv'], 'TimelineFormat');

export const timelineEntrySchema = z
  .object({
    id: z.string(),
    kind: eventKindSchema,
    status: eventStatusSchema.describe('Scheduled events appear too, marked so.'),
    title: z.string(),
    start_at: z.string(),
    start_precision: timePrecisionSchema,
    start_local: z.string().describe('`start_at` in the requested `tz`, with its offset; for `day` or `month` precision only the date or month the source gives, in the event\'s own zone.'),
    end_at: z.string().nullable(),
    location: locationSchema,
    headline: headlineSchema,
    relations: z
      .array(eventRelationSchema.omit({ citations: true }).meta({ id: 'TimelineRelation', description: 'A relation of the event, without its citations.' }))
      .describe('What this event followed, responded to or concerns, and what did so to it.'),
  })
  .meta({ id: 'TimelineEntry' });

export const timelineSchema = z
  .object({
    bucket: calendarBucketSchema,
    tz: z.string(),
    data: z.array(
      z.object({
        label: z.string().describe('`2025-07-04` (day), `2025-W27` (ISO week), `2025-07` (month) or `2025` (year).'),
        start: z.string().describe('Local start of the bucket in `tz`, RFC 3339 with offset.'),
        end: z.string().describe('Local end (exclusive).'),
        events: z.array(timelineEntrySchema),
      }),
    ),
    next_cursor: z
      .string()
      .nullable()
      .describe('Pages hold `limit` events; a bucket cut by the page end continues, with the same label, on the next page.'),
  })
  .meta({ id: 'Timeline', description: 'Events in order, grouped by calendar bucket in `tz`.', examples: [timelineExample] });

/** A timeline entry's top-level fields, as `fields=` names them. */
export const TIMELINE_FIELDS = Object.keys(timelineEntrySchema.shape) as Array<keyof TimelineEntryWire>;

export const timelineFieldSchema = z.enum(TIMELINE_FIELDS).meta({ id: 'TimelineField', description: 'A top-level field of a timeline entry.' });

export const timelineQuerySchema = eventListQuerySchema.extend({
  bucket: calendarBucketSchema.default('day').describe('Calendar unit events are grouped by, in `tz`.'),
  tz: timeZoneSchema,
  fields: fieldsQuerySchema(timelineFieldSchema, 'In CSV the bucket columns always come first.'),
});

export type TimelineEntryWire = z.infer<typeof timelineEntrySchema>;
