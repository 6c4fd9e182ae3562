// Wire shapes of events: what happened, when, where, who took part, and each source's figures.
import { z } from 'zod';
import {
  ASSET_CATEGORIES,
  CASUALTY_CATEGORIES,
  CASUALTY_GROUPS,
  EVENT_KINDS,
  EVENT_STATUSES,
  GEO_PRECISIONS,
  RELATION_KINDS,
  TIME_PRECISIONS,
  WEAPON_CATEGORIES,
} from '../../domain/vocabulary.js';
import { countryCodeSchema, repeatableEnum } from '../../lib/filters.js';
import { listEnvelope, pageQuerySchema } from '../../lib/pagination.js';
import { parseTimeBound } from '../../lib/time.js';
import { actorKindSchema, actorRoleSchema } from '../actors/actors.schemas.js';
import { citationSchema, sourceRefSchema } from '../sources/sources.schemas.js';

export const eventKindSchema = z.enum(EVENT_KINDS).meta({ id: 'EventKind' });
export const eventStatusSchema = z.enum(EVENT_STATUSES).meta({ id: 'EventStatus' });
export const timePrecisionSchema = z.enum(TIME_PRECISIONS).meta({ id: 'TimePrecision' });

export const locationSchema = z
  .object({
    place: z.string().nullable().describe('Settlement or site name.'),
    admin1: z.string().nullable().describe('First-level administrative division (oblast, state).'),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2 code.'),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    geo_precision: z.enum(GEO_PRECISIONS).nullable().describe('What the coordinates locate: an exact point, or the centroid of a settlement, region or country.'),
  })
  .meta({ id: 'Location' });

export const eventSchema = z
  .object({
    id: z.string().describe('Stable opaque id; never changed or reused.'),
    kind: eventKindSchema,
    status: eventStatusSchema,
    title: z.string(),
    summary: z.string(),
    start_at: z.string().describe('RFC 3339 UTC. With a coarse precision, the start of that local day or month.'),
    start_precision: timePrecisionSchema,
    start_local: z.string().describe('`start_at` in the event\'s time zone, with its UTC offset.'),
    end_at: z.string().nullable().describe('RFC 3339 UTC, when the event has a known end.'),
    end_precision: timePrecisionSchema.nullable(),
    timezone: z.string().describe('IANA time zone of the place, e.g. Europe/Kyiv.'),
    location: locationSchema,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Event' });

export const eventActorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: actorKindSchema,
    country: z.string().nullable(),
    role: actorRoleSchema,
  })
  .meta({ id: 'EventActor' });

const reportIds = { id: z.string(), event_id: z.string() };
const reportProvenance = {
  source: sourceRefSchema.describe('The source that reported this figure.'),
  citations: z.array(citationSchema),
};

export const casualtyReportSchema = z
  .object({
    ...reportIds,
    category: z.enum(CASUALTY_CATEGORIES),
    group: z.enum(CASUALTY_GROUPS),
    low: z.number().int().nullable().describe('Lowest figure the source allows.'),
    best: z.number().int().nullable().describe('The source\'s best figure.'),
    high: z.number().int().nullable().describe('Highest figure the source allows; null when open-ended ("at least").'),
    as_reported: z.string().nullable().describe('The figure in the source\'s words, e.g. "at least 23".'),
    ...reportProvenance,
  })
  .meta({ id: 'CasualtyReport', description: 'One source\'s count of killed, injured or missing. UCDP\'s low/best/high convention.' });

export const munitionReportSchema = z
  .object({
    ...reportIds,
    weapon_category: z.enum(WEAPON_CATEGORIES).describe('`missile`: type not stated; `unspecified`: all weapons of the attack together.'),
    weapon_model: z.string().nullable(),
    launched: z.number().int().nullable(),
    intercepted: z.number().int().nullable().describe('Shot down.'),
    lost_to_ew: z.number().int().nullable().describe('Lost in flight without being shot down, mostly to electronic warfare.'),
    ...reportProvenance,
  })
  .meta({ id: 'MunitionReport', description: 'One source\'s count of weapons launched and stopped. Null means the source does not say.' });

export const damageReportSchema = z
  .object({
    ...reportIds,
    asset_category: z.enum(ASSET_CATEGORIES),
    count: z.number().int().nullable().describe('How many were damaged, when the source says.'),
    description: z.string().nullable(),
    ...reportProvenance,
  })
  .meta({ id: 'DamageReport' });

export const eventRelationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(RELATION_KINDS),
    direction: z.enum(['outgoing', 'incoming']).describe('`outgoing`: this event <kind> the other; `incoming`: the other <kind> this event.'),
    event: z.object({ id: z.string(), kind: eventKindSchema, status: eventStatusSchema, title: z.string(), start_at: z.string() }),
    citations: z.array(citationSchema),
  })
  .meta({ id: 'EventRelation' });

export const eventDetailSchema = eventSchema
  .extend({
    actors: z.array(eventActorSchema),
    casualty_reports: z.array(casualtyReportSchema),
    munition_reports: z.array(munitionReportSchema),
    damage_reports: z.array(damageReportSchema),
    citations: z.array(citationSchema).describe('Evidence for the event itself.'),
    relations: z.array(eventRelationSchema),
  })
  .meta({ id: 'EventDetail' });

export const timeBoundSchema = (name: 'from' | 'to') =>
  z
    .string()
    .max(64)
    .transform((value, ctx) => {
      const bound = parseTimeBound(value);
      if (!bound) {
        ctx.addIssue({ code: 'custom', message: 'must be a date (2025-07-04) or an RFC 3339 date-time (2025-07-04T03:00:00Z)' });
        return z.NEVER;
      }
      return bound;
    })
    .describe(
      name === 'from'
        ? 'Only events whose time span reaches this moment or later. A date means its first moment: 00:00 UTC, or 00:00 in `tz` where the endpoint takes one.'
        : 'Only events that start at or before this moment. A date includes that whole day: in UTC, or in `tz` where the endpoint takes one.',
    );

export const listEventsQuerySchema = z.object({
  from: timeBoundSchema('from').optional(),
  to: timeBoundSchema('to').optional(),
  kind: repeatableEnum(EVENT_KINDS).optional(),
  status: repeatableEnum(EVENT_STATUSES).optional(),
  actor: z.string().min(1).max(200).optional().describe('Only events this actor (id) takes part in.'),
  country: countryCodeSchema.optional().describe('Only events in this country (ISO 3166-1 alpha-2).'),
  source: z.string().min(1).max(200).optional().describe('Only events this source (id) supports, as claimant or channel.'),
  q: z
    .string()
    .max(200, { error: 'must be at most 200 characters' })
    .optional()
    .describe('Full-text search over title and summary. Every word must match; end a word with * for a prefix.'),
  sort: z.enum(['start_at', '-start_at']).default('start_at').describe('`start_at` oldest first, `-start_at` newest first.'),
  ...pageQuerySchema,
});

export const eventListSchema = listEnvelope(eventSchema).meta({ id: 'EventList' });

export type EventWire = z.infer<typeof eventSchema>;
export type EventDetailWire = z.infer<typeof eventDetailSchema>;
export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

export const eventContextQuerySchema = z.object({
  window_hours: z.coerce
    .number({ error: 'must be a whole number of hours' })
    .int({ error: 'must be a whole number of hours' })
    .min(1, { error: 'must be at least 1' })
    .max(8784, { error: 'must be at most 8784 (a leap year)' })
    .default(72)
    .describe('How far before its start and after its end to look, in hours.'),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(100, { error: 'must be at most 100' })
    .default(10)
    .describe('At most this many events on each side.'),
  kind: repeatableEnum(EVENT_KINDS).optional(),
  country: countryCodeSchema.optional().describe('Only neighbours in this country (ISO 3166-1 alpha-2).'),
});

export const eventContextSchema = z
  .object({
    event: eventSchema,
    window_start: z.string().describe('RFC 3339 UTC: the event\'s start minus the window.'),
    window_end: z.string().describe('RFC 3339 UTC: the event\'s end (or start) plus the window.'),
    before: z.array(eventSchema).describe('Events starting before this one within the window, nearest first.'),
    after: z.array(eventSchema).describe('Events starting after this one within the window, nearest first.'),
    linked: z.array(eventRelationSchema).describe('Events linked to this one by a relation, at any distance in time.'),
  })
  .meta({ id: 'EventContext' });
