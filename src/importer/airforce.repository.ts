// Database access for the Air Force importer: finds the records an import may update or adopt and
// writes them. Takes the drizzle handle (or a transaction), returns rows or null; what to change
// is decided by the caller (import-airforce.ts).
import { and, asc, count, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  actors,
  citations,
  eventActors,
  events,
  munitionReports,
  sources,
  type CitationRow,
  type EventRow,
  type MunitionReportRow,
  type SourceRow,
} from '../db/schema.js';
import type { ActorRole } from '../domain/vocabulary.js';
import { SHARED_ACTORS, SHARED_SOURCES } from '../domain/shared-records.js';

/** The database or a transaction on it: both offer the same query builders. */
export type Writer = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete'>;

export type NewEvent = typeof events.$inferInsert;
export type NewSource = typeof sources.$inferInsert;
export type NewMunitionReport = typeof munitionReports.$inferInsert;
export type NewCitation = typeof citations.$inferInsert;

/** Inserts the shared actors and the dataset source where they are missing; never changes them. */
export function ensureSharedRecords(db: Writer, now: string): void {
  for (const actor of SHARED_ACTORS) db.insert(actors).values({ ...actor, createdAt: now, updatedAt: now }).onConflictDoNothing().run();
  for (const source of SHARED_SOURCES) db.insert(sources).values({ ...source, createdAt: now, updatedAt: now }).onConflictDoNothing().run();
}

export function getSourceById(db: Writer, id: string): SourceRow | null {
  return db.select().from(sources).where(eq(sources.id, id)).get() ?? null;
}

/** The source whose `reference` is this post path (the seed's or an earlier import's), if any. */
export function findSourceByReference(db: Writer, reference: string): SourceRow | null {
  return db.select().from(sources).where(eq(sources.reference, reference)).orderBy(asc(sources.id)).limit(1).get() ?? null;
}

export function insertSource(db: Writer, row: NewSource): void {
  db.insert(sources).values(row).run();
}

export function updateSource(db: Writer, id: string, patch: Partial<NewSource>): void {
  db.update(sources).set(patch).where(eq(sources.id, id)).run();
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

/** Deletes an event; its actor links and citations go with it (ON DELETE CASCADE). */
export function deleteEvent(db: Writer, id: string): void {
  db.delete(events).where(eq(events.id, id)).run();
}

export function insertEvent(db: Writer, row: NewEvent): void {
  db.insert(events).values(row).run();
}

export function updateEvent(db: Writer, id: string, patch: Partial<NewEvent>): void {
  db.update(events).set(patch).where(eq(events.id, id)).run();
}

/** Links actors to an event in their roles; returns how many links were new. */
export function linkEventActors(db: Writer, eventId: string, links: { actorId: string; role: ActorRole }[]): number {
  let added = 0;
  for (const link of links) added += db.insert(eventActors).values({ eventId, ...link }).onConflictDoNothing().run().changes;
  return added;
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

export function insertCitation(db: Writer, row: NewCitation): void {
  db.insert(citations).values(row).run();
}

export function updateCitation(db: Writer, id: string, patch: Partial<NewCitation>): void {
  db.update(citations).set(patch).where(eq(citations.id, id)).run();
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

export function insertMunitionReport(db: Writer, row: NewMunitionReport): void {
  db.insert(munitionReports).values(row).run();
}

export function updateMunitionReport(db: Writer, id: string, patch: Partial<NewMunitionReport>): void {
  db.update(munitionReports).set(patch).where(eq(munitionReports.id, id)).run();
}
