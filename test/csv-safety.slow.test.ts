// CSV as spreadsheets open it: a text cell a spreadsheet would run as a formula comes out
// neutralised (a leading `'`, quoted) in every CSV the API writes, while numbers stay numbers; and
// every CSV starts with one UTF-8 byte order mark (unless `bom=false`), which csv-parse (`bom: true`)
// and pandas skip, so "Trump–Putin" and Cyrillic names read back exactly.
import { execFile, execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import { EXPORT_BATCH_SIZE } from '../src/lib/export.js';
import { createEvent, eventInput } from './factories.js';
import { apiKey, expectProblem, freshApp, send } from './helpers.js';

const PYTHON = '/usr/bin/python3';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const HAVE_PANDAS = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!HAVE_PANDAS && !IN_CI) console.warn('test/csv-safety.slow.test.ts: pandas checks skipped: no pandas for /usr/bin/python3; install it with `apt-get install python3-pandas` (Debian).');

const HYPERLINK = '=HYPERLINK("http://evil.example","click")';
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

type Hostile = { eventId: string; importedEventId: string };

/**
 * Records whose texts start formulas: an editor's, through the write API, and one written straight
 * to the database with a leading tab and carriage return (the write API trims text; an import or a
 * future field might not, and the encoder must not rely on either).
 */
async function arrangeHostileRecords(app: FastifyInstance): Promise<Hostile> {
  const key = apiKey(app);
  const post = async (url: string, body: Record<string, unknown>) => {
    const response = await send(app, 'POST', url, { key, body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string };
  };
  const source = await post('/v1/sources', { kind: 'news_report', publisher: '@Evil Wire', url: 'https://evil.example/post' });
  const actor = await post('/v1/actors', { name: '+Hostile actor', kind: 'armed_force' });
  const event = await post(
    '/v1/events',
    eventInput({
      title: HYPERLINK,
      summary: '-A summary that starts with a minus',
      location: { place: '+Santiago', country: 'cl', latitude: -33.45, longitude: -70.66, geo_precision: 'settlement' },
      actors: [{ id: actor.id, role: 'initiator' }],
    }),
  );
  const casualty = await post('/v1/casualty-reports', { event_id: event.id, source_id: source.id, category: 'killed', group: 'civilian', low: 1, best: 1, high: 1, as_reported: '-1 dead, says the post' });
  await post('/v1/munition-reports', { event_id: event.id, source_id: source.id, weapon_category: 'drone', weapon_model: HYPERLINK, launched: 5, intercepted: 4, lost_to_ew: 0 });
  await post('/v1/damage-reports', { event_id: event.id, source_id: source.id, asset_category: 'residential_building', count: 1, description: '@ the port, one warehouse' });
  await post('/v1/citations', { event_id: event.id, source_id: source.id, casualty_report_id: casualty.id, quote: '=1+1', locator: '+page 2' });
  const imported = createEvent(app.db, { title: '\tA title after a tab', place: '\rA place after a carriage return', startAt: '2025-07-06T10:00:00Z', latitude: -12.5, longitude: -45.25 });
  return { eventId: event.id, importedEventId: imported.id };
}

async function csvText(app: FastifyInstance, url: string): Promise<string> {
  const response = await app.inject({ url });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/csv/);
  return response.body;
}

function csvRows(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true, bom: true });
}

/** Every CSV the API writes, with the cells an editor's hostile texts reach in it (column: text as written). */
const ENDPOINTS: Array<{ url: string; cells: Record<string, string> }> = [
  { url: '/v1/events.csv', cells: { title: HYPERLINK, summary: '-A summary that starts with a minus', place: '+Santiago' } },
  { url: '/v1/events.csv?profile=acled', cells: { actor1: '+Hostile actor', location: '+Santiago', notes: '-A summary that starts with a minus', source: '@Evil Wire' } },
  { url: '/v1/timeline.csv', cells: { title: HYPERLINK, place: '+Santiago' } },
  { url: '/v1/casualty-reports.csv', cells: { event_title: HYPERLINK, source_publisher: '@Evil Wire', as_reported: '-1 dead, says the post', quotes: '=1+1', locators: '+page 2' } },
  { url: '/v1/munition-reports.csv', cells: { event_title: HYPERLINK, source_publisher: '@Evil Wire', weapon_model: HYPERLINK } },
  { url: '/v1/damage-reports.csv', cells: { event_title: HYPERLINK, description: '@ the port, one warehouse' } },
  { url: '/v1/citations.csv', cells: { source_publisher: '@Evil Wire', quote: '=1+1', locator: '+page 2' } },
  { url: '/v1/stats/casualties.csv?bucket=all&include=by_source', cells: { source_publisher: '@Evil Wire' } },
  { url: '/v1/stats/munitions.csv?bucket=all&include=by_source,by_model', cells: { source_publisher: '@Evil Wire', weapon_model: HYPERLINK } },
];

describe('CSV cells a spreadsheet would run as formulas', () => {
  test.each(ENDPOINTS)('when $url holds texts starting with = + - @, then each comes out with a leading quote and no cell starts a formula', async ({ url, cells }) => {
    const app = await freshApp();
    await arrangeHostileRecords(app);

    const text = await csvText(app, url);

    const rows = csvRows(text);
    for (const [column, written] of Object.entries(cells)) {
      expect(rows.map((row) => row[column]), column).toContain(`'${written}`);
    }
    // No cell anywhere starts a formula, except numbers (a negative coordinate).
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (FORMULA_START.test(cell)) expect(cell, `${column} in ${url}`).toMatch(/^-\d+(\.\d+)?$/);
      }
    }
    // Neutralised cells are quoted in the file itself, whatever else they hold.
    for (const written of Object.values(cells)) expect(text).toContain(`"'${written.replaceAll('"', '""')}`);
  });

  test('when an event\'s title starts with a tab and its place with a carriage return, then both come out neutralised in the events and timeline CSV', async () => {
    const app = await freshApp();
    const { importedEventId } = await arrangeHostileRecords(app);

    for (const url of ['/v1/events.csv', '/v1/timeline.csv']) {
      const text = await csvText(app, url);
      const row = csvRows(text).find((r) => r.id === importedEventId)!;
      expect(row.title).toBe("'\tA title after a tab");
      expect(row.place).toBe("'\rA place after a carriage return");
      expect(text).toContain('"\'\tA title after a tab"');
      expect(text).toContain('"\'\rA place after a carriage return"');
    }
  });

  test('when an event has negative coordinates, then they are written as plain numbers, not neutralised text', async () => {
    const app = await freshApp();
    const { eventId, importedEventId } = await arrangeHostileRecords(app);

    const events = await csvText(app, '/v1/events.csv?fields=location');
    const acled = await csvText(app, '/v1/events.csv?profile=acled');

    expect(events).toContain(`${eventId},"'+Santiago",,CL,-33.45,-70.66,settlement\r\n`);
    expect(events).toContain(`${importedEventId},"'\rA place after a carriage return",Kyiv,UA,-12.5,-45.25,settlement\r\n`);
    expect(events).not.toContain("'-");
    const rows = csvRows(acled);
    expect(rows.find((r) => r.event_id_cnty === eventId)).toMatchObject({ latitude: '-33.45', longitude: '-70.66' });
    expect(rows.find((r) => r.event_id_cnty === importedEventId)).toMatchObject({ latitude: '-12.5', longitude: '-45.25' });
    expect(acled).toContain(',-33.45,-70.66,');
  });

  test.skipIf(!HAVE_PANDAS && !IN_CI)('when pandas reads the events CSV, then the title is the text \'=HYPERLINK(…) and the coordinates are numbers', async () => {
    const app = await freshApp();
    const { eventId } = await arrangeHostileRecords(app);
    const text = await csvText(app, '/v1/events.csv');

    const script = [
      'import io, json, sys',
      'import pandas as pd',
      'frame = pd.read_csv(io.BytesIO(sys.stdin.buffer.read()))',
      'row = frame[frame["id"] == sys.argv[1]].iloc[0]',
      'print(json.dumps({"title": row["title"], "place": row["place"], "latitude": str(frame["latitude"].dtype), "longitude_value": float(row["longitude"])}))',
    ].join('\n');
    const read = JSON.parse(execFileSync(PYTHON, ['-c', script, eventId], { input: text, encoding: 'utf8' }));

    expect(read).toEqual({ title: `'${HYPERLINK}`, place: "'+Santiago", latitude: 'float64', longitude_value: -70.66 });
  });
});

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How many times the UTF-8 byte order mark occurs in a body. */
function bomCount(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(BOM); at !== -1; at = bytes.indexOf(BOM, at + 1)) count += 1;
  return count;
}

async function csvBytes(app: FastifyInstance, url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const response = await app.inject({ url, headers });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
  return response.rawPayload;
}

/** A title with an en dash and a weapon model in Cyrillic, the texts a legacy code page garbles. */
async function arrangeUnicodeRecords(app: FastifyInstance): Promise<{ eventId: string }> {
  const key = apiKey(app);
  const post = async (url: string, body: Record<string, unknown>) => {
    const response = await send(app, 'POST', url, { key, body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string };
  };
  const source = await post('/v1/sources', { kind: 'official_statement', publisher: 'Повітряні сили ЗСУ' });
  const event = await post('/v1/events', eventInput({ title: 'Trump–Putin call', summary: 'Дрони «Молнія» над Києвом.' }));
  await post('/v1/munition-reports', { event_id: event.id, source_id: source.id, weapon_category: 'drone', weapon_model: 'Молнія', launched: 12, intercepted: 9, lost_to_ew: 1 });
  return { eventId: event.id };
}

describe('CSV files start with a UTF-8 byte order mark', () => {
  test.each(ENDPOINTS)('when $url is asked for, then its bytes start with EF BB BF, once, and with bom=false they start with the header', async ({ url }) => {
    const app = await freshApp();
    await arrangeHostileRecords(app);

    const withBom = await csvBytes(app, url);
    const without = await csvBytes(app, `${url}${url.includes('?') ? '&' : '?'}bom=false`);

    expect(withBom.subarray(0, 3)).toEqual(BOM);
    expect(bomCount(withBom)).toBe(1);
    expect(bomCount(without)).toBe(0);
    expect(withBom.subarray(3)).toEqual(without);
    expect(without.toString('utf8')).toMatch(/^[a-z_]+,/);
  });

  test('when a CSV page is asked for with Accept: text/csv, then it starts with the byte order mark too', async () => {
    const app = await freshApp({ seed: true });

    const bytes = await csvBytes(app, '/v1/events.csv?limit=2', { accept: 'text/csv' });

    expect(bytes.subarray(0, 6)).toEqual(Buffer.from('\uFEFFid,', 'utf8'));
  });

  test('when bom is given with another format or an unknown value, then 400 names bom', async () => {
    const app = await freshApp();

    expectProblem(await send(app, 'GET', '/v1/events?bom=false'), 400, 'SITREP_INVALID_PARAMETER', 'bom');
    expectProblem(await send(app, 'GET', '/v1/events.ndjson?bom=true'), 400, 'SITREP_INVALID_PARAMETER', 'bom');
    expectProblem(await send(app, 'GET', '/v1/stats/casualties?bom=false'), 400, 'SITREP_INVALID_PARAMETER', 'bom');
    expectProblem(await send(app, 'GET', '/v1/events.csv?bom=yes'), 400, 'SITREP_INVALID_PARAMETER', 'bom');
  });

  test(`when a streamed export spans several batches of ${EXPORT_BATCH_SIZE}, then the byte order mark is written once, before the header, and every row follows`, async () => {
    const app = await freshApp();
    const count = EXPORT_BATCH_SIZE * 2 + 1;
    for (let i = 0; i < count; i += 1) createEvent(app.db, { title: `Trump–Putin ${i}`, startAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString().replace('.000', '') });

    for (const url of ['/v1/events.csv?fields=title', '/v1/timeline.csv?fields=title']) {
      const bytes = await csvBytes(app, url);

      expect(bytes.subarray(0, 3)).toEqual(BOM);
      expect(bomCount(bytes)).toBe(1);
      const rows = csvRows(bytes.toString('utf8'));
      expect(rows).toHaveLength(count);
      expect(rows.at(-1)!.title).toBe(`Trump–Putin ${count - 1}`);
    }
    // A page is a file of its own: it has its own mark.
    const page = await csvBytes(app, `/v1/events.csv?fields=title&limit=${EXPORT_BATCH_SIZE}`);
    expect(bomCount(page)).toBe(1);
  });

  test('when a title holds an en dash and a weapon model is Cyrillic, then the file is UTF-8 and csv-parse reads them back under a first column named id', async () => {
    const app = await freshApp();
    const { eventId } = await arrangeUnicodeRecords(app);

    const events = await csvBytes(app, '/v1/events.csv');
    const munitions = await csvBytes(app, '/v1/stats/munitions.csv?bucket=all&include=by_model,by_source');

    expect(events.subarray(0, 5)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x69, 0x64])); // BOM, "id"
    expect(events.includes(Buffer.from('Trump\u2013Putin', 'utf8'))).toBe(true);
    const [event] = csvRows(events.toString('utf8'));
    expect(Object.keys(event!)[0]).toBe('id');
    expect(event).toMatchObject({ id: eventId, title: 'Trump–Putin call', summary: 'Дрони «Молнія» над Києвом.' });
    const stats = csvRows(munitions.toString('utf8'));
    expect(stats.filter((r) => r.breakdown === 'weapon_model').map((r) => r.weapon_model)).toEqual(['Молнія']);
    expect(stats.map((r) => r.source_publisher)).toContain('Повітряні сили ЗСУ');
    // Without `bom: true`, csv-parse keeps the mark in the first column's name: the reason the README tells.
    expect(Object.keys((parse(events, { columns: true }) as Array<Record<string, string>>)[0]!)[0]).toBe('\uFEFFid');
  });

  test.skipIf(!HAVE_PANDAS && !IN_CI)('when pandas reads the CSV URL as it is, then the first column is id and the en dash and Cyrillic come back exactly', async () => {
    const app = await freshApp();
    const { eventId } = await arrangeUnicodeRecords(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;

    const script = [
      'import json, sys',
      'import pandas as pd',
      'events = pd.read_csv(sys.argv[1])',
      'stats = pd.read_csv(sys.argv[2])',
      'row = events[events["id"] == sys.argv[3]].iloc[0]',
      'models = stats[stats["breakdown"] == "weapon_model"]',
      'print(json.dumps({"first": [events.columns[0], stats.columns[0]], "title": row["title"], "summary": row["summary"], "models": sorted(set(models["weapon_model"]))}))',
    ].join('\n');
    // Run asynchronously: the server answering pandas lives in this process.
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
      execFile(PYTHON, ['-c', script, `${base}/v1/events.csv`, `${base}/v1/stats/munitions.csv?bucket=all&include=by_model`, eventId], { encoding: 'utf8' }, (error, out) =>
        error ? reject(error) : resolve({ stdout: out }),
      );
    });

    expect(JSON.parse(stdout)).toEqual({ first: ['id', 'bucket'], title: 'Trump–Putin call', summary: 'Дрони «Молнія» над Києвом.', models: ['Молнія'] });
  });
});
