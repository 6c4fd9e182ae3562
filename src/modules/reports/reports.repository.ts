// Reads of the figures themselves (casualty, munition and damage reports) and of citations, for
// the report and citation lists and their CSV/NDJSON exports. Ordered by id so pages are keyset
// cursors; each row comes with its event's title and time and its source's name, which a
// spreadsheet of claims needs beside every figure.
import { and, asc, eq, getTableColumns, gt, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pagedRows } from '../../db/iterate.js';
import { casualtyReports, citations, damageReports, events, munitionReports, sources, type CitationRow } from '../../db/schema.js';
import type { FactType } from '../../domain/vocabulary.js';
import { placed, placesUse } from '../events/events.repository.js';
import type { PlaceFilter } from '../places/places.schemas.js';

export const REPORT_TABLES = { casualty: casualtyReports, munition: munitionReports, damage: damageReports } as const;
export type ReportKind = keyof typeof REPORT_TABLES;
export type ReportRowOf<K extends ReportKind> = (typeof REPORT_TABLES)[K]['$inferSelect'];

/** A report with what a reader needs to place it: its event's title and start, its source's name and URL. */
export type ReportListRow<K extends ReportKind> = {
  report: ReportRowOf<K>;
  eventTitle: string;
  eventStartAt: string;
  sourcePublisher: string;
  sourceUrl: string | null;
};

export type ReportFilter = { eventId?: string; sourceId?: string; places?: PlaceFilter; afterId?: string };

function reportQuery<K extends ReportKind>(db: Db, kind: K, filter: ReportFilter) {
  // The three tables share id, event_id and source_id; those are the only columns named here.
  const table = REPORT_TABLES[kind] as typeof casualtyReports;
  const selection = {
    ...getTableColumns(table),
    eventTitle: events.title,
    eventStartAt: events.startAt,
    sourcePublisher: sources.publisher,
    sourceUrl: sources.url,
  };
  const conditions: Array<SQL | undefined> = [
    filter.eventId === undefined ? undefined : eq(table.eventId, filter.eventId),
    filter.sourceId === undefined ? undefined : eq(table.sourceId, filter.sourceId),
    // A common place is checked report by report along the id order, a rare one drives the query.
    filter.places === undefined ? undefined : placed(filter.places, placesUse(db, filter.places), table.eventId),
    filter.afterId === undefined ? undefined : gt(table.id, filter.afterId),
  ];
  const query = db
    .select(selection)
    .from(table)
    .innerJoin(events, eq(events.id, table.eventId))
    .innerJoin(sources, eq(sources.id, table.sourceId))
    .where(and(...conditions))
    .orderBy(asc(table.id));
  return query;
}

function toListRow<K extends ReportKind>(row: Record<string, unknown>): ReportListRow<K> {
  const { eventTitle, eventStartAt, sourcePublisher, sourceUrl, ...report } = row;
  return {
    report: report as ReportRowOf<K>,
    eventTitle: eventTitle as string,
    eventStartAt: eventStartAt as string,
    sourcePublisher: sourcePublisher as string,
    sourceUrl: sourceUrl as string | null,
  };
}

export async function listReports<K extends ReportKind>(db: Db, kind: K, filter: ReportFilter & { limit: number }): Promise<Array<ReportListRow<K>>> {
  return (await reportQuery(db, kind, filter).limit(filter.limit)).map((row) => toListRow<K>(row));
}

/** Every report the filter matches, a keyset page at a time (exports). */
export function iterateReports<K extends ReportKind>(db: Db, kind: K, filter: ReportFilter): AsyncIterable<ReportListRow<K>> {
  return pagedRows<ReportListRow<K>, string>(
    (afterId, limit) => listReports(db, kind, { ...filter, afterId: afterId ?? filter.afterId, limit }),
    (row) => row.report.id,
  );
}

const CITATION_COLUMN = {
  casualty: citations.casualtyReportId,
  munition: citations.munitionReportId,
  damage: citations.damageReportId,
} as const;

/** Citations of a batch of reports of one kind, ordered by id. */
export async function citationsOfReports(db: Db, kind: ReportKind, reportIds: string[]): Promise<CitationRow[]> {
  if (reportIds.length === 0) return [];
  return db.select().from(citations).where(inArray(CITATION_COLUMN[kind], reportIds)).orderBy(asc(citations.id));
}

export type CitationFilter = { eventId?: string; sourceId?: string; factType?: FactType; afterId?: string };

const FACT_CONDITION: Record<FactType, () => SQL | undefined> = {
  // Evidence for the event itself backs no report and no relation.
  event: () => and(isNull(citations.casualtyReportId), isNull(citations.munitionReportId), isNull(citations.damageReportId), isNull(citations.relationId)),
  casualty_report: () => isNotNull(citations.casualtyReportId),
  munition_report: () => isNotNull(citations.munitionReportId),
  damage_report: () => isNotNull(citations.damageReportId),
  relation: () => isNotNull(citations.relationId),
};

export async function listCitations(db: Db, filter: CitationFilter & { limit: number }): Promise<CitationRow[]> {
  const conditions = [
    filter.eventId === undefined ? undefined : eq(citations.eventId, filter.eventId),
    filter.factType === undefined ? undefined : FACT_CONDITION[filter.factType](),
    filter.afterId === undefined ? undefined : gt(citations.id, filter.afterId),
  ];
  const page = (where: SQL | undefined) => db.select().from(citations).where(where).orderBy(asc(citations.id)).limit(filter.limit);
  if (filter.sourceId === undefined) return page(and(...conditions));
  // A source supports a fact as the claimant or as the channel the claim was read in. Each is a
  // range of its own index in id order; the page is the first of the two ranges' first pages,
  // where `source_id = ? OR via_source_id = ?` read and sorted every citation of the source.
  const firstOf = (column: typeof citations.sourceId | typeof citations.viaSourceId) =>
    db
      .select({ id: citations.id })
      .from(citations)
      .where(and(eq(column, filter.sourceId!), ...conditions))
      .orderBy(asc(citations.id))
      .limit(filter.limit);
  return page(or(inArray(citations.id, firstOf(citations.sourceId)), inArray(citations.id, firstOf(citations.viaSourceId))));
}

/** Every citation the filter matches, a keyset page at a time (exports). */
export function iterateCitations(db: Db, filter: CitationFilter): AsyncIterable<CitationRow> {
  return pagedRows<CitationRow, string>((afterId, limit) => listCitations(db, { ...filter, afterId: afterId ?? filter.afterId, limit }), (row) => row.id);
}
