// Maps source and citation rows to their wire shapes.
import type { CitationRow, SourceRow } from '../../db/schema.js';
import { encodeCursor, queryFingerprint } from '../../lib/cursor.js';
import type { SourceFactRow } from './sources.repository.js';
import { SOURCE_FACTS_SHOWN, type Citation, type SourceDetail, type SourceFact, type SourceRef, type SourceWire } from './sources.schemas.js';

export function presentSourceRef(row: SourceRow): SourceRef {
  return { id: row.id, kind: row.kind, publisher: row.publisher, title: row.title, url: row.url };
}

export function presentSource(row: SourceRow): SourceWire {
  return {
    id: row.id,
    kind: row.kind,
    publisher: row.publisher,
    title: row.title,
    url: row.url,
    reference: row.reference,
    published_at: row.publishedAt,
    notes: row.notes,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export function presentCitation(row: CitationRow, sourcesById: Map<string, SourceRow>): Citation {
  const via = row.viaSourceId ? sourcesById.get(row.viaSourceId) : undefined;
  return {
    id: row.id,
    source: presentSourceRef(sourcesById.get(row.sourceId)!),
    via: via ? presentSourceRef(via) : null,
    quote: row.quote,
    locator: row.locator,
  };
}

export function factOf(row: CitationRow): Pick<SourceFact, 'fact_type' | 'fact_id'> {
  if (row.casualtyReportId) return { fact_type: 'casualty_report', fact_id: row.casualtyReportId };
  if (row.munitionReportId) return { fact_type: 'munition_report', fact_id: row.munitionReportId };
  if (row.damageReportId) return { fact_type: 'damage_report', fact_id: row.damageReportId };
  if (row.relationId) return { fact_type: 'relation', fact_id: row.relationId };
  return { fact_type: 'event', fact_id: row.eventId };
}

export function presentSourceFact(row: SourceFactRow, sourceId: string): SourceFact {
  return {
    citation_id: row.id,
    role: row.sourceId === sourceId ? 'claimant' : 'via',
    ...factOf(row),
    event: { id: row.eventId, title: row.eventTitle, start_at: row.eventStartAt },
    quote: row.quote,
    locator: row.locator,
  };
}

/**
 * A source with the first of its facts (`facts`, read with SOURCE_FACTS_SHOWN + 1 rows to know
 * whether more follow), how many it has, and where the rest are: the `/v1/citations?source=` page
 * after the last one shown. That cursor is the one the citations list itself issues for this
 * filter (a fingerprint of `{ source }` and the last id), so the link pages on like any other.
 */
export function presentSourceDetail(row: SourceRow, facts: SourceFactRow[], total: number): SourceDetail {
  const shown = facts.slice(0, SOURCE_FACTS_SHOWN);
  const next =
    facts.length > SOURCE_FACTS_SHOWN
      ? `/v1/citations?source=${encodeURIComponent(row.id)}&cursor=${encodeCursor([shown.at(-1)!.id], queryFingerprint({ source: row.id }))}`
      : null;
  return { ...presentSource(row), facts: shown.map((f) => presentSourceFact(f, row.id)), facts_total: total, facts_next: next };
}
