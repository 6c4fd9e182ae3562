// `profile=acled`: events as rows of ACLED's export (the Armed Conflict Location & Event Data
// project), with ACLED's column names in ACLED's order, so pipelines written for ACLED files read
// sitrep's unchanged. README "CSV profile acled" documents every mapping decision made here.
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/schema.js';
import { eventHeadline, type CasualtyClaim, type MunitionClaim } from '../../domain/figures.js';
import type { ActorRole, EventKind, GeoPrecision, TimePrecision, WeaponCategory } from '../../domain/vocabulary.js';
import type { CsvRow } from '../../lib/csv.js';
import { toLocalIso } from '../../lib/time.js';
import { groupByEvent } from './events.export.js';
import { actorsOfEvents, claimantPublishersOfEvents, claimsOfEvents, type EventActorName } from './events.repository.js';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'time_precision',
  'source',
  'notes',
  'fatalities',
  'timestamp',
] as const;

const EXPLOSIONS = 'Explosions/Remote violence';
// Weapons ACLED codes as "Air/drone strike" (delivered by aircraft or drones) and those it codes
// as "Shelling/artillery/missile attack". `unspecified` (all weapons together) says neither.
const AIR_DELIVERED: readonly WeaponCategory[] = ['drone', 'guided_bomb'];
const MISSILES: readonly WeaponCategory[] = ['cruise_missile', 'ballistic_missile', 'aeroballistic_missile', 'surface_to_air_missile', 'missile'];

/** ACLED's event_type and sub_event_type for a sitrep kind, given the weapons any source reports. */
export function acledEventType(kind: EventKind, weapons: ReadonlySet<WeaponCategory>): [string, string] {
  switch (kind) {
    case 'aerial_attack': {
      const onlyMissiles = MISSILES.some((c) => weapons.has(c)) && !AIR_DELIVERED.some((c) => weapons.has(c));
      return [EXPLOSIONS, onlyMissiles ? 'Shelling/artillery/missile attack' : 'Air/drone strike'];
    }
    case 'shelling':
      return [EXPLOSIONS, 'Shelling/artillery/missile attack'];
    case 'ground_attack':
      return ['Battles', 'Armed clash'];
    default:
      // Statements, calls, aid decisions, initiatives and sanctions are ACLED "Strategic
      // developments"; none of sitrep's kinds records a signed agreement, so all are "Other".
      return ['Strategic developments', 'Other'];
  }
}

/** ACLED time_precision: 1 the day is known, 2 the week, 3 only the month. sitrep has no week precision. */
export function acledTimePrecision(precision: TimePrecision): 1 | 3 {
  return precision === 'month' ? 3 : 1;
}

/** ACLED geo_precision: 1 the town or an exact point, 3 only a region (its centroid or capital). */
export function acledGeoPrecision(precision: GeoPrecision | null): 1 | 3 | null {
  if (precision === null) return null;
  return precision === 'point' || precision === 'settlement' ? 1 : 3;
}

// actor1 is who acts, actor2 whom it is done to or about; the first role present wins.
const ACTOR1_ROLES: readonly ActorRole[] = ['initiator', 'speaker', 'participant'];
const ACTOR2_ROLES: readonly ActorRole[] = ['target', 'recipient', 'subject'];

function actorsInFirstRole(actors: readonly EventActorName[], roles: readonly ActorRole[]): string | null {
  for (const role of roles) {
    const names = actors.filter((a) => a.role === role).map((a) => a.name);
    if (names.length) return names.join('; ');
  }
  return null;
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** ACLED writes countries by English name ("Ukraine"), not ISO code. */
export function countryName(code: string | null): string | null {
  if (!code) return null;
  try {
    return countryNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A batch of events as ACLED rows, with one query per kind of fact. */
export async function acledRows(db: Db, batch: EventRow[]): Promise<CsvRow[]> {
  const ids = batch.map((e) => e.id);
  const claims = await claimsOfEvents(db, ids);
  const casualties = groupByEvent<CasualtyClaim>(claims.casualty);
  const munitions = groupByEvent<MunitionClaim>(claims.munition);
  const actors = groupByEvent(await actorsOfEvents(db, ids));
  const publishers = groupByEvent(await claimantPublishersOfEvents(db, ids));
  return batch.map((event) => {
    const own = munitions.get(event.id) ?? [];
    const headline = eventHeadline(casualties.get(event.id) ?? [], own);
    const [eventType, subEventType] = acledEventType(event.kind, new Set(own.map((c) => c.weaponCategory)));
    const eventActors = actors.get(event.id) ?? [];
    return {
      event_id_cnty: event.id,
      event_date: toLocalIso(event.startAt, event.timezone).slice(0, 10),
      event_type: eventType,
      sub_event_type: subEventType,
      actor1: actorsInFirstRole(eventActors, ACTOR1_ROLES),
      actor2: actorsInFirstRole(eventActors, ACTOR2_ROLES),
      country: countryName(event.country),
      admin1: event.admin1,
      location: event.place,
      latitude: event.latitude,
      longitude: event.longitude,
      geo_precision: acledGeoPrecision(event.geoPrecision),
      time_precision: acledTimePrecision(event.startPrecision),
      source: (publishers.get(event.id) ?? []).map((p) => p.publisher).join('; ') || null,
      notes: event.summary,
      fatalities: headline.casualties.find((c) => c.category === 'killed')?.best ?? 0,
      timestamp: Math.floor(Date.parse(event.updatedAt) / 1000),
    };
  });
}
