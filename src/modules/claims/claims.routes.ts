// /v1/casualty-reports, /v1/munition-reports, /v1/damage-reports and /v1/citations: every figure
// and every piece of evidence as a list of its own, so a newsroom can pull all claims of a source
// or an event into a spreadsheet. JSON pages; CSV and NDJSON stream every match unless `limit` is given.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CitationRow } from '../../db/schema.js';
import { decodeCursor, queryFingerprint } from '../../lib/cursor.js';
import { csvEncoder, exportFormat, ndjsonEncoder, sendExport } from '../../lib/export.js';
import { registerFormatRoutes } from '../../lib/format-routes.js';
import { setNextLink } from '../../lib/formats.js';
import { DEFAULT_LIMIT, keysetPage } from '../../lib/pagination.js';
import type { SourceReads } from '../sources/sources.reads.js';
import { placeFilterFromQuery } from '../places/places.schemas.js';
import { CITATION_COLUMNS, citationCells, presentCitationRecord, presentReports, reportCells, reportColumns, type ReportBatch } from './claims.present.js';
import type { ClaimReads } from './claims.reads.js';
import type { ReportKind, ReportListRow } from './claims.repository.js';
import {
  casualtyReportListSchema,
  citationListSchema,
  damageReportListSchema,
  listCitationsQuerySchema,
  listReportsQuerySchema,
  munitionReportListSchema,
  REPORT_FORMATS,
} from './claims.schemas.js';

async function sourcesById(sources: SourceReads, ids: Iterable<string | null>) {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  return new Map((await sources.byIds(wanted)).map((s) => [s.id, s]));
}

type Reads = { claims: ClaimReads; sources: SourceReads };

/** A batch of reports with their citations and every source either names: two queries per batch. */
async function completeReports<K extends ReportKind>(reads: Reads, kind: K, rows: Array<ReportListRow<K>>): Promise<ReportBatch<K>> {
  const citations = await reads.claims.citationsOfReports(kind, rows.map((r) => r.report.id));
  const sources = await sourcesById(reads.sources, [...rows.map((r) => r.report.sourceId), ...citations.flatMap((c) => [c.sourceId, c.viaSourceId])]);
  return { rows, citations, sources };
}

async function completeCitations(reads: Reads, rows: CitationRow[]) {
  const sources = await sourcesById(reads.sources, rows.flatMap((c) => [c.sourceId, c.viaSourceId]));
  return rows.map((row) => presentCitationRecord(row, sources));
}

/** One page (`page`, also what `rows` gives), or with `stream` every match, read as the body is sent. */
type Page<T> = { page: T[]; rows: () => Iterable<T> | AsyncIterable<T>; nextCursor: string | null; stream: boolean };

/**
 * The rows a list request answers with: one keyset page (JSON always pages; the file formats
 * page when `limit` is given), or every match read lazily for a streamed file.
 */
async function pageOrStream<T>(
  query: { limit?: number; cursor?: string },
  filters: Record<string, unknown>,
  paged: boolean,
  list: (afterId: string | undefined, limit: number) => Promise<T[]>,
  iterate: (afterId: string | undefined) => AsyncIterable<T>,
  idOf: (row: T) => string,
): Promise<Page<T>> {
  const fingerprint = queryFingerprint(filters);
  const limit = query.limit ?? (paged ? DEFAULT_LIMIT : undefined);
  if (limit === undefined) {
    const afterId = query.cursor ? String(decodeCursor(query.cursor, fingerprint, 1)[0]) : undefined;
    return { page: [], rows: () => iterate(afterId), nextCursor: null, stream: true };
  }
  const { page, nextCursor } = await keysetPage({
    fingerprint,
    cursor: query.cursor,
    arity: 1,
    limit,
    fetch: (key, count) => list(key && String(key[0]), count),
    keyOf: (row) => [idOf(row)],
  });
  return { page, rows: () => page, nextCursor, stream: false };
}

const REPORT_ROUTES = [
  { kind: 'casualty', path: '/casualty-reports', name: 'CasualtyReports', schema: casualtyReportListSchema, label: 'casualty report', counts: 'people killed, injured or missing' },
  { kind: 'munition', path: '/munition-reports', name: 'MunitionReports', schema: munitionReportListSchema, label: 'munition report', counts: 'weapons launched, shot down or lost' },
  { kind: 'damage', path: '/damage-reports', name: 'DamageReports', schema: damageReportListSchema, label: 'damage report', counts: 'property damaged' },
] as const;

const FILES = 'Every match, streamed, unless `limit` is given: then one page, and the next in a `Link` header.';

export const claimRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const { kind, path, name, schema, label, counts } of REPORT_ROUTES) {
    const plural = `${label}s`;
    registerFormatRoutes(app, {
      path,
      fileStem: `${kind}-reports`,
      what: `the ${plural}`,
      offered: REPORT_FORMATS,
      tags: ['reports'],
      operations: {
        json: { operationId: `list${name}`, summary: `List ${plural}` },
        csv: {
          operationId: `export${name}Csv`,
          summary: `Export ${plural} as CSV`,
          description: `One row per report, beside its event's title and start and its source's name, with the citations' quotes and locators. ${FILES}`,
        },
        ndjson: { operationId: `export${name}Ndjson`, summary: `Export ${plural} as NDJSON`, description: FILES },
      },
      description:
        `Every ${label} is one source's claim about one event (${counts}), with that source and the citations that back it. ` +
        'Ordered by id; filter by `event`, `source` and the place of the event.',
      querystring: listReportsQuerySchema,
      bodies: {
        json: schema,
        csv: `Columns ${reportColumns(kind).join(', ')}.`,
        ndjson: 'Each line is one report, shaped like an item of the JSON `data` list.',
      },
      errors: [],
      pages: true,
      handler: async (request, reply, negotiated) => {
        const answered = negotiated.format;
        const { limit, cursor, ...filters } = request.query;
        const places = placeFilterFromQuery(filters);
        const filter = { eventId: filters.event, sourceId: filters.source, ...(places && { places }) };
        const source = await pageOrStream(
          { limit, cursor },
          filters,
          answered === 'json',
          (afterId, pageSize) => app.store.claims.reports(kind, { ...filter, afterId, limit: pageSize }),
          (afterId) => app.store.claims.iterateReports(kind, { ...filter, afterId }),
          (row) => row.report.id,
        );
        setNextLink(reply, request, source.nextCursor);
        if (answered === 'json') {
          const batch = await completeReports(app.store, kind, source.page);
          return { data: presentReports(kind, batch), next_cursor: source.nextCursor };
        }
        const format =
          answered === 'csv'
            ? exportFormat(async (rows: Array<ReportListRow<typeof kind>>) => reportCells(kind, await completeReports(app.store, kind, rows)), csvEncoder(reportColumns(kind), negotiated))
            : exportFormat(async (rows: Array<ReportListRow<typeof kind>>) => presentReports(kind, await completeReports(app.store, kind, rows)), ndjsonEncoder());
        return sendExport(request, reply, { rows: source.rows, nextCursor: source.nextCursor, ...format }, source.stream);
      },
    });
  }

  registerFormatRoutes(app, {
    path: '/citations',
    fileStem: 'citations',
    what: 'the citations',
    offered: REPORT_FORMATS,
    tags: ['reports'],
    operations: {
      json: { operationId: 'listCitations', summary: 'List citations' },
      csv: { operationId: 'exportCitationsCsv', summary: 'Export citations as CSV', description: FILES },
      ndjson: { operationId: 'exportCitationsNdjson', summary: 'Export citations as NDJSON', description: FILES },
    },
    description:
      'Every citation: the quote or locator that backs one fact (an event, a report or a relation), the source that made the claim and, ' +
      'where sitrep read it second-hand, the source it came through (`via`). Ordered by id; filter by `event`, `source` (as claimant or channel) and `fact_type`.',
    querystring: listCitationsQuerySchema,
    bodies: {
      json: citationListSchema,
      csv: `Columns ${CITATION_COLUMNS.join(', ')}.`,
      ndjson: 'Each line is one citation, shaped like an item of the JSON `data` list.',
    },
    errors: [],
    pages: true,
    handler: async (request, reply, negotiated) => {
      const answered = negotiated.format;
      const { limit, cursor, ...filters } = request.query;
      const filter = { eventId: filters.event, sourceId: filters.source, factType: filters.fact_type };
      const source = await pageOrStream(
        { limit, cursor },
        filters,
        answered === 'json',
        (afterId, pageSize) => app.store.sources.citations({ ...filter, afterId, limit: pageSize }),
        (afterId) => app.store.sources.iterateCitations({ ...filter, afterId }),
        (row) => row.id,
      );
      setNextLink(reply, request, source.nextCursor);
      if (answered === 'json') return { data: await completeCitations(app.store, source.page), next_cursor: source.nextCursor };
      const format =
        answered === 'csv'
          ? exportFormat(async (rows: CitationRow[]) => (await completeCitations(app.store, rows)).map(citationCells), csvEncoder(CITATION_COLUMNS, negotiated))
          : exportFormat((rows: CitationRow[]) => completeCitations(app.store, rows), ndjsonEncoder());
      return sendExport(request, reply, { rows: source.rows, nextCursor: source.nextCursor, ...format }, source.stream);
    },
  });
};
