// The map layers read as GIS tools read them: GDAL's ogrinfo (what QGIS opens files with) on the
// events' GeoJSON and on the statistics' per-unit layer. Needs Debian's gdal-bin; without it the
// test is skipped with a warning, except under CI, where .ci/run installs it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, test } from 'vitest';
import { createSource, eventInput } from './factories.js';
import { apiKey, freshApp, send } from './helpers.js';

const OGRINFO = '/usr/bin/ogrinfo';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const HAVE_GDAL = existsSync(OGRINFO);
if (!HAVE_GDAL && !IN_CI) console.warn('test/geojson-gdal.slow.test.ts skipped: no ogrinfo; install it with `apt-get install gdal-bin` (Debian).');

const dir = mkdtempSync(join(tmpdir(), 'sitrep-gdal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What ogrinfo reports of a GeoJSON answer: its feature count, geometry type and fields. */
async function ogrinfo(app: FastifyInstance, url: string): Promise<{ count: number; geometry: string; text: string }> {
  const response = await app.inject({ url });
  expect(response.statusCode, response.body).toBe(200);
  const file = join(dir, `${Math.random().toString(36).slice(2)}.geojson`);
  writeFileSync(file, response.body);
  const text = execFileSync(OGRINFO, ['-ro', '-so', '-al', file], { encoding: 'utf8' });
  return { count: Number(/Feature Count: (\d+)/.exec(text)?.[1]), geometry: /Geometry: (.+)/.exec(text)?.[1] ?? '', text };
}

describe.skipIf(!HAVE_GDAL && !IN_CI)('GeoJSON read by GDAL (ogrinfo)', () => {
  test('when events with one place, several places and none are exported, then GDAL reads one feature each, in WGS 84, with their properties', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const source = createSource(app.db);
    const post = async (body: Record<string, unknown>) => {
      const response = await send(app, 'POST', '/v1/events', { key, body: eventInput(body) });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      await send(app, 'POST', '/v1/munition-reports', { key, body: { event_id: response.body.id, source_id: source.id, weapon_category: 'drone', launched: 12 } });
    };
    await post({ places: [{ role: 'target', name: 'Kyiv' }] });
    await post({ places: [{ role: 'target', name: 'Odesa' }, { role: 'affected', name: 'Mykolaiv' }] });
    await post({ kind: 'statement', location: undefined });

    const layer = await ogrinfo(app, '/v1/events.geojson?fields=title,kind,start_at,places,headline');

    expect(layer.count).toBe(3);
    expect(layer.text).toMatch(/WGS 84|WGS84|EPSG:4326|OGC:CRS84/);
    for (const field of ['title: String', 'start_at: DateTime', 'launched: Integer', 'geo_precision: String', 'places_admin1: String']) expect(layer.text).toContain(field);
  });

  test('when the per-unit statistics are exported as GeoJSON, then GDAL reads one feature per unit with its figures', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const source = createSource(app.db);
    for (const name of ['Kyiv', 'Kharkiv', 'Odesa']) {
      const event = (await send(app, 'POST', '/v1/events', { key, body: eventInput({ places: [{ role: 'target', name }] }) })).body;
      await send(app, 'POST', '/v1/munition-reports', { key, body: { event_id: event.id, source_id: source.id, weapon_category: 'drone', launched: 5 } });
    }

    const layer = await ogrinfo(app, '/v1/stats/munitions.geojson?bucket=all&group_by=admin1');

    expect(layer.count).toBe(3);
    // One geometry type for the layer: every unit's outline as a MultiPolygon.
    expect(layer.geometry).toBe('Multi Polygon');
    for (const field of ['admin1: String', 'name: String', 'launched: Integer', 'event_count: Integer']) expect(layer.text).toContain(field);
  });
});
