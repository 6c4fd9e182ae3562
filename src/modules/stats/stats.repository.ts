// The claims behind the statistics: every casualty or munition report of the events a filter
// selects, with the event's start and the time the figure counts at (`at`: the figure's own
// start where its source dates it, else the event's). Choosing among them is domain policy
// (src/domain/figures.ts). Claims are read one row at a time and arrive grouped by event (not in
// time order, which would sort them all first): statistics over years never hold them in memory.
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { iterateRows } from '../../db/iterate.js';
import { casualtyReports, eventPlaces, events, munitionReports } from '../../db/schema.js';
import type { PlaceRole } from '../../domain/vocabulary.js';
import type { CasualtyClaim, MunitionClaim } from '../../domain/figures.js';
import { eventFilterConditions, type EventFilter } from '../events/events.repository.js';

/**
 * A claim with its event's start, the instant its figures count at and, when the statistics are
 * grouped by unit, the first-level units its event's places lie in (comma-joined; null for none).
 */
export type Dated<T> = T & { startAt: string; at: string; units?: string | null; kind?: string; country?: string | null };

/** The event's distinct units among its places in these roles, as one column of each claim row. */
const unitsOfEvent = (roles: readonly PlaceRole[]) =>
  sql<string | null>`(SELECT group_concat(DISTINCT ${eventPlaces.admin1}) FROM ${eventPlaces}
    WHERE ${eventPlaces.eventId} = ${events.id} AND ${eventPlaces.admin1} IS NOT NULL AND ${inArray(eventPlaces.role, [...roles])})`;

/**
 * Each measure's claims: its table, the columns a claim is read with, and the instant its
 * figures count at.
 */
const CLAIMS = {
  casualties: {
    table: casualtyReports,
    columns: {
      id: casualtyReports.id,
      eventId: casualtyReports.eventId,
      sourceId: casualtyReports.sourceId,
      category: casualtyReports.category,
      group: casualtyReports.group,
      low: casualtyReports.low,
      best: casualtyReports.best,
      high: casualtyReports.high,
    },
    // Casualty figures carry no time of their own: they count where their event starts.
    at: events.startAt,
  },
  munitions: {
    table: munitionReports,
    columns: {
      id: munitionReports.id,
      eventId: munitionReports.eventId,
      sourceId: munitionReports.sourceId,
      weaponCategory: munitionReports.weaponCategory,
      weaponModel: munitionReports.weaponModel,
      launched: munitionReports.launched,
      intercepted: munitionReports.intercepted,
      lostToEw: munitionReports.lostToEw,
    },
    at: sql<string>`coalesce(${munitionReports.startAt}, ${events.startAt})`,
  },
};

/** One measure's claims joined to their events, grouped by event. */
function claimsWhere<T>(db: Db, { table, columns, at }: (typeof CLAIMS)[keyof typeof CLAIMS], where: SQL | undefined, unitRoles?: readonly PlaceRole[], withPart = false) {
  const selection = {
    ...columns,
    startAt: events.startAt,
    at,
    ...(unitRoles && { units: unitsOfEvent(unitRoles) }),
    ...(withPart && { kind: events.kind, country: events.country }),
  };
  const query = db.select(selection).from(table).innerJoin(events, eq(events.id, table.eventId)).where(where).orderBy(asc(table.eventId));
  return iterateRows<Dated<T>>(db, selection, query);
}

/**
 * Claims of the events a filter selects; `from`/`toExclusive` select by the event's start. With
 * `unitRoles`, each claim carries its event's units.
 */
export function casualtyClaimsMatching(db: Db, filter: EventFilter, unitRoles?: readonly PlaceRole[]): Iterable<Dated<CasualtyClaim>> {
  return claimsWhere(db, CLAIMS.casualties, eventFilterConditions({ ...filter, overlaps: false }), unitRoles);
}

/** Claims of the events starting in [from, to), each with its event's kind and country: what one stretch of hourly totals sums. */
export function casualtyClaimsStartingIn(db: Db, from: string, to: string): Iterable<Dated<CasualtyClaim>> {
  return claimsWhere(db, CLAIMS.casualties, and(gte(events.startAt, from), lt(events.startAt, to)), undefined, true);
}

/**
 * Every claim of the events a filter selects that start in the filter's period or have a figure
 * dated in it: all of an event's claims, since which source counts is decided per event.
 */
export function munitionClaimsMatching(db: Db, filter: EventFilter, unitRoles?: readonly PlaceRole[]): Iterable<Dated<MunitionClaim>> {
  const { from, toExclusive, ...timeless } = filter;
  return claimsWhere(
    db,
    CLAIMS.munitions,
    and(eventFilterConditions(timeless), from || toExclusive ? inArray(events.id, eventsCountingIn(from, toExclusive)) : undefined),
    unitRoles,
  );
}

/** Claims of the events that start in [from, to) or have a figure dated in it, each with its event's kind and country (hourly totals). */
export function munitionClaimsStartingIn(db: Db, from: string, to: string): Iterable<Dated<MunitionClaim>> {
  return claimsWhere(db, CLAIMS.munitions, inArray(events.id, eventsCountingIn(from, to)), undefined, true);
}

/** Ids of the events starting in a period, and of those with a figure of their own dated in it. */
function eventsCountingIn(from: string | undefined, to: string | undefined): SQL {
  const within = (column: SQL) => sql.join([from ? sql`${column} >= ${from}` : sql`1`, to ? sql`${column} < ${to}` : sql`1`], sql` AND `);
  return sql`(SELECT id FROM events WHERE ${within(sql`start_at`)}
    UNION SELECT event_id FROM munition_reports WHERE start_at IS NOT NULL AND ${within(sql`start_at`)})`;
}
