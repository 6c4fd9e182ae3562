// The whole Air Force record (seed plus the full file), checked against the raw CSV (csv-parse
// and luxon here, never sitrep's own code): periods partition, so every figure counts in exactly
// one bucket and one period, the one where its own time starts; and places, so an attack is found
// under every place its rows name, and on the map. Skipped, saying why, where ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importAirForce } from '../tools/importer/import-airforce.js';
import { AIR_FORCE_CSV, buildTestApp, collectPages, getJson, kyivTime, SHARED_DIR, urlOf, type Params } from './helpers.js';

const CATALOGUE = resolve(SHARED_DIR, 'data/missiles_and_uavs.csv');
const missing = !existsSync(AIR_FORCE_CSV) || !existsSync(CATALOGUE);
const why = missing ? ` [skipped: ${AIR_FORCE_CSV} is absent]` : '';

type Row = Record<string, string>;
type Totals = { launched: number; intercepted: number; lost_to_ew: number };

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

describe.skipIf(missing)('the full Air Force record', () => {
  let app: FastifyInstance;
  let rows: Row[];
  let expected: Map<string, Totals>;
  let warnings: Array<{ code: string }>;

  beforeAll(async () => {
    app = await buildTestApp({ seed: true });
    const csv = readFileSync(AIR_FORCE_CSV, 'utf8');
    const summary = importAirForce(app.db, { attacksCsv: csv, catalogueCsv: readFileSync(CATALOGUE, 'utf8') });
    rows = parse(csv, { columns: true, skip_empty_lines: true }) as Row[];
    // Every row is imported, so the file's sums are the expected ones.
    expect(summary.rowsRejected).toBe(0);
    warnings = summary.warnings;
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

  test(`when every place column is read, then the gazetteer knows every name: no place is left out${why}`, () => {
    expect(warnings.filter((w) => w.code === 'unknown_place')).toEqual([]);
  });

  test(`when the 2025 attacks on Kyiv city are listed by admin1=UA-30, then they are exactly those whose rows name Kyiv as a target or an affected place${why}`, async () => {
    // Which event each row went into, from the row keys its munition reports cite.
    const eventOfWindow = new Map<string, string>();
    const { items: reports } = await collectPages(app, '/v1/munition-reports?limit=500');
    for (const report of reports as any[]) {
      for (const citation of report.citations) {
        const window = /row time_start=(.*?), time_end=(.*?), model=/.exec(citation.locator ?? '');
        const post = /the row's source is (.*)$/.exec(citation.locator ?? '')?.[1] ?? '';
        if (window) eventOfWindow.set(`${post}|${window[1]}|${window[2]}`, report.event_id);
      }
    }
    const namesKyiv = (cell: string) => cell.split(/\s+and\s+/).some((part) => part.trim() === 'Kyiv');
    const listed = (cell: string) => [...cell.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    const rowsOnKyiv = rows.filter((row) => namesKyiv(row.target!) || namesKyiv(row.target_main!) || listed(row['affected region']!).includes('Kyiv'));
    const attacks2025 = new Set(
      ((await collectPages(app, urlOf('/v1/events', { kind: 'aerial_attack', from: '2025-01-01', to: '2025-12-31', tz: 'Europe/Kyiv', limit: 500 }))).items as any[]).map((e) => e.id),
    );
    const expectedIds = new Set(
      rowsOnKyiv.map((row) => eventOfWindow.get(`${row.source}|${row.time_start!.trim()}|${(row.time_end || row.time_start)!.trim()}`)).filter((id) => id !== undefined && attacks2025.has(id)),
    );
    // The seed's strike is placed by the article ("strike on Kyiv"), not by the file's rows.
    expectedIds.add('evt_2025_07_04_kyiv_strike');

    const { items } = await collectPages(app, urlOf('/v1/events', { admin1: 'UA-30', kind: 'aerial_attack', from: '2025-01-01', to: '2025-12-31', tz: 'Europe/Kyiv', limit: 500 }));

    expect(new Set(items.map((e: any) => e.id))).toEqual(expectedIds);
    expect(expectedIds.size).toBeGreaterThan(5);
  });

  test(`when 2025's attacks are mapped, then every one is a feature and at least 95% have a geometry${why}`, async () => {
    const query = { kind: 'aerial_attack', from: '2025-01-01', to: '2025-12-31', tz: 'Europe/Kyiv' };
    const listed = (await collectPages(app, urlOf('/v1/events', { ...query, limit: 500 }))).items;
    const response = await app.inject({ url: urlOf('/v1/events.geojson', query) });
    const { features } = response.json();

    expect(features.map((f: any) => f.id)).toEqual(listed.map((e: any) => e.id));
    const located = features.filter((f: any) => f.geometry !== null);
    expect(located.length / features.length).toBeGreaterThanOrEqual(0.95);
    expect(listed.length).toBeGreaterThan(600);
  });

  test(`when Kyiv is searched in other spellings, then the same attacks are found, and not every attack whose summary gives a time${why}`, async () => {
    const query = { kind: 'aerial_attack', from: '2025-01-01', to: '2025-12-31', tz: 'Europe/Kyiv', limit: 500 };
    const search = async (q: string) => new Set(((await collectPages(app, urlOf('/v1/events', { ...query, q }))).items as any[]).map((e) => e.id));

    const kyiv = await search('Kyiv');
    const kiev = await search('Kiev');
    const cyrillic = await search('Київ');
    const all = (await collectPages(app, urlOf('/v1/events', query))).items.length;

    expect(kiev).toEqual(kyiv);
    expect(cyrillic.size).toBeGreaterThan(0);
    for (const id of cyrillic) expect(kyiv.has(id)).toBe(true);
    // Before, "Kyiv time" in most summaries matched 384 of 674.
    expect(kyiv.size).toBeLessThan(all / 3);
  });
});
