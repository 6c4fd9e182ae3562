// Wire shapes of the statistics: per-bucket totals chosen by the documented rule, with each
// source's own totals beside them, and how many events and sources stand behind every figure.
import { z } from 'zod';
import { countryCode, listOf, timeZoneSchema } from '../../lib/filters.js';
import { offeredFormats } from '../../lib/formats.js';
import { queryParameters } from '../../lib/query.js';
import { bucketSchema, casualtyCategorySchema, casualtyGroupSchema, eventKindSchema, weaponCategorySchema } from '../../lib/vocabulary-schemas.js';
import { BOUND_FORMS, timeBoundSchema } from '../events/events.schemas.js';
import { placeFilterParameters } from '../places/places.schemas.js';
import { sourceRefSchema } from '../sources/sources.schemas.js';
import { casualtyStatsExample, munitionStatsExample } from './stats.examples.js';

export const STATS_FORMATS = offeredFormats(['json', 'csv', 'geojson'], 'StatsFormat');
const BY_SOURCE =
  '`by_source` adds each source\'s own totals beside the chosen figures, and to each figure the number of distinct sources behind it; ' +
  'it reads every claim of the period, so it is slower over years than the chosen figures alone.';

export const statsGroupBySchema = z.enum(['admin1']).meta({ id: 'StatsGroupBy', description: 'A division of the figures beside the national ones: `admin1`, per first-level unit.' });
export const casualtyStatsPartSchema = z.enum(['by_source']).meta({ id: 'CasualtyStatsPart', description: 'A part casualty statistics add on request.' });
export const munitionStatsPartSchema = z.enum(['by_model', 'by_source']).meta({ id: 'MunitionStatsPart', description: 'A part munition statistics add on request.' });

// Statistics partition time: each figure counts in the one period and bucket where its time starts.
const statsFilters = {
  from: timeBoundSchema('from')
    .optional()
    .describe(`Only figures whose time starts at this moment or later (and, in \`event_count\`, events that start then). ${BOUND_FORMS} A date means its first moment in \`tz\`.`),
  to: timeBoundSchema('to')
    .optional()
    .describe(`Only figures whose time starts at or before this moment. ${BOUND_FORMS} A date includes that whole day in \`tz\`.`),
  kind: listOf(eventKindSchema, { description: 'Only events of these kinds.', example: 'aerial_attack' }).optional(),
  country: countryCode('UA').optional().describe('Only events in this country (ISO 3166-1 alpha-2).'),
  actor: z.string().min(1).max(200).optional().describe('Only events this actor (id) takes part in.').meta({ examples: ['act_russian_armed_forces'] }),
  ...placeFilterParameters,
  group_by: statsGroupBySchema
    .optional()
    .describe(
      '`admin1`: beside the national figures, each first-level unit\'s (`by_admin1`), from the units of the events\' places in `place_role`. An event whose ' +
        'places lie in several units counts in each of them and once in the national figures (`events_in_several_units` says how many did); events in no known unit ' +
        'are grouped under `admin1: null`. Implied by the GeoJSON layer (`.geojson`).',
    ),
  bucket: bucketSchema.default('month').describe('Calendar unit of each row, in `tz`; `all` gives one row for the whole range.'),
  tz: timeZoneSchema,
};

export const casualtyStatsQuerySchema = queryParameters({
  ...statsFilters,
  include: listOf(casualtyStatsPartSchema, { description: BY_SOURCE, example: 'by_source' }).optional(),
});

export const munitionStatsQuerySchema = queryParameters({
  ...statsFilters,
  include: listOf(munitionStatsPartSchema, {
    description: `\`by_model\` adds the figures of each weapon model (Shahed-136/131, Kh-101…) beside each weapon category's. ${BY_SOURCE}`,
    example: 'by_model',
  }).optional(),
});

const support = {
  event_count: z
    .number()
    .int()
    .describe(
      'How many events starting in this bucket have this figure: the same events a list of `/v1/events` with the same filters and period returns. ' +
        'A figure its source dates later than its event\'s start (an Air Force post\'s second night) counts in its own bucket, its event where the event starts.',
    ),
  source_count: z.number().int().optional().describe('How many distinct sources the counted claims come from; with `include=by_source`.'),
};

const unitFields = {
  admin1: z.string().nullable().describe('ISO 3166-2 code of the unit; null for the events with no place in a known unit.'),
  name: z.string().nullable().describe('The unit\'s English name.'),
};

const severalUnits = {
  events_in_several_units: z
    .number()
    .int()
    .optional()
    .describe('With `group_by=admin1`: how many of the bucket\'s events count in more than one unit, so that the units\' figures add up to more than the national ones.'),
};

const bucketFields = {
  label: z.string().describe('`2025-07-04` (day), `2025-W27` (ISO week), `2025-07` (month), `2025` (year) or `all`.'),
  start: z.string().nullable().describe('Local start of the bucket in `tz`, RFC 3339 with offset; null for `all`.'),
  end: z.string().nullable().describe('Local end (exclusive); null for `all`.'),
};

/**
 * A statistics answer: per bucket, its chosen figures (`figures`; `headline` names the field that
 * sums them), then each source's and each unit's own (`own`).
 */
const statsSchema = <F extends z.ZodRawShape, O extends z.ZodRawShape>(figures: F, own: O, headline: string) =>
  z.object({
    bucket: bucketSchema,
    tz: z.string(),
    data: z.array(
      z.object({
        ...bucketFields,
        ...figures,
        by_source: z
          .array(z.object({ source: sourceRefSchema, ...own }))
          .optional()
          .describe("Each source's own totals, side by side; with `include=by_source`."),
        by_admin1: z
          .array(z.object({ ...unitFields, ...own }))
          .optional()
          .describe(`Each first-level unit's figures; with \`group_by=admin1\`. They do not add up to \`${headline}\` where an event lies in several units.`),
        ...severalUnits,
      }),
    ),
  });

export const casualtyFigureSchema = z
  .object({
    category: casualtyCategorySchema,
    group: casualtyGroupSchema,
    low: z.number().int(),
    best: z.number().int(),
    high: z.number().int().nullable().describe('Null when any counted claim is open-ended ("at least").'),
    ...support,
  })
  .meta({ id: 'CasualtyFigure' });

export const casualtyStatsSchema = statsSchema(
  { figures: z.array(casualtyFigureSchema).describe('One figure per event and category, chosen by the rule in the README.') },
  { figures: z.array(casualtyFigureSchema) },
  'figures',
).meta({
  id: 'CasualtyStats',
  description: 'Killed, injured and missing per bucket and group, each event counted once; with `include=by_source`, every source\'s own totals.',
  examples: [casualtyStatsExample],
});

const munitionFigureFields = {
  launched: z.number().int().nullable(),
  intercepted: z.number().int().nullable().describe('Shot down.'),
  lost_to_ew: z.number().int().nullable().describe('Lost in flight without being shot down, mostly to electronic warfare.'),
  interception_rate: z.number().nullable().describe('intercepted / launched, over claims that give both; 4 decimals.'),
  neutralisation_rate: z.number().nullable().describe('(intercepted + lost_to_ew) / launched, over claims that give launched and intercepted.'),
  ...support,
};

export const munitionFigureSchema = z.object(munitionFigureFields).meta({ id: 'MunitionFigure' });
const byCategorySchema = z.array(z.object({ weapon_category: weaponCategorySchema, ...munitionFigureFields }));

export const munitionStatsSchema = statsSchema(
  {
    total: munitionFigureSchema,
    by_category: byCategorySchema,
    by_model: z
      .array(z.object({ weapon_model: z.string().nullable(), weapon_category: weaponCategorySchema, ...munitionFigureFields }))
      .optional()
      .describe('Each weapon model\'s figures; with `include=by_model`.'),
  },
  { total: munitionFigureSchema, by_category: byCategorySchema },
  'total',
).meta({
  id: 'MunitionStats',
  description:
    'Weapons launched, shot down and lost per bucket and weapon category; `include=by_model` adds each model, `include=by_source` every source\'s own totals.',
  examples: [munitionStatsExample],
});

export const unitFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string().describe('`<bucket label>/<admin1>`, `…/none` for the events in no known unit.'),
        geometry: z
          .object({
            type: z.literal('MultiPolygon'),
            coordinates: z.array(z.array(z.array(z.array(z.number()).min(2).max(2)))).describe('Polygons of rings of [longitude, latitude] positions, WGS 84 (RFC 7946).'),
          })
          .nullable()
          .describe('The unit\'s outline (Natural Earth admin-1, simplified; see /v1/places); null for the events in no known unit.'),
        properties: z
          .record(z.string(), z.union([z.string(), z.number(), z.null()]))
          .describe(
            'bucket, bucket_start, bucket_end, admin1, name, the unit\'s figures (munitions: launched, intercepted, lost_to_ew, the rates and event_count; casualties: ' +
              'killed/injured/missing low, best and high over all groups) and events_in_several_units, the bucket\'s events counted in more than one unit.',
          ),
      }),
    ),
  })
  .meta({ id: 'UnitFeatureCollection', description: 'An RFC 7946 FeatureCollection: one feature per bucket and first-level unit, for a choropleth map.' });

export type StatsQuery = z.infer<typeof munitionStatsQuerySchema>;
export type CasualtyStatsWire = z.infer<typeof casualtyStatsSchema>;
export type MunitionStatsWire = z.infer<typeof munitionStatsSchema>;
export type MunitionFigureWire = z.infer<typeof munitionFigureSchema>;
