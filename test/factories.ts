// Builders that write records straight through drizzle, so each test arranges exactly the data it
// asserts on. Ids are unique per call; every field can be overridden.
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/db/client.js';
import {
  actors,
  casualtyReports,
  citations,
  damageReports,
  eventActors,
  events,
  munitionReports,
  relations,
  sources,
  type ActorRow,
  type EventRow,
  type SourceRow,
} from '../src/db/schema.js';
import type { ActorRole, RelationKind } from '../src/domain/vocabulary.js';
import { spanEnd } from '../src/lib/time.js';

const NOW = '2026-01-01T00:00:00.000Z';
const uid = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

export function createEvent(db: Db, overrides: Partial<Omit<EventRow, 'spanEndAt'>> = {}): EventRow {
  const base = {
    id: uid('evt'),
    kind: 'aerial_attack' as const,
    status: 'occurred' as const,
    title: 'Test event',
    summary: 'A test event.',
    startAt: '2025-07-03T15:00:00Z',
    startPrecision: 'minute' as const,
    endAt: null,
    endPrecision: null,
    timezone: 'Europe/Kyiv',
    place: 'Kyiv',
    admin1: 'Kyiv',
    country: 'UA',
    latitude: 50.45,
    longitude: 30.52,
    geoPrecision: 'settlement' as const,
    importKey: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
  const row = { ...base, spanEndAt: spanEnd(base) };
  db.insert(events).values(row).run();
  return row;
}

export function createSource(db: Db, overrides: Partial<SourceRow> = {}): SourceRow {
  const row: SourceRow = {
    id: uid('src'),
    kind: 'news_report',
    publisher: 'Test Wire',
    title: 'A report',
    url: 'https://example.org/report',
    reference: null,
    publishedAt: null,
    notes: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
  db.insert(sources).values(row).run();
  return row;
}

export function createActor(db: Db, overrides: Partial<ActorRow> = {}): ActorRow {
  const row: ActorRow = {
    id: uid('act'),
    name: 'Test actor',
    kind: 'state',
    country: 'UA',
    description: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
  db.insert(actors).values(row).run();
  return row;
}

export function linkActor(db: Db, eventId: string, actorId: string, role: ActorRole = 'participant'): void {
  db.insert(eventActors).values({ eventId, actorId, role }).run();
}

export function citeEvent(db: Db, eventId: string, sourceId: string, quote = 'A quoted sentence.', viaSourceId: string | null = null) {
  const row = { id: uid('cit'), eventId, sourceId, viaSourceId, quote, locator: null, createdAt: NOW, updatedAt: NOW };
  db.insert(citations).values(row).run();
  return row;
}

export function createCasualtyReport(db: Db, eventId: string, sourceId: string, overrides: Partial<typeof casualtyReports.$inferInsert> = {}) {
  const row = {
    id: uid('cas'),
    eventId,
    sourceId,
    category: 'killed' as const,
    group: 'civilian' as const,
    low: 1,
    best: 1,
    high: 1,
    asReported: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
  db.insert(casualtyReports).values(row).run();
  return row;
}

export function createMunitionReport(db: Db, eventId: string, sourceId: string, overrides: Partial<typeof munitionReports.$inferInsert> = {}) {
  const row = {
    id: uid('mun'),
    eventId,
    sourceId,
    weaponCategory: 'drone' as const,
    weaponModel: 'Shahed-136/131',
    launched: 10,
    intercepted: 8,
    lostToEw: 1,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
  db.insert(munitionReports).values(row).run();
  return row;
}

export function createDamageReport(db: Db, eventId: string, sourceId: string, overrides: Partial<typeof damageReports.$inferInsert> = {}) {
  const row = {
    id: uid('dmg'),
    eventId,
    sourceId,
    assetCategory: 'residential_building' as const,
    count: 1,
    description: 'An apartment block.',
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
  db.insert(damageReports).values(row).run();
  return row;
}

/** A citation of any fact (set casualtyReportId, munitionReportId, … in overrides); an event citation by default. */
export function createCitation(db: Db, eventId: string, sourceId: string, overrides: Partial<typeof citations.$inferInsert> = {}) {
  const row = {
    id: uid('cit'),
    eventId,
    sourceId,
    viaSourceId: null,
    casualtyReportId: null,
    munitionReportId: null,
    damageReportId: null,
    relationId: null,
    quote: 'A quoted sentence.',
    locator: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
  db.insert(citations).values(row).run();
  return row;
}

/** A relation read as "<from> <kind> <to>": the strike `follows` the call. */
export function createRelation(db: Db, fromEventId: string, toEventId: string, kind: RelationKind = 'follows') {
  const row = { id: uid('rel'), fromEventId, kind, toEventId, createdAt: NOW, updatedAt: NOW };
  db.insert(relations).values(row).run();
  return row;
}

/** A valid body for POST /v1/events (a drone strike on Odesa), with any field overridden. */
export function eventInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'aerial_attack',
    status: 'occurred',
    title: 'Drone strike on Odesa port',
    summary: 'Drones struck the port overnight.',
    start_at: '2025-07-05T02:30:00+03:00',
    start_precision: 'minute',
    timezone: 'Europe/Kyiv',
    location: { place: 'Odesa', country: 'ua', latitude: 46.48, longitude: 30.72, geo_precision: 'settlement' },
    ...overrides,
  };
}
