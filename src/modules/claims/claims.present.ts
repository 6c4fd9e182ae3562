// Reports and citations as wire items (the shapes of the event detail) and as flat CSV rows: one
// row per claim, beside the event it is about, the source that made it and the evidence for it.
import type { CitationRow, SourceRow } from '../../db/schema.js';
import { joinList, type CsvRow } from '../../lib/csv.js';
import { citationsByFact, presentCasualtyReport, presentDamageReport, presentMunitionReport } from '../events/events.present.js';
import type { CasualtyReportWire, DamageReportWire, MunitionReportWire } from '../events/events.schemas.js';
import { factOf, presentCitation, presentSourceRef } from '../sources/sources.present.js';
import type { Citation } from '../sources/sources.schemas.js';
import type { ReportKind, ReportListRow, ReportRowOf } from './claims.repository.js';
import type { CitationRecordWire } from './claims.schemas.js';

type ReportWireOf = { casualty: CasualtyReportWire; munition: MunitionReportWire; damage: DamageReportWire };

const PRESENT: { [K in ReportKind]: (row: ReportRowOf<K>, source: ReturnType<typeof presentSourceRef>, citations: Citation[]) => ReportWireOf[K] } = {
  casualty: presentCasualtyReport,
  munition: presentMunitionReport,
  damage: presentDamageReport,
};

/** The figure columns of each kind of report, in CSV order. */
export const FIGURE_COLUMNS: { [K in ReportKind]: readonly string[] } = {
  casualty: ['category', 'group', 'low', 'best', 'high', 'as_reported'],
  munition: ['weapon_category', 'weapon_model', 'launched', 'intercepted', 'lost_to_ew', 'start_at', 'start_precision', 'end_at', 'end_precision'],
  damage: ['asset_category', 'count', 'description'],
};

export function reportColumns(kind: ReportKind): string[] {
  return [
    'id',
    'event_id',
    'event_title',
    'event_start_at',
    'source_id',
    'source_publisher',
    'source_url',
    ...FIGURE_COLUMNS[kind],
    'citation_ids',
    'quotes',
    'locators',
    'via_source_ids',
    'created_at',
    'updated_at',
  ];
}

export type ReportBatch<K extends ReportKind> = { rows: Array<ReportListRow<K>>; citations: CitationRow[]; sources: Map<string, SourceRow> };

export function presentReports<K extends ReportKind>(kind: K, batch: ReportBatch<K>): Array<ReportWireOf[K]> {
  const byReport = citationsByFact(batch.citations);
  return batch.rows.map(({ report }) =>
    PRESENT[kind](
      report,
      presentSourceRef(batch.sources.get(report.sourceId)!),
      (byReport.get(report.id) ?? []).map((c) => presentCitation(c, batch.sources)),
    ),
  );
}

export function reportCells<K extends ReportKind>(kind: K, batch: ReportBatch<K>): CsvRow[] {
  return presentReports(kind, batch).map((wire, i) => {
    const row = batch.rows[i]!;
    const fields = wire as unknown as Record<string, string | number | null>;
    const figures: CsvRow = {};
    for (const column of FIGURE_COLUMNS[kind]) figures[column] = fields[column];
    return {
      id: wire.id,
      event_id: wire.event_id,
      event_title: row.eventTitle,
      event_start_at: row.eventStartAt,
      source_id: wire.source.id,
      source_publisher: row.sourcePublisher,
      source_url: row.sourceUrl,
      ...figures,
      citation_ids: joinList(wire.citations.map((c) => c.id)),
      quotes: joinList(wire.citations.map((c) => c.quote)),
      locators: joinList(wire.citations.map((c) => c.locator)),
      via_source_ids: joinList(wire.citations.map((c) => c.via?.id ?? null)),
      created_at: row.report.createdAt,
      updated_at: row.report.updatedAt,
    };
  });
}

export const CITATION_COLUMNS = [
  'id',
  'event_id',
  'fact_type',
  'fact_id',
  'source_id',
  'source_publisher',
  'via_source_id',
  'via_publisher',
  'quote',
  'locator',
] as const;

export function presentCitationRecord(row: CitationRow, sources: Map<string, SourceRow>): CitationRecordWire {
  return { ...presentCitation(row, sources), event_id: row.eventId, ...factOf(row) };
}

export function citationCells(record: CitationRecordWire): CsvRow {
  return {
    id: record.id,
    event_id: record.event_id,
    fact_type: record.fact_type,
    fact_id: record.fact_id,
    source_id: record.source.id,
    source_publisher: record.source.publisher,
    via_source_id: record.via?.id ?? null,
    via_publisher: record.via?.publisher ?? null,
    quote: record.quote,
    locator: record.locator,
  };
}
