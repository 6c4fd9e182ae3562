// Reads of events and everything attached to them. Takes the database, returns rows; the route
// decides what a missing row means.
import { and, asc, between, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pagedRows } from '../../db/iterate.js';
import { jsonList, listPlaceholder, preparedPer } from '../../db/statements.js';
import {
  actors,
  casualtyReports,
  citations,
  damageReports,
  eventActors,
  eventPlaces,
  events,
  munitionReports,
  relations,
  sources,
  type ActorRow,
  type CasualtyReportRow,
  type CitationRow,
  type DamageReportRow,
  type EventRow,
  type MunitionReportRow,
  type RelationRow,
  type SourceRow,
} from '../../db/schema.js';
import type { PlaceRecord } from '../../domain/places.js';
import type { PlaceFilter } from '../places/places.schemas.js';
import type { ActorRole, EventKind, EventStatus } from '../../domain/vocabulary.js';
import { getSourcesByIds } from '../sources/sources.repository.js';

export type EventListFilter = {
  /** Inclusive: events that start at this instant or later (with `overlaps`: whose span reaches it). */
  from?: string;
  /** Exclusive: events that start before this instant. */
  toExclusive?: string;
  /** Select by the event's whole span meeting [from, toExclusive) instead of by its start. */
  overlaps?: boolean;
  kinds?: EventKind[];
  statuses?: EventStatus[];
  actorId?: string;
  country?: string;
  sourceId?: string;
  /** An FTS5 MATCH expression, already made safe (lib/fts.ts). */
  match?: string;
  /** Where: the event's places (src/modules/places). */
  places?: PlaceFilter;
  order: 'asc' | 'desc';
  after?: { startAt: string; id: string };
  limit: number;
};

/** The filtering part of a list query, shared by lists, the timeline and the statistics. */
export type EventFilter = Omit<EventListFilter, 'order' | 'after' | 'limit'>;

/**
 * How SQLite should use a filter that names other rows (a full-text match, an actor, a source).
 * `drive` (the default): read the matching events and sort them, right when few events match.
 * `probe`: walk the events in list order and check each against the filter, which stops after
 * one page, right when many do (for a match, the unary `+` keeps SQLite from driving the query
 * by the match anyway).
 */
export type FilterUse = 'drive' | 'probe';
/** The events column whose index a list with several of kind, status and country walks (drivingColumn). */
export type DrivingColumn = 'kind' | 'status' | 'country';
export type FilterUses = { match: FilterUse; actor: FilterUse; source: FilterUse; places: FilterUse; driving?: DrivingColumn };
const DRIVE: FilterUses = { match: 'drive', actor: 'drive', source: 'drive', places: 'drive' };

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

/**
 * What one place of `event_places` must satisfy for each place filter given: an event matches
 * when, for every one, some place of it in the chosen roles does (not necessarily the same place).
 */
export function placeConditions(filter: PlaceFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.admin1?.length) conditions.push(inArray(eventPlaces.admin1, filter.admin1));
  if (filter.named?.length) {
    conditions.push(
      or(
        ...filter.named.map((n) =>
          'admin1' in n ? eq(eventPlaces.admin1, n.admin1) : 'country' in n ? eq(eventPlaces.country, n.country) : eq(eventPlaces.gazetteerId, n.entry),
        ),
      )!,
    );
  }
  if (filter.bbox) {
    const { minLon, minLat, maxLon, maxLat } = filter.bbox;
    const longitudes = minLon <= maxLon ? between(eventPlaces.longitude, minLon, maxLon) : or(gte(eventPlaces.longitude, minLon), lte(eventPlaces.longitude, maxLon))!;
    conditions.push(and(between(eventPlaces.latitude, minLat, maxLat), longitudes)!);
  }
  if (filter.near) {
    const { latitude, longitude, km } = filter.near;
    // A band of latitude the index reads, a band of longitude (where it does not wrap), then the
    // great-circle distance (haversine) on what is left.
    const dLat = km / KM_PER_DEGREE;
    const dLon = km / (KM_PER_DEGREE * Math.max(Math.cos((Math.min(Math.abs(latitude) + dLat, 90) * Math.PI) / 180), 1e-6));
    const lonBand = longitude - dLon >= -180 && longitude + dLon <= 180 ? between(eventPlaces.longitude, longitude - dLon, longitude + dLon) : undefined;
    const haversine = sql`${EARTH_RADIUS_KM * 2} * asin(sqrt(power(sin(radians(${eventPlaces.latitude} - ${latitude}) / 2), 2)
      + cos(radians(${latitude})) * cos(radians(${eventPlaces.latitude})) * power(sin(radians(${eventPlaces.longitude} - ${longitude}) / 2), 2))) <= ${km}`;
    conditions.push(and(between(eventPlaces.latitude, latitude - dLat, latitude + dLat), lonBand, haversine)!);
  }
  return conditions;
}

/**
 * Rows whose event (`eventId`: events.id, or a report's event_id) has, for each place condition, a
 * place in the filter's roles that meets it. `drive` reads the places and the rows they name;
 * `probe` checks each row's event as the rows are walked in their own order (placesUse decides).
 */
export function placed(filter: PlaceFilter, use: FilterUse, eventId: AnyColumn = events.id): SQL | undefined {
  const roles = inArray(eventPlaces.role, filter.roles);
  const each = placeConditions(filter).map((condition) =>
    use === 'drive'
      ? inArray(eventId, sql`(SELECT ${eventPlaces.eventId} FROM ${eventPlaces} WHERE ${and(roles, condition)})`)
      : sql`EXISTS (SELECT 1 FROM ${eventPlaces} WHERE ${eventPlaces.eventId} = ${eventId} AND ${and(roles, condition)})`,
  );
  return each.length ? and(...each) : undefined;
}

/**
 * Events whose full-text row matches. Driven, the matches' event ids are read from the index's
 * stored rows, which is right for a few. Probed, each event walked is looked up in the set of
 * matching rowids through its row in events_fts_rows (migration 0007): a common word, or a place
 * name that many events share (Kiev: 92,000 of a million), would otherwise read the stored row of
 * every match first (0.6 s; now 20 ms for a page).
 */
function matching(match: string, use: FilterUse): SQL {
  return use === 'probe'
    ? sql`(SELECT fts_rowid FROM events_fts_rows WHERE event_id = ${events.id}) IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ${match})`
    : inArray(events.id, sql`(SELECT event_id FROM events_fts WHERE events_fts MATCH ${match})`);
}

/** Events with a claim, a figure or a citation from the source (also as the source it came through). */
function citedBy(sourceId: string, use: FilterUse): SQL {
  if (use === 'drive') {
    return inArray(
      events.id,
      sql`(SELECT event_id FROM citations WHERE source_id = ${sourceId} OR via_source_id = ${sourceId}
           UNION SELECT event_id FROM casualty_reports WHERE source_id = ${sourceId}
           UNION SELECT event_id FROM munition_reports WHERE source_id = ${sourceId}
           UNION SELECT event_id FROM damage_reports WHERE source_id = ${sourceId})`,
    );
  }
  // Each probe reads the few rows of one event through its event_id index; the unary `+` keeps
  // SQLite from reading every row of the source through its source index instead.
  return sql`(EXISTS (SELECT 1 FROM citations c WHERE c.event_id = ${events.id} AND (+c.source_id = ${sourceId} OR +c.via_source_id = ${sourceId}))
    OR EXISTS (SELECT 1 FROM casualty_reports r WHERE r.event_id = ${events.id} AND +r.source_id = ${sourceId})
    OR EXISTS (SELECT 1 FROM munition_reports r WHERE r.event_id = ${events.id} AND +r.source_id = ${sourceId})
    OR EXISTS (SELECT 1 FROM damage_reports r WHERE r.event_id = ${events.id} AND +r.source_id = ${sourceId}))`;
}

/** The values each of the three indexed equality filters asks for, where given. */
function equalityFilters(filter: EventFilter): Array<[DrivingColumn, string[]]> {
  const given: Array<[DrivingColumn, string[] | undefined]> = [
    ['kind', filter.kinds],
    ['status', filter.statuses],
    ['country', filter.country ? [filter.country] : undefined],
  ];
  return given.filter((entry): entry is [DrivingColumn, string[]] => Boolean(entry[1]?.length));
}

const EQUALITY_COLUMNS = { kind: events.kind, status: events.status, country: events.country } as const;

/**
 * `column IN (…)`; a column other than the driving one is written `+column`, which keeps SQLite
 * from walking its index: the driving column's index carries it and checks it in place.
 */
function equality(column: DrivingColumn, values: string[], driving: DrivingColumn | undefined): SQL {
  if (!driving || driving === column) return inArray(EQUALITY_COLUMNS[column], values);
  return sql`+${EQUALITY_COLUMNS[column]} IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
}

export function eventFilterConditions(filter: EventFilter, uses: FilterUses = DRIVE): SQL | undefined {
  return and(
    filter.toExclusive ? lt(events.startAt, filter.toExclusive) : undefined,
    filter.from && !filter.overlaps ? gte(events.startAt, filter.from) : undefined,
    // span_end_at is exclusive; null means an ongoing event that reaches into the present.
    filter.from && filter.overlaps ? or(isNull(events.spanEndAt), gt(events.spanEndAt, filter.from)) : undefined,
    ...equalityFilters(filter).map(([column, values]) => equality(column, values, uses.driving)),
    filter.actorId
      ? uses.actor === 'probe'
        ? sql`EXISTS (SELECT 1 FROM ${eventActors} WHERE ${eventActors.eventId} = ${events.id} AND ${eventActors.actorId} = ${filter.actorId})`
        : inArray(events.id, sql`(SELECT ${eventActors.eventId} FROM ${eventActors} WHERE ${eventActors.actorId} = ${filter.actorId})`)
      : undefined,
    filter.sourceId ? citedBy(filter.sourceId, uses.source) : undefined,
    filter.match ? matching(filter.match, uses.match) : undefined,
    filter.places ? placed(filter.places, uses.places) : undefined,
  );
}

/**
 * Events after (or, going back, before) a keyset position, as one row-value comparison: SQLite
 * turns `(start_at, id) > (?, ?)` into a range on an index ending in (start_at, id), where the
 * equivalent `start_at > ? OR (start_at = ? AND id > ?)` made it walk every earlier entry.
 */
function beyondPosition(order: 'asc' | 'desc', position: { startAt: string; id: string }): SQL {
  return sql`(${events.startAt}, ${events.id}) ${sql.raw(order === 'asc' ? '>' : '<')} (${position.startAt}, ${position.id})`;
}

/**
 * Rows of a filter beyond which walking the list in order finds a page sooner than sorting every
 * match. Measured for one page of 50 on a million events: a common place name matches 60,000
 * events, and reading and sorting those took seconds; the commonest actor (633,000 events) took
 * 745 ms driven and 0.8 ms probed, one with 2,000 events 17 and 8 ms; the commonest source
 * (533,000 citations) 1.4 s driven and 1 ms probed, one with 5,600 citations 41 and 72 ms, one
 * with 18,000 108 and 24 ms. Rarer filters still drive the query.
 */
export const COMMON_ROWS = { match: 2_000, actor: 2_000, source: 10_000, places: 2_000 } as const;

/** Entries counted at most for each column when choosing: beyond this many, a column counts as common. */
const DRIVING_COUNT_CAP = 20_000;

/**
 * With two or more of kind, status and country, the one with the fewest events in the period,
 * from a capped count of its own index's entries. SQLite's statistics cannot tell a rare value
 * it did not sample from an average one (status=cancelled with country=RU walked RU's 57,000
 * events for four matches); each of the three indexes carries the other two columns, so walking
 * the rarest checks the others without reading a row.
 */
export function drivingColumn(db: Db, filter: EventFilter): DrivingColumn | undefined {
  const given = equalityFilters(filter);
  if (given.length < 2) return undefined;
  let best: { column: DrivingColumn; count: number } | undefined;
  for (const [column, values] of given) {
    const range = [
      filter.from && !filter.overlaps ? 'AND start_at >= ?' : '',
      filter.toExclusive ? 'AND start_at < ?' : '',
    ].join(' ');
    const params = [...values, ...(filter.from && !filter.overlaps ? [filter.from] : []), ...(filter.toExclusive ? [filter.toExclusive] : [])];
    // Column names are constants, never input. Counting stops at the best count so far: only a
    // rarer column can win.
    const cap = best ? best.count : DRIVING_COUNT_CAP;
    const count = db.$client
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM events WHERE ${column} IN (${values.map(() => '?').join(', ')}) ${range} LIMIT ${cap})`)
      .pluck()
      .get(...params) as number;
    if (!best || count < best.count) best = { column, count };
    if (count === 0) break;
  }
  return best!.column;
}

/** Whether each of the filter's references is common enough to probe, from a capped count. */
export function filterUsesFor(db: Db, filter: EventFilter): FilterUses {
  // `limit` is one of the constants above, never input.
  const use = (limit: number, query: string, ...params: unknown[]): FilterUse =>
    (db.$client.prepare(`SELECT count(*) FROM (${query} LIMIT ${limit})`).pluck().get(...params) as number) >= limit ? 'probe' : 'drive';
  return {
    match: filter.match === undefined ? 'drive' : use(COMMON_ROWS.match, 'SELECT 1 FROM events_fts WHERE events_fts MATCH ?', filter.match),
    actor: filter.actorId === undefined ? 'drive' : use(COMMON_ROWS.actor, 'SELECT 1 FROM event_actors WHERE actor_id = ?', filter.actorId),
    source:
      filter.sourceId === undefined
        ? 'drive'
        : use(COMMON_ROWS.source, 'SELECT 1 FROM citations WHERE source_id = ? OR via_source_id = ?', filter.sourceId, filter.sourceId),
    places: placesUse(db, filter.places),
    driving: drivingColumn(db, filter),
  };
}

/** Drive by the places when the rarest place condition has few rows, else walk the list and probe. */
export function placesUse(db: Db, filter: PlaceFilter | undefined): FilterUse {
  if (!filter) return 'drive';
  const roles = inArray(eventPlaces.role, filter.roles);
  for (const condition of placeConditions(filter)) {
    const rows = db.select({ one: sql`1` }).from(eventPlaces).where(and(roles, condition)).limit(COMMON_ROWS.places).all().length;
    if (rows < COMMON_ROWS.places) return 'drive';
  }
  return 'probe';
}

function orderedEvents(db: Db, filter: Omit<EventListFilter, 'limit'>) {
  const { after, order } = filter;
  return db
    .select()
    .from(events)
    .where(and(eventFilterConditions(filter, filterUsesFor(db, filter)), after ? beyondPosition(order, after) : undefined))
    .orderBy(...(order === 'asc' ? [asc(events.startAt), asc(events.id)] : [desc(events.startAt), desc(events.id)]));
}

export async function listEvents(db: Db, filter: EventListFilter): Promise<EventRow[]> {
  return orderedEvents(db, filter).limit(filter.limit);
}

/** Every event a list query matches, in its order, a keyset page at a time (exports). */
export function iterateEvents(db: Db, filter: Omit<EventListFilter, 'limit'>): AsyncIterable<EventRow> {
  return pagedRows<EventRow, { startAt: string; id: string }>(
    (after, limit) => listEvents(db, { ...filter, after: after ?? filter.after, limit }),
    (row) => ({ startAt: row.startAt, id: row.id }),
  );
}

const detailQueries = preparedPer((db) => {
  const id = sql.placeholder('id');
  return {
    event: db.select().from(events).where(eq(events.id, id)).prepare(),
    actors: db
      .select({ actor: actors, role: eventActors.role })
      .from(eventActors)
      .innerJoin(actors, eq(actors.id, eventActors.actorId))
      .where(eq(eventActors.eventId, id))
      .orderBy(asc(eventActors.role), asc(actors.name))
      .prepare(),
    casualty: db.select().from(casualtyReports).where(eq(casualtyReports.eventId, id)).orderBy(asc(casualtyReports.sourceId), asc(casualtyReports.id)).prepare(),
    munition: db.select().from(munitionReports).where(eq(munitionReports.eventId, id)).orderBy(asc(munitionReports.sourceId), asc(munitionReports.id)).prepare(),
    damage: db.select().from(damageReports).where(eq(damageReports.eventId, id)).orderBy(asc(damageReports.sourceId), asc(damageReports.id)).prepare(),
    citations: db.select().from(citations).where(eq(citations.eventId, id)).orderBy(asc(citations.id)).prepare(),
    places: db.select(placeColumns).from(eventPlaces).where(eq(eventPlaces.eventId, id)).orderBy(asc(eventPlaces.position)).prepare(),
    relations: db
      .select()
      .from(relations)
      .where(or(eq(relations.fromEventId, id), eq(relations.toEventId, id)))
      .orderBy(asc(relations.id))
      .prepare(),
    eventsByIds: db.select().from(events).where(inArray(events.id, listPlaceholder('ids'))).prepare(),
    citationsOfRelations: db.select().from(citations).where(inArray(citations.relationId, listPlaceholder('ids'))).orderBy(asc(citations.id)).prepare(),
  };
});

export async function getEvent(db: Db, id: string): Promise<EventRow | null> {
  return detailQueries(db).event.get({ id }) ?? null;
}

export type EventFacts = {
  places: PlaceRecord[];
  actors: Array<ActorRow & { role: ActorRole }>;
  casualtyReports: CasualtyReportRow[];
  munitionReports: MunitionReportRow[];
  damageReports: DamageReportRow[];
  citations: CitationRow[];
  relations: Array<{ relation: RelationRow; other: EventRow }>;
  /** Every source the reports and citations above refer to. */
  sources: SourceRow[];
};

/**
 * An event's facts, read in one read transaction: outside one, each of the nine statements takes
 * and releases the file's read lock itself, a sixth of the detail's time on a million events.
 */
const factReads = preparedPer((db) => {
  const q = detailQueries(db);
  return db.$client.transaction((eventId: string) => {
    const id = { id: eventId };
    const relationRows = q.relations.all(id);
    const otherIds = relationRows.map((r) => (r.fromEventId === eventId ? r.toEventId : r.fromEventId));
    // Relation citations live on the relation's from-event; fetch those of incoming relations too.
    const incomingRelationIds = relationRows.filter((r) => r.toEventId === eventId).map((r) => r.id);
    return {
      places: q.places.all(id),
      actorRows: q.actors.all(id),
      casualty: q.casualty.all(id),
      munition: q.munition.all(id),
      damage: q.damage.all(id),
      citationRows: q.citations.all(id),
      relationRows,
      others: otherIds.length ? q.eventsByIds.all({ ids: jsonList(otherIds) }) : [],
      incomingCitations: incomingRelationIds.length ? q.citationsOfRelations.all({ ids: jsonList(incomingRelationIds) }) : [],
    };
  });
});

export async function getEventFacts(db: Db, eventId: string): Promise<EventFacts> {
  const { places, actorRows, casualty, munition, damage, citationRows, relationRows, others, incomingCitations } = factReads(db)(eventId);
  const othersById = new Map(others.map((e) => [e.id, e]));
  const allCitations = [...citationRows, ...incomingCitations.filter((c) => c.eventId !== eventId)];
  const sourceIds = [
    ...[...casualty, ...munition, ...damage].map((r) => r.sourceId),
    ...allCitations.flatMap((c) => (c.viaSourceId ? [c.sourceId, c.viaSourceId] : [c.sourceId])),
  ];
  return {
    places,
    actors: actorRows.map((r) => ({ ...r.actor, role: r.role })),
    casualtyReports: casualty,
    munitionReports: munition,
    damageReports: damage,
    citations: allCitations,
    relations: relationRows.flatMap((relation) => {
      const other = othersById.get(relation.fromEventId === eventId ? relation.toEventId : relation.fromEventId);
      return other ? [{ relation, other }] : [];
    }),
    sources: await getSourcesByIds(db, sourceIds),
  };
}

/** The columns of a place as events hold it (`PlaceRecord`): all but its event and position. */
export const placeColumns = {
  role: eventPlaces.role,
  name: eventPlaces.name,
  gazetteerId: eventPlaces.gazetteerId,
  admin1: eventPlaces.admin1,
  country: eventPlaces.country,
  latitude: eventPlaces.latitude,
  longitude: eventPlaces.longitude,
  geoPrecision: eventPlaces.geoPrecision,
  searchNames: eventPlaces.searchNames,
};

/** The places of a set of events (a page), each event's in its source's order; none for an event without. */
const placesOfPage = preparedPer((db) =>
  db
    .select({ eventId: eventPlaces.eventId, ...placeColumns })
    .from(eventPlaces)
    .where(inArray(eventPlaces.eventId, listPlaceholder('ids')))
    .orderBy(asc(eventPlaces.eventId), asc(eventPlaces.position))
    .prepare(),
);

export async function placesOfEvents(db: Db, eventIds: string[]): Promise<Map<string, PlaceRecord[]>> {
  const byEvent = new Map<string, PlaceRecord[]>(eventIds.map((id) => [id, []]));
  if (eventIds.length === 0) return byEvent;
  // Built once: building the query anew for every page cost more than running it.
  for (const { eventId, ...place } of placesOfPage(db).all({ ids: jsonList(eventIds) })) byEvent.get(eventId)!.push(place);
  return byEvent;
}

const claimsOfPage = preparedPer((db) => {
  const ids = listPlaceholder('ids');
  return {
    casualty: db.select().from(casualtyReports).where(inArray(casualtyReports.eventId, ids)).orderBy(asc(casualtyReports.eventId), asc(casualtyReports.id)).prepare(),
    munition: db.select().from(munitionReports).where(inArray(munitionReports.eventId, ids)).orderBy(asc(munitionReports.eventId), asc(munitionReports.id)).prepare(),
  };
});

/** Casualty and munition claims of a set of events (a page of the timeline), ordered by event. */
export async function claimsOfEvents(db: Db, eventIds: string[]): Promise<{ casualty: CasualtyReportRow[]; munition: MunitionReportRow[] }> {
  if (eventIds.length === 0) return { casualty: [], munition: [] };
  const q = claimsOfPage(db);
  const ids = { ids: jsonList(eventIds) };
  return { casualty: q.casualty.all(ids), munition: q.munition.all(ids) };
}

export type EventActorName = { eventId: string; role: ActorRole; name: string };

/** The actors of a set of events with their roles, ordered by event, role and name. */
export async function actorsOfEvents(db: Db, eventIds: string[]): Promise<EventActorName[]> {
  if (eventIds.length === 0) return [];
  return db
    .select({ eventId: eventActors.eventId, role: eventActors.role, name: actors.name })
    .from(eventActors)
    .innerJoin(actors, eq(actors.id, eventActors.actorId))
    .where(inArray(eventActors.eventId, eventIds))
    .orderBy(asc(eventActors.eventId), asc(eventActors.role), asc(actors.name));
}

/**
 * The publishers of the sources that make a claim about each of a set of events (the claimant of
 * a citation or the source of a report; not the channel it was read in), ordered by publisher.
 */
export async function claimantPublishersOfEvents(db: Db, eventIds: string[]): Promise<Array<{ eventId: string; publisher: string }>> {
  if (eventIds.length === 0) return [];
  const claimants = (table: typeof citations | typeof casualtyReports | typeof munitionReports | typeof damageReports) =>
    db.select({ eventId: table.eventId, sourceId: table.sourceId }).from(table).where(inArray(table.eventId, eventIds));
  const pairs = claimants(citations).union(claimants(casualtyReports)).union(claimants(munitionReports)).union(claimants(damageReports)).as('pairs');
  return db
    .selectDistinct({ eventId: pairs.eventId, publisher: sources.publisher })
    .from(pairs)
    .innerJoin(sources, eq(sources.id, pairs.sourceId))
    .orderBy(asc(pairs.eventId), asc(sources.publisher));
}

/** Relations touching any of a set of events, each with the event at its other end. */
export async function relationsOfEvents(db: Db, eventIds: string[]): Promise<Array<{ relation: RelationRow; from: EventRow; to: EventRow }>> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .select()
    .from(relations)
    .where(or(inArray(relations.fromEventId, eventIds), inArray(relations.toEventId, eventIds)))
    .orderBy(asc(relations.id));
  if (rows.length === 0) return [];
  const ends = new Set(rows.flatMap((r) => [r.fromEventId, r.toEventId]));
  const byId = new Map((await db.select().from(events).where(inArray(events.id, [...ends]))).map((e) => [e.id, e]));
  return rows.flatMap((relation) => {
    const from = byId.get(relation.fromEventId);
    const to = byId.get(relation.toEventId);
    return from && to ? [{ relation, from, to }] : [];
  });
}

/** Up to `limit` events on each side of `focus` in time, nearest first, within [earliest, latest]. */
export async function eventsAround(
  db: Db,
  focus: EventRow,
  window: { earliest: string; latest: string },
  filter: EventFilter,
  limit: number,
): Promise<{ before: EventRow[]; after: EventRow[] }> {
  const conditions = eventFilterConditions(filter, filterUsesFor(db, filter));
  const before = await db
    .select()
    .from(events)
    .where(
      and(
        conditions,
        gte(events.startAt, window.earliest),
        beyondPosition('desc', focus),
      ),
    )
    .orderBy(desc(events.startAt), desc(events.id))
    .limit(limit);
  const after = await db
    .select()
    .from(events)
    .where(
      and(
        conditions,
        lte(events.startAt, window.latest),
        beyondPosition('asc', focus),
      ),
    )
    .orderBy(asc(events.startAt), asc(events.id))
    .limit(limit);
  return { before, after };
}
