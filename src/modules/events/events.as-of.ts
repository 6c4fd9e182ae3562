// An event with its figures as it stood at a past moment, rebuilt from revisions: each record's
// state after its last change by then, or before its first later change. Records never changed
// through the API are taken as they are now, if they existed by then (their `created_at`).
import { eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { casualtyReports, citations, damageReports, munitionReports, relations, type ActorRow, type EventRow, type SourceRow } from '../../db/schema.js';
import type { ActorRole, ResourceType } from '../../domain/vocabulary.js';
import type { PlaceRecord } from '../../domain/places.js';
import { actorStore } from '../actors/actors.repository.js';
import { casualtyReportStore, citationStore, damageReportStore, munitionReportStore, relationStore } from './events.facts.repository.js';
import { resourceIdsEverInEvent, snapshotAt, type Snapshot } from '../records/records.repository.js';
import { camelFields, type RecordStore } from '../records/records.writes.js';
import { sourceStore } from '../sources/sources.repository.js';
import type { EventFacts } from './events.repository.js';
import type { EventPlaceWire } from './events.schemas.js';
import { eventStore } from './events.write.repository.js';

const STORES: Record<ResourceType, RecordStore<{ id: string; createdAt: string }>> = {
  event: eventStore,
  source: sourceStore,
  actor: actorStore,
  casualty_report: casualtyReportStore,
  munition_report: munitionReportStore,
  damage_report: damageReportStore,
  citation: citationStore,
  relation: relationStore,
};

function stateAt(db: Db, type: ResourceType, id: string, instant: string): Snapshot | null {
  const known = snapshotAt(db, type, id, instant);
  if (known !== undefined) return known;
  const store = STORES[type];
  const current = store.get(db, id);
  return current && current.createdAt <= instant ? store.snapshot(db, current) : null;
}

/** A flat record's row from its snapshot (snake_case keys back to the row's). */
function rowOf<T>(snapshot: Snapshot): T {
  return { importKey: null, ...camelFields(snapshot) } as T;
}

function eventRowOf(snapshot: Snapshot): EventRow & { actors: Array<{ id: string; role: ActorRole }>; places: PlaceRecord[] } {
  const s = snapshot as Record<string, any>;
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    title: s.title,
    summary: s.summary,
    startAt: s.start_at,
    startPrecision: s.start_precision,
    endAt: s.end_at,
    endPrecision: s.end_precision,
    // Derived; only the list filter (in SQL) reads it, and a reconstruction is only presented.
    spanEndAt: null,
    timezone: s.timezone,
    place: s.location.place,
    admin1: s.location.admin1,
    country: s.location.country,
    latitude: s.location.latitude,
    longitude: s.location.longitude,
    geoPrecision: s.location.geo_precision,
    importKey: null,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
    actors: s.actors ?? [],
    // Revisions made before events had places hold none.
    places: (s.places ?? []).map(placeOfWire),
  };
}

function placeOfWire(p: EventPlaceWire): PlaceRecord {
  return {
    role: p.role,
    name: p.name,
    gazetteerId: p.gazetteer_id,
    admin1: p.admin1,
    country: p.country,
    latitude: p.latitude,
    longitude: p.longitude,
    geoPrecision: p.geo_precision,
    searchNames: '',
  };
}

type ChildTable = typeof casualtyReports | typeof munitionReports | typeof damageReports | typeof citations;

/** Ids of the records of a type that belong to the event now or ever did. */
function candidates(db: Db, type: ResourceType, table: ChildTable, eventId: string): string[] {
  const now = db.select({ id: table.id }).from(table).where(eq(table.eventId, eventId)).all().map((r) => r.id);
  return [...new Set([...now, ...resourceIdsEverInEvent(db, type, eventId)])];
}

function statesAt<T>(db: Db, type: ResourceType, ids: string[], instant: string): T[] {
  return ids
    .flatMap((id) => {
      const state = stateAt(db, type, id, instant);
      return state ? [rowOf<T>(state)] : [];
    })
    .sort((a: any, b: any) => (a.sourceId ?? '').localeCompare(b.sourceId ?? '') || a.id.localeCompare(b.id));
}

/** The event and its facts at `instant`, or null when it did not exist then. */
export function eventAsOf(db: Db, eventId: string, instant: string): { event: EventRow; facts: EventFacts } | null {
  const snapshot = stateAt(db, 'event', eventId, instant);
  if (!snapshot) return null;
  const { actors: links, places, ...event } = eventRowOf(snapshot);

  const relationIds = [
    ...new Set([
      ...db.select({ id: relations.id }).from(relations).where(or(eq(relations.fromEventId, eventId), eq(relations.toEventId, eventId))).all().map((r) => r.id),
      ...resourceIdsEverInEvent(db, 'relation', eventId),
    ]),
  ];
  const relationRows = statesAt<typeof relations.$inferSelect>(db, 'relation', relationIds, instant).sort((a, b) => a.id.localeCompare(b.id));
  const ownCitations = statesAt<typeof citations.$inferSelect>(db, 'citation', candidates(db, 'citation', citations, eventId), instant);
  // Citations of incoming relations live on the relation's from-event.
  const incoming = relationRows.filter((r) => r.toEventId === eventId);
  const incomingCitations = incoming.flatMap((relation) =>
    statesAt<typeof citations.$inferSelect>(db, 'citation', candidates(db, 'citation', citations, relation.fromEventId), instant).filter((c) => c.relationId === relation.id),
  );
  const casualty = statesAt<typeof casualtyReports.$inferSelect>(db, 'casualty_report', candidates(db, 'casualty_report', casualtyReports, eventId), instant);
  const munition = statesAt<typeof munitionReports.$inferSelect>(db, 'munition_report', candidates(db, 'munition_report', munitionReports, eventId), instant);
  const damage = statesAt<typeof damageReports.$inferSelect>(db, 'damage_report', candidates(db, 'damage_report', damageReports, eventId), instant);

  const actorsAt = links.flatMap((link) => {
    const actor = stateAt(db, 'actor', link.id, instant) ?? (actorStore.get(db, link.id) ? actorStore.snapshot(db, actorStore.get(db, link.id)!) : null);
    return actor ? [{ ...rowOf<ActorRow>(actor), role: link.role }] : [];
  });
  const others = relationRows.flatMap((relation) => {
    const otherId = relation.fromEventId === eventId ? relation.toEventId : relation.fromEventId;
    const other = stateAt(db, 'event', otherId, instant);
    return other ? [{ relation, other: eventRowOf(other) as EventRow }] : [];
  });
  const allCitations = [...ownCitations, ...incomingCitations];
  const sourceIds = new Set([
    ...[...casualty, ...munition, ...damage].map((r) => r.sourceId),
    ...allCitations.flatMap((c) => (c.viaSourceId ? [c.sourceId, c.viaSourceId] : [c.sourceId])),
  ]);
  // A source is shown as it was then; one that had no state yet (impossible through the API) as it is now.
  const sourcesAt = [...sourceIds].flatMap((id) => {
    const state = stateAt(db, 'source', id, instant) ?? (sourceStore.get(db, id) ? sourceStore.snapshot(db, sourceStore.get(db, id)!) : null);
    return state ? [rowOf<SourceRow>(state)] : [];
  });
  return {
    event,
    facts: {
      places,
      actors: actorsAt.sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
      casualtyReports: casualty,
      munitionReports: munition,
      damageReports: damage,
      citations: allCitations.sort((a, b) => a.id.localeCompare(b.id)),
      relations: others,
      sources: sourcesAt,
    },
  };
}
