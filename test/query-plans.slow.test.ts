// Every list and statistics query uses an index. The main reads run through their repositories
// on a synthetic database; every statement they send to SQLite is recorded with its parameters,
// and SQLite's own EXPLAIN QUERY PLAN of it must not scan a large table from end to end. The place
// filters (admin1, place, bbox, near, place_role) are run alone and with the other filters, on
// lists (both ways of using them: a common place probed along the list, a rare one driving it),
// statistics claims and report lists.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { headlinesOfEvents } from '../src/modules/events/events.export.js';
import {
  actorsOfEvents,
  claimantPublishersOfEvents,
  eventsAround,
  getEvent,
  getEventFacts,
  listEvents,
  relationsOfEvents,
  type EventListFilter,
} from '../src/modules/events/events.repository.js';
import { bucketer } from '../src/lib/buckets.js';
import { casualtyClaimsMatching, munitionClaimsMatching } from '../src/modules/stats/stats.repository.js';
import { listReports } from '../src/modules/claims/claims.repository.js';
import { DEFAULT_PLACE_ROLES, type PlaceFilter } from '../src/modules/places/places.schemas.js';
import { casualtyBucketsFromRollups, munitionBucketsFromRollups } from '../src/modules/stats/stats.rollups.js';
import { toFtsQuery } from '../src/lib/fts.js';
import { writeSyntheticDatabase } from '../tools/synthetic/write.js';

// Tables that grow with the record; a plan may read the small vocabularies (actors, sources) whole,
// and stats_dirty_hours, which holds only the hours written since statistics were last read.
const LARGE_TABLES = [
  'events',
  'event_places',
  'event_actors',
  'casualty_reports',
  'munition_reports',
  'damage_reports',
  'relations',
  'citations',
  'events_fts',
  'stats_casualty_rollups',
  'stats_munition_rollups',
];

type Statement = { sql: string; params: unknown[] };

/** Records every statement run on `sqlite`, with the parameters it was run with. */
function recordStatements(sqlite: Database.Database): { statements: Statement[]; stop: () => void } {
  const statements: Statement[] = [];
  const prepare = sqlite.prepare;
  const running = ['all', 'get', 'run', 'iterate'];
  const modes = ['raw', 'pluck', 'expand', 'safeIntegers'];
  sqlite.prepare = ((source: string) => {
    const statement = prepare.call(sqlite, source);
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (running.includes(String(property))) {
          return (...params: unknown[]) => {
            statements.push({ sql: source, params });
            return value.apply(target, params);
          };
        }
        // Mode setters return the statement; keep the caller on the proxy.
        if (modes.includes(String(property))) return (...args: unknown[]) => (value.apply(target, args), proxy);
        return value.bind(target);
      },
    });
    return proxy;
  }) as Database.Database['prepare'];
  return { statements, stop: () => (sqlite.prepare = prepare) };
}

/** The steps of a statement's plan that read a large table from end to end. */
function fullScans(sqlite: Database.Database, statement: Statement): string[] {
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as Array<{ detail: string }>;
  return plan
    .map((step) => step.detail)
    .filter((detail) => {
      const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
      if (!scanned || !LARGE_TABLES.includes(scanned)) return false;
      // FTS5 names a MATCH constraint `M` and a rowid lookup `=` in its index string; without
      // either, it reads every row.
      if (detail.includes('VIRTUAL TABLE')) return !/VIRTUAL TABLE INDEX \d+:.*[M=]/.test(detail);
      return !/USING (COVERING )?INDEX/.test(detail);
    });
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-plans-'));
let path: string;
beforeAll(() => {
  path = join(dir, 'synthetic.db');
  // Large enough that the commonest actor and source are probed along the list, not driven (COMMON_ROWS).
  writeSyntheticDatabase({ path, events: 20_000, seed: 11 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(file = path): DatabaseHandle {
  const handle = openDatabase(file);
  onTestFinished(() => handle.close());
  return handle;
}

const page = (filter: Partial<EventListFilter>): EventListFilter => ({ order: 'asc', limit: 51, ...filter });

const roles = DEFAULT_PLACE_ROLES;
/**
 * Each place filter, common and rare: at 20,000 events a unit of the front (UA-14) has thousands of
 * places and is probed along the list, Zakarpattia (UA-21) a few dozen and drives it (COMMON_ROWS).
 */
const PLACE_FILTERS: Record<string, PlaceFilter> = {
  'admin1, a common unit': { roles, admin1: ['UA-14'] },
  'admin1, a rare unit': { roles, admin1: ['UA-21'] },
  'admin1, two units': { roles, admin1: ['UA-21', 'UA-77'] },
  'place, a settlement': { roles, named: [{ entry: 'ua-kharkiv' }] },
  'place, a rare settlement': { roles, named: [{ entry: 'ua-uzhhorod' }] },
  'place, a unit': { roles, named: [{ admin1: 'UA-63' }] },
  'place, a country': { roles, named: [{ country: 'UA' }] },
  'bbox, a city box': { roles, bbox: { minLon: 30.2, minLat: 50.2, maxLon: 30.9, maxLat: 50.7 } },
  'bbox, a big box': { roles, bbox: { minLon: 22, minLat: 44, maxLon: 41, maxLat: 53 } },
  'near, 25 km around Kyiv': { roles, near: { latitude: 50.45, longitude: 30.52, km: 25 } },
  'near, 25 km around Uzhhorod': { roles, near: { latitude: 48.62, longitude: 22.29, km: 25 } },
  'near, 200 km around Kramatorsk': { roles, near: { latitude: 48.73, longitude: 37.57, km: 200 } },
  'place_role=launch_site, a region': { roles: ['launch_site'], admin1: ['RU-KRS'] },
  'place_role=launch_site, a sea': { roles: ['launch_site'], named: [{ entry: 'water-caspian-sea' }] },
  'place_role=launch_site, Russia': { roles: ['launch_site'], named: [{ country: 'RU' }] },
};

/** Runs the main reads of the API, as its routes do, and returns every statement they ran. */
async function mainQueries(handle: DatabaseHandle): Promise<Array<{ name: string } & Statement>> {
  const { db, sqlite } = handle;
  const found: Array<{ name: string } & Statement> = [];
  const run = async (name: string, read: () => unknown) => {
    const recorder = recordStatements(sqlite);
    try {
      const result = await read();
      // Statistics are iterables read lazily; reading them is part of the query.
      if (result && typeof result === 'object' && Symbol.iterator in result && !Array.isArray(result)) [...(result as Iterable<unknown>)];
    } finally {
      recorder.stop();
    }
    expect(recorder.statements.length, `${name} ran no statement`).toBeGreaterThan(0);
    found.push(...recorder.statements.map((s) => ({ name, ...s })));
  };

  const sample = (await listEvents(db, page({ kinds: ['aerial_attack'], limit: 200 }))).at(-1)!;
  const after = { startAt: sample.startAt, id: sample.id };
  const range = { from: '2022-06-01T00:00:00Z', toExclusive: '2025-06-01T00:00:00Z' };
  const ids = (await listEvents(db, page({ limit: 50, after }))).map((e) => e.id);

  await run('list: kind and date range, deep cursor', () => listEvents(db, page({ kinds: ['aerial_attack'], ...range, after })));
  await run('list: newest first, deep cursor', () => listEvents(db, page({ order: 'desc', after })));
  await run('list: actor', () => listEvents(db, page({ actorId: 'act_syn_volodymyr_zelenskyy', ...range })));
  await run('list: common actor', () => listEvents(db, page({ actorId: 'act_syn_ukraine', after })));
  await run('list: common actor, newest first', () => listEvents(db, page({ actorId: 'act_syn_ukraine', order: 'desc' })));
  await run('list: source', () => listEvents(db, page({ sourceId: 'src_syn_0002' })));
  await run('list: common source', () => listEvents(db, page({ sourceId: 'src_syn_0000', kinds: ['aerial_attack'], after })));
  await run('list: country and kind', () => listEvents(db, page({ country: 'RU', kinds: ['shelling'], after })));
  await run('list: full text', () => listEvents(db, page({ match: toFtsQuery('Kharkiv drone')! })));
  // A word most events share.
  await run('list: common word', () => listEvents(db, page({ match: toFtsQuery('Russian')!, after })));
  await run('event by id with its facts', async () => getEventFacts(db, (await getEvent(db, sample.id))!.id));
  await run('event context', () => eventsAround(db, sample, { earliest: '2023-01-01T00:00:00Z', latest: '2024-01-01T00:00:00Z' }, {}, 10));
  await run('event context: common actor', () => eventsAround(db, sample, { earliest: '2023-01-01T00:00:00Z', latest: '2024-01-01T00:00:00Z' }, { actorId: 'act_syn_ukraine' }, 10));
  await run('timeline page: headlines and relations', async () => [await headlinesOfEvents(db, ids), await relationsOfEvents(db, ids)]);
  await run('CSV page: actors and claimants', async () => [await actorsOfEvents(db, ids), await claimantPublishersOfEvents(db, ids)]);
  await run('casualty statistics over everything', () => casualtyClaimsMatching(db, {}));
  await run('munition statistics over everything', () => munitionClaimsMatching(db, {}));
  await run('casualty statistics: kind and range', () => casualtyClaimsMatching(db, { kinds: ['aerial_attack'], ...range }));
  await run('munition statistics: country and range', () => munitionClaimsMatching(db, { country: 'UA', ...range }));
  // The first recomputes every hour the synthetic load marked; Kyiv months read hours at their edges.
  await run('casualty totals by month in Europe/Kyiv, settling every hour', () => casualtyBucketsFromRollups(db, {}, bucketer('month', 'Europe/Kyiv')));
  await run('munition totals by month in Europe/Kyiv', () => munitionBucketsFromRollups(db, {}, bucketer('month', 'Europe/Kyiv')));
  for (const [name, places] of Object.entries(PLACE_FILTERS)) {
    await run(`list: ${name}`, () => listEvents(db, page({ places })));
    await run(`list: ${name}, newest first, deep cursor`, () => listEvents(db, page({ places, order: 'desc', after })));
  }
  const common = PLACE_FILTERS['admin1, a common unit']!;
  const rare = PLACE_FILTERS['admin1, a rare unit']!;
  await run('list: admin1 with kind and range', () => listEvents(db, page({ places: common, kinds: ['aerial_attack'], ...range, after })));
  await run('list: rare admin1 with kind and range', () => listEvents(db, page({ places: rare, kinds: ['aerial_attack'], ...range })));
  await run('list: place with full text', () => listEvents(db, page({ places: PLACE_FILTERS['place, a settlement'], match: toFtsQuery('drone')! })));
  await run('list: common place with a rare word', () => listEvents(db, page({ places: common, match: toFtsQuery('Uzhhorod')! })));
  await run('list: near with kind and range', () => listEvents(db, page({ places: PLACE_FILTERS['near, 25 km around Kyiv'], kinds: ['aerial_attack'], ...range })));
  await run('list: big box and common actor', () => listEvents(db, page({ places: PLACE_FILTERS['bbox, a big box'], actorId: 'act_syn_ukraine', after })));
  await run('list: admin1 and bbox', () => listEvents(db, page({ places: { ...common, bbox: PLACE_FILTERS['bbox, a big box']!.bbox } })));
  await run('event context: a place', () => eventsAround(db, sample, { earliest: '2023-01-01T00:00:00Z', latest: '2024-01-01T00:00:00Z' }, { places: common }, 10));
  for (const [name, places] of [
    ['a common unit', common],
    ['a rare unit', rare],
    ['near Kyiv', PLACE_FILTERS['near, 25 km around Kyiv']!],
    ['launch sites in a region', PLACE_FILTERS['place_role=launch_site, a region']!],
  ] as const) {
    await run(`munition statistics: ${name}`, () => munitionClaimsMatching(db, { places }));
    await run(`munition statistics: ${name}, kind and range`, () => munitionClaimsMatching(db, { places, kinds: ['aerial_attack'], ...range }));
    await run(`casualty statistics: ${name}`, () => casualtyClaimsMatching(db, { places }));
    for (const kind of ['casualty', 'munition', 'damage'] as const) {
      await run(`${kind} reports: ${name}`, () => listReports(db, kind, { places, limit: 51 }));
      await run(`${kind} reports: ${name}, next page`, () => listReports(db, kind, { places, afterId: `${kind === 'casualty' ? 'cas' : kind === 'munition' ? 'mun' : 'dmg'}_syn_0005`, limit: 51 }));
    }
  }
  db.$client.prepare('UPDATE casualty_reports SET best = best WHERE id = (SELECT MIN(id) FROM casualty_reports)').run();
  await run('casualty totals after a write: one hour settled', () => casualtyBucketsFromRollups(db, { toExclusive: '2025-06-01T00:00:00Z' }, bucketer('day', 'UTC')));
  return found;
}

/**
 * Every statement of every trigger, as a statement of its own: `old.x` and `new.x` become
 * parameters (bound to NULL, which leaves the plan as it is for any value). RAISE statements read
 * nothing and cannot be prepared outside a trigger.
 */
function triggerStatements(sqlite: Database.Database): Array<{ name: string } & Statement> {
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string; sql: string }>;
  return triggers.flatMap(({ name, sql }) => {
    const body = /\bBEGIN\b([\s\S]*)\bEND;?\s*$/i.exec(sql)![1]!;
    return body
      .split(/;\s*(?:\n|$)/)
      .map((statement) => statement.trim())
      .filter((statement) => statement !== '' && !/\bRAISE\s*\(/i.test(statement))
      .map((statement) => {
        const parameterised = statement.replace(/\b(?:old|new)\.(?:`\w+`|"\w+"|\w+)/gi, '?');
        return { name, sql: parameterised, params: Array((parameterised.match(/\?/g) ?? []).length).fill(null) };
      });
  });
}

describe('query plans', () => {
  test('when the main list, detail, timeline and statistics queries run, then none scans a large table without an index', async () => {
    const handle = open();
    const statements = await mainQueries(handle);
    // Both ways of using an actor or a source filter are covered.
    for (const name of ['list: common actor', 'list: common source']) expect(statements.some((s) => s.name === name && s.sql.includes('EXISTS')), name).toBe(true);
    for (const name of ['list: actor', 'list: source']) expect(statements.some((s) => s.name === name && s.sql.includes('EXISTS')), name).toBe(false);
    // A common word is probed through the full-text row map, a rare one drives the list.
    expect(statements.some((s) => s.name === 'list: common word' && s.sql.includes('events_fts_rows'))).toBe(true);
    expect(statements.some((s) => s.name === 'list: full text' && s.sql.includes('events_fts_rows'))).toBe(false);
    // Report lists by a common place walk the reports, by a rare one read the place's reports.
    for (const kind of ['casualty', 'munition', 'damage']) {
      expect(statements.some((s) => s.name === `${kind} reports: a common unit` && s.sql.includes('EXISTS')), kind).toBe(true);
      expect(statements.some((s) => s.name === `${kind} reports: a rare unit` && s.sql.includes('EXISTS')), kind).toBe(false);
    }
    // And of a place filter: each kind of filter is run both ways.
    const probed = (name: string) => statements.some((s) => s.name === name && /EXISTS \(SELECT 1 FROM "event_places"/.test(s.sql));
    const placeLists = Object.keys(PLACE_FILTERS).map((name) => `list: ${name}`);
    for (const kind of ['admin1', 'place,', 'bbox', 'near', 'place_role']) {
      const lists = placeLists.filter((name) => name.startsWith(`list: ${kind}`));
      expect(lists.some(probed), `${kind} probed`).toBe(true);
      expect(lists.some((name) => !probed(name)), `${kind} driven`).toBe(true);
    }
    const scans = statements.flatMap((statement) => fullScans(handle.sqlite, statement).map((step) => `${statement.name}: ${step}\n  ${statement.sql}`));
    expect(scans).toEqual([]);
  });

  test('when a row is written, then no trigger it fires scans a large table', () => {
    // A trigger runs inside every write, with the database locked: one that read the full-text
    // table whole made a title edit take over a second at a million events.
    const handle = open();
    const statements = triggerStatements(handle.sqlite);
    expect(statements.map((s) => s.name)).toEqual(expect.arrayContaining(['events_fts_after_update', 'events_fts_after_delete', 'stats_dirty_after_insert_casualty_reports']));
    const scans = statements.flatMap((statement) => fullScans(handle.sqlite, statement).map((step) => `${statement.name}: ${step}\n  ${statement.sql}`));
    expect(scans).toEqual([]);
  });

  test('when a trigger finds the full-text row by its unindexed event_id, then the check reports the full scan', () => {
    // The triggers of migration 0001 did this; the check above must catch it.
    const copy = join(dir, 'old-fts-triggers.db');
    copyFileSync(path, copy);
    const handle = open(copy);
    handle.sqlite.exec(`DROP TRIGGER events_fts_after_delete;
      CREATE TRIGGER events_fts_after_delete AFTER DELETE ON events BEGIN
        DELETE FROM events_fts WHERE event_id = old.id;
      END`);
    const scans = triggerStatements(handle.sqlite).flatMap((statement) => fullScans(handle.sqlite, statement));
    expect(scans).toEqual([expect.stringMatching(/^SCAN events_fts VIRTUAL TABLE/)]);
  });

  test('when an index the list relies on is dropped, then the check reports the full scan', async () => {
    // The check above can fail: on a copy of the database without the indexes on start_at,
    // a kind filter and a newest-first page fall back to reading events whole.
    const copy = join(dir, 'without-indexes.db');
    copyFileSync(path, copy);
    const handle = open(copy);
    handle.sqlite.exec('DROP INDEX events_kind_start_at_idx; DROP INDEX events_country_start_at_idx; DROP INDEX events_start_at_id_idx; DROP INDEX events_status_start_at_idx');
    const scans = (await mainQueries(handle)).flatMap((statement) => fullScans(handle.sqlite, statement));
    expect(scans).toContain('SCAN events');
  });
});
