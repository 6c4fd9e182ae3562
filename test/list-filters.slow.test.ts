// Lists filtered by an actor, a source or a place answer the same events whichever way SQLite is
// told to find them: a common actor, source or place is probed event by event along the list's
// order, a rare one drives the query (src/modules/events/events.repository.ts, COMMON_ROWS). On a
// synthetic file with both kinds, every page is checked against the events worked out here from
// the raw tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { COMMON_ROWS } from '../src/modules/events/events.repository.js';
import { writeSyntheticDatabase } from '../tools/synthetic/write.js';
import { getJson } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-list-filters-'));
const path = join(dir, 'synthetic.db');
let app: FastifyInstance;
let sqlite: Database.Database;
const picked = { commonActor: '', rareActor: '', commonSource: '', rareSource: '', commonUnit: '', rareUnit: '' };

beforeAll(async () => {
  writeSyntheticDatabase({ path, events: 20_000, seed: 5 });
  sqlite = new Database(path, { readonly: true });
  const actors = sqlite.prepare('SELECT actor_id AS id, count(*) AS n FROM event_actors GROUP BY 1 ORDER BY 2 DESC, 1').all() as Array<{ id: string; n: number }>;
  const sources = sqlite
    .prepare('SELECT s.id, (SELECT count(*) FROM citations c WHERE c.source_id = s.id OR c.via_source_id = s.id) AS n FROM sources s ORDER BY 2 DESC, 1')
    .all() as Array<{ id: string; n: number }>;
  // The common ones are past the point where lists probe them, the rare ones well short of it and
  // still spread over several pages.
  picked.commonActor = actors[0]!.id;
  picked.rareActor = actors.find((a) => a.n < COMMON_ROWS.actor / 4 && a.n > 150)!.id;
  picked.commonSource = sources[0]!.id;
  picked.rareSource = sources.find((s) => s.n < COMMON_ROWS.source / 4 && s.n > 300)!.id;
  expect(actors[0]!.n).toBeGreaterThanOrEqual(COMMON_ROWS.actor);
  expect(sources[0]!.n).toBeGreaterThanOrEqual(COMMON_ROWS.source);
  // Places in the roles the place filters read by default; the rare unit still fills a few pages.
  const units = sqlite
    .prepare("SELECT admin1 AS id, count(*) AS n FROM event_places WHERE role IN ('target', 'affected') AND admin1 LIKE 'UA-%' GROUP BY 1 ORDER BY 2 DESC, 1")
    .all() as Array<{ id: string; n: number }>;
  picked.commonUnit = units[0]!.id;
  picked.rareUnit = units.findLast((u) => u.n > 120)!.id;
  expect(units[0]!.n).toBeGreaterThanOrEqual(COMMON_ROWS.places);
  expect(units.find((u) => u.id === picked.rareUnit)!.n).toBeLessThan(COMMON_ROWS.places / 4);
  sqlite.close();
  reportWithoutCitation([picked.commonSource, picked.rareSource]);
  sqlite = new Database(path, { readonly: true });
  app = await buildApp({ databaseUrl: path, logLevel: 'silent', http: { rateLimit: { readsPerMinute: 0, writesPerMinute: 0 } } });
  await app.ready();
}, 60_000);

/**
 * The generator cites every figure from its own source; an editor need not. For each source, the
 * earliest events it has nothing on get one casualty, munition and damage report from it without
 * a citation, so that a list must find them through the reports.
 */
function reportWithoutCitation(sourceIds: string[]): void {
  const writer = new Database(path);
  try {
    for (const sourceId of sourceIds) {
      const events = writer
        .prepare(
          `SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM citations WHERE source_id = @source OR via_source_id = @source
             UNION SELECT event_id FROM casualty_reports WHERE source_id = @source UNION SELECT event_id FROM munition_reports WHERE source_id = @source
             UNION SELECT event_id FROM damage_reports WHERE source_id = @source) ORDER BY start_at, id LIMIT 3`,
        )
        .pluck()
        .all({ source: sourceId }) as string[];
      ['casualty_reports', 'munition_reports', 'damage_reports'].forEach((table, i) => {
        const columns = (writer.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((c) => !['id', 'event_id', 'source_id'].includes(c));
        const list = columns.map((c) => `"${c}"`).join(', ');
        writer.prepare(`INSERT INTO ${table} (id, event_id, source_id, ${list}) SELECT ?, ?, ?, ${list} FROM ${table} LIMIT 1`).run(`${table}_uncited_${sourceId}`, events[i], sourceId);
      });
    }
  } finally {
    writer.close();
  }
}

afterAll(async () => {
  await app?.close();
  sqlite?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Filter = { actor?: string; source?: string; kind?: string; admin1?: string; near?: string; within_km?: string };

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;
/** Great-circle distance (haversine), as the API documents `within_km`. */
function kmBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const h = Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** The filter's events in list order, worked out from the raw tables without the list's SQL. */
function expected(filter: Filter, order: 'asc' | 'desc'): string[] {
  let ids: Set<string> | undefined;
  const keep = (found: string[]) => {
    const next = new Set(found);
    ids = ids ? new Set([...ids].filter((id) => next.has(id))) : next;
  };
  const column = (sql: string, ...params: string[]) => sqlite.prepare(sql).pluck().all(...params) as string[];
  if (filter.actor) keep(column('SELECT event_id FROM event_actors WHERE actor_id = ?', filter.actor));
  // A place filter reads the places that are targets or affected (the default `place_role`).
  const placed = () => sqlite.prepare("SELECT event_id, admin1, latitude, longitude FROM event_places WHERE role IN ('target', 'affected')").all() as Array<{ event_id: string; admin1: string | null; latitude: number | null; longitude: number | null }>;
  if (filter.admin1) keep(placed().filter((p) => p.admin1 === filter.admin1).map((p) => p.event_id));
  if (filter.near) {
    const [latitude, longitude] = filter.near.split(',').map(Number) as [number, number];
    const km = Number(filter.within_km);
    keep(placed().filter((p) => p.latitude !== null && p.longitude !== null && kmBetween({ latitude, longitude }, { latitude: p.latitude, longitude: p.longitude }) <= km).map((p) => p.event_id));
  }
  if (filter.source) {
    const s = filter.source;
    keep([
      ...column('SELECT event_id FROM citations WHERE source_id = ? OR via_source_id = ?', s, s),
      ...['casualty_reports', 'munition_reports', 'damage_reports'].flatMap((table) => column(`SELECT event_id FROM ${table} WHERE source_id = ?`, s)),
    ]);
  }
  const rows = sqlite.prepare('SELECT id, kind, start_at AS startAt FROM events').all() as Array<{ id: string; kind: string; startAt: string }>;
  const keys = rows
    .filter((row) => ids!.has(row.id) && (!filter.kind || row.kind === filter.kind))
    .map((row) => `${row.startAt} ${row.id}`)
    .sort();
  if (order === 'desc') keys.reverse();
  return keys.map((key) => key.split(' ')[1]!);
}

/** The first `pages` pages of 50 through the API, following next_cursor (all of them for Infinity). */
async function listed(filter: Filter, order: 'asc' | 'desc', pages: number): Promise<string[]> {
  const query = new URLSearchParams({ ...filter, limit: '50', ...(order === 'desc' ? { sort: '-start_at' } : {}) });
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const url: string = `/v1/events?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { status, body } = await getJson(app, url);
    expect(status, url).toBe(200);
    ids.push(...body.data.map((event: { id: string }) => event.id));
    cursor = body.next_cursor;
    if (!cursor) break;
  }
  return ids;
}

describe('event lists filtered by actor or source', () => {
  test.each([
    ['a common actor', (): Filter => ({ actor: picked.commonActor })],
    ['a common actor and a kind', (): Filter => ({ actor: picked.commonActor, kind: 'shelling' })],
    ['a rare actor', (): Filter => ({ actor: picked.rareActor })],
    ['a common source', (): Filter => ({ source: picked.commonSource })],
    ['a rare source', (): Filter => ({ source: picked.rareSource })],
    ['a common source and a common actor', (): Filter => ({ source: picked.commonSource, actor: picked.commonActor })],
    ['a rare source and a common actor', (): Filter => ({ source: picked.rareSource, actor: picked.commonActor })],
  ])('when the list is filtered by %s, then each page holds exactly the next matching events, oldest or newest first', async (_, filterOf) => {
    const filter = filterOf();
    for (const order of ['asc', 'desc'] as const) {
      const all = expected(filter, order);
      expect(all.length, JSON.stringify(filter)).toBeGreaterThan(100);
      const pages = 4;
      expect(await listed(filter, order, pages), `${JSON.stringify(filter)} ${order}`).toEqual(all.slice(0, pages * 50));
    }
  });
});

describe('event lists filtered by a place', () => {
  const KYIV = { near: '50.45,30.52', within_km: '25' };
  const KRAMATORSK = { near: '48.73,37.57', within_km: '150' };

  test('when the places near Kyiv and Kramatorsk are counted, then the first is rare enough to drive the list and the second common enough to be probed', () => {
    const rows = (filter: Filter) => {
      const [latitude, longitude] = filter.near!.split(',').map(Number) as [number, number];
      const places = sqlite.prepare("SELECT latitude, longitude FROM event_places WHERE role IN ('target', 'affected') AND latitude IS NOT NULL").all() as Array<{ latitude: number; longitude: number }>;
      return places.filter((p) => kmBetween({ latitude, longitude }, p) <= Number(filter.within_km)).length;
    };
    expect(rows(KYIV)).toBeLessThan(COMMON_ROWS.places);
    expect(rows(KRAMATORSK)).toBeGreaterThanOrEqual(COMMON_ROWS.places);
  });

  test.each([
    ['a common unit', (): Filter => ({ admin1: picked.commonUnit }), Infinity],
    ['a rare unit', (): Filter => ({ admin1: picked.rareUnit }), Infinity],
    ['25 km around Kyiv', (): Filter => KYIV, Infinity],
    ['a common unit and a kind', (): Filter => ({ admin1: picked.commonUnit, kind: 'shelling' }), 4],
    ['150 km around Kramatorsk', (): Filter => KRAMATORSK, 4],
    ['a rare unit and a common actor', (): Filter => ({ admin1: picked.rareUnit, actor: picked.commonActor }), 4],
  ])('when the list is filtered by %s, then each page holds exactly the next matching events, oldest or newest first', async (_, filterOf, pages) => {
    const filter = filterOf();
    for (const order of ['asc', 'desc'] as const) {
      const all = expected(filter, order);
      expect(all.length, JSON.stringify(filter)).toBeGreaterThan(100);
      expect(await listed(filter, order, pages), `${JSON.stringify(filter)} ${order}`).toEqual(all.slice(0, pages * 50));
    }
  });
});
