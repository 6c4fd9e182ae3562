// /v1/stats: how many were killed, injured, launched and stopped over a period, per calendar
// bucket. An event several sources report is counted once (src/domain/figures.ts); `by_source`
// shows each source's own totals beside the chosen figures.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { SourceRow } from '../../db/schema.js';
import type { PlaceRole } from '../../domain/vocabulary.js';
import { bucketer, type BucketRef } from '../../lib/buckets.js';
import { csvDocument, type CsvRow } from '../../lib/csv.js';
import { registerFormatRoutes } from '../../lib/format-routes.js';
import { SCAN_CAPACITY } from '../../plugins/scan-reads.js';
import { entryById } from '../../domain/places.js';
import { eventFilterFromQuery } from '../events/events.query.js';
import type { EventFilter } from '../events/events.repository.js';
import { DEFAULT_PLACE_ROLES } from '../places/places.schemas.js';
import { casualtyUnitFeatures, munitionUnitFeatures, type UnitFeature } from './stats.geojson.js';
import { presentSourceRef } from '../sources/sources.present.js';
import { aggregate, CASUALTY_SUMS, MUNITION_SUMS, type BucketOut, type Measure } from './stats.aggregate.js';
import type { ClaimScan, StatsReads } from './stats.reads.js';
import { CASUALTY_STATS_COLUMNS, casualtyStatsRows, MUNITION_STATS_COLUMNS, munitionStatsRows } from './stats.csv.js';
import {
  casualtyStatsSchema,
  munitionStatsSchema,
  STATS_FORMATS,
  casualtyStatsQuerySchema,
  munitionStatsQuerySchema,
  unitFeatureCollectionSchema,
  type StatsQuery,
} from './stats.schemas.js';

function filterFrom(query: Omit<StatsQuery, 'include' | 'format'> & { include?: string[] }) {
  const { bucket: _bucket, tz, include: _include, group_by: _groupBy, ...filters } = query;
  return eventFilterFromQuery(filters, tz);
}

/**
 * How a statistics request is summed: from the kept totals when they can answer, else from every
 * claim. A map layer is always per unit.
 */
function plan(query: Omit<StatsQuery, 'include' | 'format'> & { include?: string[] }, format: string) {
  const filter = filterFrom(query);
  const withSources = included(query, 'by_source');
  const byUnit = query.group_by === 'admin1' || format === 'geojson';
  return {
    filter,
    bucketOf: bucketer(query.bucket, query.tz),
    totals: !withSources && !byUnit,
    options: { withSources, byUnit, period: filter },
    unitRoles: byUnit ? (filter.places?.roles ?? DEFAULT_PLACE_ROLES) : undefined,
  };
}

/** The wire form of a bucket's per-unit figures, when grouped. */
function unitsOut<T>(byUnit: { units: Array<{ admin1: string | null } & T>; eventsInSeveralUnits: number } | null) {
  if (!byUnit) return {};
  return {
    by_admin1: byUnit.units.map(({ admin1, ...figures }) => ({ admin1, name: admin1 ? (entryById(admin1)?.name ?? null) : null, ...figures })),
    events_in_several_units: byUnit.eventsInSeveralUnits,
  };
}

const included = (query: { include?: string[] }, part: 'by_source' | 'by_model') => query.include?.includes(part) ?? false;

const GEOJSON_LAYER = 'One feature per bucket and first-level unit, drawn by the unit\'s outline, its figures as properties: `group_by=admin1` is implied.';

/**
 * What the two statistics differ in: their operations and texts, where their claims and totals
 * come from (stats.repository.ts, stats.rollups.ts), how they are summed (stats.aggregate.ts) and
 * their CSV rows and map features. Everything else is `registerStats`.
 */
type StatsMeasure<Q extends z.ZodObject, J extends z.ZodType, C extends { eventId: string }, P extends { eventCount: number }, Out, Part> = {
  path: string;
  fileStem: string;
  /** `casualty`: the operations' summaries say `Get casualty statistics`. */
  noun: string;
  operationIds: { json: string; csv: string; geojson: string };
  description: string;
  querystring: Q;
  json: J;
  csvDescription: string;
  sums: Measure<C, P, Out, Part>;
  claims: (reads: StatsReads, filter: EventFilter, unitRoles?: readonly PlaceRole[]) => ClaimScan<C>;
  fromRollups: (reads: StatsReads, filter: EventFilter, bucketOf: (instant: string) => BucketRef) => Promise<Array<BucketOut<Out, Part>> | null>;
  /** A bucket's own figures on the wire, given the parts asked for. */
  figuresOut: (out: Out, query: z.output<Q>) => object;
  csvColumns: readonly string[];
  csvRows: (body: z.output<J>) => CsvRow[];
  features: (body: z.output<J>) => Promise<UnitFeature[]>;
};

const measure = <Q extends z.ZodObject, J extends z.ZodType, C extends { eventId: string }, P extends { eventCount: number }, Out, Part>(
  own: StatsMeasure<Q, J, C, P, Out, Part>,
) => own;

const MEASURES = {
  casualties: measure({
    path: '/stats/casualties',
    fileStem: 'casualties',
    noun: 'casualty',
    operationIds: { json: 'getCasualtyStats', csv: 'exportCasualtyStatsCsv', geojson: 'exportCasualtyStatsGeojson' },
    description:
      'Killed, injured and missing per calendar bucket in `tz`, each event counted once. ' +
      'Per event, category and group the most conservative claim counts; a claim of unknown group counts only for what it adds ' +
      'beyond the civilian and military claims of the same event. `by_source` gives each source\'s own totals.',
    querystring: casualtyStatsQuerySchema,
    json: casualtyStatsSchema,
    csvDescription: `Columns ${CASUALTY_STATS_COLUMNS.join(', ')}: one row per bucket and figure; the chosen figures have an empty source_id and admin1, each source's own totals follow with their source_id, each unit's (group_by=admin1) with its admin1.`,
    sums: CASUALTY_SUMS,
    claims: (reads, filter, unitRoles) => reads.casualtyClaims(filter, unitRoles),
    fromRollups: (reads, filter, bucketOf) => reads.casualtiesFromRollups(filter, bucketOf),
    figuresOut: (out) => out,
    csvColumns: CASUALTY_STATS_COLUMNS,
    csvRows: casualtyStatsRows,
    features: casualtyUnitFeatures,
  }),
  munitions: measure({
    path: '/stats/munitions',
    fileStem: 'munitions',
    noun: 'munition',
    operationIds: { json: 'getMunitionStats', csv: 'exportMunitionStatsCsv', geojson: 'exportMunitionStatsGeojson' },
    description:
      'Weapons launched, shot down and lost per calendar bucket in `tz` and weapon category, each event counted once. ' +
      'Per event, the figures of one source count: the one naming the most weapon models, then the one reporting the most launched. ' +
      '`by_source` gives each source\'s own totals.',
    querystring: munitionStatsQuerySchema,
    json: munitionStatsSchema,
    csvDescription:
      `Columns ${MUNITION_STATS_COLUMNS.join(', ')}: one row per bucket and figure, \`breakdown\` saying whether it sums every weapon (total), ` +
      'one weapon_category or one weapon_model; the chosen figures have an empty source_id and admin1, each source\'s own totals (total and by category) follow ' +
      'with their source_id, each unit\'s (group_by=admin1) with its admin1.',
    sums: MUNITION_SUMS,
    claims: (reads, filter, unitRoles) => reads.munitionClaims(filter, unitRoles),
    fromRollups: (reads, filter, bucketOf) => reads.munitionsFromRollups(filter, bucketOf),
    figuresOut: ({ by_model, ...out }, query) => ({ ...out, ...(included(query, 'by_model') && { by_model }) }),
    csvColumns: MUNITION_STATS_COLUMNS,
    csvRows: munitionStatsRows,
    features: munitionUnitFeatures,
  }),
};

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerStats(app, MEASURES.casualties);
  registerStats(app, MEASURES.munitions);
};

function registerStats<Q extends z.ZodObject, J extends z.ZodType, C extends { eventId: string }, P extends { eventCount: number }, Out, Part>(
  app: FastifyInstance,
  m: StatsMeasure<Q, J, C, P, Out, Part>,
): void {
  const sourcesFor = async (ids: Iterable<string>) => {
    const rows = await app.store.sources.byIds([...ids]);
    return new Map<string, SourceRow>(rows.map((s) => [s.id, s]));
  };
  // Said in both operations' descriptions: when an answer is slow, and what 503 means here.
  const SUMMING =
    ' Without `kind`, `country`, `actor`, a place filter, `group_by` and `include=by_source` (and with `from` and `to` on whole hours) the answer usually comes ' +
    'from totals kept as the data changes; with any of them every claim ' +
    `is summed, which takes seconds over millions of events, and while ${SCAN_CAPACITY} such are running or waiting the next gets 503 with \`Retry-After\`.`;
  const bySourceOrder = <T>(bySource: Map<string, T>, sources: Map<string, SourceRow>) =>
    [...bySource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, value]) => ({ source: presentSourceRef(sources.get(id)!), ...value }));
  const { noun, operationIds } = m;

  registerFormatRoutes(app, {
    path: m.path,
    fileStem: m.fileStem,
    what: `the ${noun} statistics`,
    offered: STATS_FORMATS,
    tags: ['statistics'],
    operations: {
      json: { operationId: operationIds.json, summary: `Get ${noun} statistics` },
      csv: { operationId: operationIds.csv, summary: `Export ${noun} statistics as CSV` },
      geojson: { operationId: operationIds.geojson, summary: `Export ${noun} statistics as GeoJSON`, description: GEOJSON_LAYER },
    },
    description: m.description + SUMMING,
    querystring: m.querystring,
    bodies: { json: m.json, csv: m.csvDescription, geojson: unitFeatureCollectionSchema },
    errors: [],
    pages: false,
    config: { responseCache: true },
    handler: async (request, reply, negotiated) => {
      const { format } = negotiated;
      const query = request.query as StatsQuery & z.output<Q>;
      const { bucket, tz } = query;
      const { filter, bucketOf, totals, options, unitRoles } = plan(query, format);
      const buckets =
        (totals ? await m.fromRollups(app.store.stats, filter, bucketOf) : null) ??
        (await app.scanReads(reply, () => {
          const scan = m.claims(app.store.stats, filter, unitRoles);
          return aggregate(m.sums, scan.rows, bucketOf, { ...options, rowsPerTurn: scan.rowsPerTurn });
        }));
      const sources = await sourcesFor(new Set(buckets.flatMap((b) => [...(b.bySource?.keys() ?? [])])));
      // The body's shape is the measure's schema (`m.json`), which the serializer checks.
      const body = {
        bucket,
        tz,
        data: buckets.map(({ bySource, byUnit, label, start, end, ...out }) => ({
          label,
          start,
          end,
          ...m.figuresOut(out as Out, query),
          ...(bySource && { by_source: bySourceOrder(bySource, sources) }),
          ...unitsOut(byUnit),
        })),
      } as z.output<J>;
      if (format === 'geojson') return { type: 'FeatureCollection' as const, features: await m.features(body) };
      return format === 'csv' ? csvDocument(m.csvRows(body), m.csvColumns, negotiated) : body;
    },
  });
}
