// /v1/stats: how many were killed, injured, launched and stopped over a period, per calendar
// bucket. An event several sources report is counted once (src/domain/figures.ts); `by_source`
// shows each source's own totals beside the chosen figures.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SourceRow } from '../../db/schema.js';
import { bucketer } from '../../lib/buckets.js';
import { csvDocument } from '../../lib/csv.js';
import { formatResponses, negotiateFormat, setFormatHeaders } from '../../lib/formats.js';
import { notModifiedResponse } from '../../lib/http.js';
import { problemResponses } from '../../lib/problem.js';
import { SCAN_CAPACITY } from '../../plugins/scan-reads.js';
import { eventFilterFromQuery } from '../events/events.routes.js';
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
  type CasualtyStatsWire,
  type MunitionStatsWire,
  type StatsQuery,
} from './stats.schemas.js';

function filterFrom(query: Omit<StatsQuery, 'include'> & { include?: string[] }) {
  const { bucket: _bucket, tz, format: _format, include: _include, ...filters } = query;
  return eventFilterFromQuery(filters, tz);
}

const included = (query: { include?: string[] }, part: 'by_source' | 'by_model') => query.include?.includes(part) ?? false;

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const sourcesFor = async (ids: Iterable<string>) => {
    const rows = await getSourcesByIds(app.db, [...ids]);
    return new Map<string, SourceRow>(rows.map((s) => [s.id, s]));
  };
  // Said in both operations' descriptions: when an answer is slow, and what 503 means here.
  const SUMMING =
    ' Without `from`, `kind`, `country`, `actor` and `include=by_source` the answer usually comes from totals kept as the data changes; with any of them every claim ' +
    `is summed, which takes seconds over millions of events, and while ${SCAN_CAPACITY} such are running or waiting the next gets 503 with \`Retry-After\`.`;
  const bySourceOrder = <T>(bySource: Map<string, T>, sources: Map<string, SourceRow>) =>
    [...bySource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, value]) => ({ source: presentSourceRef(sources.get(id)!), value }));

  app.get(
    '/stats/casualties',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getCasualtyStats',
        tags: ['statistics'],
        summary: 'Killed, injured and missing per calendar bucket',
        description:
          'Per event, category and group the most conservative claim counts; a claim of unknown group counts only for what it adds ' +
          'beyond the civilian and military claims of the same event. `by_source` gives each source\'s own totals.' +
          SUMMING,
        querystring: casualtyStatsQuerySchema,
        response: {
          ...formatResponses(STATS_FORMATS, 'Casualty figures in the requested format.', {
            json: casualtyStatsSchema,
            csv: `Columns ${CASUALTY_STATS_COLUMNS.join(', ')}: one row per bucket and figure; the chosen figures have an empty source_id, each source's own totals follow with theirs.`,
          }),
          ...notModifiedResponse,
          ...problemResponses(400, 406),
        },
      },
    },
    async (request, reply) => {
      const { bucket, tz } = request.query;
      const negotiated = negotiateFormat(request, STATS_FORMATS, request.query.format);
      setFormatHeaders(reply, negotiated, 'casualties');
      const filter = filterFrom(request.query);
      const includeSources = included(request.query, 'by_source');
      const bucketOf = bucketer(bucket, tz);
      const buckets =
        (!includeSources && casualtyBucketsFromRollups(app.db, filter, bucketOf)) ||
        (await app.scanReads(reply, ({ db, rowsPerTurn }) => aggregateCasualties(casualtyClaimsMatching(db, filter), bucketOf, includeSources, filter, rowsPerTurn)));
      const sources = await sourcesFor(new Set(buckets.flatMap((b) => [...(b.bySource?.keys() ?? [])])));
      const body: CasualtyStatsWire = {
        bucket,
        tz,
        data: buckets.map(({ bySource, figures, ...ref }) => ({
          ...ref,
          figures,
          ...(bySource && { by_source: bySourceOrder(bySource, sources).map(({ source, value }) => ({ source, figures: value })) }),
        })),
      };
      return negotiated.format === 'csv' ? csvDocument(casualtyStatsRows(body), CASUALTY_STATS_COLUMNS) : body;
    },
  );

  app.get(
    '/stats/munitions',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getMunitionStats',
        tags: ['statistics'],
        summary: 'Weapons launched, shot down and lost per calendar bucket',
        description:
          'Per event, the figures of one source count: the one naming the most weapon models, then the one reporting the most launched. ' +
          '`by_source` gives each source\'s own totals.' +
          SUMMING,
        querystring: munitionStatsQuerySchema,
        response: {
          ...formatResponses(STATS_FORMATS, 'Munition figures in the requested format.', {
            json: munitionStatsSchema,
            csv:
              `Columns ${MUNITION_STATS_COLUMNS.join(', ')}: one row per bucket and figure, \`breakdown\` saying whether it sums every weapon (total), ` +
              'one weapon_category or one weapon_model; the chosen figures have an empty source_id, each source\'s own totals (total and by category) follow with theirs.',
          }),
          ...notModifiedResponse,
          ...problemResponses(400, 406),
        },
      },
    },
    async (request, reply) => {
      const { bucket, tz } = request.query;
      const negotiated = negotiateFormat(request, STATS_FORMATS, request.query.format);
      setFormatHeaders(reply, negotiated, 'munitions');
      const filter = filterFrom(request.query);
      const includeSources = included(request.query, 'by_source');
      const bucketOf = bucketer(bucket, tz);
      const buckets =
        (!includeSources && munitionBucketsFromRollups(app.db, filter, bucketOf)) ||
        (await app.scanReads(reply, ({ db, rowsPerTurn }) => aggregateMunitions(munitionClaimsMatching(db, filter), bucketOf, includeSources, filter, rowsPerTurn)));
      const sources = await sourcesFor(new Set(buckets.flatMap((b) => [...(b.bySource?.keys() ?? [])])));
      const body: MunitionStatsWire = {
        bucket,
        tz,
        data: buckets.map(({ bySource, byCategory, byModel, total, ...ref }) => ({
          ...ref,
          total,
          by_category: byCategory,
          ...(included(request.query, 'by_model') && { by_model: byModel }),
          ...(bySource && { by_source: bySourceOrder(bySource, sources).map(({ source, value }) => ({ source, total: value.total, by_category: value.byCategory })) }),
        })),
      };
      return negotiated.format === 'csv' ? csvDocument(munitionStatsRows(body), MUNITION_STATS_COLUMNS) : body;
    },
  );
};
