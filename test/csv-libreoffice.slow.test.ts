// CSV opened by LibreOffice Calc: headless soffice imports the events and munition statistics CSV
// and saves them as flat ODS (XML), whose cells say what Calc made of each field. Headless there
// is no Text Import dialog, which is what sees the byte order mark and picks UTF-8 on a
// double-click; without filter options soffice reads Windows-1252 whatever the file starts with,
// so the test passes the character set the dialog picks and checks what follows: the mark is not
// part of the first cell, the texts survive, the neutralised formula stays text and numbers are
// numbers. Needs Debian's libreoffice-calc-nogui; without it the test is skipped with a warning,
// except under CI, where .ci/run installs it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { eventInput } from './factories.js';
import { apiKey, freshApp, send } from './helpers.js';

const SOFFICE = '/usr/bin/soffice';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const HAVE_SOFFICE = existsSync(SOFFICE);
if (!HAVE_SOFFICE && !IN_CI) console.warn('test/csv-libreoffice.slow.test.ts skipped: no soffice; install it with `apt-get install libreoffice-calc-nogui` (Debian).');

/** Comma-separated, double-quoted, UTF-8 (76), from line 1: the Text Import dialog's choices for a file with the mark. */
const CSV_IMPORT = 'Text - txt - csv (StarCalc):44,34,76,1';
const HYPERLINK = '=HYPERLINK("http://evil.example","click")';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-libreoffice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = { type: string | null; value: string | null; formula: boolean; text: string };

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The cells of a flat ODS document, in order (repeated empty cells count once). */
function cellsOf(fods: string): Cell[] {
  const cells: Cell[] = [];
  for (const match of fods.matchAll(/<table:table-cell(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
    const attributes = match[1] ?? '';
    const paragraphs = [...(match[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) => p[1]!.replace(/&(\w+);/g, (_, name: string) => XML_ENTITIES[name] ?? `&${name};`));
    cells.push({
      type: /office:value-type="([^"]+)"/.exec(attributes)?.[1] ?? null,
      value: /office:value="([^"]+)"/.exec(attributes)?.[1] ?? null,
      formula: attributes.includes('table:formula'),
      text: paragraphs.join('\n'),
    });
  }
  return cells;
}

describe.skipIf(!HAVE_SOFFICE && !IN_CI)('CSV opened by LibreOffice Calc', () => {
  test('when the events and munition statistics CSV are opened as UTF-8, then the mark is not in the first cell, "Trump–Putin" and Cyrillic survive, the neutralised formula is text and a negative longitude a number', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const post = async (url: string, body: Record<string, unknown>) => {
      const response = await send(app, 'POST', url, { key, body });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body as { id: string };
    };
    const source = await post('/v1/sources', { kind: 'official_statement', publisher: 'Повітряні сили ЗСУ' });
    const call = await post('/v1/events', eventInput({ title: 'Trump–Putin call', summary: 'Дрони «Молнія» над Києвом.' }));
    await post('/v1/events', eventInput({ title: HYPERLINK, location: { place: 'Santiago', country: 'cl', latitude: -33.45, longitude: -70.66, geo_precision: 'settlement' } }));
    await post('/v1/munition-reports', { event_id: call.id, source_id: source.id, weapon_category: 'drone', weapon_model: 'Молнія', launched: 12, intercepted: 9, lost_to_ew: 1 });
    for (const [name, url] of [
      ['events', '/v1/events.csv'],
      ['munitions', '/v1/stats/munitions.csv?bucket=all&include=by_model,by_source'],
    ] as const) {
      const response = await app.inject({ url });
      expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      writeFileSync(join(dir, `${name}.csv`), response.rawPayload);
    }

    // Its own profile, so a LibreOffice already running (a desktop, another test run) is not used or disturbed.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', `--infilter=${CSV_IMPORT}`, '--convert-to', 'fods', '--outdir', dir, join(dir, 'events.csv'), join(dir, 'munitions.csv')], {
      stdio: 'ignore',
      timeout: 110_000,
    });
    const events = cellsOf(readFileSync(join(dir, 'events.fods'), 'utf8'));
    const munitions = cellsOf(readFileSync(join(dir, 'munitions.fods'), 'utf8'));

    expect(events[0]!.text).toBe('id');
    expect(munitions[0]!.text).toBe('bucket');
    expect(events).toContainEqual({ type: 'string', value: null, formula: false, text: 'Trump–Putin call' });
    expect(events).toContainEqual({ type: 'string', value: null, formula: false, text: 'Дрони «Молнія» над Києвом.' });
    expect(events).toContainEqual({ type: 'string', value: null, formula: false, text: `'${HYPERLINK}` });
    expect(events.filter((cell) => cell.formula)).toEqual([]);
    expect(events).toContainEqual({ type: 'float', value: '-70.66', formula: false, text: '-70.66' });
    expect(munitions).toContainEqual({ type: 'string', value: null, formula: false, text: 'Молнія' });
    expect(munitions).toContainEqual({ type: 'string', value: null, formula: false, text: 'Повітряні сили ЗСУ' });
  }, 120_000);
});
