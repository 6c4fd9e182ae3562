// CSV as spreadsheets open it: a text cell a spreadsheet would run as a formula comes out
// neutralised (a leading `'`, quoted) in every CSV the API writes, while numbers stay numbers; and
// csv-parse and pandas read the neutralised text back with its `'`.
import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import { createEvent, eventInput } from './factories.js';
import { apiKey, freshApp, send } from './helpers.js';

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
if (!HAVE_PANDAS && !IN_CI) console.warn('test/csv-safety.test.ts: pandas checks skipped: no pandas for /usr/bin/python3; install it with `apt-get install python3-pandas` (Debian).');

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
  { url: '/v1/events?format=csv', cells: { title: HYPERLINK, summary: '-A summary that starts with a minus', place: '+Santiago' } },
  { url: '/v1/events?format=csv&profile=acled', cells: { actor1: '+Hostile actor', location: '+Santiago', notes: '-A summary that starts with a minus', source: '@Evil Wire' } },
  { url: '/v1/timeline?format=csv', cells: { title: HYPERLINK, place: '+Santiago' } },
  { url: '/v1/casualty-reports?format=csv', cells: { event_title: HYPERLINK, source_publisher: '@Evil Wire', as_reported: '-1 dead, says the post', quotes: '=1+1', locators: '+page 2' } },
  { url: '/v1/munition-reports?format=csv', cells: { event_title: HYPERLINK, source_publisher: '@Evil Wire', weapon_model: HYPERLINK } },
  { url: '/v1/damage-reports?format=csv', cells: { event_title: HYPERLINK, description: '@ the port, one warehouse' } },
  { url: '/v1/citations?format=csv', cells: { source_publisher: '@Evil Wire', quote: '=1+1', locator: '+page 2' } },
  { url: '/v1/stats/casualties?bucket=all&include=by_source&format=csv', cells: { source_publisher: '@Evil Wire' } },
  { url: '/v1/stats/munitions?bucket=all&include=by_source,by_model&format=csv', cells: { source_publisher: '@Evil Wire', weapon_model: HYPERLINK } },
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

    for (const url of ['/v1/events?format=csv', '/v1/timeline?format=csv']) {
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

    const events = await csvText(app, '/v1/events?format=csv&fields=location');
    const acled = await csvText(app, '/v1/events?format=csv&profile=acled');

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
    const text = await csvText(app, '/v1/events?format=csv');

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
