// Reads of the figures themselves (casualty, munition and damage reports), for the report lists
// and their CSV/NDJSON exports, and the citations of a page of reports. Ordered by id so pages are
// keyset cursors; each row comes with its event's title and time and its source's name, which a
// spreadsheet of claims needs beside every figure.
import { and, asc, eq, getTableColumns, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pagedRows } from '../../db/iterate.js';
import { casualtyReports, citations, damageReports, events, munitionReports, sources, type CitationRow } from '../../db/schema.js';
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

