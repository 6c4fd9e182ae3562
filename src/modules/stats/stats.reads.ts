// What the statistics routes read, as one async interface (see events/events.reads.ts for why):
// the kept totals, and the claims a filtered statistic sums. SQLite's implementation reads the
// claims on a second, read-only connection (the store opens it) and lets the event loop turn
// every `rowsPerTurn` rows, so a long sum never pins a snapshot on the connection writes use.
import type { Db } from '../../db/client.js';
import type { BucketRef } from '../../lib/buckets.js';
import type { PlaceRole } from '../../domain/vocabulary.js';
import type { EventFilter } from '../events/events.repository.js';
import type { CasualtyClaim, MunitionClaim } from '../../domain/figures.js';
import { casualtyClaimsMatching, munitionClaimsMatching, type Dated } from './stats.repository.js';
import { casualtyBucketsFromRollups, munitionBucketsFromRollups } from './stats.rollups.js';

/** Claims to sum, read lazily; the summing yields to the event loop every `rowsPerTurn` rows. */
export type ClaimScan<C> = { rows: Iterable<Dated<C>>; rowsPerTurn: number };

export interface StatsReads {
  /** Buckets from the kept totals, or null when they cannot answer this filter (then the claims are summed). */
  casualtiesFromRollups(filter: EventFilter, bucketOf: (instant: string) => BucketRef): Promise<ReturnType<typeof casualtyBucketsFromRollups>>;
  munitionsFromRollups(filter: EventFilter, bucketOf: (instant: string) => BucketRef): Promise<ReturnType<typeof munitionBucketsFromRollups>>;
  /** Every casualty claim of the matching events (with `unitRoles`, each with the units it concerns). */
  casualtyClaims(filter: EventFilter, unitRoles?: readonly PlaceRole[]): ClaimScan<CasualtyClaim>;
  munitionClaims(filter: EventFilter, unitRoles?: readonly PlaceRole[]): ClaimScan<MunitionClaim>;
}

/** `scan`: the connection and pace for claim scans (the main connection, in one go, for an in-memory database). */
export function sqliteStatsReads(db: Db, scan: { db: Db; rowsPerTurn: number }): StatsReads {
  return {
    casualtiesFromRollups: async (filter, bucketOf) => casualtyBucketsFromRollups(db, filter, bucketOf),
    munitionsFromRollups: async (filter, bucketOf) => munitionBucketsFromRollups(db, filter, bucketOf),
    casualtyClaims: (filter, unitRoles) => ({ rows: casualtyClaimsMatching(scan.db, filter, unitRoles), rowsPerTurn: scan.rowsPerTurn }),
    munitionClaims: (filter, unitRoles) => ({ rows: munitionClaimsMatching(scan.db, filter, unitRoles), rowsPerTurn: scan.rowsPerTurn }),
  };
}
