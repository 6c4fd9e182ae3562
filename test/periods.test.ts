// Periods partition: over the whole Air Force record (seed plus the full file), every figure
// counts in exactly one bucket and one period, the one where its own time starts. Expected
// totals are computed here from the raw CSV (csv-parse and luxon), not with sitrep's code; the
// test is skipped, saying why, where ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importAirForce } from '../src/importer/import-airforce.js';
import { AIR_FORCE_CSV, buildTestApp, collectPages, getJson, SHARED_DIR, urlOf, type Params } from './helpers.js';

const CATALOGUE = resolve(SHARED_DIR, 'data/missiles_and_uavs.csv');
const missing = !existsSync(AIR_FORCE_CSV) || !existsSync(CATALOGUE);
const why = missing ? ` [skipped: ${AIR_FORCE_CSV} is absent]` : '';

type Row = Record<string, string>;
type Totals = { launched: number; intercepted: number; lost_to_ew: number };

/**
 * A `time_start` cell as a Kyiv time: a date alone is that local day's start; the file also writes
 * `2023-05-16 3:30` and leaves a trailing space once.
 */
function kyivTime(cell: string): DateTime {
  const text = cell.trim().replace(/ (\d):/, ' 0$1:');
  const time = DateTime.fromSQL(text.length === 10 ? `${text} 00:00` : text, { zone: 'Europe/Kyiv' });
  if (!time.isValid) throw new Error(`unreadable time_start ${JSON.stringify(cell)}`);
  return time;
}
const kyivMonth = (cell: string) => kyivTime(cell).toFormat('yyyy-MM');
const number = (cell: string | undefined) => (cell === undefined || cell.trim() === '' ? 0 : Number(cell));
const monthEnd = (month: string) => DateTime.fromISO(`${month}-01`).endOf('month').toISODate()!;

/** Each Kyiv month's sums of the file's rows, by each row's own time_start. */
function csvTotalsByMonth(rows: Row[]): Map<string, Totals> {
  const months = new Map<string, Totals>();
  for (const row of rows) {
    const month = kyivMonth(row.time_start!);
    const totals = months.get(month) ?? { launched: 0, intercepted: 0, lost_to_ew: 0 };
    totals.launched += number(row.launched);
    totals.intercepted += number(row.destroyed);
    totals.lost_to_ew += number(row.not_reach_goal);
    months.set(month, totals);
  }
  return months;
}

const totalsOf = (figure: { launched: number | null; intercepted: number | null; lost_to_ew: number | null }): Totals => ({
  launched: figure.launched ?? 0,
  intercepted: figure.intercepted ?? 0,
  lost_to_ew: figure.lost_to_ew ?? 0,
});

async function munitions(app: FastifyInstance, params: Params) {
  const { status, body } = await getJson(app, urlOf('/v1/stats/munitions', { tz: 'Europe/Kyiv', ...params }));
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data as Array<{ label: string; total: any }>;
}

describe.skipIf(missing)('periods over the full Air Force record', () => {
  let app: FastifyInstance;
  let rows: Row[];
  let expected: Map<string, Totals>;

  beforeAll(async () => {
    app = await buildTestApp({ seed: true });
    const csv = readFileSync(AIR_FORCE_CSV, 'utf8');
    const summary = importAirForce(app.db, { attacksCsv: csv, catalogueCsv: readFileSync(CATALOGUE, 'utf8') });
    rows = parse(csv, { columns: true, skip_empty_lines: true }) as Row[];
    // Every row is imported, so the file's sums are the expected ones.
    expect(summary.rowsRejected).toBe(0);
    expected = csvTotalsByMonth(rows);
  }, 120_000);
  afterAll(() => app?.close());

  test(`when every month of the file is asked for in Kyiv time, then its totals equal the file's rows by their own time_start${why}`, async () => {
    const byMonth = await munitions(app, { bucket: 'month' });

    const served = new Map(byMonth.map((bucket) => [bucket.label, totalsOf(bucket.total)]));
    expect([...served.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [month, totals] of expected) expect(served.get(month), month).toEqual(totals);
    // The two nights whose post spans a month boundary, one launch each side.
    expect(served.get('2025-10')!.launched).toBe(expected.get('2025-10')!.launched);
    expect(expected.size).toBeGreaterThan(40);
  });

  test(`when the months of 2025 are summed, then they add up to the year, as a year bucket and as one period${why}`, async () => {
    const months = (await munitions(app, { bucket: 'month', from: '2025-01-01', to: '2025-12-31' })).map((b) => totalsOf(b.total));
    const [year] = await munitions(app, { bucket: 'year', from: '2025-01-01', to: '2025-12-31' });
    const [period] = await munitions(app, { bucket: 'all', from: '2025-01-01', to: '2025-12-31' });

    const sum = months.reduce((a, b) => ({ launched: a.launched + b.launched, intercepted: a.intercepted + b.intercepted, lost_to_ew: a.lost_to_ew + b.lost_to_ew }));
    expect(months).toHaveLength(12);
    expect(totalsOf(year!.total)).toEqual(sum);
    expect(totalsOf(period!.total)).toEqual(sum);
    const fromFile = [...expected].filter(([month]) => month.startsWith('2025-')).reduce((n, [, t]) => n + t.launched, 0);
    expect(sum.launched).toBe(fromFile);
  });

  test(`when each month is asked for as its own period, then the periods add up to the whole record${why}`, async () => {
    let launched = 0;
    for (const month of expected.keys()) {
      const [bucket] = await munitions(app, { bucket: 'all', from: `${month}-01`, to: monthEnd(month) });
      expect(totalsOf(bucket!.total), month).toEqual(expected.get(month));
      launched += bucket!.total.launched ?? 0;
    }
    const [whole] = await munitions(app, { bucket: 'all' });
    expect(launched).toBe(whole!.total.launched);
  });

  test(`when every claim is summed instead (include=by_source), then the months are the same${why}`, async () => {
    const kept = await munitions(app, { bucket: 'month', from: '2025-01-01', to: '2025-12-31' });
    const summed = await munitions(app, { bucket: 'month', from: '2025-01-01', to: '2025-12-31', include: 'by_source' });

    expect(summed.map((b) => [b.label, totalsOf(b.total), b.total.event_count])).toEqual(kept.map((b) => [b.label, totalsOf(b.total), b.total.event_count]));
  });

  test(`when a month of 2025 is listed, then the list has as many attacks as the statistics' event_count${why}`, async () => {
    const byMonth = await munitions(app, { bucket: 'month', from: '2025-01-01', to: '2025-12-31', kind: 'aerial_attack' });
    let listed = 0;
    for (const bucket of byMonth) {
      const month = bucket.label;
      const { items } = await collectPages(app, urlOf('/v1/events', { kind: 'aerial_attack', from: `${month}-01`, to: monthEnd(month), tz: 'Europe/Kyiv', limit: 500 }));
      expect(items.length, month).toBe(bucket.total.event_count);
      listed += items.length;
    }
    expect(listed).toBeGreaterThan(600);
  });

  test(`when July 2025 is asked for by model, then the Shahed figures equal the file's Shahed rows of that month${why}`, async () => {
    const shahed = rows.filter((row) => row.model === 'Shahed-136/131' && kyivMonth(row.time_start!) === '2025-07');
    const want = {
      launched: shahed.reduce((n, row) => n + number(row.launched), 0),
      intercepted: shahed.reduce((n, row) => n + number(row.destroyed), 0),
      lost_to_ew: shahed.reduce((n, row) => n + number(row.not_reach_goal), 0),
    };

    const [july] = await munitions(app, { bucket: 'month', from: '2025-07-01', to: '2025-07-31', include: ['by_model', 'by_source'] });

    const model = (july as any).by_model.find((m: { weapon_model: string }) => m.weapon_model === 'Shahed-136/131');
    expect(model).toMatchObject(want);
    expect(want.launched).toBeGreaterThan(5000);
    // One post per attack: as many sources as events behind the figure.
    expect(model.source_count).toBe(model.event_count);
  });

  test(`when a post's rows start on two days, then each figure counts on its own day${why}`, async () => {
    // The seed's night of 3–4 July 2025: drones from 18:00 on the 3rd, missiles after midnight.
    const days = await munitions(app, { bucket: 'day', from: '2025-07-03', to: '2025-07-04' });

    const third = days.find((d) => d.label === '2025-07-03')!.total;
    const fourth = days.find((d) => d.label === '2025-07-04')!.total;
    const fromFile = (day: string) =>
      rows
        .filter((row) => kyivTime(row.time_start!).toISODate() === day)
        .reduce((n, row) => n + number(row.launched), 0);
    expect(third.launched).toBe(fromFile('2025-07-03'));
    expect(fourth.launched).toBe(fromFile('2025-07-04'));
    const strike = (await getJson(app, '/v1/events/evt_2025_07_04_kyiv_strike')).body;
    const own = strike.munition_reports.filter((r: any) => r.source.id === 'src_uaf_post_2025_07_04');
    expect(own.every((r: any) => r.start_at !== null && r.start_precision === 'minute')).toBe(true);
  });
});
