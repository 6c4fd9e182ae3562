// POST, PATCH and DELETE /v1/events: editors' corrections, each one revision in the history.
import type { FastifyPluginAsync } from 'fastify';
import { invalidParameter } from '../../lib/problem.js';
import { registerRecordRoutes, type WriteTx } from '../records/record-routes.js';
import { actorStore } from '../actors/actors.repository.js';
import { presentEventDetail } from './events.present.js';
import { eventDetailSchema } from './events.schemas.js';
import { entryById, lookup, placeOfEntry, searchNamesOf, type PlaceRecord } from '../../domain/places.js';
import { eventStore, type EventRecord } from './events.write.repository.js';
import { eventBodies, type PatchEventBody, type PlaceInput } from './events.write.schemas.js';

type ActorLinks = NonNullable<PatchEventBody['actors']>;

async function actorLinks(tx: WriteTx, links: ActorLinks): Promise<EventRecord['actors']> {
  const seen = new Set<string>();
  links.forEach((link, i) => {
    const key = `${link.id}\u0000${link.role}`;
    if (seen.has(key)) throw invalidParameter('body', `actors.${i}`, `lists actor ${JSON.stringify(link.id)} as ${link.role} twice`);
    seen.add(key);
  });
  const ids = [...new Set(links.map((l) => l.id))];
  const found = await Promise.all(ids.map(async (id) => ((await tx.records.exists(actorStore, id)) ? [id] : [])));
  const known = new Set(found.flat());
  const unknown = links.findIndex((l) => !known.has(l.id));
  if (unknown >= 0) throw invalidParameter('body', `actors.${unknown}.id`, `no actor has the id ${JSON.stringify(links[unknown]!.id)}`);
  return links.map((l) => ({ actorId: l.id, role: l.role }));
}

/**
 * Places as given: a gazetteer entry by id or by name, or coordinates for a place the gazetteer
 * lacks. Nothing is guessed: a name the gazetteer does not know, without coordinates, is a 400.
 */
function placeRecords(places: PlaceInput[]): PlaceRecord[] {
  const seen = new Set<string>();
  return places.map((p, i) => {
    const field = `places.${i}`;
    const coordinates = p.latitude !== undefined || p.longitude !== undefined || p.geo_precision !== undefined;
    let record: PlaceRecord;
    if (p.gazetteer_id !== undefined) {
      if (coordinates || p.admin1 !== undefined) throw invalidParameter('body', `${field}.gazetteer_id`, 'comes with its own coordinates and unit; give either gazetteer_id or coordinates');
      const entry = entryById(p.gazetteer_id);
      if (!entry) throw invalidParameter('body', `${field}.gazetteer_id`, `no gazetteer entry has the id ${JSON.stringify(p.gazetteer_id)}`);
      record = placeOfEntry(entry, p.role, p.name);
    } else if (coordinates) {
      if (p.latitude === undefined || p.longitude === undefined || p.geo_precision === undefined) {
        throw invalidParameter('body', `${field}.${p.latitude === undefined ? 'latitude' : p.longitude === undefined ? 'longitude' : 'geo_precision'}`, 'latitude, longitude and geo_precision are given together');
      }
      const unit = p.admin1 === undefined ? null : entryById(p.admin1.toUpperCase());
      if (p.admin1 !== undefined && unit?.kind !== 'admin1') throw invalidParameter('body', `${field}.admin1`, `${p.admin1} is not a first-level unit the gazetteer knows`);
      record = {
        role: p.role,
        name: p.name,
        gazetteerId: null,
        admin1: unit?.id ?? null,
        country: unit?.country ?? null,
        latitude: p.latitude,
        longitude: p.longitude,
        geoPrecision: p.geo_precision,
        searchNames: searchNamesOf(p.name, null),
      };
    } else {
      if (p.admin1 !== undefined) throw invalidParameter('body', `${field}.admin1`, 'is given only with coordinates; a gazetteer entry has its own');
      // An ambiguous name takes the documented default (a city's name means the city), as in the
      // place filters; the answer shows the entry chosen, and gazetteer_id chooses another.
      const { preferred } = lookup(p.name);
      if (!preferred) throw invalidParameter('body', `${field}.name`, `${JSON.stringify(p.name)} is not in the gazetteer; give gazetteer_id, or latitude, longitude and geo_precision`);
      record = placeOfEntry(preferred, p.role, p.name);
    }
    const key = `${record.role}\u0000${record.gazetteerId ?? `${record.latitude},${record.longitude}`}`;
    if (seen.has(key)) throw invalidParameter('body', field, `lists the same place as ${record.role} twice`);
    seen.add(key);
    return record;
  });
}

/** Rules across fields, checked on the record as it would be after the write. */
function checkEvent(record: EventRecord): EventRecord {
  if (record.endAt !== null && record.endPrecision === null) throw invalidParameter('body', 'end_precision', 'is required when end_at is set');
  if (record.endAt === null && record.endPrecision !== null) throw invalidParameter('body', 'end_at', 'is required when end_precision is set');
  if (record.endAt !== null && record.endAt < record.startAt) throw invalidParameter('body', 'end_at', 'must not be earlier than start_at');
  return record;
}

export const eventWriteRoutes: FastifyPluginAsync = async (app) => {
  registerRecordRoutes(app, {
    store: eventStore,
    path: '/events',
    tag: 'events',
    name: 'Event',
    idPrefix: 'evt',
    bodies: eventBodies,
    representation: eventDetailSchema,
    render: async (reads, record) => presentEventDetail(record, await reads.events.facts(record.id)),
    fromCreate: async (tx, input, id, now) => {
      const location = input.location ?? {};
      return checkEvent({
        id,
        kind: input.kind,
        status: input.status,
        title: input.title,
        summary: input.summary,
        startAt: input.start_at,
        startPrecision: input.start_precision,
        endAt: input.end_at ?? null,
        endPrecision: input.end_precision ?? null,
        spanEndAt: null, // derived by eventStore when written
        timezone: input.timezone,
        place: location.place ?? null,
        admin1: location.admin1 ?? null,
        country: location.country ?? null,
        latitude: location.latitude ?? null,
        longitude: location.longitude ?? null,
        geoPrecision: location.geo_precision ?? null,
        importKey: null,
        createdAt: now,
        updatedAt: now,
        actors: await actorLinks(tx, input.actors ?? []),
        places: placeRecords(input.places ?? []),
      });
    },
    fromPatch: async (tx, current, patch, now) => {
      const location = patch.location ?? {};
      const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
      return checkEvent({
        ...current,
        kind: pick(patch.kind, current.kind),
        status: pick(patch.status, current.status),
        title: pick(patch.title, current.title),
        summary: pick(patch.summary, current.summary),
        startAt: pick(patch.start_at, current.startAt),
        startPrecision: pick(patch.start_precision, current.startPrecision),
        endAt: pick(patch.end_at, current.endAt),
        endPrecision: pick(patch.end_precision, current.endPrecision),
        timezone: pick(patch.timezone, current.timezone),
        place: pick(location.place, current.place),
        admin1: pick(location.admin1, current.admin1),
        country: pick(location.country, current.country),
        latitude: pick(location.latitude, current.latitude),
        longitude: pick(location.longitude, current.longitude),
        geoPrecision: pick(location.geo_precision, current.geoPrecision),
        updatedAt: now,
        actors: patch.actors === undefined ? current.actors : await actorLinks(tx, patch.actors),
        places: patch.places === undefined ? current.places : placeRecords(patch.places),
      });
    },
  });
};
