// Wire shapes of events: what happened, when, where, who took part, and each source's figures.
import { z } from 'zod';
import { fieldsQuerySchema } from '../../lib/fields.js';
import { countryCode, countryCodeSchema, dateTimeParameter, listOf, timeZoneSchema } from '../../lib/filters.js';
import { offeredFormats } from '../../lib/formats.js';
import { exportPageQuerySchema, listEnvelope } from '../../lib/pagination.js';
import { queryParameters } from '../../lib/query.js';
import { parseTimeBound } from '../../lib/time.js';
import {
  actorKindSchema,
  actorRoleSchema,
  assetCategorySchema,
  casualtyCategorySchema,
  casualtyGroupSchema,
  eventKindSchema,
  eventStatusSchema,
  geoPrecisionSchema,
  placeRoleSchema,
  relationDirectionSchema,
  relationKindSchema,
  timePrecisionSchema,
  weaponCategorySchema,
} from '../../lib/vocabulary-schemas.js';
import { placeFilterParameters } from '../places/places.schemas.js';
import { citationSchema, sourceRefSchema } from '../sources/sources.schemas.js';
import { eventContextExample, eventDetailExample, eventListExample } from './events.examples.js';

export const locationSchema = z
  .object({
    place: z.string().nullable().describe('Settlement or site name.'),
    admin1: z.string().nullable().describe('First-level administrative division (oblast, state).'),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2 code.'),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    geo_precision: geoPrecisionSchema.nullable().describe('What the coordinates locate: an exact point, or the centroid of a settlement, region or country.'),
  })
  .meta({ id: 'Location' });

export const eventPlaceSchema = z
  .object({
    role: placeRoleSchema,
    name: z.string().describe('The place as the source names it, e.g. "Kyiv oblast (south)".'),
    gazetteer_id: z.string().nullable().describe('Its entry in the gazetteer (`/v1/places/{id}`); null for a place an editor gave by coordinates.'),
    admin1: z.string().nullable().describe('ISO 3166-2 code of its first-level unit, e.g. `UA-30` (Kyiv city), `UA-32` (Kyiv Oblast).'),
    admin1_name: z.string().nullable().describe('The unit\'s English name.'),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2 code.'),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    geo_precision: geoPrecisionSchema.nullable().describe('What the coordinates locate: an exact point, or the centroid of a settlement, unit or country; null when nothing locates it.'),
  })
  .meta({ id: 'EventPlace', description: 'A place an event concerns, in one role.' });

export const eventSchema = z
  .object({
    id: z.string().describe('Stable opaque id; never changed or reused.'),
    kind: eventKindSchema,
    status: eventStatusSchema,
    title: z.string(),
    summary: z.string(),
    start_at: z.string().describe('RFC 3339 UTC. With a coarse precision, the start of that local day or month.'),
    start_precision: timePrecisionSchema,
    start_local: z
      .string()
      .describe('`start_at` as a local reader saw it: in the event\'s time zone with its UTC offset; for `day` or `month` precision only the date (`2025-07-04`) or month (`2025-07`).'),
    end_at: z.string().nullable().describe('RFC 3339 UTC, when the event has a known end.'),
    end_precision: timePrecisionSchema.nullable(),
    timezone: z.string().describe('IANA time zone of the place, e.g. Europe/Kyiv.'),
    location: locationSchema,
    places: z.array(eventPlaceSchema).describe('Every place the event concerns, each in a role (targets, places affected, launch sites), in the order its source lists them.'),
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
    category: casualtyCategorySchema,
    group: casualtyGroupSchema,
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
    weapon_category: weaponCategorySchema,
    weapon_model: z.string().nullable(),
    launched: z.number().int().nullable(),
    intercepted: z.number().int().nullable().describe('Shot down.'),
    lost_to_ew: z.number().int().nullable().describe('Lost in flight without being shot down, mostly to electronic warfare.'),
    start_at: z.string().nullable().describe('When the period this figure covers starts, where the source dates the figure itself (an Air Force post dates each weapon\'s window); null: the event\'s time. Statistics count the figure where this starts.'),
    start_precision: timePrecisionSchema.nullable(),
    end_at: z.string().nullable().describe('When that period ends; null when the source gives no end, or no time of its own.'),
    end_precision: timePrecisionSchema.nullable(),
    ...reportProvenance,
  })
  .meta({ id: 'MunitionReport', description: 'One source\'s count of weapons launched and stopped. Null means the source does not say.' });

export const damageReportSchema = z
  .object({
    ...reportIds,
    asset_category: assetCategorySchema,
    count: z.number().int().nullable().describe('How many were damaged, when the source says.'),
    description: z.string().nullable(),
    ...reportProvenance,
  })
  .meta({ id: 'DamageReport' });

export const eventRelationSchema = z
  .object({
    id: z.string(),
    kind: relationKindSchema,
    direction: relationDirectionSchema,
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
  .meta({
    id: 'EventDetail',
    description: 'One event with its actors, each source\'s casualty, munition and damage figures with their citations, and its relations.',
    examples: [eventDetailExample],
  });

export const BOUND_FORMS = 'Give a date (`2025-07-04`) or an RFC 3339 date-time with its UTC offset (`2025-07-04T03:00:00Z`, `2025-07-04T06:00:00+03:00`; in a URL `+` is `%2B`).';

export const timeBoundSchema = (name: 'from' | 'to') =>
  z
    .string()
    .max(64)
    .meta({ examples: [name === 'from' ? '2025-07-03' : '2025-07-04'] })
    .transform((value, ctx) => {
      const bound = parseTimeBound(value);
      if ('reason' in bound) {
        ctx.addIssue({ code: 'custom', message: bound.reason ?? 'must be a date (2025-07-04) or an RFC 3339 date-time (2025-07-04T03:00:00Z)' });
        return z.NEVER;
      }
      return bound;
    })
    .describe(
      name === 'from'
        ? `Only events that start at this moment or later (with \`range=overlaps\`: whose time span reaches it). ${BOUND_FORMS} A date means its first moment in \`tz\`.`
        : `Only events that start at or before this moment. ${BOUND_FORMS} A date includes that whole day in \`tz\`.`,
    );

/** `range`: which events a period selects; statistics always count by start. */
export const eventRangeSchema = z
  .enum(['starts', 'overlaps'])
  .meta({ id: 'EventRange', description: 'Which events a period selects: those that `starts` in it, or those whose time span `overlaps` it.' });

export const eventSortSchema = z.enum(['start_at', '-start_at']).meta({ id: 'EventSort', description: '`start_at` oldest first, `-start_at` newest first.' });

/** The filters, sort and paging of event lists; the timeline takes them too. */
export const eventListQuerySchema = queryParameters({
  from: timeBoundSchema('from').optional(),
  to: timeBoundSchema('to').optional(),
  tz: timeZoneSchema.describe('IANA time zone in which a date in `from` or `to` is a whole day (e.g. Europe/Kyiv); default UTC.'),
  range: eventRangeSchema
    .default('starts')
    .describe(
      '`starts` (the default): events that start in [`from`, `to`], so consecutive periods partition the events and a count equals `event_count` in the statistics. ' +
        '`overlaps`: events whose time span meets the period, so an attack that began the night before is included too.',
    ),
  kind: listOf(eventKindSchema, { description: 'Only events of these kinds.', example: 'aerial_attack' }).optional(),
  status: listOf(eventStatusSchema, { description: 'Only events with these statuses.', example: 'occurred' }).optional(),
  actor: z.string().min(1).max(200).optional().describe('Only events this actor (id) takes part in.').meta({ examples: ['act_russian_armed_forces'] }),
  country: countryCode('UA').optional().describe('Only events in this country (ISO 3166-1 alpha-2).'),
  source: z.string().min(1).max(200).optional().describe('Only events this source (id) supports, as claimant or channel.').meta({ examples: ['src_time'] }),
  ...placeFilterParameters,
  q: z
    .string()
    .max(200, { error: 'must be at most 200 characters' })
    .optional()
    .describe('Full-text search over title, summary and the names of the event\'s places in every spelling the gazetteer knows (Kiev, Київ). Every word must match; end a word with * for a prefix.')
    .meta({ examples: ['Kyiv'] }),
  sort: eventSortSchema.default('start_at').describe('`start_at` (the default) oldest first, `-start_at` newest first.'),
  ...exportPageQuerySchema,
});

export const EVENT_FORMATS = offeredFormats(['json', 'csv', 'ndjson', 'geojson'], 'EventFormat');

/** An event's top-level fields, as `fields=` names them. */
export const EVENT_FIELDS = Object.keys(eventSchema.shape) as Array<keyof EventWire>;

export const eventFieldSchema = z
  .enum([...EVENT_FIELDS, 'headline'])
  .meta({ id: 'EventField', description: 'A top-level field of an event; `headline`, its headline figures\' columns, exists in CSV and GeoJSON only.' });

export const listEventsQuerySchema = eventListQuerySchema.extend({
  fields: fieldsQuerySchema(eventFieldSchema, '`headline` (the headline figures\' columns) exists in CSV and GeoJSON only.'),
  profile: z
    .enum(['acled'], { error: 'must be acled' })
    .optional()
    .describe('`/v1/events.csv` only: `acled` writes ACLED\'s export columns, in ACLED\'s order, so ACLED pipelines can read the file.'),
});

export const eventListSchema = listEnvelope(eventSchema).meta({
  id: 'EventList',
  description: 'A page of events, each whole (`fields` shapes the files: /v1/events.csv, .ndjson, .geojson).',
  examples: [eventListExample],
});

export const headlineSchema = z
  .object({
    casualties: z
      .array(
        z.object({
          category: casualtyCategorySchema,
          low: z.number().int(),
          best: z.number().int(),
          high: z.number().int().nullable(),
          source_ids: z.array(z.string()).describe('The sources whose claims the figure counts.'),
          as_reported: z.array(z.string()).describe('The counted claims in their sources\' words, e.g. "over 23 injuries".'),
        }),
      )
      .describe(
        'Per category, all groups together, the claims chosen as in /v1/stats/casualties: always a figure a source stated, or the sum of the civilian, military and ' +
          'unknown-group figures chosen, never a number worked out otherwise ("over 23" stays 23, open-ended).',
      ),
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

const propertyValueSchema = z.union([z.string(), z.number(), z.null()]);

const positionSchema = z.array(z.number()).min(2).max(2).describe('[longitude, latitude] in WGS 84, longitude first (RFC 7946).');

export const eventFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string().describe('The event id.'),
    geometry: z
      .union([
        z.object({ type: z.literal('Point'), coordinates: positionSchema }),
        z.object({ type: z.literal('MultiPoint'), coordinates: z.array(positionSchema).min(2) }),
      ])
      .nullable()
      .describe(
        'Where it happened: the places it targeted or affected (launch sites are left out), as a Point or a MultiPoint; failing those its main location; ' +
          'a place known only by its country at that country\'s centroid. Null (RFC 7946 §3.2) only when nothing locates it.',
      ),
    properties: z
      .record(z.string(), propertyValueSchema)
      .describe(
        'The event\'s CSV columns with their JSON types: its fields (location flattened to place, admin1, country, …; places as `places` and `places_admin1`) and headline figures; ' +
          '`fields` chooses them. `geo_precision` says what the geometry locates: the coarsest of its points (`point`, `settlement`, `admin1`, `country`).',
      ),
  })
  .meta({ id: 'EventFeature' });

export const eventFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(eventFeatureSchema).describe('One feature per matching event, the same events the JSON list returns.'),
    next_cursor: z
      .string()
      .nullable()
      .describe('Foreign member (RFC 7946 §6.1): with `limit`, pass as `cursor` for the next page (also in the `Link` header); null on the last page.'),
  })
  .meta({ id: 'EventFeatureCollection', description: 'An RFC 7946 GeoJSON FeatureCollection of events, for QGIS, geojson.io and other GIS tools.' });


export type EventWire = z.infer<typeof eventSchema>;
export type LocationWire = z.infer<typeof locationSchema>;
export type EventPlaceWire = z.infer<typeof eventPlaceSchema>;
export type HeadlineWire = z.infer<typeof headlineSchema>;
export type EventDetailWire = z.infer<typeof eventDetailSchema>;
export type CasualtyReportWire = z.infer<typeof casualtyReportSchema>;
export type MunitionReportWire = z.infer<typeof munitionReportSchema>;
export type DamageReportWire = z.infer<typeof damageReportSchema>;
export type ListEventsQuery = z.infer<typeof eventListQuerySchema>;

export const eventContextQuerySchema = queryParameters({
  window_hours: z.coerce
    .number({ error: 'must be a whole number of hours' })
    .int({ error: 'must be a whole number of hours' })
    .min(1, { error: 'must be at least 1' })
    .max(8784, { error: 'must be at most 8784 (a leap year)' })
    .meta({ format: 'int32' })
    .default(72)
    .describe('How far before its start and after its end to look, in hours.'),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(100, { error: 'must be at most 100' })
    .meta({ format: 'int32' })
    .default(10)
    .describe('At most this many events on each side.'),
  kind: listOf(eventKindSchema, { description: 'Only neighbours of these kinds.' }).optional(),
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
  .meta({
    id: 'EventContext',
    description: 'The event, its neighbours in time on either side, and the events linked to it.',
    examples: [eventContextExample],
  });

export const eventAsOfQuerySchema = queryParameters({
  // No example: /docs would fill it in, and "Try it out" would ask for a moment before the seed existed.
  as_of: dateTimeParameter()
    .transform((dateTime) => dateTime.toJSDate().toISOString())
    .optional()
    .describe(
      'Answer the event, with its figures, as it stood at this moment: before or after a correction. ' +
        'An RFC 3339 date-time with its UTC offset (`2025-07-05T12:00:00Z`; in a URL `+` is `%2B`).',
    ),
});
