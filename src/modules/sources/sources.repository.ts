// Reads of sources and the citations that point at them. Takes the database, returns rows.
import { and, asc, count, eq, gt, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { jsonList, listPlaceholder, preparedPer } from '../../db/statements.js';
import { casualtyReports, citations, damageReports, events, munitionReports, sources, type CitationRow, type SourceRow } from '../../db/schema.js';
import { countOf, tableStore } from '../records/records.writes.js';
import { listCitations } from './citations.repository.js';
import type { SourceKind } from '../../domain/vocabulary.js';

export type SourceListFilter = { kind?: SourceKind; afterId?: string; limit: number };

export async function listSources(db: Db, filter: SourceListFilter): Promise<SourceRow[]> {
  return db
    .select()
    .from(sources)
    .where(and(filter.kind ? eq(sources.kind, filter.kind) : undefined, filter.afterId ? gt(sources.id, filter.afterId) : undefined))
    .orderBy(asc(sources.id))
    .limit(filter.limit);
}

export async function getSource(db: Db, id: string): Promise<SourceRow | null> {
  return (await db.select().from(sources).where(eq(sources.id, id)).get()) ?? null;
}

const sourcesByIds = preparedPer((db) => db.select().from(sources).where(inArray(sources.id, listPlaceholder('ids'))).prepare());

export async function getSourcesByIds(db: Db, ids: string[]): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  return sourcesByIds(db).all({ ids: jsonList([...new Set(ids)]) });
}

export type SourceFactRow = CitationRow & { eventTitle: string; eventStartAt: string };

/**
 * The first `limit` citations naming the source (as claimant or channel), in id order, each with
 * its event's title and start: the order and the pages of `/v1/citations?source=`, so a detail
 * can say where that list carries on.
 */
export async function listSourceFacts(db: Db, sourceId: string, limit: number): Promise<SourceFactRow[]> {
  const rows = await listCitations(db, { sourceId, limit });
  const ids = [...new Set(rows.map((r) => r.eventId))];
  const headlines = ids.length === 0 ? [] : await db.select({ id: events.id, title: events.title, startAt: events.startAt }).from(events).where(inArray(events.id, ids));
  const byId = new Map(headlines.map((e) => [e.id, e]));
  return rows.map((r) => ({ ...r, eventTitle: byId.get(r.eventId)!.title, eventStartAt: byId.get(r.eventId)!.startAt }));
}

/**
 * How many citations name the source. Two counts on their own indexes: `source_id = ? OR
 * via_source_id = ?` merged and de-duplicated every row id, 160 ms for a source of 533,000.
 */
export function countSourceFacts(db: Db, sourceId: string): number {
  return db.$client
    .prepare('SELECT (SELECT count(*) FROM citations WHERE source_id = @id) + (SELECT count(*) FROM citations WHERE via_source_id = @id AND source_id <> @id)')
    .pluck()
    .get({ id: sourceId }) as number;
}

/** Sources for the generic write path; a source still cited or reporting cannot be deleted. */
export const sourceStore = tableStore<SourceRow>({
  type: 'source',
  label: 'source',
  table: sources,
  owners: () => ({ eventId: null, otherEventId: null }),
  dependents: (tx, id) => {
    const n = (table: typeof casualtyReports | typeof munitionReports | typeof damageReports) => tx.select({ n: count() }).from(table).where(eq(table.sourceId, id)).get()!.n;
    const cited = tx.select({ n: count() }).from(citations).where(or(eq(citations.sourceId, id), eq(citations.viaSourceId, id))).get()!.n;
    return [...countOf(n(casualtyReports) + n(munitionReports) + n(damageReports), 'report'), ...countOf(cited, 'citation')];
  },
});
