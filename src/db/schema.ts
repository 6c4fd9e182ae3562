// The sitrep event store. Every figure (casualty, munition, damage) is a claim made by one source
// about one event; citations hold the quote or locator that backs an event, a figure or a relation.
// Instants are stored as RFC 3339 UTC text of one fixed shape, so text order is time order.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTOR_KINDS,
  ACTOR_ROLES,
  ASSET_CATEGORIES,
  CASUALTY_CATEGORIES,
  CASUALTY_GROUPS,
  EVENT_KINDS,
  EVENT_STATUSES,
  CHANGE_ACTIONS,
  GEO_PRECISIONS,
  KEY_ROLES,
  PLACE_ROLES,
  RELATION_KINDS,
  RESOURCE_TYPES,
  SOURCE_KINDS,
  TIME_PRECISIONS,
  WEAPON_CATEGORIES,
} from '../domain/vocabulary.js';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    status: text('status', { enum: EVENT_STATUSES }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    startAt: text('start_at').notNull(),
    startPrecision: text('start_precision', { enum: TIME_PRECISIONS }).notNull(),
    endAt: text('end_at'),
    endPrecision: text('end_precision', { enum: TIME_PRECISIONS }),
    // Exclusive end of the period the event may fall in: (end_at ?? start_at) plus one unit of its
    // precision in the event's time zone; null while an ongoing event has no end. Derived by the
    // repository on write so that date-range filters are one indexed comparison.
    spanEndAt: text('span_end_at'),
    timezone: text('timezone').notNull(),
    place: text('place'),
    admin1: text('admin1'),
    country: text('country'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    geoPrecision: text('geo_precision', { enum: GEO_PRECISIONS }),
    // Identity of the imported record this event was built from (e.g. `airforce:<post>:<window>`),
    // so a re-import updates it instead of adding a duplicate. Null for curated events.
    importKey: text('import_key'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('events_import_key_idx').on(t.importKey),
    index('events_start_at_id_idx').on(t.startAt, t.id),
    // Each of the three equality filters has its list order, and carries the other two, so a list
    // filtered by several walks the rarest one's entries and checks the others without reading
    // an event's row (events.repository.ts, drivingColumn).
    index('events_kind_start_at_idx').on(t.kind, t.startAt, t.id, t.status, t.country),
    index('events_country_start_at_idx').on(t.country, t.startAt, t.id, t.kind, t.status),
    index('events_status_start_at_idx').on(t.status, t.startAt, t.id, t.kind, t.country),
    check('events_latitude_range', sql`${t.latitude} IS NULL OR ${t.latitude} BETWEEN -90 AND 90`),
    check('events_longitude_range', sql`${t.longitude} IS NULL OR ${t.longitude} BETWEEN -180 AND 180`),
  ],
);

export const actors = sqliteTable('actors', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ACTOR_KINDS }).notNull(),
  country: text('country'),
  description: text('description'),
  ...timestamps,
});

export const eventActors = sqliteTable(
  'event_actors',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    actorId: text('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'restrict' }),
    role: text('role', { enum: ACTOR_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.actorId, t.role] }),
    // With role inside, an actor's events per role are counted from the index alone.
    index('event_actors_actor_idx').on(t.actorId, t.role, t.eventId),
  ],
);

// The places an event concerns, each in a role, in the order its source lists them (the event's
// `location` stays its main place). A place is a gazetteer entry (seed/gazetteer) or coordinates
// given by an editor; `admin1` is its ISO 3166-2 first-level unit. Part of the event's record.
export const eventPlaces = sqliteTable(
  'event_places',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    role: text('role', { enum: PLACE_ROLES }).notNull(),
    // The place as the source names it ("Kyiv oblast (south)").
    name: text('name').notNull(),
    gazetteerId: text('gazetteer_id'),
    admin1: text('admin1'),
    country: text('country'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    geoPrecision: text('geo_precision', { enum: GEO_PRECISIONS }),
    // Its names for full-text search (its own and the gazetteer's, in every spelling), which
    // triggers copy into the event's full-text row (migration 0013).
    searchNames: text('search_names').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.position] }),
    // Each filter reads one of these in order and stops: a unit's, an entry's, a country's, or a band of latitude.
    index('event_places_admin1_idx').on(t.admin1, t.role, t.eventId).where(sql`${t.admin1} IS NOT NULL`),
    index('event_places_gazetteer_idx').on(t.gazetteerId, t.role, t.eventId).where(sql`${t.gazetteerId} IS NOT NULL`),
    index('event_places_point_idx').on(t.latitude, t.longitude, t.role, t.eventId).where(sql`${t.latitude} IS NOT NULL`),
    // `place=` with a country's name (migration 0014): without it a rare country read every place.
    index('event_places_country_idx').on(t.country, t.role, t.eventId).where(sql`${t.country} IS NOT NULL`),
    check('event_places_latitude_range', sql`${t.latitude} IS NULL OR ${t.latitude} BETWEEN -90 AND 90`),
    check('event_places_longitude_range', sql`${t.longitude} IS NULL OR ${t.longitude} BETWEEN -180 AND 180`),
  ],
);

export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: SOURCE_KINDS }).notNull(),
  publisher: text('publisher').notNull(),
  title: text('title'),
  url: text('url'),
  // Where a source has no URL (a file, a broadcast), how to find it.
  reference: text('reference'),
  publishedAt: text('published_at'),
  notes: text('notes'),
  ...timestamps,
});

const sourceRef = () =>
  text('source_id')
    .notNull()
    .references(() => sources.id, { onDelete: 'restrict' });

const eventRef = () =>
  text('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' });

export const casualtyReports = sqliteTable(
  'casualty_reports',
  {
    id: text('id').primaryKey(),
    eventId: eventRef(),
    sourceId: sourceRef(),
    category: text('category', { enum: CASUALTY_CATEGORIES }).notNull(),
    group: text('group', { enum: CASUALTY_GROUPS }).notNull(),
    // UCDP's convention: "at least 23" is low 23, best 23, high unknown.
    low: integer('low'),
    best: integer('best'),
    high: integer('high'),
    // The figure in the source's own words ("at least 23", "over 23").
    asReported: text('as_reported'),
    ...timestamps,
  },
  (t) => [
    index('casualty_reports_event_idx').on(t.eventId),
    // Ending in id, the list's order: a source's page is a range, not a sort of all its reports.
    index('casualty_reports_source_idx').on(t.sourceId, t.id),
    check('casualty_reports_order', sql`(${t.low} IS NULL OR ${t.best} IS NULL OR ${t.low} <= ${t.best}) AND (${t.best} IS NULL OR ${t.high} IS NULL OR ${t.best} <= ${t.high})`),
  ],
);

export const munitionReports = sqliteTable(
  'munition_reports',
  {
    id: text('id').primaryKey(),
    eventId: eventRef(),
    sourceId: sourceRef(),
    weaponCategory: text('weapon_category', { enum: WEAPON_CATEGORIES }).notNull(),
    weaponModel: text('weapon_model'),
    launched: integer('launched'),
    // Shot down.
    intercepted: integer('intercepted'),
    // Lost in flight without being shot down, mostly to electronic warfare.
    lostToEw: integer('lost_to_ew'),
    // The time the source gives this figure, when it gives one of its own (an Air Force post
    // covering a night dates each row's window); null: the event's time. Statistics count the
    // figure where this starts (src/modules/stats).
    startAt: text('start_at'),
    startPrecision: text('start_precision', { enum: TIME_PRECISIONS }),
    endAt: text('end_at'),
    endPrecision: text('end_precision', { enum: TIME_PRECISIONS }),
    // Identity of the imported row (see events.import_key).
    importKey: text('import_key'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('munition_reports_import_key_idx').on(t.importKey),
    index('munition_reports_event_idx').on(t.eventId),
    index('munition_reports_source_idx').on(t.sourceId, t.id),
    // Figures with a time of their own, by that time: what the statistics of a period read
    // besides the events starting in it. Most curated figures have none.
    index('munition_reports_start_at_idx').on(t.startAt, t.eventId).where(sql`${t.startAt} IS NOT NULL`),
  ],
);

export const damageReports = sqliteTable(
  'damage_reports',
  {
    id: text('id').primaryKey(),
    eventId: eventRef(),
    sourceId: sourceRef(),
    assetCategory: text('asset_category', { enum: ASSET_CATEGORIES }).notNull(),
    count: integer('count'),
    description: text('description'),
    ...timestamps,
  },
  (t) => [index('damage_reports_event_idx').on(t.eventId), index('damage_reports_source_idx').on(t.sourceId, t.id)],
);

export const relations = sqliteTable(
  'relations',
  {
    id: text('id').primaryKey(),
    fromEventId: text('from_event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RELATION_KINDS }).notNull(),
    toEventId: text('to_event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [index('relations_from_idx').on(t.fromEventId), index('relations_to_idx').on(t.toEventId)],
);

// A citation backs one fact of one event: the event itself, or one of its reports or relations
// (at most one of those columns is set). `source_id` said it; `via_source_id`, when set, is
// where sitrep read it (an article quoting TIME, a dataset copying an Air Force post).
export const citations = sqliteTable(
  'citations',
  {
    id: text('id').primaryKey(),
    eventId: eventRef(),
    sourceId: sourceRef(),
    viaSourceId: text('via_source_id').references(() => sources.id, { onDelete: 'restrict' }),
    casualtyReportId: text('casualty_report_id').references(() => casualtyReports.id, { onDelete: 'cascade' }),
    munitionReportId: text('munition_report_id').references(() => munitionReports.id, { onDelete: 'cascade' }),
    damageReportId: text('damage_report_id').references(() => damageReports.id, { onDelete: 'cascade' }),
    relationId: text('relation_id').references(() => relations.id, { onDelete: 'cascade' }),
    quote: text('quote'),
    locator: text('locator'),
    ...timestamps,
  },
  (t) => [
    index('citations_event_idx').on(t.eventId),
    index('citations_source_idx').on(t.sourceId, t.id),
    // A citation backs at most one fact and seldom comes through another source: indexing only
    // the rows that have the column spares every write four or five index entries of NULL. Each
    // lookup (a fact's citations, the foreign keys' cascades) names a value, which implies the
    // condition, so SQLite still uses these indexes for it.
    index('citations_via_source_idx').on(t.viaSourceId, t.id).where(sql`${t.viaSourceId} IS NOT NULL`),
    index('citations_casualty_report_idx').on(t.casualtyReportId).where(sql`${t.casualtyReportId} IS NOT NULL`),
    index('citations_munition_report_idx').on(t.munitionReportId).where(sql`${t.munitionReportId} IS NOT NULL`),
    index('citations_damage_report_idx').on(t.damageReportId).where(sql`${t.damageReportId} IS NOT NULL`),
    index('citations_relation_idx').on(t.relationId).where(sql`${t.relationId} IS NOT NULL`),
    check('citations_has_evidence', sql`${t.quote} IS NOT NULL OR ${t.locator} IS NOT NULL`),
    check(
      'citations_one_fact',
      sql`(${t.casualtyReportId} IS NOT NULL) + (${t.munitionReportId} IS NOT NULL) + (${t.damageReportId} IS NOT NULL) + (${t.relationId} IS NOT NULL) <= 1`,
    ),
  ],
);

// API keys. Only a SHA-256 hash of the key is kept: the key itself is shown once, when created.
// Revoked keys stay, so revisions keep naming who made a change.
export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: KEY_ROLES }).notNull(),
  secretHash: text('secret_hash').notNull(),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
});

// One row per change made through the write API, in commit order (the id). Append-only: a
// custom migration's triggers refuse UPDATE and DELETE. `before`/`after` are the record as the
// API shows it (snake_case), null before a creation and after a deletion. No foreign keys: a
// revision outlives the record and the key it names.
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resourceType: text('resource_type', { enum: RESOURCE_TYPES }).notNull(),
    resourceId: text('resource_id').notNull(),
    // The event the record belongs to (the event itself for events; the from-event of a
    // relation), so an event's history and its state at a past moment are one indexed read.
    eventId: text('event_id'),
    // Relations only: the to-event, whose page lists the relation too.
    otherEventId: text('other_event_id'),
    action: text('action', { enum: CHANGE_ACTIONS }).notNull(),
    keyId: text('key_id').notNull(),
    keyName: text('key_name').notNull(),
    reason: text('reason'),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown>>(),
    changedAt: text('changed_at').notNull(),
  },
  (t) => [
    index('revisions_resource_idx').on(t.resourceType, t.resourceId, t.id),
    index('revisions_event_idx').on(t.eventId, t.id),
    index('revisions_other_event_idx').on(t.otherEventId, t.id),
  ],
);

// What remains of a deleted record: GET answers 410 with when and why, and its id is never
// reused (the seed loader skips it too).
export const tombstones = sqliteTable(
  'tombstones',
  {
    resourceType: text('resource_type', { enum: RESOURCE_TYPES }).notNull(),
    resourceId: text('resource_id').notNull(),
    deletedAt: text('deleted_at').notNull(),
    reason: text('reason'),
    revisionId: integer('revision_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.resourceType, t.resourceId] })],
);

// `Idempotency-Key`s of POSTs, per API key: a retry with the same body gets the stored answer.
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    apiKeyId: text('api_key_id').notNull(),
    key: text('key').notNull(),
    // SHA-256 of method, path and body: the same key with another request is refused.
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    location: text('location'),
    etag: text('etag'),
    body: text('body'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] })],
);

export type EventRow = typeof events.$inferSelect;
export type ActorRow = typeof actors.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;
export type CasualtyReportRow = typeof casualtyReports.$inferSelect;
export type MunitionReportRow = typeof munitionReports.$inferSelect;
export type DamageReportRow = typeof damageReports.$inferSelect;
export type RelationRow = typeof relations.$inferSelect;
export type EventPlaceRow = typeof eventPlaces.$inferSelect;
export type CitationRow = typeof citations.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type RevisionRow = typeof revisions.$inferSelect;
export type TombstoneRow = typeof tombstones.$inferSelect;
