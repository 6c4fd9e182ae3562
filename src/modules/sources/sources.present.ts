// Maps source and citation rows to their wire shapes.
import type { CitationRow, SourceRow } from '../../db/schema.js';
import type { SourceFactRow } from './sources.repository.js';
import type { Citation, SourceFact, SourceRef, SourceWire } from './sources.schemas.js';

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
