// The response cache (src/plugins/response-cache.ts) and the change counter it relies on
// (src/db/data-version.ts): a repeated GET is replayed from memory, and any write, by whichever
// writer, makes the next answer current again. Each test has its own database file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, onTestFinished, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { dataVersion } from '../src/db/data-version.js';
import { importAirForce } from '../tools/importer/import-airforce.js';
import { seedDatabase } from '../seed/seed.js';
import { getJson } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const FIXTURE = readFileSync(resolve(import.meta.dirname, 'fixtures/airforce-sample.csv'), 'utf8');
const WEAPONS = readFileSync(resolve(import.meta.dirname, 'fixtures/weapons-sample.csv'), 'utf8');

/** An app on a database file of this test's own; `responseCacheMb: 0` answers every request from the database. */
async function appOn(path: string, responseCacheMb = 32) {
  const app = await buildApp({ databaseUrl: path, logLevel: 'silent', responseCacheMb });
  await app.ready();
  onTestFinished(() => app.close());
  return app;
}

const STATS = ['/v1/stats/munitions?bucket=month&tz=Europe/Kyiv', '/v1/stats/casualties?bucket=month', '/v1/timeline?bucket=day', '/v1/events?limit=5'];

describe('response cache', () => {
  test('when the importer writes after the statistics were read, then the next read has the new figures, equal to an uncached read', async () => {
    // Arrange: read everything once, so the cache holds the answers from before the write.
    const path = join(dir, `cache-${++files}.db`);
    const app = await appOn(path);
    const before = await Promise.all(STATS.map((url) => getJson(app, url)));
    expect((await getJson(app, STATS[0]!)).headers.etag).toBe(before[0]!.headers.etag);

    // Act: write through the importer, on the app's own connection.
    importAirForce(app.db, { attacksCsv: FIXTURE, catalogueCsv: WEAPONS });
    const after = await Promise.all(STATS.map((url) => getJson(app, url)));

    // Assert: the answers changed and are what a server without the cache computes.
    const uncached = await appOn(path, 0);
    for (const [i, url] of STATS.entries()) expect(after[i]!.body, url).toEqual((await getJson(uncached, url)).body);
    // The Air Force record has launches and interceptions but no casualties.
    for (const i of [0, 2, 3]) expect(after[i]!.body, STATS[i]).not.toEqual(before[i]!.body);
    expect(after[0]!.body.data.length).toBeGreaterThan(0);
  });

  test('when another connection writes to the same file, then the cached answer is replaced on the next read', async () => {
    const path = join(dir, `cache-${++files}.db`);
    const app = await appOn(path);
    const empty = await getJson(app, '/v1/stats/casualties?bucket=all');
    expect(empty.body.data).toEqual([]);

    // A second app stands for another process (an import, a write API) on the same file.
    const writer = await appOn(path, 0);
    await seedDatabase(writer.db);

    const seeded = await getJson(app, '/v1/stats/casualties?bucket=all');
    expect(seeded.body.data).toHaveLength(1);
    expect(seeded.body).toEqual((await getJson(writer, '/v1/stats/casualties?bucket=all')).body);
  });

  test('when nothing is written, then the change counter stays put; when a write changes nothing, it stays put too', async () => {
    const app = await appOn(join(dir, `cache-${++files}.db`));
    await seedDatabase(app.db);
    const version = dataVersion(app.db);
    expect(version).toBeGreaterThan(0);
    await getJson(app, '/v1/stats/casualties');
    // The seed is idempotent: a second run inserts nothing, so nothing is invalidated.
    await seedDatabase(app.db);
    expect(dataVersion(app.db)).toBe(version);
  });

  test('when an answer is replayed, then it has the same body, ETag and content type, and If-None-Match gets a 304', async () => {
    const app = await appOn(join(dir, `cache-${++files}.db`));
    await seedDatabase(app.db);
    const url = '/v1/events/evt_2025_07_04_kyiv_strike';
    const first = await app.inject({ url });
    const second = await app.inject({ url });
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    const notModified = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
  });

  test('when a cached URL is asked for with an Accept it cannot answer, then it is a 406, never the cached answer', async () => {
    const app = await appOn(join(dir, `cache-${++files}.db`));
    await seedDatabase(app.db);
    const json = await app.inject({ url: '/v1/events?limit=2' });
    const csv = await app.inject({ url: '/v1/events?limit=2', headers: { accept: 'text/csv' } });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(csv.statusCode).toBe(406);
    expect(csv.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await app.inject({ url: '/v1/events.csv?limit=2' })).headers['content-type']).toMatch(/^text\/csv/);
    expect((await app.inject({ url: '/v1/events?limit=2' })).body).toBe(json.body);
  });
});
