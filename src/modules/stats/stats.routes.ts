// /v1/stats: how many were killed, injured, launched and stopped over a period, per calendar
// bucket. An event several sources report is counted once (src/domain/figures.ts); `by_source`
// shows each source's own totals beside the chosen figures.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SourceRow } from '../../db/schema.js';
import { bucketer } from '../../lib/buckets.js';
import { csvDocument } from '../../lib/csv.js';
import { registerFormatRoutes } from '../../lib/format-routes.js';
import { SCAN_CAPACITY } from '../../plugins/scan-reads.js';
import { entryById } from '../../domain/places.js';
import { eventFilterFromQuery } from '../events/events.query.js';
import { DEFAULT_PLACE_ROLES } from '../places/places.schemas.js';
import { casualtyUnitFeatures, munitionUnitFeatures } from './stats.geojson.js';
import { presentSourceRef } from '../sources/sources.present.js';
import { getSourcesByIds } from '../sources/sources.repository.js';
import { aggregateCasualties, aggregateMunitions } from './stats.aggregate.js';
import { casualtyClaimsMatching, munitionClaimsMatching } from './stats.repository.js';
import { casualtyBucketsFromRollups, munitionBucketsFromRollups } from './stats.rollups.js';
import { CASUALTY_STATS_COLUMNS, casualtyStatsRows, MUNITION_STATS_COLUMNS, munitionStatsRows } from './stats.csv.js';
import {
  casualtyStatsSchema,
  munitionStatsSchema,
  STATS_FORMATS,
  casualtyStatsQuerySchema,
  munitionStatsQuerySchema,
  unitFeatureCollectionSchema,
  type CasualtyStatsWire,
  type MunitionStatsWire,
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

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const sourcesFor = async (ids: Iterable<string>) => {
    const rows = await getSourcesByIds(app.db, [...ids]);
    return new Map<string, SourceRow>(rows.map((s) => [s.id, s]));
  };
  // Said in both operations' descriptions: when an answer is slow, and what 503 means here.
  const SUMMING =
    ' Without `kind`, `country`, `actor`, a place filter, `group_by` and `include=by_source` (and with `from` and `to` on whole hours) the answer usually comes ' +
    'from totals kept as the data changes; with any of them every claim ' +
    `is summed, which takes seconds over millions of events, and while ${SCAN_CAPACITY} such are running or waiting the next gets 503 with \`Retry-After\`.`;
  const bySourceOrder = <T>(bySource: Map<string, T>, sources: Map<string, SourceRow>) =>
    [...bySource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, value]) => ({ source: presentSourceRef(sources.get(id)!), value }));

  registerFormatRoutes(app, {
    path: '/stats/casualties',
    fileStem: 'casualties',
    what: 'the casualty statistics',
    offered: STATS_FORMATS,
    tags: ['statistics'],
    operations: {
      json: { operationId: 'getCasualtyStats', summary: 'Get casualty statistics' },
      csv: { operationId: 'exportCasualtyStatsCsv', summary: 'Export casualty statistics as CSV' },
      geojson: { operationId: 'exportCasualtyStatsGeojson', summary: 'Export casualty statistics as GeoJSON', description: GEOJSON_LAYER },
    },
    description:
      'Killed, injured and missing per calendar bucket in `tz`, each event counted once. ' +
      'Per event, category and group the most conservative claim counts; a claim of unknown group counts only for what it adds ' +
      'beyond the civilian and military claims of the same event. `by_source` gives each source\'s own totals.' +
      SUMMING,
    querystring: casualtyStatsQuerySchema,
    bodies: {
      json: casualtyStatsSchema,
      csv: `Columns ${CASUALTY_STATS_COLUMNS.join(', ')}: one row per bucket and figure; the chosen figures have an empty source_id and admin1, each source's own totals follow with their source_id, each unit's (group_by=admin1) with its admin1.`,
      geojson: unitFeatureCollectionSchema,
    },
    errors: [],
    pages: false,
    config: { responseCache: true },
    handler: async (request, reply, negotiated) => {
      const { format } = negotiated;
      const { bucket, tz } = request.query;
      const { filter, bucketOf, totals, options, unitRoles } = plan(request.query, format);
      const buckets =
        (totals && casualtyBucketsFromRollups(app.db, filter, bucketOf)) ||
        (await app.scanReads(reply, ({ db, rowsPerTurn }) => aggregateCasualties(casualtyClaimsMatching(db, filter, unitRoles), bucketOf, { ...options, rowsPerTurn })));
      const sources = await sourcesFor(new Set(buckets.flatMap((b) => [...(b.bySource?.keys() ?? [])])));
      const body: CasualtyStatsWire = {
        bucket,
        tz,
        data: buckets.map(({ bySource, byUnit, figures, ...ref }) => ({
          ...ref,
          figures,
          ...(bySource && { by_source: bySourceOrder(bySource, sources).map(({ source, value }) => ({ source, figures: value })) }),
          ...unitsOut(byUnit),
        })),
      };
      if (format === 'geojson') return { type: 'FeatureCollection' as const, features: await casualtyUnitFeatures(body) };
      return format === 'csv' ? csvDocument(casualtyStatsRows(body), CASUALTY_STATS_COLUMNS, negotiated) : body;
    },
  });

  registerFormatRoutes(app, {
    path: '/stats/munitions',
    fileStem: 'munitions',
    what: 'the munition statistics',
    offered: STATS_FORMATS,
    tags: ['statistics'],
    operations: {
      json: { operationId: 'getMunitionStats', summary: 'Get munition statistics' },
      csv: { operationId: 'exportMunitionStatsCsv', summary: 'Export munition statistics as CSV' },
      geojson: { operationId: 'exportMunitionStatsGeojson', summary: 'Export munition statistics as GeoJSON', description: GEOJSON_LAYER },
    },
    description:
      'Weapons launched, shot down and lost per calendar bucket in `tz` and weapon category, each event counted once. ' +
      'Per event, the figures of one source count: the one naming the most weapon models, then the one reporting the most launched. ' +
      '`by_source` gives each source\'s own totals.' +
      SUMMING,
    querystring: munitionStatsQuerySchema,
    bodies: {
      json: munitionStatsSchema,
      csv:
        `Columns ${MUNITION_STATS_COLUMNS.join(', ')}: one row per bucket and figure, \`breakdown\` saying whether it sums every weapon (total), ` +
        'one weapon_category or one weapon_model; the chosen figures have an empty source_id and admin1, each source\'s own totals (total and by category) follow ' +
        'with their source_id, each unit\'s (group_by=admin1) with its admin1.',
      geojson: unitFeatureCollectionSchema,
    },
    errors: [],
    pages: false,
    config: { responseCache: true },
    handler: async (request, reply, negotiated) => {
      const { format } = negotiated;
      const { bucket, tz } = request.query;
      const { filter, bucketOf, totals, options, unitRoles } = plan(request.query, format);
      const buckets =
        (totals && munitionBucketsFromRollups(app.db, filter, bucketOf)) ||
        (await app.scanReads(reply, ({ db, rowsPerTurn }) => aggregateMunitions(munitionClaimsMatching(db, filter, unitRoles), bucketOf, { ...options, rowsPerTurn })));
      const sources = await sourcesFor(new Set(buckets.flatMap((b) => [...(b.bySource?.keys() ?? [])])));
      const body: MunitionStatsWire = {
        bucket,
        tz,
        data: buckets.map(({ bySource, byUnit, byCategory, byModel, total, ...ref }) => ({
          ...ref,
          total,
          by_category: byCategory,
          ...(included(request.query, 'by_model') && { by_model: byModel }),
          ...(bySource && { by_source: bySourceOrder(bySource, sources).map(({ source, value }) => ({ source, total: value.total, by_category: value.byCategory })) }),
          ...unitsOut(byUnit && { ...byUnit, units: byUnit.units.map(({ byCategory: by_category, ...unit }) => ({ ...unit, by_category })) }),
        })),
      };
      if (format === 'geojson') return { type: 'FeatureCollection' as const, features: await munitionUnitFeatures(body) };
      return format === 'csv' ? csvDocument(munitionStatsRows(body), MUNITION_STATS_COLUMNS, negotiated) : body;
    },
  });
};
