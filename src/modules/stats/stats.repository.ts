// The claims behind the statistics: every casualty or munition report of the events a filter
// selects, with the event's start. Choosing among them is domain policy (src/domain/figures.ts).
// Claims are read one row at a time and arrive grouped by event (not in time order, which would
// sort them all first): statistics over years of events never hold them all in memory.
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { iterateRows } from '../../db/iterate.js';
import { casualtyReports, events, munitionReports } from '../../db/schema.js';
import type { CasualtyClaim, MunitionClaim } from '../../domain/figures.js';
import { eventFilterConditions, type EventFilter } from '../events/events.repository.js';

export type Dated<T> = T & { startAt: string };

/** Claims of the events a filter selects. */
export function casualtyClaimsMatching(db: Db, filter: EventFilter): Iterable<Dated<CasualtyClaim>> {
  return casualtyClaimsWhere(db, eventFilterConditions(filter));
}

/** Claims of the events starting in [from, to): what one stretch of hourly totals sums. */
export function casualtyClaimsStartingIn(db: Db, from: string, to: string): Iterable<Dated<CasualtyClaim>> {
  return casualtyClaimsWhere(db, and(gte(events.startAt, from), lt(events.startAt, to)));
}

function casualtyClaimsWhere(db: Db, where: SQL | undefined): Iterable<Dated<CasualtyClaim>> {
  const selection = {
    id: casualtyReports.id,
    eventId: casualtyReports.eventId,
    sourceId: casualtyReports.sourceId,
    category: casualtyReports.category,
    group: casualtyReports.group,
    low: casualtyReports.low,
    best: casualtyReports.best,
    high: casualtyReports.high,
    startAt: events.startAt,
  };
  const query = db
    .select(selection)
    .from(casualtyReports)
    .innerJoin(events, eq(events.id, casualtyReports.eventId))
    .where(where)
    .orderBy(asc(casualtyReports.eventId));
  return iterateRows<Dated<CasualtyClaim>>(db, selection, query);
}

export function munitionClaimsMatching(db: Db, filter: EventFilter): Iterable<Dated<MunitionClaim>> {
  return munitionClaimsWhere(db, eventFilterConditions(filter));
}

export function munitionClaimsStartingIn(db: Db, from: string, to: string): Iterable<Dated<MunitionClaim>> {
  return munitionClaimsWhere(db, and(gte(events.startAt, from), lt(events.startAt, to)));
}

function munitionClaimsWhere(db: Db, where: SQL | undefined): Iterable<Dated<MunitionClaim>> {
  const selection = {
    id: munitionReports.id,
    eventId: munitionReports.eventId,
    sourceId: munitionReports.sourceId,
    weaponCategory: munitionReports.weaponCategory,
    weaponModel: munitionReports.weaponModel,
    launched: munitionReports.launched,
    intercepted: munitionReports.intercepted,
    lostToEw: munitionReports.lostToEw,
    startAt: events.startAt,
  };
  const query = db
    .select(selection)
    .from(munitionReports)
    .innerJoin(events, eq(events.id, munitionReports.eventId))
    .where(where)
    .orderBy(asc(munitionReports.eventId));
  return iterateRows<Dated<MunitionClaim>>(db, selection, query);
}
