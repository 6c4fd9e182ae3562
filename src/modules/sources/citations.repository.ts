// Citations: which source supports which fact, as the claimant or as the channel a claim was read
// in. Listed in id order (keyset pages) for /v1/citations, its exports and a source's own page.
import { and, asc, eq, gt, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pagedRows } from '../../db/iterate.js';
import { citations, type CitationRow } from '../../db/schema.js';
import type { FactType } from '../../domain/vocabulary.js';

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
