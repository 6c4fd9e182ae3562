// Writes of events: the event row, its actor links and its places, which together are one record
// in the history. Takes the database or a transaction, returns rows.
import { asc, count, eq, or } from 'drizzle-orm';
import { casualtyReports, citations, damageReports, eventActors, eventPlaces, events, munitionReports, relations, type EventRow } from '../../db/schema.js';
import type { PlaceRecord } from '../../domain/places.js';
import type { ActorRole } from '../../domain/vocabulary.js';
import { spanEnd } from '../../lib/time.js';
import type { Queryable } from '../records/records.repository.js';
import { countOf, type RecordStore } from '../records/records.writes.js';
import { presentEvent } from './events.present.js';
import { placeColumns } from './events.repository.js';

export type EventRecord = EventRow & { actors: Array<{ actorId: string; role: ActorRole }>; places: PlaceRecord[] };

function insertLinks(tx: Queryable, record: EventRecord) {
  if (record.actors.length) tx.insert(eventActors).values(record.actors.map((a) => ({ eventId: record.id, actorId: a.actorId, role: a.role }))).run();
}

/** An event's places, in the order its source lists them. */
export function readPlaces(tx: Pick<Queryable, 'select'>, eventId: string): PlaceRecord[] {
  return tx.select(placeColumns).from(eventPlaces).where(eq(eventPlaces.eventId, eventId)).orderBy(asc(eventPlaces.position)).all();
}

/** Replaces an event's places by `places`, in that order. */
export function replacePlaces(tx: Pick<Queryable, 'insert' | 'delete'>, eventId: string, places: PlaceRecord[]): void {
  tx.delete(eventPlaces).where(eq(eventPlaces.eventId, eventId)).run();
  if (places.length) tx.insert(eventPlaces).values(places.map((place, position) => ({ ...place, eventId, position }))).run();
}

/**
 * The event's table row. span_end_at is derived here, on every insert and update, whoever writes
 * (routes, seed, importer): whatever value the record carries is replaced.
 */
function rowOf(record: EventRecord): EventRow {
  const { actors: _actors, places: _places, ...row } = record;
  return { ...row, spanEndAt: spanEnd(row) };
}

export const eventStore: RecordStore<EventRecord> = {
  type: 'event',
  label: 'event',
  get(tx, id) {
    const row = tx.select().from(events).where(eq(events.id, id)).get();
    if (!row) return null;
    const links = tx
      .select({ actorId: eventActors.actorId, role: eventActors.role })
      .from(eventActors)
      .where(eq(eventActors.eventId, id))
      .orderBy(asc(eventActors.actorId), asc(eventActors.role))
      .all();
    return { ...row, actors: links, places: readPlaces(tx, id) };
  },
  exists: (tx, id) => tx.select({ id: events.id }).from(events).where(eq(events.id, id)).get() !== undefined,
  insert(tx, record) {
    tx.insert(events).values(rowOf(record)).run();
    insertLinks(tx, record);
    replacePlaces(tx, record.id, record.places);
  },
  update(tx, record) {
    const { id, ...row } = rowOf(record);
    tx.update(events).set(row).where(eq(events.id, id)).run();
    tx.delete(eventActors).where(eq(eventActors.eventId, id)).run();
    insertLinks(tx, record);
    replacePlaces(tx, id, record.places);
  },
  remove(tx, id) {
    // Its actor links and places go with it (ON DELETE CASCADE); they are part of the event's record.
    tx.delete(events).where(eq(events.id, id)).run();
  },
  snapshot(_tx, record) {
    return { ...presentEvent(record, record.places), actors: [...record.actors].sort(byActorThenRole).map((a) => ({ id: a.actorId, role: a.role })) };
  },
  owners: (record) => ({ eventId: record.id, otherEventId: null }),
  dependents(tx, id) {
    const n = (table: typeof casualtyReports | typeof munitionReports | typeof damageReports | typeof citations) =>
      tx.select({ n: count() }).from(table).where(eq(table.eventId, id)).get()!.n;
    const linked = tx.select({ n: count() }).from(relations).where(or(eq(relations.fromEventId, id), eq(relations.toEventId, id))).get()!.n;
    return [
      ...countOf(n(casualtyReports), 'casualty report'),
      ...countOf(n(munitionReports), 'munition report'),
      ...countOf(n(damageReports), 'damage report'),
      ...countOf(n(citations), 'citation'),
      ...countOf(linked, 'relation'),
    ];
  },
};

function byActorThenRole(a: { actorId: string; role: string }, b: { actorId: string; role: string }) {
  return a.actorId === b.actorId ? a.role.localeCompare(b.role) : a.actorId.localeCompare(b.actorId);
}
