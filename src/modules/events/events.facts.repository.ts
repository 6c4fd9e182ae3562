// Stores of the records that hang off an event, for the generic write path: how each is read,
// which event it belongs to, and what still refers to it. Takes the database or a transaction.
import { count, eq } from 'drizzle-orm';
import { casualtyReports, citations, damageReports, munitionReports, relations, type CasualtyReportRow, type CitationRow, type DamageReportRow, type MunitionReportRow, type RelationRow } from '../../db/schema.js';
import { countOf, tableStore } from '../records/records.writes.js';

const citationsOn = (column: (typeof citations)['casualtyReportId' | 'munitionReportId' | 'damageReportId' | 'relationId']) => (tx: Parameters<Parameters<typeof tableStore>[0]['dependents']>[0], id: string) =>
  countOf(tx.select({ n: count() }).from(citations).where(eq(column, id)).get()!.n, 'citation');

export const casualtyReportStore = tableStore<CasualtyReportRow>({
  type: 'casualty_report',
  label: 'casualty report',
  table: casualtyReports,
  owners: (row) => ({ eventId: row.eventId, otherEventId: null }),
  dependents: citationsOn(citations.casualtyReportId),
});

export const munitionReportStore = tableStore<MunitionReportRow>({
  type: 'munition_report',
  label: 'munition report',
  table: munitionReports,
  owners: (row) => ({ eventId: row.eventId, otherEventId: null }),
  dependents: citationsOn(citations.munitionReportId),
});

export const damageReportStore = tableStore<DamageReportRow>({
  type: 'damage_report',
  label: 'damage report',
  table: damageReports,
  owners: (row) => ({ eventId: row.eventId, otherEventId: null }),
  dependents: citationsOn(citations.damageReportId),
});

export const citationStore = tableStore<CitationRow>({
  type: 'citation',
  label: 'citation',
  table: citations,
  owners: (row) => ({ eventId: row.eventId, otherEventId: null }),
  dependents: () => [],
});

export const relationStore = tableStore<RelationRow>({
  type: 'relation',
  label: 'relation',
  table: relations,
  owners: (row) => ({ eventId: row.fromEventId, otherEventId: row.toEventId }),
  dependents: citationsOn(citations.relationId),
});
