// Database access for the Air Force importer: finds the records an import may update or adopt.
// Takes the drizzle handle (or a transaction), returns rows or null; what to change is decided by
// the caller (import-airforce.ts), and records are written through the history, with revisions.
import { and, asc, count, eq, gt, isNull, lt, or } from 'drizzle-orm';
import {
  casualtyReports,
  citations,
  damageReports,
  events,
  munitionReports,
  relations,
  sources,
  type CitationRow,
  type EventRow,
  type MunitionReportRow,
  type SourceRow,
} from '../../src/db/schema.js';
import type { Queryable } from '../../src/modules/records/records.repository.js';

/** The database or a transaction on it, as the history's record stores take it. */
export type Writer = Queryable;

export function getSourceById(db: Writer, id: string): SourceRow | null {
  return db.select().from(sources).where(eq(sources.id, id)).get() ?? null;
}

/** The source whose `reference` is this post path (the seed's or an earlier import's), if any. */
export function findSourceByReference(db: Writer, reference: string): SourceRow | null {
  return db.select().from(sources).where(eq(sources.reference, reference)).orderBy(asc(sources.id)).limit(1).get() ?? null;
}

export function getEventById(db: Writer, id: string): EventRow | null {
  return db.select().from(events).where(eq(events.id, id)).get() ?? null;
}

export function getEventByImportKey(db: Writer, importKey: string): EventRow | null {
  return db.select().from(events).where(eq(events.importKey, importKey)).get() ?? null;
}

/**
 * Events that already carry an event-level citation by `sourceId` and whose span meets the window
 * [startAt, spanEndAt): the seed's Kyiv strike for its Air Force post, or an earlier import of a
 * post whose window has since grown. Earliest first.
 */
export function listEventsCitedBySourceInWindow(db: Writer, sourceId: string, window: { startAt: string; spanEndAt: string }): EventRow[] {
  return db
    .selectDistinct({ event: events })
    .from(citations)
    .innerJoin(events, eq(events.id, citations.eventId))
    .where(
      and(
        eq(citations.sourceId, sourceId),
        isNull(citations.casualtyReportId),
        isNull(citations.munitionReportId),
        isNull(citations.damageReportId),
        isNull(citations.relationId),
        lt(events.startAt, window.spanEndAt),
        or(isNull(events.spanEndAt), gt(events.spanEndAt, window.startAt)),
      ),
    )
    .orderBy(asc(events.startAt), asc(events.id))
    .all()
    .map((r) => r.event);
}

/** Events with an event-level citation by `sourceId` whose id starts with `idPrefix`. */
export function listEventsCitedBySource(db: Writer, sourceId: string, idPrefix: string): EventRow[] {
  return db
    .selectDistinct({ event: events })
    .from(citations)
    .innerJoin(events, eq(events.id, citations.eventId))
    .where(and(eq(citations.sourceId, sourceId), isNull(citations.munitionReportId)))
    .orderBy(asc(events.id))
    .all()
    .map((r) => r.event)
    .filter((e) => e.id.startsWith(idPrefix));
}

export function countMunitionReports(db: Writer, eventId: string): number {
  return db.select({ n: count() }).from(munitionReports).where(eq(munitionReports.eventId, eventId)).get()?.n ?? 0;
}

/** Casualty and damage reports and relations of an event: the importer writes none of them. */
export function countEventFactsBesidesCitations(db: Writer, eventId: string): number {
  const n = (table: typeof casualtyReports | typeof damageReports) => db.select({ n: count() }).from(table).where(eq(table.eventId, eventId)).get()?.n ?? 0;
  const linked = db.select({ n: count() }).from(relations).where(or(eq(relations.fromEventId, eventId), eq(relations.toEventId, eventId))).get()?.n ?? 0;
  return n(casualtyReports) + n(damageReports) + linked;
}

export function listEventCitations(db: Writer, eventId: string): CitationRow[] {
  return db.select().from(citations).where(eq(citations.eventId, eventId)).orderBy(asc(citations.id)).all();
}

/** The event-level citation of `eventId` by `sourceId` (no report or relation), if any. */
export function findEventCitation(db: Writer, eventId: string, sourceId: string): CitationRow | null {
  return (
    db
      .select()
      .from(citations)
      .where(
        and(
          eq(citations.eventId, eventId),
          eq(citations.sourceId, sourceId),
          isNull(citations.casualtyReportId),
          isNull(citations.munitionReportId),
          isNull(citations.damageReportId),
          isNull(citations.relationId),
        ),
      )
      .orderBy(asc(citations.id))
      .limit(1)
      .get() ?? null
  );
}

export function findMunitionCitation(db: Writer, munitionReportId: string, sourceId: string): CitationRow | null {
  return (
    db
      .select()
      .from(citations)
      .where(and(eq(citations.munitionReportId, munitionReportId), eq(citations.sourceId, sourceId)))
      .orderBy(asc(citations.id))
      .limit(1)
      .get() ?? null
  );
}

export function getCitationById(db: Writer, id: string): CitationRow | null {
  return db.select().from(citations).where(eq(citations.id, id)).get() ?? null;
}

export function getMunitionReportById(db: Writer, id: string): MunitionReportRow | null {
  return db.select().from(munitionReports).where(eq(munitionReports.id, id)).get() ?? null;
}

export function getMunitionReportByImportKey(db: Writer, importKey: string): MunitionReportRow | null {
  return db.select().from(munitionReports).where(eq(munitionReports.importKey, importKey)).get() ?? null;
}

/** A report of the same event, source and weapon model that no import has claimed yet (the seed's). */
export function findUnclaimedMunitionReport(db: Writer, eventId: string, sourceId: string, weaponModel: string | null): MunitionReportRow | null {
  return (
    db
      .select()
      .from(munitionReports)
      .where(
        and(
          eq(munitionReports.eventId, eventId),
          eq(munitionReports.sourceId, sourceId),
          weaponModel === null ? isNull(munitionReports.weaponModel) : eq(munitionReports.weaponModel, weaponModel),
          isNull(munitionReports.importKey),
        ),
      )
      .orderBy(asc(munitionReports.id))
      .limit(1)
      .get() ?? null
  );
}

/**
 * The import key is the importer's bookkeeping, not part of the record as the API shows it: it is
 * set without a revision or a new `updated_at`. Every other write goes through the history.
 */
export function setEventImportKey(db: Writer, id: string, importKey: string): void {
  db.update(events).set({ importKey }).where(eq(events.id, id)).run();
}

export function setMunitionReportImportKey(db: Writer, id: string, importKey: string): void {
  db.update(munitionReports).set({ importKey }).where(eq(munitionReports.id, id)).run();
}
