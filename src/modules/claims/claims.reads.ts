// What the routes may read of the report lists, as one async interface (see events.reads.ts for why).
import type { Db } from '../../db/client.js';
import type { CitationRow } from '../../db/schema.js';
import { citationsOfReports, iterateReports, listReports, type ReportFilter, type ReportKind, type ReportListRow } from './claims.repository.js';

export interface ClaimReads {
  /** A page of reports of one kind, ordered by id, each beside its event's title and start and its source. */
  reports<K extends ReportKind>(kind: K, filter: ReportFilter & { limit: number }): Promise<Array<ReportListRow<K>>>;
  /** Every matching report of one kind from `afterId` on, read as it is consumed. */
  iterateReports<K extends ReportKind>(kind: K, filter: ReportFilter): AsyncIterable<ReportListRow<K>>;
  /** The citations of a batch of reports of one kind, ordered by id. */
  citationsOfReports(kind: ReportKind, reportIds: string[]): Promise<CitationRow[]>;
}

export function sqliteClaimReads(db: Db): ClaimReads {
  return {
    reports: (kind, filter) => listReports(db, kind, filter),
    iterateReports: (kind, filter) => iterateReports(db, kind, filter),
    citationsOfReports: (kind, reportIds) => citationsOfReports(db, kind, reportIds),
  };
}
