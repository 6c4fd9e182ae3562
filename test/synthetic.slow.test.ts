// The synthetic data generator (tools/synthetic/): the same seed gives the same rows, every row is
// consistent with what the app would write itself (span_end_at, citations, foreign keys, the FTS
// index and its triggers), and the app serves a generated file. Each test writes its own files
// into its own temporary folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, onTestFinished, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { entryById, placeOfEntry } from '../src/domain/places.js';
import { EVENT_KINDS, type EventStatus, type PlaceRole, type TimePrecision } from '../src/domain/vocabulary.js';
import { spanEnd } from '../src/lib/time.js';
import { syntheticEventId, SyntheticGenerator } from '../tools/synthetic/generate.js';
import { Prng } from '../tools/synthetic/prng.js';
import { countEvents, SyntheticTargetNotEmptyError, writeSyntheticDatabase } from '../tools/synthetic/write.js';
import { getJson } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-synthetic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EVENTS = 2_000;
let fileCount = 0;
const newPath = () => join(dir, `synthetic-${++fileCount}.db`);

/** One database per seed, written once and shared by the read-only tests below. */
const written = new Map<number, string>();
function generated(seed: number): string {
  let path = written.get(seed);
  if (!path) {
    path = newPath();
    writeSyntheticDatabase({ path, events: EVENTS, seed });
    written.set(seed, path);
  }
  return path;
}

/** The same database, with the citations written by the helper thread (run sizes below HELPER_MIN_EVENTS do without). */
const withHelperWritten = new Map<number, string>();
function withHelper(seed: number): string {
  let path = withHelperWritten.get(seed);
  if (!path) {
    path = newPath();
    writeSyntheticDatabase({ path, events: EVENTS, seed, helperThread: true });
    withHelperWritten.set(seed, path);
  }
  return path;
}

function openReadonly(path: string): Database.Database {
  const sqlite = new Database(path, { readonly: true });
  onTestFinished(() => {
    sqlite.close();
  });
  return sqlite;
}

const TABLES: Record<string, string> = {
  sources: 'id',
  actors: 'id',
  events: 'id',
  event_places: 'event_id, position',
  event_actors: 'event_id, actor_id, role',
  casualty_reports: 'id',
  munition_reports: 'id',
  damage_reports: 'id',
  relations: 'id',
  citations: 'id',
  events_fts: 'event_id',
  events_fts_rows: 'event_id',
};

/** SHA-256 of every row of every table, in primary-key order. */
function dumpHash(path: string): string {
  const sqlite = openReadonly(path);
  const hash = createHash('sha256');
  for (const [table, key] of Object.entries(TABLES)) {
    hash.update(`-- ${table}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).raw().iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

describe('synthetic generator', () => {
  test('when the same seed is generated twice, then every table holds identical rows; another seed gives other rows', () => {
    const first = generated(7);
    const again = newPath();
    writeSyntheticDatabase({ path: again, events: EVENTS, seed: 7 });
    expect(dumpHash(again)).toBe(dumpHash(first));
    expect(dumpHash(generated(8))).not.toBe(dumpHash(first));
  });

  test('when the citations are written by the helper thread and copied in, then every table holds the same rows as when one thread writes them all', () => {
    const path = withHelper(7);
    expect(dumpHash(path)).toBe(dumpHash(generated(7)));
  });

  test('when a database is generated, with or without the helper thread, then it passes the integrity checks, is in WAL mode and its change counter has moved', () => {
    for (const path of [generated(7), withHelper(7)]) {
      const sqlite = openReadonly(path);
      expect(sqlite.pragma('integrity_check', { simple: true }), path).toBe('ok');
      expect(sqlite.pragma('foreign_key_check'), path).toEqual([]);
      expect(sqlite.pragma('journal_mode', { simple: true }), path).toBe('wal');
      expect(sqlite.prepare('SELECT version FROM data_version WHERE id = 1').pluck().get(), path).toBeGreaterThan(0);
    }
    // FTS5's own check compares the index with the stored content (needs a writable handle).
    const sqlite = new Database(withHelper(7));
    onTestFinished(() => {
      sqlite.close();
    });
    expect(() => sqlite.exec("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")).not.toThrow();
  });

  test('when searching the full-text index for the words of a known event, then that event is found', () => {
    const sqlite = openReadonly(withHelper(7));
    const { id, title } = sqlite.prepare('SELECT id, title FROM events WHERE rowid = 1234').get() as { id: string; title: string };
    expect(id).toBe(syntheticEventId(1233));
    const words = title.match(/[A-Za-z]{4,}/g)!.map((w) => `"${w}"`).join(' ');
    const found = sqlite.prepare('SELECT event_id FROM events_fts WHERE events_fts MATCH ?').pluck().all(words);
    expect(found).toContain(id);
  });

  test('when the PRNG is reseeded with the same seed and stream, then it repeats its draws', () => {
    const a = new Prng(42, 3);
    const draws = Array.from({ length: 5 }, () => a.nextUint32());
    a.reseed(42, 3);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(draws);
    expect(new Prng(42, 4).nextUint32()).not.toBe(draws[0]);
  });

  test('when events are generated, then their ids are opaque, fixed-width and in generation order, spread from 24 February 2022 on', () => {
    const sqlite = openReadonly(generated(7));
    const ids = (sqlite.prepare('SELECT id FROM events ORDER BY rowid').pluck().all() as string[]);
    expect(ids).toHaveLength(EVENTS);
    expect(ids[0]).toBe(syntheticEventId(0));
    expect(ids.at(-1)).toBe(syntheticEventId(EVENTS - 1));
    expect([...ids].sort()).toEqual(ids);
    const { first, last } = sqlite.prepare("SELECT min(start_at) AS first, max(start_at) AS last FROM events WHERE status <> 'scheduled'").get() as { first: string; last: string };
    expect(first >= '2022-02-23T22:00:00Z' && first < '2022-03-01').toBe(true);
    expect(last > '2025-12-01' && last < '2026-01-01').toBe(true);
  });

  test('when events are generated, then every kind occurs, attacks and shelling dominate, and precisions are mixed', () => {
    const sqlite = openReadonly(generated(7));
    const byKind = Object.fromEntries(sqlite.prepare('SELECT kind, count(*) FROM events GROUP BY kind').raw().all() as Array<[string, number]>);
    expect(Object.keys(byKind).sort()).toEqual([...EVENT_KINDS].sort());
    expect(byKind.aerial_attack! + byKind.shelling!).toBeGreaterThan(EVENTS * 0.7);
    const precisions = sqlite.prepare('SELECT DISTINCT start_precision FROM events ORDER BY 1').pluck().all();
    expect(precisions).toEqual(['day', 'hour', 'minute', 'month']);
    const statuses = sqlite.prepare('SELECT DISTINCT status FROM events ORDER BY 1').pluck().all();
    expect(statuses).toEqual(['cancelled', 'occurred', 'ongoing', 'scheduled']);
    const kyiv = sqlite.prepare("SELECT count(*) FROM events WHERE country = 'UA' AND timezone <> 'Europe/Kyiv'").pluck().get();
    expect(kyiv).toBe(0);
    const models = sqlite.prepare('SELECT DISTINCT weapon_model FROM munition_reports WHERE weapon_model IS NOT NULL').pluck().all();
    expect(models).toEqual(expect.arrayContaining(['Shahed-136/131', 'Kh-101/Kh-555', 'Iskander-M/KN-23', 'Kh-47M2 Kinzhal']));
    expect(sqlite.prepare('SELECT count(*) FROM sources').pluck().get()).toBeGreaterThan(4_000);
    expect(sqlite.prepare('SELECT count(*) FROM actors').pluck().get()).toBeGreaterThan(30);
  });

  test('when events are generated, then span_end_at is what lib/time.ts spanEnd derives for every one of them', () => {
    const sqlite = openReadonly(generated(7));
    const rows = sqlite
      .prepare('SELECT id, start_at, start_precision, end_at, end_precision, timezone, status, span_end_at FROM events')
      .all() as Array<{ id: string; start_at: string; start_precision: TimePrecision; end_at: string | null; end_precision: TimePrecision | null; timezone: string; status: EventStatus; span_end_at: string | null }>;
    const wrong = rows.filter(
      (r) =>
        spanEnd({ startAt: r.start_at, startPrecision: r.start_precision, endAt: r.end_at, endPrecision: r.end_precision, timezone: r.timezone, status: r.status }) !==
        r.span_end_at,
    );
    expect(wrong).toEqual([]);
    expect(rows.some((r) => r.span_end_at === null)).toBe(true);
  });

  test('when events are generated, then every report is cited, some through another source, some events have disagreeing sources, and foreign keys hold', () => {
    const sqlite = openReadonly(generated(7));
    for (const [table, column] of [
      ['casualty_reports', 'casualty_report_id'],
      ['munition_reports', 'munition_report_id'],
      ['damage_reports', 'damage_report_id'],
      ['relations', 'relation_id'],
    ]) {
      const uncited = sqlite.prepare(`SELECT count(*) FROM ${table} r WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.${column} = r.id)`).pluck().get();
      expect(uncited, table).toBe(0);
      expect(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBeGreaterThan(0);
    }
    expect(sqlite.prepare('SELECT count(*) FROM citations WHERE via_source_id IS NOT NULL').pluck().get()).toBeGreaterThan(100);
    const disagreeing = sqlite
      .prepare(
        `SELECT count(*) FROM (SELECT event_id, category, "group" FROM casualty_reports
         GROUP BY event_id, category, "group" HAVING count(DISTINCT source_id) > 1 AND count(DISTINCT best) > 1)`,
      )
      .pluck()
      .get();
    expect(disagreeing).toBeGreaterThan(5);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  test('when a database is generated, then its schema (tables, indexes, FTS triggers) is exactly the migrated one and the FTS index holds every event', () => {
    const path = generated(7);
    const fresh = openDatabase(':memory:');
    onTestFinished(() => fresh.close());
    migrateDatabase(fresh.db);
    const schemaOf = (sqlite: Database.Database) => sqlite.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    const sqlite = openReadonly(path);
    expect(schemaOf(sqlite)).toEqual(schemaOf(fresh.sqlite));
    expect(sqlite.prepare('SELECT count(*) FROM events_fts').pluck().get()).toBe(EVENTS);
    const mismatched = sqlite.prepare('SELECT count(*) FROM events e JOIN events_fts f ON f.event_id = e.id WHERE f.title <> e.title OR f.summary <> e.summary').pluck().get();
    expect(mismatched).toBe(0);
    // Each event's full-text row is where the triggers will look for it (migration 0007).
    const mapped = sqlite.prepare('SELECT count(*) FROM events e JOIN events_fts_rows r ON r.event_id = e.id JOIN events_fts f ON f.rowid = r.fts_rowid AND f.event_id = e.id').pluck().get();
    expect(mapped).toBe(EVENTS);
    expect(sqlite.prepare('SELECT count(*) FROM events_fts_rows').pluck().get()).toBe(EVENTS);
  });

  test('when a database is generated, then the full-text places column holds exactly what the triggers write when the same events and places go in through them', () => {
    // The load writes the full-text rows itself, with the triggers dropped. Here the generated
    // events and places are inserted into a freshly migrated database, whose triggers fill its
    // full-text index (migrations 0007 and 0013); both indexes must hold the same rows.
    const fresh = openDatabase(':memory:');
    onTestFinished(() => fresh.close());
    migrateDatabase(fresh.db);
    const sqlite = fresh.sqlite;
    sqlite.prepare('ATTACH DATABASE ? AS generated').run(withHelper(7));
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec('INSERT INTO main.events SELECT * FROM generated.events ORDER BY rowid');
    sqlite.exec('INSERT INTO main.event_places SELECT * FROM generated.event_places ORDER BY event_id, position');
    const rows = (schema: string) => sqlite.prepare(`SELECT rowid, event_id, title, summary, places FROM ${schema}.events_fts ORDER BY rowid`).raw().all() as unknown[][];
    const triggered = rows('main');
    expect(triggered).toHaveLength(EVENTS);
    expect(rows('generated')).toEqual(triggered);
    // The comparison means something: most events have places, a few have none ('' as the trigger writes it).
    const places = triggered.map((row) => row[4] as string);
    expect(places.filter((p) => p !== '').length).toBeGreaterThan(EVENTS * 0.8);
    expect(places).toContain('');
    expect(sqlite.prepare('SELECT count(*) FROM generated.events_fts_rows r JOIN main.events_fts_rows m USING (event_id) WHERE m.fts_rowid = r.fts_rowid').pluck().get()).toBe(EVENTS);
  });

  test('when events are generated, then every place is its gazetteer entry as the importer records it, and attacks have the places the Air Force names', () => {
    const sqlite = openReadonly(generated(7));
    const places = sqlite
      .prepare('SELECT p.*, e.kind, e.place AS event_place, e.admin1 AS event_admin1 FROM event_places p JOIN events e ON e.id = p.event_id ORDER BY p.event_id, p.position')
      .all() as Array<Record<string, string | number | null> & { event_id: string; position: number; role: PlaceRole; name: string; gazetteer_id: string; kind: string }>;
    expect(places.length).toBeGreaterThan(EVENTS);
    for (const place of places) {
      const entry = entryById(place.gazetteer_id);
      expect(entry, place.gazetteer_id).not.toBeNull();
      const record = placeOfEntry(entry!, place.role, place.name);
      expect(place.name).toBe(entry!.name);
      expect(
        [place.admin1, place.country, place.latitude, place.longitude, place.geo_precision, place.search_names],
        `${place.event_id} ${place.position}`,
      ).toEqual([record.admin1, record.country, record.latitude, record.longitude, record.geoPrecision, record.searchNames]);
    }
    const byEvent = new Map<string, typeof places>();
    for (const place of places) byEvent.set(place.event_id, [...(byEvent.get(place.event_id) ?? []), place]);
    for (const [id, list] of byEvent) {
      expect(list.map((p) => p.position), id).toEqual(list.map((_, i) => i));
      expect(new Set(list.map((p) => p.gazetteer_id)).size, id).toBe(list.length);
      // The first place is where the event's own location columns say it happened.
      const first = list[0]!;
      const entry = entryById(first.gazetteer_id)!;
      expect(first.event_place ?? first.event_admin1, id).toBe(entry.name);
      const hit = list.filter((p) => p.role !== 'launch_site');
      const launches = list.filter((p) => p.role === 'launch_site');
      if (first.kind === 'aerial_attack') {
        expect(first.role, id).toBe('target');
        expect(hit.length, id).toBeGreaterThanOrEqual(1);
        expect(hit.length, id).toBeLessThanOrEqual(5);
        expect(launches.length, id).toBeLessThanOrEqual(3);
      } else {
        expect(list, id).toHaveLength(1);
      }
    }
    const launchSites = new Set(places.filter((p) => p.role === 'launch_site').map((p) => entryById(p.gazetteer_id)!));
    expect([...launchSites].some((e) => e.kind === 'water')).toBe(true);
    expect([...launchSites].some((e) => e.id === 'UA-43')).toBe(true);
    expect([...launchSites].every((e) => e.country === 'RU' || e.id === 'UA-43' || e.admin1 === 'UA-43' || e.kind === 'water')).toBe(true);
    const attacks = sqlite.prepare("SELECT count(*) FROM events WHERE kind = 'aerial_attack'").pluck().get() as number;
    expect(sqlite.prepare("SELECT count(DISTINCT event_id) FROM event_places WHERE role = 'launch_site'").pluck().get()).toBeGreaterThan(attacks * 0.3);
    expect(sqlite.prepare("SELECT count(*) FROM (SELECT event_id FROM event_places WHERE role <> 'launch_site' GROUP BY 1 HAVING count(*) >= 4)").pluck().get()).toBeGreaterThan(attacks * 0.05);
    // Every event located in Ukraine has a place; those without are abroad (capitals the gazetteer does not hold) or unlocated.
    expect(sqlite.prepare("SELECT count(*) FROM events WHERE country = 'UA' AND latitude IS NOT NULL AND id NOT IN (SELECT event_id FROM event_places)").pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM events WHERE country = 'US' AND id IN (SELECT event_id FROM event_places)").pluck().get()).toBe(0);
  });

  test('when the target already holds events, then the generator refuses unless forced, and --force replaces the file', () => {
    const path = newPath();
    writeSyntheticDatabase({ path, events: 10, seed: 1 });
    expect(() => writeSyntheticDatabase({ path, events: 20, seed: 1 })).toThrow(SyntheticTargetNotEmptyError);
    expect(countEvents(path)).toBe(10);
    writeSyntheticDatabase({ path, events: 20, seed: 1, force: true });
    expect(countEvents(path)).toBe(20);
    expect(existsSync(`${path}.partial-${process.pid}`)).toBe(false);
  });

  test('when the generator is asked for event n directly, then it writes the same rows as in a full run', () => {
    const rowsOf = (generator: SyntheticGenerator, n: number) => {
      const rows: unknown[][] = [];
      const record = (...values: unknown[]) => void rows.push(values);
      generator.write(n, { event: record, place: record, eventActor: record, casualty: record, munition: record, damage: record, relation: record, citation: record });
      return rows;
    };
    const sequential = new SyntheticGenerator({ seed: 3, events: 500 });
    const all = Array.from({ length: 500 }, (_, n) => rowsOf(sequential, n));
    const direct = new SyntheticGenerator({ seed: 3, events: 500 });
    for (const n of [499, 0, 250, 17]) expect(rowsOf(direct, n)).toEqual(all[n]);
  });
});

describe('the app on a synthetic database', () => {
  async function appOn(path: string) {
    const app = await buildApp({ databaseUrl: path, logLevel: 'silent' });
    onTestFinished(() => app.close());
    await app.ready();
    return app;
  }

  test('when the events list is paged, then each page follows the last and the pages hold generated events', async () => {
    const app = await appOn(generated(7));
    const seen: string[] = [];
    let url = '/v1/events?limit=100';
    for (let page = 0; page < 5; page++) {
      const { status, body } = await getJson(app, url);
      expect(status).toBe(200);
      expect(body.data).toHaveLength(100);
      seen.push(...body.data.map((e: { id: string }) => e.id));
      url = `/v1/events?limit=100&cursor=${encodeURIComponent(body.next_cursor)}`;
    }
    expect(new Set(seen).size).toBe(500);
    expect(seen.every((id) => id.startsWith('evt_syn_'))).toBe(true);
  });

  test('when a generated attack is fetched, then every figure carries its source and citations', async () => {
    const path = generated(7);
    const sqlite = openReadonly(path);
    const id = sqlite
      .prepare(
        `SELECT e.id FROM events e WHERE e.kind = 'aerial_attack'
           AND EXISTS (SELECT 1 FROM munition_reports m WHERE m.event_id = e.id)
           AND EXISTS (SELECT 1 FROM casualty_reports c WHERE c.event_id = e.id)
           AND EXISTS (SELECT 1 FROM damage_reports d WHERE d.event_id = e.id)
         ORDER BY e.id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const app = await appOn(path);
    const { status, body } = await getJson(app, `/v1/events/${id}`);
    expect(status).toBe(200);
    expect(body.timezone).toBe(body.location.country === 'UA' ? 'Europe/Kyiv' : body.timezone);
    expect(body.actors.map((a: { role: string }) => a.role)).toContain('initiator');
    for (const list of ['munition_reports', 'casualty_reports', 'damage_reports']) {
      expect(body[list].length, list).toBeGreaterThan(0);
      for (const report of body[list]) {
        expect(report.source.id).toMatch(/^src_syn_/);
        expect(report.citations.length).toBeGreaterThan(0);
        expect(report.citations[0].quote ?? report.citations[0].locator).toBeTruthy();
      }
    }
    expect(body.citations.length).toBeGreaterThan(0);
  });

  test('when searching for a word of generated titles or places, then the FTS index finds those events', async () => {
    const path = generated(7);
    const sqlite = openReadonly(path);
    // Kharkiv in the title or the summary, or a place (the city, the oblast) that has the name.
    const matching = (word: string) =>
      sqlite
        .prepare(
          `SELECT count(*) FROM events e WHERE title LIKE '%' || @word || '%' OR summary LIKE '%' || @word || '%'
             OR EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id AND (' ' || p.search_names || ' ') LIKE '% ' || @word || ' %')`,
        )
        .pluck()
        .get({ word }) as number;
    const expected = matching('Kharkiv');
    const inTitles = sqlite.prepare("SELECT count(*) FROM events WHERE title LIKE '%Kharkiv%' OR summary LIKE '%Kharkiv%'").pluck().get() as number;
    expect(inTitles).toBeGreaterThan(10);
    expect(expected).toBeGreaterThan(inTitles);
    const app = await appOn(path);
    const { status, body } = await getJson(app, '/v1/events?q=kharkiv&limit=500');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(expected);
    const named = (e: { title: string; summary: string; places: Array<{ gazetteer_id: string }> }) =>
      `${e.title} ${e.summary}`.includes('Kharkiv') || e.places.some((p) => ['ua-kharkiv', 'UA-63'].includes(p.gazetteer_id));
    expect(body.data.every(named)).toBe(true);
    // An old spelling only the gazetteer knows finds the events of Kyiv.
    const kiev = await getJson(app, '/v1/events?q=Kiev&limit=500');
    expect(kiev.body.data.length).toBeGreaterThan(0);
    expect(kiev.body.data.every((e: { places: Array<{ gazetteer_id: string }> }) => e.places.some((p) => ['UA-30', 'UA-32'].includes(p.gazetteer_id)))).toBe(true);
    const shahed = await getJson(app, '/v1/events?q=Shahed&kind=aerial_attack&limit=5');
    expect(shahed.body.data.length).toBeGreaterThan(0);
  });

  test('when filtering by kind, country and date range, then only matching events come back', async () => {
    const app = await appOn(generated(7));
    const shelling = await getJson(app, '/v1/events?kind=shelling&country=RU&limit=500');
    expect(shelling.status).toBe(200);
    expect(shelling.body.data.length).toBeGreaterThan(0);
    expect(shelling.body.data.every((e: any) => e.kind === 'shelling' && e.location.country === 'RU' && e.timezone === 'Europe/Moscow')).toBe(true);
    const ranged = await getJson(app, '/v1/events?kind=aerial_attack&from=2024-01-01&to=2024-03-31&limit=500');
    expect(ranged.body.data.length).toBeGreaterThan(0);
    expect(ranged.body.data.every((e: any) => e.kind === 'aerial_attack' && e.start_at < '2024-04-01' && (e.end_at ?? e.start_at) >= '2023-12-31')).toBe(true);
  });

  test('when statistics are first asked for, then the totals kept for them agree with the sum of every claim', async () => {
    // The generator loads without triggers, so it must mark every hour for the totals itself.
    const app = await appOn(generated(7));
    for (const what of ['casualties', 'munitions']) {
      const models = what === 'munitions' ? '&include=by_model' : '';
      const totals = await getJson(app, `/v1/stats/${what}?bucket=month&tz=Europe/Kyiv${models}`);
      const claims = await getJson(app, `/v1/stats/${what}?bucket=month&tz=Europe/Kyiv&include=by_source${models}`);
      expect(totals.status).toBe(200);
      expect(totals.body.data.length).toBeGreaterThan(12);
      const strip = (figure: any) => {
        const { source_count: _count, ...rest } = figure;
        return rest;
      };
      expect(totals.body.data).toEqual(
        claims.body.data.map(({ by_source: _bySource, ...bucket }: any) =>
          what === 'casualties'
            ? { ...bucket, figures: bucket.figures.map(strip) }
            : { ...bucket, total: strip(bucket.total), by_category: bucket.by_category.map(strip), by_model: bucket.by_model.map(strip) },
        ),
      );
    }
  });
});
