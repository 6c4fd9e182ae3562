// Places: the gazetteer at /v1/places, the places of events written through the API, and the
// place filters (admin1, place, bbox, near, place_role) on every endpoint that takes them, with
// names in any spelling and a 400 for a name nobody knows.
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import { createSource, eventInput } from './factories.js';
import { apiKey, collectPages, expectProblem, freshApp, getJson, send, urlOf, type Params } from './helpers.js';

type Fixture = { app: FastifyInstance; key: string; ids: Record<string, string> };

/** Five attacks in different places, each with one Air Force claim of 10 launched. */
async function attacks(): Promise<Fixture> {
  const app = await freshApp();
  const key = apiKey(app);
  const source = createSource(app.db);
  const ids: Record<string, string> = {};
  const create = async (name: string, start: string, places: unknown[]) => {
    const response = await send(app, 'POST', '/v1/events', { key, body: eventInput({ title: `Attack: ${name}`, summary: 'Drones at night.', start_at: start, places }) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    ids[name] = response.body.id;
    const claim = { event_id: response.body.id, source_id: source.id, weapon_category: 'drone', launched: 10, intercepted: 8 };
    expect((await send(app, 'POST', '/v1/munition-reports', { key, body: claim })).status).toBe(201);
  };
  await create('kyiv', '2025-07-01T01:00:00+03:00', [{ role: 'target', name: 'Kyiv' }, { role: 'launch_site', name: 'Kursk oblast' }]);
  await create('bila-tserkva', '2025-07-02T01:00:00+03:00', [{ role: 'target', name: 'Kyiv oblast (south)', gazetteer_id: 'UA-32' }]);
  await create('kharkiv', '2025-07-03T01:00:00+03:00', [{ role: 'target', name: 'Харків' }]);
  await create('odesa-two', '2025-07-04T01:00:00+03:00', [
    { role: 'target', name: 'Odessa' },
    { role: 'affected', name: 'Mykolaiv oblast' },
  ]);
  await create('sea', '2025-07-05T01:00:00+03:00', [{ role: 'target', name: 'Snake Island', latitude: 45.255, longitude: 30.204, geo_precision: 'point', admin1: 'UA-51' }]);
  return { app, key, ids };
}

async function idsOf(app: FastifyInstance, params: Params): Promise<string[]> {
  const { items } = await collectPages(app, urlOf('/v1/events', { limit: 500, ...params }));
  return items.map((e: { id: string }) => e.id);
}

describe('GET /v1/places: the gazetteer', () => {
  test('when a name is looked up in any spelling, then every entry it may mean comes back, the default first', async () => {
    const app = await freshApp();

    for (const name of ['Kiev', 'Київ', 'Киев', 'kyiv']) {
      const { status, body } = await getJson(app, urlOf('/v1/places', { q: name }));
      expect(status).toBe(200);
      expect(body.data.map((p: { id: string }) => p.id)).toEqual(['UA-30', 'UA-32']);
    }
    const units = (await getJson(app, '/v1/places?kind=admin1&country=UA')).body.data;
    expect(units).toHaveLength(27);
    expect(new Set(units.map((u: { id: string }) => u.id)).size).toBe(27);
    expect(units.every((u: any) => /^UA-\d{2}$/.test(u.id) && u.latitude !== null && u.location_source)).toBe(true);
    expect((await getJson(app, urlOf('/v1/places', { q: 'Atlantis' }))).body.data).toEqual([]);
  });

  test('when one place is fetched, then it has its names, unit, coordinates and their source; an unknown id is 404', async () => {
    const app = await freshApp();

    const { status, body } = await getJson(app, '/v1/places/UA-63');

    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'UA-63', kind: 'admin1', admin1: 'UA-63', country: 'UA', geo_precision: 'admin1' });
    expect(body.aliases).toEqual(expect.arrayContaining(['Kharkiv oblast']));
    expectProblem(await getJson(app, '/v1/places/XX-99'), 404, 'SITREP_NOT_FOUND');
  });
});

describe('places of events, written through the API', () => {
  test('when an event is created with places, then each is resolved in the gazetteer and shown with its unit and coordinates', async () => {
    const { app, ids } = await attacks();

    const { body } = await getJson(app, `/v1/events/${ids.kharkiv}`);

    expect(body.places).toEqual([
      expect.objectContaining({ role: 'target', name: 'Харків', gazetteer_id: 'ua-kharkiv', admin1: 'UA-63', admin1_name: 'Kharkiv Oblast', country: 'UA', geo_precision: 'settlement' }),
    ]);
    const sea = (await getJson(app, `/v1/events/${ids.sea}`)).body.places[0];
    expect(sea).toMatchObject({ gazetteer_id: null, admin1: 'UA-51', country: 'UA', latitude: 45.255, longitude: 30.204, geo_precision: 'point' });
  });

  test('when a place cannot be resolved or is half given, then 400 names it and nothing is written', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const post = (places: unknown[]) => send(app, 'POST', '/v1/events', { key, body: eventInput({ places }) });

    expectProblem(await post([{ role: 'target', name: 'Atlantis' }]), 400, 'SITREP_INVALID_PARAMETER', 'places.0.name');
    expectProblem(await post([{ role: 'target', name: 'Kyiv', gazetteer_id: 'nowhere' }]), 400, 'SITREP_INVALID_PARAMETER', 'places.0.gazetteer_id');
    expectProblem(await post([{ role: 'target', name: 'A field', latitude: 50 }]), 400, 'SITREP_INVALID_PARAMETER', 'places.0.longitude');
    expectProblem(await post([{ role: 'target', name: 'A field', latitude: 50, longitude: 30, geo_precision: 'point', admin1: 'UA-99' }]), 400, 'SITREP_INVALID_PARAMETER', 'places.0.admin1');
    expectProblem(await post([{ role: 'target', name: 'Kyiv' }, { role: 'target', name: 'Kiev' }]), 400, 'SITREP_INVALID_PARAMETER', 'places.1');
    expectProblem(await post([{ role: 'aimed_at', name: 'Kyiv' }]), 400, 'SITREP_INVALID_PARAMETER', 'places.0.role');
    expect(app.db.$client.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });

  test('when an editor changes an event\'s places, then the revision shows them before and after, and the filters follow', async () => {
    const { app, key, ids } = await attacks();
    const etag = (await getJson(app, `/v1/events/${ids.kharkiv}`)).headers.etag as string;

    const patched = await send(app, 'PATCH', `/v1/events/${ids.kharkiv}`, {
      key,
      headers: { 'if-match': etag },
      body: { places: [{ role: 'target', name: 'Sumy' }] },
    });

    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const revisions = (await getJson(app, `/v1/events/${ids.kharkiv}/revisions`)).body.data;
    const last = revisions.at(-1);
    expect(last.before.places.map((p: any) => p.gazetteer_id)).toEqual(['ua-kharkiv']);
    expect(last.after.places.map((p: any) => p.gazetteer_id)).toEqual(['ua-sumy']);
    expect(await idsOf(app, { admin1: 'UA-63' })).toEqual([]);
    expect(await idsOf(app, { admin1: 'UA-59' })).toEqual([ids.kharkiv]);
    expect(await idsOf(app, { q: 'Sumy' })).toEqual([ids.kharkiv]);
  });
});

describe('place filters', () => {
  test('when admin1 is given as a code or a name, then the events with a place in that unit are listed', async () => {
    const { app, ids } = await attacks();

    expect(await idsOf(app, { admin1: 'UA-30' })).toEqual([ids.kyiv]);
    expect(await idsOf(app, { admin1: 'ua-30' })).toEqual([ids.kyiv]);
    // A name that is a city's and its oblast's means the city's unit, as documented.
    expect(await idsOf(app, { admin1: 'Kyiv' })).toEqual([ids.kyiv]);
    expect(await idsOf(app, { admin1: 'Kyiv Oblast' })).toEqual([ids['bila-tserkva']]);
    expect(await idsOf(app, { admin1: 'Харківська область' })).toEqual([ids.kharkiv]);
    expect(await idsOf(app, { admin1: 'UA-30,UA-63' })).toEqual([ids.kyiv, ids.kharkiv]);
    expect(await idsOf(app, { admin1: ['UA-30', 'Mykolaiv'] })).toEqual([ids.kyiv, ids['odesa-two']]);
    // Odesa Oblast: the city of Odesa and the island, by code and by coordinates given with one.
    expect(await idsOf(app, { admin1: 'UA-51' })).toEqual([ids['odesa-two'], ids.sea]);
  });

  test('when place is a settlement in any spelling, then only it counts; a unit\'s name counts every place in the unit', async () => {
    const { app, ids } = await attacks();

    for (const name of ['Kyiv', 'Kiev', 'Київ', 'Киев']) expect(await idsOf(app, { place: name }), name).toEqual([ids.kyiv]);
    expect(await idsOf(app, { place: 'Odesa' })).toEqual([ids['odesa-two']]);
    expect(await idsOf(app, { place: 'Odesa oblast' })).toEqual([ids['odesa-two'], ids.sea]);
    expect(await idsOf(app, { place: 'Ukraine' })).toHaveLength(5);
  });

  test('when bbox or near is given, then the events with a place inside are listed', async () => {
    const { app, ids } = await attacks();

    expect(await idsOf(app, { bbox: '30.2,50.2,30.9,50.7' })).toEqual([ids.kyiv]);
    expect(await idsOf(app, { near: '50.45,30.52', within_km: 25 })).toEqual([ids.kyiv]);
    // Kharkiv is about 410 km from Kyiv.
    expect(await idsOf(app, { near: '50.45,30.52', within_km: 400 })).not.toContain(ids.kharkiv);
    expect(await idsOf(app, { near: '50.45,30.52', within_km: 430 })).toContain(ids.kharkiv);
    expect(await idsOf(app, { bbox: '29,45,31,45.5' })).toEqual([ids.sea]);
  });

  test('when place_role is launch_site, then launch sites are read instead of targets; by default they never count', async () => {
    const { app, ids } = await attacks();

    expect(await idsOf(app, { admin1: 'RU-KRS' })).toEqual([]);
    expect(await idsOf(app, { admin1: 'RU-KRS', place_role: 'launch_site' })).toEqual([ids.kyiv]);
    expect(await idsOf(app, { admin1: 'UA-48', place_role: 'target' })).toEqual([]);
    expect(await idsOf(app, { admin1: 'UA-48', place_role: 'affected' })).toEqual([ids['odesa-two']]);
  });

  test('when q is a place name in another spelling, then full text finds the events at that place', async () => {
    const { app, ids } = await attacks();

    // Kyiv the city, and Kyiv Oblast (also spelt "Kiev oblast"): nothing elsewhere.
    for (const q of ['Kiev', 'Київ', 'kyiv']) {
      const found = await idsOf(app, { q });
      expect(found, q).toContain(ids.kyiv);
      expect(found.filter((id) => id !== ids.kyiv && id !== ids['bila-tserkva']), q).toEqual([]);
    }
    expect(await idsOf(app, { q: 'Odessa' })).toEqual([ids['odesa-two']]);
  });

  test('when a name matches nothing or a filter is malformed, then 400 names the parameter', async () => {
    const app = await freshApp();

    expectProblem(await getJson(app, '/v1/events?admin1=Atlantis'), 400, 'SITREP_INVALID_PARAMETER', 'admin1');
    expectProblem(await getJson(app, '/v1/events?admin1=UA-99'), 400, 'SITREP_INVALID_PARAMETER', 'admin1');
    expectProblem(await getJson(app, '/v1/events?place=Atlantis'), 400, 'SITREP_INVALID_PARAMETER', 'place');
    expectProblem(await getJson(app, '/v1/events?bbox=30,50,31'), 400, 'SITREP_INVALID_PARAMETER', 'bbox');
    expectProblem(await getJson(app, '/v1/events?bbox=30,51,31,50'), 400, 'SITREP_INVALID_PARAMETER', 'bbox');
    expectProblem(await getJson(app, '/v1/events?near=50.45,30.52'), 400, 'SITREP_INVALID_PARAMETER', 'within_km');
    expectProblem(await getJson(app, '/v1/events?within_km=5'), 400, 'SITREP_INVALID_PARAMETER', 'near');
    expectProblem(await getJson(app, '/v1/events?near=95,30&within_km=5'), 400, 'SITREP_INVALID_PARAMETER', 'near');
    expectProblem(await getJson(app, '/v1/stats/munitions?admin1=Atlantis'), 400, 'SITREP_INVALID_PARAMETER', 'admin1');
    expectProblem(await getJson(app, '/v1/munition-reports?place=Atlantis'), 400, 'SITREP_INVALID_PARAMETER', 'place');
  });

  test('when a place filter is given to the timeline, the statistics and the report lists, then they hold the same events as the list', async () => {
    const { app, ids } = await attacks();

    const timeline = (await getJson(app, '/v1/timeline?admin1=UA-51&bucket=month')).body;
    expect(timeline.data.flatMap((b: any) => b.events.map((e: any) => e.id))).toEqual([ids['odesa-two'], ids.sea]);
    const [all] = (await getJson(app, '/v1/stats/munitions?admin1=UA-51&bucket=all')).body.data;
    expect(all.total).toMatchObject({ launched: 20, event_count: 2 });
    const reports = (await getJson(app, '/v1/munition-reports?admin1=UA-51')).body.data;
    expect(reports.map((r: any) => r.event_id).sort()).toEqual([ids['odesa-two'], ids.sea].sort());
    const csv = await app.inject({ url: '/v1/events.csv?admin1=UA-51&fields=places' });
    expect(csv.body).toContain('Odessa (target) | Mykolaiv oblast (affected)');
  });
});

describe('GET /v1/stats with group_by=admin1', () => {
  test('when statistics are grouped by unit, then an event in two units counts in each and once nationally, and the answer says so', async () => {
    const { app } = await attacks();

    const [all] = (await getJson(app, '/v1/stats/munitions?bucket=all&group_by=admin1')).body.data;

    expect(all.total).toMatchObject({ launched: 50, event_count: 5 });
    const units = Object.fromEntries(all.by_admin1.map((u: any) => [u.admin1, [u.total.launched, u.total.event_count]]));
    expect(units).toEqual({ 'UA-30': [10, 1], 'UA-32': [10, 1], 'UA-48': [10, 1], 'UA-51': [20, 2], 'UA-63': [10, 1] });
    expect(all.by_admin1.find((u: any) => u.admin1 === 'UA-63').name).toBe('Kharkiv Oblast');
    expect(all.events_in_several_units).toBe(1);
    const sum = all.by_admin1.reduce((n: number, u: any) => n + u.total.launched, 0);
    expect(sum - all.total.launched).toBe(10);
  });

  test('when an event has no place in a known unit, then it is grouped under admin1 null, not dropped', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const source = createSource(app.db);
    const event = (await send(app, 'POST', '/v1/events', { key, body: eventInput({ places: [{ role: 'target', name: 'Ukraine' }] }) })).body;
    await send(app, 'POST', '/v1/munition-reports', { key, body: { event_id: event.id, source_id: source.id, weapon_category: 'drone', launched: 7 } });

    const [all] = (await getJson(app, '/v1/stats/munitions?bucket=all&group_by=admin1')).body.data;

    expect(all.by_admin1).toEqual([expect.objectContaining({ admin1: null, name: null, total: expect.objectContaining({ launched: 7 }) })]);
  });

  test('when a choropleth layer is asked for, then each unit is one GeoJSON feature with its figures, group_by implied', async () => {
    const { app } = await attacks();

    const response = await app.inject({ url: '/v1/stats/munitions.geojson?bucket=all&group_by=admin1' });
    const layer = response.json();

    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(layer.type).toBe('FeatureCollection');
    expect(layer.features.map((f: any) => f.properties.admin1)).toEqual(['UA-30', 'UA-32', 'UA-48', 'UA-51', 'UA-63']);
    const odesa = layer.features.find((f: any) => f.properties.admin1 === 'UA-51');
    expect(odesa.geometry.type).toBe('MultiPolygon');
    expect(odesa.properties).toMatchObject({ launched: 20, event_count: 2, name: 'Odesa Oblast', events_in_several_units: 1 });
    const casualties = (await app.inject({ url: '/v1/stats/casualties.geojson?bucket=all&group_by=admin1' })).json();
    expect(casualties.type).toBe('FeatureCollection');
    // The map layer is per unit whether group_by says so or not.
    const implied = (await app.inject({ url: '/v1/stats/munitions.geojson?bucket=all' })).json();
    expect(implied.features.map((f: any) => f.properties.admin1)).toEqual(layer.features.map((f: any) => f.properties.admin1));
    const csv = (await app.inject({ url: '/v1/stats/munitions.csv?bucket=all&group_by=admin1' })).body;
    expect(csv.split('\r\n').filter((line) => line.includes(',UA-51,') && line.includes(',total,'))).toHaveLength(1);
  });
});
