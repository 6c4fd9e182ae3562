// Formats: CSV (plain and ACLED-shaped), NDJSON and GeoJSON on /v1/events, CSV on the timeline and
// statistics, one operation per format (`format=` redirects to it) and `Accept`, and `fields=`. Each answer is parsed
// the way its consumers parse it (csv-parse for spreadsheets and pandas, JSON per line, RFC 7946).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { createEvent, createSource, createCasualtyReport, eventInput } from './factories.js';
import { apiKey, expectProblem, freshApp, getJson, send, urlOf } from './helpers.js';

const STRIKE = 'evt_2025_07_04_kyiv_strike';
const AIR_FORCE_POST = 'src_uaf_post_2025_07_04';

type Answer = { status: number; headers: Record<string, unknown>; text: string };

async function fetchText(app: Awaited<ReturnType<typeof freshApp>>, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, headers: response.headers, text: response.body };
}

function csvRecords(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true, bom: true, relax_column_count: false });
}

function csvHeader(text: string): string[] {
  return (parse(text, { to_line: 1, bom: true }) as string[][])[0]!;
}

describe('GET /v1/events as CSV', () => {
  test('when /v1/events.csv is asked for, then every event is one RFC 4180 row with its headline figures and their sources', async () => {
    const app = await freshApp({ seed: true });
    const json = await getJson(app, '/v1/events?limit=500');

    const answer = await fetchText(app, '/v1/events.csv');

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(answer.headers['content-disposition']).toBe('inline; filename="sitrep-events.csv"');
    // The format depends on Accept, the coding on Accept-Encoding; every origin gets the same answer.
    expect(answer.headers.vary).toBe('Accept, Accept-Encoding');
    expect(answer.text.endsWith('\r\n')).toBe(true);
    const rows = csvRecords(answer.text);
    expect(rows.map((r) => r.id)).toEqual(json.body.data.map((e: any) => e.id));
    const strike = rows.find((r) => r.id === STRIKE)!;
    expect(strike).toMatchObject({
      kind: 'aerial_attack',
      start_at: '2025-07-03T15:00:00Z',
      place: 'Kyiv',
      country: 'UA',
      latitude: '50.4501',
      longitude: '30.5234',
      killed_best: '1',
      injured_low: '23',
      injured_high: '',
      injured_as_reported: 'over 23 injuries',
      launched: '550',
      intercepted: '270',
      lost_to_ew: '208',
      munitions_source_id: AIR_FORCE_POST,
    });
    // A summary with commas and typographic quotes survives the round trip unchanged.
    expect(strike.summary).toBe(json.body.data.find((e: any) => e.id === STRIKE).summary);
    expect(strike.summary).toContain(',');
  });

  test('when a text holds a quote and a line break, then the cell is quoted and reads back exactly', async () => {
    const app = await freshApp();
    const title = 'He said "stop",\r\nthen left';
    createEvent(app.db, { title });

    const answer = await fetchText(app, '/v1/events.csv?fields=title');

    expect(answer.text).toContain('"He said ""stop"",\r\nthen left"');
    expect(csvRecords(answer.text)[0]!.title).toBe(title);
  });

  test('when /v1/events.csv has a limit, then one page is sent with an ETag and a Link to the next page, which continues it', async () => {
    const app = await freshApp({ seed: true });

    const first = await fetchText(app, '/v1/events.csv?limit=4');
    const link = String(first.headers.link);
    const next = await fetchText(app, link.slice(1, link.indexOf('>')));

    expect(first.headers.etag).toBeTruthy();
    expect(link).toMatch(/^<\/v1\/events\.csv\?limit=4&cursor=[\w-]+>; rel="next"$/);
    const ids = [...csvRecords(first.text), ...csvRecords(next.text)].map((r) => r.id);
    expect(ids).toEqual((await getJson(app, '/v1/events?limit=500')).body.data.map((e: any) => e.id));
    expect(next.headers.link).toBeUndefined();
  });

  test('when fields are chosen, then the CSV has exactly those columns, id first, location and headline expanded', async () => {
    const app = await freshApp({ seed: true });

    const answer = await fetchText(app, '/v1/events.csv?fields=title,location,headline');

    expect(csvHeader(answer.text)).toEqual([
      'id', 'title', 'place', 'admin1', 'country', 'latitude', 'longitude', 'geo_precision',
      'killed_low', 'killed_best', 'killed_high', 'killed_as_reported', 'killed_source_ids',
      'injured_low', 'injured_best', 'injured_high', 'injured_as_reported', 'injured_source_ids',
      'missing_low', 'missing_best', 'missing_high', 'missing_as_reported', 'missing_source_ids',
      'launched', 'intercepted', 'lost_to_ew', 'munitions_source_id',
    ]);
  });

  test('when filters are given, then the CSV holds the same events as the JSON list', async () => {
    const app = await freshApp({ seed: true });
    const query = { kind: ['statement', 'aerial_attack'], from: '2025-07-04' };

    const csv = csvRecords((await fetchText(app, urlOf('/v1/events.csv', query))).text);
    const json = await getJson(app, urlOf('/v1/events', query));

    expect(csv.map((r) => r.id)).toEqual(json.body.data.map((e: any) => e.id));
    expect(csv.length).toBeGreaterThan(0);
  });
});

describe('GET /v1/events.csv?profile=acled', () => {
  test('when the ACLED profile is asked for, then the columns are ACLED\'s, in ACLED\'s order', async () => {
    const app = await freshApp({ seed: true });

    const answer = await fetchText(app, '/v1/events.csv?profile=acled');

    expect(csvHeader(answer.text)).toEqual([
      'event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'admin1', 'location',
      'latitude', 'longitude', 'geo_precision', 'time_precision', 'source', 'notes', 'fatalities', 'timestamp',
    ]);
  });

  test('when the Kyiv strike is exported, then it reads as an ACLED drone strike in Ukraine with one fatality on its local date', async () => {
    const app = await freshApp({ seed: true });

    const rows = csvRecords((await fetchText(app, '/v1/events.csv?profile=acled&kind=aerial_attack')).text);

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event_id_cnty: STRIKE,
      event_date: '2025-07-03',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actor1: 'Armed Forces of the Russian Federation',
      actor2: 'Ukraine',
      country: 'Ukraine',
      location: 'Kyiv',
      latitude: '50.4501',
      longitude: '30.5234',
      geo_precision: '1',
      time_precision: '1',
      fatalities: '1',
    });
    expect(rows[0]!.source).toContain('TIME');
    expect(Number(rows[0]!.timestamp)).toBeGreaterThan(1_700_000_000);
  });

  test('when only missiles are reported, then the sub-event type is a missile attack; a statement is a strategic development', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    const missile = createEvent(app.db, { title: 'Missile attack' });
    app.db.$client
      .prepare(`INSERT INTO munition_reports (id, event_id, source_id, weapon_category, launched, created_at, updated_at) VALUES ('mun_x', ?, ?, 'ballistic_missile', 3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`)
      .run(missile.id, source.id);
    const statement = createEvent(app.db, { kind: 'statement', startAt: '2025-07-05T10:00:00Z' });

    const rows = csvRecords((await fetchText(app, '/v1/events.csv?profile=acled')).text);

    expect(rows.find((r) => r.event_id_cnty === missile.id)).toMatchObject({ event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', fatalities: '0' });
    expect(rows.find((r) => r.event_id_cnty === statement.id)).toMatchObject({ event_type: 'Strategic developments', sub_event_type: 'Other' });
  });

  test('when profile is used outside CSV or with fields, then 400 names the parameter', async () => {
    const app = await freshApp();

    expectProblem(await getJson(app, '/v1/events?profile=acled'), 400, 'SITREP_INVALID_PARAMETER', 'profile');
    expectProblem(await getJson(app, '/v1/events.csv?profile=acled&fields=title'), 400, 'SITREP_INVALID_PARAMETER', 'fields');
    expectProblem(await getJson(app, '/v1/events.csv?profile=ucdp'), 400, 'SITREP_INVALID_PARAMETER', 'profile');
  });
});

describe('GET /v1/events as NDJSON', () => {
  test('when NDJSON is asked for, then each line is one event exactly as in the JSON list', async () => {
    const app = await freshApp({ seed: true });
    const json = await getJson(app, '/v1/events?limit=500');

    const answer = await fetchText(app, '/v1/events.ndjson', { accept: 'application/x-ndjson' });

    expect(answer.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(answer.text.endsWith('\n')).toBe(true);
    const lines = answer.text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual(json.body.data);
  });

  test('when fields are chosen, then each line has id and those fields only', async () => {
    const app = await freshApp({ seed: true });

    const answer = await fetchText(app, '/v1/events.ndjson?fields=start_at,title');

    for (const line of answer.text.trimEnd().split('\n')) expect(Object.keys(JSON.parse(line))).toEqual(['id', 'start_at', 'title']);
  });

  test('when the headline is asked for in NDJSON, then 400 says it exists in CSV and GeoJSON only', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/events.ndjson?fields=headline');

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'fields');
    expect(response.body.errors[0].reason).toMatch(/headline not available in ndjson/);
  });
});

describe('GET /v1/events as GeoJSON', () => {
  test('when GeoJSON is asked for, then every event the list returns is a feature, located by its places where it has any, with its figures as properties', async () => {
    const app = await freshApp({ seed: true });
    const listed = (await getJson(app, '/v1/events?limit=500')).body.data;

    const answer = await fetchText(app, '/v1/events.geojson', { accept: 'application/geo+json' });
    const collection = JSON.parse(answer.text);

    expect(answer.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.next_cursor).toBeNull();
    expect(collection.features.map((f: any) => f.id)).toEqual(listed.map((e: any) => e.id));
    const strike = collection.features.find((f: any) => f.id === STRIKE);
    expect(strike.type).toBe('Feature');
    // Its place is Kyiv city, a unit of its own (UA-30): the centroid of its outline.
    expect(strike.geometry.type).toBe('Point');
    expect(strike.geometry.coordinates[0]).toBeCloseTo(30.52, 1);
    expect(strike.geometry.coordinates[1]).toBeCloseTo(50.45, 1);
    expect(strike.properties).toMatchObject({ id: STRIKE, kind: 'aerial_attack', launched: 550, killed_best: 1, munitions_source_id: AIR_FORCE_POST, geo_precision: 'admin1', places: 'Kyiv (target)', places_admin1: 'UA-30' });
    // The call has no place and no coordinates anywhere: a null geometry (RFC 7946 §3.2), not a dropped feature.
    expect(collection.features.find((f: any) => f.id === 'evt_2025_07_03_trump_putin_call')).toMatchObject({ geometry: null, properties: { geo_precision: null } });
  });

  test('when an event names several places, then it is a MultiPoint at the coarsest precision; a place known only by its country stands at its centroid; launch sites are left out', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const post = (places: unknown[]) =>
      send(app, 'POST', '/v1/events', { key, body: eventInput({ kind: 'aerial_attack', places }) }).then((r) => {
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        return r.body.id as string;
      });
    const several = await post([
      { role: 'target', name: 'Odesa' },
      { role: 'affected', name: 'Kharkiv oblast' },
      { role: 'launch_site', name: 'Kursk oblast' },
    ]);
    const country = await post([{ role: 'target', name: 'Ukraine' }]);

    const collection = JSON.parse((await fetchText(app, '/v1/events.geojson')).text);

    const byId = new Map(collection.features.map((f: any) => [f.id, f]));
    const multi: any = byId.get(several);
    expect(multi.geometry.type).toBe('MultiPoint');
    expect(multi.geometry.coordinates).toHaveLength(2);
    expect(multi.properties.geo_precision).toBe('admin1');
    // Every point is in Ukraine, none in Kursk Oblast.
    for (const [lon, lat] of multi.geometry.coordinates) expect(lon > 22 && lon < 41 && lat > 44 && lat < 53).toBe(true);
    // The units it happened in: the launch site's is not one of them.
    expect(multi.properties.places_admin1).toBe('UA-51 | UA-63');
    const whole: any = byId.get(country);
    expect(whole.geometry.type).toBe('Point');
    expect(whole.properties.geo_precision).toBe('country');
  });

  test('when GeoJSON is paged with limit, then next_cursor continues it and fields trim the properties', async () => {
    const app = await freshApp({ seed: true });

    const first = JSON.parse((await fetchText(app, '/v1/events.geojson?limit=1&fields=title')).text);
    const second = JSON.parse((await fetchText(app, urlOf('/v1/events.geojson', { limit: 1, fields: 'title', cursor: first.next_cursor }))).text);

    expect(first.features).toHaveLength(1);
    expect(Object.keys(first.features[0].properties)).toEqual(['id', 'title', 'geo_precision']);
    expect(second.features[0].id).not.toBe(first.features[0].id);
  });
});

describe('one operation per format, and content negotiation', () => {
  test('when format= asks the JSON operation for a file, then 308 sends it to the file\'s own URL with the same parameters', async () => {
    const app = await freshApp({ seed: true });

    const moved = await app.inject({ url: '/v1/events?kind=aerial_attack&format=csv&limit=1' });
    const stats = await app.inject({ url: '/v1/stats/munitions?format=geojson&bucket=all' });
    const json = await app.inject({ url: '/v1/events?format=json&limit=1' });

    expect(moved.statusCode).toBe(308);
    expect(moved.headers.location).toBe('/v1/events.csv?kind=aerial_attack&limit=1');
    expect(stats.statusCode).toBe(308);
    expect(stats.headers.location).toBe('/v1/stats/munitions.geojson?bucket=all');
    expect(json.statusCode).toBe(200);
    const followed = await fetchText(app, moved.headers.location as string);
    expect(followed.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
  });

  test('when Accept allows the operation\'s one type (or anything), then it answers; when it allows none, 406 names where the other formats are', async () => {
    const app = await freshApp({ seed: true });

    const json = await fetchText(app, '/v1/events?limit=1', { accept: 'text/html, */*;q=0.8' });
    const csv = await fetchText(app, '/v1/events.csv?limit=1', { accept: 'text/csv' });
    const ndjson = await fetchText(app, '/v1/events.ndjson?limit=1', { accept: 'application/ndjson' });
    const refused = await getJson(app, '/v1/events', { accept: 'text/csv' });
    const refusedFile = await getJson(app, '/v1/events.csv', { accept: 'application/json' });

    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // The one type the operation declares.
    expect(ndjson.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expectProblem(refused, 406, 'SITREP_NOT_ACCEPTABLE');
    expect(refused.body.detail).toContain('text/csv at /v1/events.csv');
    expectProblem(refusedFile, 406, 'SITREP_NOT_ACCEPTABLE');
    expect(refusedFile.body.detail).toContain('application/json at /v1/events,');
  });

  test('when an operation that answers only JSON is asked for CSV, then 406 and nothing is written; JSON, */* or no Accept get JSON', async () => {
    const app = await freshApp({ seed: true });
    const reads = ['/v1/sources', '/v1/actors', '/v1/places', '/v1/events/evt_2025_07_04_kyiv_strike', '/v1/changes', '/v1/casualty-reports/cas_kyiv_body_killed'];

    for (const url of reads) {
      const refused = await getJson(app, url, { accept: 'text/csv' });
      expectProblem(refused, 406, 'SITREP_NOT_ACCEPTABLE');
      expect(refused.body.detail, url).toContain('application/json');
      expect(refused.headers.vary, url).toMatch(/\bAccept\b/);
      for (const accept of [undefined, '*/*', 'application/json', 'text/csv, application/json;q=0.1', 'text/html,application/xhtml+xml,*/*;q=0.8']) {
        const answered = await getJson(app, url, accept === undefined ? {} : { accept });
        expect(answered.status, `${url} with Accept ${accept}`).not.toBe(406);
        expect(answered.headers['content-type'], url).toMatch(/^application\/(problem\+)?json/);
      }
    }
    // Asked twice, so the second could come from the response cache: still refused.
    expectProblem(await getJson(app, '/v1/sources', { accept: 'text/csv' }), 406, 'SITREP_NOT_ACCEPTABLE');

    const before = (await getJson(app, '/v1/sources?limit=200')).body.data.length;
    const write = await send(app, 'POST', '/v1/sources', { key: apiKey(app), body: { publisher: 'Accept test', kind: 'media' }, headers: { accept: 'text/csv' } });
    expect(write.status).toBe(406);
    expect((await getJson(app, '/v1/sources?limit=200')).body.data.length).toBe(before);
  });

  test('when a resource offers no such file, then there is no such operation; an unknown format value is a 400 naming format', async () => {
    const app = await freshApp();

    expectProblem(await getJson(app, '/v1/events?format=xml'), 400, 'SITREP_INVALID_PARAMETER', 'format');
    expectProblem(await getJson(app, '/v1/stats/casualties?format=ndjson'), 400, 'SITREP_INVALID_PARAMETER', 'format');
    expectProblem(await getJson(app, '/v1/stats/casualties.ndjson'), 404, 'SITREP_ROUTE_NOT_FOUND');
    // Sources have no files: format is no parameter of theirs.
    expectProblem(await getJson(app, '/v1/sources?format=csv'), 400, 'SITREP_INVALID_PARAMETER', 'format');
  });

  test('when openapi.yaml is read, then every operation\'s success answer has exactly one media type', () => {
    const document = parseYaml(readFileSync(resolve(import.meta.dirname, '../openapi.yaml'), 'utf8'));
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, responses: operation.responses as Record<string, any> })),
    );

    for (const { name, responses } of operations) {
      for (const [status, response] of Object.entries(responses)) {
        if (status.startsWith('2') && response.content) expect(Object.keys(response.content), `${name} ${status}`).toHaveLength(1);
      }
    }
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(['GET /v1/events.csv', 'GET /v1/events.geojson', 'GET /v1/stats/munitions.geojson', 'GET /v1/citations.ndjson']));
  });

  test('when the JSON list is asked for with fields, then 400 says fields shapes the files; a file takes them, unknown ones get 400', async () => {
    const app = await freshApp({ seed: true });

    const json = await getJson(app, '/v1/events?fields=status,title&limit=2');
    const file = await fetchText(app, '/v1/events.ndjson?fields=status,title&limit=2');
    const unknown = await getJson(app, '/v1/events.ndjson?fields=title,casualties');

    // JSON items are always whole, as the operation's schema says.
    expectProblem(json, 400, 'SITREP_INVALID_PARAMETER', 'fields');
    expect(file.text.trimEnd().split('\n').map((line) => Object.keys(JSON.parse(line)))).toEqual([['id', 'status', 'title'], ['id', 'status', 'title']]);
    expectProblem(unknown, 400, 'SITREP_INVALID_PARAMETER', 'fields');
    expect(unknown.body.errors[0].reason).toMatch(/unknown field casualties/);
  });
});

describe('timeline and statistics as CSV', () => {
  test('when the timeline is asked for as CSV, then each event is a row with its Kyiv-time bucket and relations', async () => {
    const app = await freshApp({ seed: true });

    const rows = csvRecords((await fetchText(app, '/v1/timeline.csv?tz=Europe/Kyiv')).text);

    const strike = rows.find((r) => r.id === STRIKE)!;
    expect(strike).toMatchObject({ bucket: '2025-07-03', bucket_start: '2025-07-03T00:00:00+03:00', bucket_end: '2025-07-04T00:00:00+03:00', launched: '550' });
    expect(strike.relations).toBe('follows evt_2025_07_03_trump_putin_call');
    expect(rows.map((r) => r.id)).toContain('evt_2025_07_04_trump_zelenskyy_call');
  });

  test('when casualty statistics are asked for as CSV, then the chosen figures have no source and each source\'s own follow', async () => {
    const app = await freshApp();
    const low = createSource(app.db, { publisher: 'Low Wire' });
    const high = createSource(app.db, { publisher: 'High Wire' });
    const event = createEvent(app.db);
    createCasualtyReport(app.db, event.id, low.id, { category: 'killed', group: 'civilian', low: 2, best: 2, high: 2 });
    createCasualtyReport(app.db, event.id, high.id, { category: 'killed', group: 'civilian', low: 5, best: 5, high: null });

    const rows = csvRecords((await fetchText(app, '/v1/stats/casualties.csv?bucket=all&include=by_source', { accept: 'text/csv' })).text);
    const chosenOnly = csvRecords((await fetchText(app, '/v1/stats/casualties.csv?bucket=all', { accept: 'text/csv' })).text);

    expect(chosenOnly.map((r) => [r.source_id, r.category, r.best, r.event_count, r.source_count])).toEqual([['', 'killed', '2', '1', '']]);
    expect(rows.map((r) => [r.source_id, r.source_publisher, r.category, r.group, r.low, r.best, r.high])).toEqual(
      [
        ['', '', 'killed', 'civilian', '2', '2', '2'],
        ...[
          [low.id, 'Low Wire', 'killed', 'civilian', '2', '2', '2'],
          [high.id, 'High Wire', 'killed', 'civilian', '5', '5', ''],
        ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      ],
    );
  });

  test('when munition statistics are asked for as CSV, then rows say what they sum: total, category or model', async () => {
    const app = await freshApp({ seed: true });

    const rows = csvRecords((await fetchText(app, '/v1/stats/munitions.csv?bucket=all&include=by_source&include=by_model')).text);
    const chosen = rows.filter((r) => r.source_id === '');

    expect(chosen.find((r) => r.breakdown === 'total')).toMatchObject({ launched: '550', intercepted: '270', lost_to_ew: '208', interception_rate: '0.4909' });
    expect(chosen.find((r) => r.breakdown === 'weapon_model' && r.weapon_model === 'Shahed-136/131')).toMatchObject({ weapon_category: 'drone', launched: '539', intercepted: '268' });
    expect(rows.find((r) => r.source_id === 'src_time' && r.breakdown === 'total')).toMatchObject({ launched: '', intercepted: '478' });
  });
});
