// The claims behind the statistics: every casualty or munition report of the events a filter
// selects, with the event's start. Choosing among them is domain policy (src/domain/figures.ts).
// Claims are read one row at a time and arrive grouped by event (not in time order, which would
// sort them all first): statistics over years of events never hold them all in memory.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { iterateRows } from '../../db/iterate.js';
import { casualtyReports, events, munitionReports } from '../../db/schema.js';
import type { CasualtyClaim, MunitionClaim } from '../../domain/figures.js';
import { eventFilterConditions, type EventFilter } from '../events/events.repository.js';

export type Dated<T> = T & { startAt: string };

export function casualtyClaimsMatching(db: Db, filter: EventFilter): Iterable<Dated<CasualtyClaim>> {
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
    .where(eventFilterConditions(filter))
    .orderBy(asc(casualtyReports.eventId));
  return iterateRows<Dated<CasualtyClaim>>(db, selection, query);
}

export function munitionClaimsMatching(db: Db, filter: EventFilter): Iterable<Dated<MunitionClaim>> {
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
    .where(eventFilterConditions(filter))
    .orderBy(asc(munitionReports.eventId));
  return iterateRows<Dated<MunitionClaim>>(db, selection, query);
}
