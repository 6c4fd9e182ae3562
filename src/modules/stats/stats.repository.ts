// The claims behind the statistics: every casualty or munition report of the events a filter
// selects, with the event's start. Choosing among them is domain policy (src/domain/figures.ts).
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { casualtyReports, events, munitionReports } from '../../db/schema.js';
import type { CasualtyClaim, MunitionClaim } from '../../domain/figures.js';
import { eventFilterConditions, type EventFilter } from '../events/events.repository.js';

export type Dated<T> = T & { startAt: string };

export async function casualtyClaimsMatching(db: Db, filter: EventFilter): Promise<Dated<CasualtyClaim>[]> {
  return db
    .select({
      id: casualtyReports.id,
      eventId: casualtyReports.eventId,
      sourceId: casualtyReports.sourceId,
      category: casualtyReports.category,
      group: casualtyReports.group,
      low: casualtyReports.low,
      best: casualtyReports.best,
      high: casualtyReports.high,
      startAt: events.startAt,
    })
    .from(casualtyReports)
    .innerJoin(events, eq(events.id, casualtyReports.eventId))
    .where(eventFilterConditions(filter))
    .orderBy(asc(events.startAt), asc(casualtyReports.eventId));
}

export async function munitionClaimsMatching(db: Db, filter: EventFilter): Promise<Dated<MunitionClaim>[]> {
  return db
    .select({
      id: munitionReports.id,
      eventId: munitionReports.eventId,
      sourceId: munitionReports.sourceId,
      weaponCategory: munitionReports.weaponCategory,
      weaponModel: munitionReports.weaponModel,
      launched: munitionReports.launched,
      intercepted: munitionReports.intercepted,
      lostToEw: munitionReports.lostToEw,
      startAt: events.startAt,
    })
    .from(munitionReports)
    .innerJoin(events, eq(events.id, munitionReports.eventId))
    .where(eventFilterConditions(filter))
    .orderBy(asc(events.startAt), asc(munitionReports.eventId));
}
