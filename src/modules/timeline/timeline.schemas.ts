// Wire shapes of the timeline: events in order, grouped into calendar buckets in the reader's
// time zone, each with its headline figures and its links to other events.
import { z } from 'zod';
import { CASUALTY_CATEGORIES } from '../../domain/vocabulary.js';
import { timeZoneSchema } from '../../lib/filters.js';
import { eventKindSchema, eventRelationSchema, eventStatusSchema, listEventsQuerySchema, locationSchema, timePrecisionSchema } from '../events/events.schemas.js';

export const timelineQuerySchema = listEventsQuerySchema.extend({
  bucket: z.enum(['day', 'week', 'month', 'year']).default('day').describe('Calendar unit events are grouped by, in `tz`.'),
  tz: timeZoneSchema,
});

export const headlineSchema = z
  .object({
    casualties: z
      .array(
        z.object({
          category: z.enum(CASUALTY_CATEGORIES),
          low: z.number().int(),
          best: z.number().int(),
          high: z.number().int().nullable(),
          source_ids: z.array(z.string()).describe('The sources whose claims the figure counts.'),
        }),
      )
      .describe('Per category, all groups together; the claims are chosen as in /v1/stats/casualties.'),
    munitions: z
      .object({
        source_id: z.string().describe('The one source whose figures count for this event, as in /v1/stats/munitions.'),
        launched: z.number().int().nullable(),
        intercepted: z.number().int().nullable(),
        lost_to_ew: z.number().int().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'Headline' });

export const timelineEntrySchema = z
  .object({
    id: z.string(),
    kind: eventKindSchema,
    status: eventStatusSchema.describe('Scheduled events appear too, marked so.'),
    title: z.string(),
    start_at: z.string(),
    start_precision: timePrecisionSchema,
    start_local: z.string().describe('`start_at` in the requested `tz`.'),
    end_at: z.string().nullable(),
    location: locationSchema,
    headline: headlineSchema,
    relations: z.array(eventRelationSchema.omit({ citations: true })).describe('What this event followed, responded to or concerns, and what did so to it.'),
  })
  .meta({ id: 'TimelineEntry' });

export const timelineSchema = z
  .object({
    bucket: z.string(),
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
  .meta({ id: 'Timeline' });

export type TimelineEntryWire = z.infer<typeof timelineEntrySchema>;
