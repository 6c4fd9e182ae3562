// GET /v1/stats/casualties and /v1/stats/munitions through inject(): the seeded night of 3–4 July
// 2025, an event reported by several sources counted once, calendar buckets in a reader's time
// zone (DST changes included), filters, errors, and the event and source counts behind each
// figure. Each test builds its own app on its own in-memory database and its own records.
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import type { EventRow } from '../src/db/schema.js';
import { createActor, createCasualtyReport, createEvent, createMunitionReport, createSource, linkActor } from './factories.js';
import { apiKey, expectProblem, freshApp, getJson, send, urlOf, type Params } from './helpers.js';

async function stats(app: FastifyInstance, what: 'casualties' | 'munitions', params: Params = {}) {
  const response = await getJson(app, urlOf(`/v1/stats/${what}`, params));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** One civilian killed, reported by `sourceId`, in an event starting at `startAt`. */
function killedAt(app: FastifyInstance, sourceId: string, startAt: string, overrides: Partial<Omit<EventRow, 'spanEndAt'>> = {}, killed = 1): EventRow {
  const event = createEvent(app.db, { startAt, ...overrides });
  createCasualtyReport(app.db, event.id, sourceId, { category: 'killed', group: 'civilian', low: killed, best: killed, high: killed });
  return event;
}

/** label → best estimate of civilians killed, for every bucket of a casualties answer. */
function killedByLabel(body: any): Record<string, number> {
  return Object.fromEntries(
    body.data.map((bucket: any) => [bucket.label, bucket.figures.find((f: any) => f.category === 'killed' && f.group === 'civilian')?.best ?? 0]),
  );
}

const HOUR = 3_600_000;

describe('GET /v1/stats: the seeded night of 3–4 July 2025', () => {
  test('when casualties are asked for with bucket=all, then one civilian killed and 23 injured (the article’s “over 23”, open-ended) count, and the unknown-group claims add nothing', async () => {
    const app = await freshApp({ seed: true });

    const body = await stats(app, 'casualties', { bucket: 'all', include: 'by_source' });

    expect(body.bucket).toBe('all');
    expect(body.tz).toBe('UTC');
    expect(body.data).toHaveLength(1);
    const [all] = body.data;
    expect(all).toMatchObject({ label: 'all', start: null, end: null });
    expect(all.figures).toEqual([
      { category: 'killed', group: 'civilian', low: 1, best: 1, high: 1, event_count: 1, source_count: 1 },
      { category: 'injured', group: 'civilian', low: 23, best: 23, high: null, event_count: 1, source_count: 1 },
    ]);
    expect(all.figures.some((f: any) => f.group === 'unknown')).toBe(false);
  });

  test('when casualties are asked for, then by_source lists the article\'s own figures under its source reference', async () => {
    const app = await freshApp({ seed: true });

    const body = await stats(app, 'casualties', { bucket: 'all', include: 'by_source' });

    const bySource = body.data[0].by_source;
    expect(bySource).toHaveLength(1);
    expect(bySource[0].source).toMatchObject({ id: 'src_source_article', kind: 'news_report' });
    expect(bySource[0].figures).toEqual([
      { category: 'killed', group: 'civilian', low: 1, best: 1, high: 1, event_count: 1, source_count: 1 },
      { category: 'injured', group: 'civilian', low: 23, best: 23, high: null, event_count: 1, source_count: 1 },
    ]);
  });

  test('when munitions are asked for with bucket=all, then the Air Force\'s per-model figures count: 550 launched, 270 shot down, 208 lost to EW', async () => {
    const app = await freshApp({ seed: true });

    const body = await stats(app, 'munitions', { bucket: 'all', include: ['by_source', 'by_model'] });

    expect(body.data).toHaveLength(1);
    const [all] = body.data;
    expect(all).toMatchObject({ label: 'all', start: null, end: null });
    expect(all.total).toEqual({
      launched: 550,
      intercepted: 270,
      lost_to_ew: 208,
      interception_rate: 0.4909,
      neutralisation_rate: 0.8691,
      event_count: 1,
      source_count: 1,
    });
    expect(all.by_category.map((c: any) => [c.weapon_category, c.launched, c.intercepted, c.lost_to_ew])).toEqual([
      ['drone', 539, 268, 208],
      ['cruise_missile', 4, 2, null],
      ['ballistic_missile', 6, 0, null],
      ['aeroballistic_missile', 1, 0, null],
    ]);
    expect(all.by_category[0]).toMatchObject({ interception_rate: 0.4972, neutralisation_rate: 0.8831, event_count: 1, source_count: 1 });
    expect(all.by_model.map((m: any) => [m.weapon_model, m.weapon_category, m.launched, m.intercepted])).toEqual([
      ['Shahed-136/131', 'drone', 539, 268],
      ['Iskander-K', 'cruise_missile', 4, 2],
      ['Iskander-M/KN-23', 'ballistic_missile', 6, 0],
      ['Kh-47M2 Kinzhal', 'aeroballistic_missile', 1, 0],
    ]);
    for (const model of all.by_model) expect(model).toMatchObject({ event_count: 1, source_count: 1 });
  });

  test('when munitions are asked for, then by_source shows every source\'s own totals side by side', async () => {
    const app = await freshApp({ seed: true });

    const body = await stats(app, 'munitions', { bucket: 'all', include: ['by_source', 'by_model'] });

    const bySource = Object.fromEntries(body.data[0].by_source.map((s: any) => [s.source.id, s]));
    expect(body.data[0].by_source.map((s: any) => s.source.id)).toEqual([
      'src_source_article',
      'src_time',
      'src_uaf_post_2025_07_04',
      'src_ukraine_military',
    ]);
    expect(bySource.src_time.total).toEqual({
      launched: null,
      intercepted: 478,
      lost_to_ew: null,
      interception_rate: null,
      neutralisation_rate: null,
      event_count: 1,
      source_count: 1,
    });
    expect(bySource.src_time.by_category.map((c: any) => c.weapon_category)).toEqual(['unspecified']);
    for (const id of ['src_source_article', 'src_ukraine_military']) {
      expect(bySource[id].total).toMatchObject({ launched: 550, intercepted: null, lost_to_ew: null, interception_rate: null, event_count: 1, source_count: 1 });
      expect(bySource[id].by_category.map((c: any) => [c.weapon_category, c.launched])).toEqual([
        ['drone', 539],
        ['missile', 11],
      ]);
    }
    expect(bySource.src_uaf_post_2025_07_04.total).toEqual({
      launched: 550,
      intercepted: 270,
      lost_to_ew: 208,
      interception_rate: 0.4909,
      neutralisation_rate: 0.8691,
      event_count: 1,
      source_count: 1,
    });
  });
});

describe('GET /v1/stats: an event is counted once', () => {
  test('when two sources report casualties of one event, then the most conservative claim counts once and each source keeps its own figure', async () => {
    const app = await freshApp();
    const wire = createSource(app.db, { id: 'src_wire' });
    const ministry = createSource(app.db, { id: 'src_ministry' });
    const event = createEvent(app.db, { startAt: '2025-07-10T12:00:00Z' });
    createCasualtyReport(app.db, event.id, wire.id, { low: 10, best: 12, high: 15 });
    createCasualtyReport(app.db, event.id, ministry.id, { low: 10, best: 10, high: 10 });

    const body = await stats(app, 'casualties', { bucket: 'all', include: 'by_source' });

    expect(body.data[0].figures).toEqual([{ category: 'killed', group: 'civilian', low: 10, best: 10, high: 10, event_count: 1, source_count: 1 }]);
    expect(body.data[0].by_source.map((s: any) => [s.source.id, s.figures[0].best])).toEqual([
      ['src_ministry', 10],
      ['src_wire', 12],
    ]);
  });

  test('when two sources report the same launches of one event, then the launches count once, from the chosen source', async () => {
    const app = await freshApp();
    const wire = createSource(app.db, { id: 'src_a_wire' });
    const ministry = createSource(app.db, { id: 'src_b_ministry' });
    const event = createEvent(app.db, { startAt: '2025-07-10T12:00:00Z' });
    createMunitionReport(app.db, event.id, wire.id, { weaponModel: 'Shahed-136/131', launched: 100, intercepted: 80, lostToEw: 10 });
    createMunitionReport(app.db, event.id, ministry.id, { weaponModel: 'Shahed-136/131', launched: 100, intercepted: 85, lostToEw: 5 });

    const body = await stats(app, 'munitions', { bucket: 'all', include: ['by_source', 'by_model'] });

    expect(body.data[0].total).toMatchObject({ launched: 100, intercepted: 80, lost_to_ew: 10, event_count: 1, source_count: 1 });
    expect(body.data[0].by_source.map((s: any) => [s.source.id, s.total.launched, s.total.intercepted])).toEqual([
      ['src_a_wire', 100, 80],
      ['src_b_ministry', 100, 85],
    ]);
  });
});

describe('GET /v1/stats: calendar buckets', () => {
  test('when events fall at 20:59:59 and 21:00:00 UTC on 3 July, then they land on different days in Europe/Kyiv but the same day in UTC', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-07-03T20:59:59Z');
    killedAt(app, source.id, '2025-07-03T21:00:00Z', {}, 2);

    const kyiv = await stats(app, 'casualties', { bucket: 'day', tz: 'Europe/Kyiv' });
    const utc = await stats(app, 'casualties', { bucket: 'day' });

    expect(kyiv.tz).toBe('Europe/Kyiv');
    expect(kyiv.data.map((b: any) => [b.label, b.start, b.end])).toEqual([
      ['2025-07-03', '2025-07-03T00:00:00+03:00', '2025-07-04T00:00:00+03:00'],
      ['2025-07-04', '2025-07-04T00:00:00+03:00', '2025-07-05T00:00:00+03:00'],
    ]);
    expect(killedByLabel(kyiv)).toEqual({ '2025-07-03': 1, '2025-07-04': 2 });
    expect(utc.data.map((b: any) => [b.label, b.start, b.end])).toEqual([['2025-07-03', '2025-07-03T00:00:00Z', '2025-07-04T00:00:00Z']]);
    expect(killedByLabel(utc)).toEqual({ '2025-07-03': 3 });
    expect(utc.data[0].figures[0]).toMatchObject({ event_count: 2 });
    // Counting distinct sources needs every claim: only with include=by_source.
    expect(utc.data[0].figures[0]).not.toHaveProperty('source_count');
    expect(utc.data[0]).not.toHaveProperty('by_source');
  });

  test('when clocks go back in Europe/Kyiv on 26 October 2025, then that day\'s bucket is 25 hours long and holds exactly the events inside it', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-10-25T20:59:59Z'); // 23:59:59+03:00 on the 25th
    killedAt(app, source.id, '2025-10-25T21:00:00Z'); // 00:00:00+03:00 on the 26th
    killedAt(app, source.id, '2025-10-26T01:00:00Z'); // the change itself: 04:00+03:00 becomes 03:00+02:00
    killedAt(app, source.id, '2025-10-26T21:59:59Z'); // 23:59:59+02:00 on the 26th
    killedAt(app, source.id, '2025-10-26T22:00:00Z'); // 00:00:00+02:00 on the 27th

    const body = await stats(app, 'casualties', { bucket: 'day', tz: 'Europe/Kyiv' });

    expect(body.data.map((b: any) => b.label)).toEqual(['2025-10-25', '2025-10-26', '2025-10-27']);
    const day = body.data[1];
    expect(day.start).toBe('2025-10-26T00:00:00+03:00');
    expect(day.end).toBe('2025-10-27T00:00:00+02:00');
    expect(Date.parse(day.end) - Date.parse(day.start)).toBe(25 * HOUR);
    expect(killedByLabel(body)).toEqual({ '2025-10-25': 1, '2025-10-26': 3, '2025-10-27': 1 });
    expect(day.figures[0]).toMatchObject({ event_count: 3 });
    expect(body.data[2].start).toBe(day.end);
  });

  test('when clocks go forward in Europe/Kyiv on 30 March 2025, then that day\'s bucket is 23 hours long and holds exactly the events inside it', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-03-29T21:59:59Z'); // 23:59:59+02:00 on the 29th
    killedAt(app, source.id, '2025-03-29T22:00:00Z'); // 00:00:00+02:00 on the 30th
    killedAt(app, source.id, '2025-03-30T01:00:00Z'); // the change itself: 03:00+02:00 becomes 04:00+03:00
    killedAt(app, source.id, '2025-03-30T20:59:59Z'); // 23:59:59+03:00 on the 30th
    killedAt(app, source.id, '2025-03-30T21:00:00Z'); // 00:00:00+03:00 on the 31st

    const body = await stats(app, 'casualties', { bucket: 'day', tz: 'Europe/Kyiv' });

    expect(body.data.map((b: any) => [b.label, b.start, b.end])).toEqual([
      ['2025-03-29', '2025-03-29T00:00:00+02:00', '2025-03-30T00:00:00+02:00'],
      ['2025-03-30', '2025-03-30T00:00:00+02:00', '2025-03-31T00:00:00+03:00'],
      ['2025-03-31', '2025-03-31T00:00:00+03:00', '2025-04-01T00:00:00+03:00'],
    ]);
    expect(Date.parse(body.data[1].end) - Date.parse(body.data[1].start)).toBe(23 * HOUR);
    expect(killedByLabel(body)).toEqual({ '2025-03-29': 1, '2025-03-30': 3, '2025-03-31': 1 });
  });

  test('when a zone skips local midnight (America/Santiago, 7 September 2025), then each day bucket ends where the next one starts', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-09-06T12:00:00Z');
    killedAt(app, source.id, '2025-09-07T12:00:00Z');
    killedAt(app, source.id, '2025-09-08T03:30:00Z'); // 00:30-03:00 on the 8th

    const body = await stats(app, 'casualties', { bucket: 'day', tz: 'America/Santiago' });

    expect(body.data.map((b: any) => [b.label, b.start, b.end])).toEqual([
      ['2025-09-06', '2025-09-06T00:00:00-04:00', '2025-09-07T01:00:00-03:00'],
      ['2025-09-07', '2025-09-07T01:00:00-03:00', '2025-09-08T00:00:00-03:00'],
      ['2025-09-08', '2025-09-08T00:00:00-03:00', '2025-09-09T00:00:00-03:00'],
    ]);
    expect(killedByLabel(body)).toEqual({ '2025-09-06': 1, '2025-09-07': 1, '2025-09-08': 1 });
  });

  test('when bucket=week, then labels are ISO weeks starting on Monday, with the ISO week-year', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2020-12-31T12:00:00Z'); // Thursday of 2020-W53
    killedAt(app, source.id, '2021-01-03T23:59:59Z'); // Sunday, still 2020-W53
    killedAt(app, source.id, '2024-12-30T00:00:00Z'); // Monday of 2025-W01
    killedAt(app, source.id, '2025-07-06T23:59:59Z'); // Sunday of 2025-W27
    killedAt(app, source.id, '2025-07-07T00:00:00Z'); // Monday of 2025-W28

    const body = await stats(app, 'casualties', { bucket: 'week' });

    expect(body.data.map((b: any) => [b.label, b.start, b.end])).toEqual([
      ['2020-W53', '2020-12-28T00:00:00Z', '2021-01-04T00:00:00Z'],
      ['2025-W01', '2024-12-30T00:00:00Z', '2025-01-06T00:00:00Z'],
      ['2025-W27', '2025-06-30T00:00:00Z', '2025-07-07T00:00:00Z'],
      ['2025-W28', '2025-07-07T00:00:00Z', '2025-07-14T00:00:00Z'],
    ]);
    expect(killedByLabel(body)).toEqual({ '2020-W53': 2, '2025-W01': 1, '2025-W27': 1, '2025-W28': 1 });
  });

  test('when bucket=week in Europe/Kyiv, then the week turns at local Monday midnight, 21:00 UTC on Sunday in summer', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-07-06T20:59:59Z');
    killedAt(app, source.id, '2025-07-06T21:00:00Z');

    const body = await stats(app, 'casualties', { bucket: 'week', tz: 'Europe/Kyiv' });

    expect(body.data.map((b: any) => [b.label, b.start, b.end])).toEqual([
      ['2025-W27', '2025-06-30T00:00:00+03:00', '2025-07-07T00:00:00+03:00'],
      ['2025-W28', '2025-07-07T00:00:00+03:00', '2025-07-14T00:00:00+03:00'],
    ]);
  });

  test('when bucket=month, then events are grouped by local calendar month', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-06-30T20:59:59Z'); // 23:59:59 on 30 June in Kyiv
    killedAt(app, source.id, '2025-06-30T21:00:00Z'); // 00:00 on 1 July in Kyiv
    killedAt(app, source.id, '2025-07-31T12:00:00Z');
    killedAt(app, source.id, '2025-10-31T21:59:59Z'); // last second of October, after the DST change

    const body = await stats(app, 'casualties', { bucket: 'month', tz: 'Europe/Kyiv' });

    expect(body.data.map((b: any) => [b.label, b.start, b.end])).toEqual([
      ['2025-06', '2025-06-01T00:00:00+03:00', '2025-07-01T00:00:00+03:00'],
      ['2025-07', '2025-07-01T00:00:00+03:00', '2025-08-01T00:00:00+03:00'],
      ['2025-10', '2025-10-01T00:00:00+03:00', '2025-11-01T00:00:00+02:00'],
    ]);
    expect(killedByLabel(body)).toEqual({ '2025-06': 1, '2025-07': 2, '2025-10': 1 });
  });

  test('when no bucket is given, then the answer is per month', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-06-15T12:00:00Z');
    killedAt(app, source.id, '2025-07-15T12:00:00Z');

    const body = await stats(app, 'casualties');

    expect(body.bucket).toBe('month');
    expect(body.data.map((b: any) => b.label)).toEqual(['2025-06', '2025-07']);
  });

  test('when bucket=year, then New Year is local: 22:00 UTC on 31 December belongs to the next year in Europe/Kyiv', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2024-12-31T21:59:59Z');
    killedAt(app, source.id, '2024-12-31T22:00:00Z');
    killedAt(app, source.id, '2025-07-04T12:00:00Z');

    const kyiv = await stats(app, 'casualties', { bucket: 'year', tz: 'Europe/Kyiv' });
    const utc = await stats(app, 'casualties', { bucket: 'year' });

    expect(kyiv.data.map((b: any) => [b.label, b.start, b.end])).toEqual([
      ['2024', '2024-01-01T00:00:00+02:00', '2025-01-01T00:00:00+02:00'],
      ['2025', '2025-01-01T00:00:00+02:00', '2026-01-01T00:00:00+02:00'],
    ]);
    expect(killedByLabel(kyiv)).toEqual({ '2024': 1, '2025': 2 });
    expect(killedByLabel(utc)).toEqual({ '2024': 2, '2025': 1 });
  });

  test('when bucket=all, then every event is summed in one row without bounds, whatever the time zone', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2023-01-01T00:00:00Z');
    killedAt(app, source.id, '2025-07-04T12:00:00Z');
    killedAt(app, source.id, '2025-12-31T23:00:00Z');

    const body = await stats(app, 'casualties', { bucket: 'all', tz: 'Europe/Kyiv' });

    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ label: 'all', start: null, end: null });
    expect(body.data[0].figures).toEqual([{ category: 'killed', group: 'civilian', low: 3, best: 3, high: 3, event_count: 3 }]);
  });

  test('when munitions are bucketed by day, then each day totals its own events', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    const first = createEvent(app.db, { startAt: '2025-07-03T20:59:59Z' });
    const second = createEvent(app.db, { startAt: '2025-07-03T21:00:00Z' });
    createMunitionReport(app.db, first.id, source.id, { launched: 10, intercepted: 5, lostToEw: 1 });
    createMunitionReport(app.db, second.id, source.id, { launched: 20, intercepted: 15, lostToEw: 5 });

    const kyiv = await stats(app, 'munitions', { bucket: 'day', tz: 'Europe/Kyiv' });
    const utc = await stats(app, 'munitions', { bucket: 'day' });

    expect(kyiv.data.map((b: any) => [b.label, b.total.launched, b.total.intercepted, b.total.event_count])).toEqual([
      ['2025-07-03', 10, 5, 1],
      ['2025-07-04', 20, 15, 1],
    ]);
    expect(utc.data.map((b: any) => [b.label, b.total.launched, b.total.neutralisation_rate, b.total.event_count])).toEqual([['2025-07-03', 30, 0.8667, 2]]);
  });
});

describe('GET /v1/stats: filters', () => {
  test('when from and to are dates and tz is given, then they are whole days in tz, so the buckets are whole', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-07-03T20:30:00Z', {}, 1); // 23:30 on 3 July in Kyiv
    killedAt(app, source.id, '2025-07-03T22:30:00Z', {}, 10); // 01:30 on 4 July in Kyiv
    killedAt(app, source.id, '2025-07-04T22:30:00Z', {}, 100); // 01:30 on 5 July in Kyiv

    const kyiv = await stats(app, 'casualties', { bucket: 'day', tz: 'Europe/Kyiv', from: '2025-07-04', to: '2025-07-04' });
    const utc = await stats(app, 'casualties', { bucket: 'day', from: '2025-07-04', to: '2025-07-04' });

    expect(killedByLabel(kyiv)).toEqual({ '2025-07-04': 10 });
    expect(killedByLabel(utc)).toEqual({ '2025-07-04': 100 });
  });

  test('when from and to are given, then only events in that span are summed', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-07-01T12:00:00Z', {}, 1);
    killedAt(app, source.id, '2025-07-03T12:00:00Z', {}, 10);
    killedAt(app, source.id, '2025-07-04T23:00:00Z', {}, 100);
    killedAt(app, source.id, '2025-07-05T00:00:00Z', {}, 1000);

    const body = await stats(app, 'casualties', { bucket: 'all', from: '2025-07-02', to: '2025-07-04' });

    expect(body.data[0].figures[0]).toMatchObject({ best: 110, event_count: 2 });
  });

  test('when kind is given, then only events of that kind are summed', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-07-03T12:00:00Z', { kind: 'aerial_attack' }, 3);
    killedAt(app, source.id, '2025-07-03T13:00:00Z', { kind: 'shelling' }, 5);
    killedAt(app, source.id, '2025-07-03T14:00:00Z', { kind: 'ground_attack' }, 7);

    const one = await stats(app, 'casualties', { bucket: 'all', kind: 'shelling' });
    const two = await stats(app, 'casualties', { bucket: 'all', kind: ['shelling', 'ground_attack'] });

    expect(one.data[0].figures[0]).toMatchObject({ best: 5, event_count: 1 });
    expect(two.data[0].figures[0]).toMatchObject({ best: 12, event_count: 2 });
  });

  test('when country is given, then only events in that country are summed (lower case accepted)', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-07-03T12:00:00Z', { country: 'UA' }, 4);
    killedAt(app, source.id, '2025-07-03T13:00:00Z', { country: 'RU', place: 'Belgorod' }, 2);

    const body = await stats(app, 'casualties', { bucket: 'all', country: 'ru' });

    expect(body.data[0].figures[0]).toMatchObject({ best: 2, event_count: 1 });
  });

  test('when actor is given, then only events that actor takes part in are summed', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    const actor = createActor(app.db, { name: 'Armed Forces of the Russian Federation', kind: 'armed_force', country: 'RU' });
    const withActor = killedAt(app, source.id, '2025-07-03T12:00:00Z', {}, 6);
    killedAt(app, source.id, '2025-07-03T13:00:00Z', {}, 9);
    linkActor(app.db, withActor.id, actor.id, 'initiator');

    const body = await stats(app, 'casualties', { bucket: 'all', actor: actor.id });

    expect(body.data[0].figures[0]).toMatchObject({ best: 6, event_count: 1 });
  });

  test('when filters match no event, then data is empty', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    killedAt(app, source.id, '2025-07-03T12:00:00Z');

    const casualties = await stats(app, 'casualties', { kind: 'sanction' });
    const munitions = await stats(app, 'munitions', { kind: 'sanction' });

    expect(casualties.data).toEqual([]);
    expect(munitions.data).toEqual([]);
  });

  test('when munitions are filtered by kind and country, then only the matching events\' launches are summed', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    const kyiv = createEvent(app.db, { kind: 'aerial_attack', country: 'UA' });
    const belgorod = createEvent(app.db, { kind: 'aerial_attack', country: 'RU', place: 'Belgorod' });
    const shelling = createEvent(app.db, { kind: 'shelling', country: 'UA' });
    createMunitionReport(app.db, kyiv.id, source.id, { launched: 100 });
    createMunitionReport(app.db, belgorod.id, source.id, { launched: 20 });
    createMunitionReport(app.db, shelling.id, source.id, { launched: 3 });

    const body = await stats(app, 'munitions', { bucket: 'all', kind: 'aerial_attack', country: 'UA' });

    expect(body.data[0].total).toMatchObject({ launched: 100, event_count: 1 });
  });
});

describe('GET /v1/stats: errors', () => {
  test.each(['casualties', 'munitions'])('when tz is not an IANA zone on /v1/stats/%s, then 400 names tz', async (what) => {
    const app = await freshApp();

    const response = await getJson(app, `/v1/stats/${what}?tz=Mars/Olympus_Mons`);

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'tz');
  });

  test.each(['casualties', 'munitions'])('when bucket is not a calendar unit on /v1/stats/%s, then 400 names bucket', async (what) => {
    const app = await freshApp();

    const response = await getJson(app, `/v1/stats/${what}?bucket=fortnight`);

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'bucket');
  });

  test.each(['casualties', 'munitions'])('when from is after to on /v1/stats/%s, then 400 names from', async (what) => {
    const app = await freshApp();

    const response = await getJson(app, `/v1/stats/${what}?from=2025-07-05&to=2025-07-01`);

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'from');
  });
});

describe('GET /v1/stats: event_count and source_count', () => {
  test('when several events and sources contribute casualties, then each figure counts its events and the distinct sources chosen', async () => {
    const app = await freshApp();
    const a = createSource(app.db, { id: 'src_a' });
    const b = createSource(app.db, { id: 'src_b' });
    const c = createSource(app.db, { id: 'src_c' });
    const first = createEvent(app.db, { startAt: '2025-07-01T12:00:00Z' });
    const second = createEvent(app.db, { startAt: '2025-07-02T12:00:00Z' });
    const third = createEvent(app.db, { startAt: '2025-07-03T12:00:00Z' });
    const civilian = (best: number) => ({ category: 'killed' as const, group: 'civilian' as const, low: best, best, high: best });
    createCasualtyReport(app.db, first.id, a.id, civilian(5));
    createCasualtyReport(app.db, first.id, b.id, civilian(3)); // chosen for the first event
    createCasualtyReport(app.db, second.id, a.id, civilian(2));
    createCasualtyReport(app.db, third.id, c.id, civilian(4));
    createCasualtyReport(app.db, third.id, a.id, { category: 'killed', group: 'military', low: 1, best: 1, high: 1 });

    const body = await stats(app, 'casualties', { bucket: 'all', include: 'by_source' });

    expect(body.data[0].figures).toEqual([
      { category: 'killed', group: 'civilian', low: 9, best: 9, high: 9, event_count: 3, source_count: 3 },
      { category: 'killed', group: 'military', low: 1, best: 1, high: 1, event_count: 1, source_count: 1 },
    ]);
    const bySource = Object.fromEntries(body.data[0].by_source.map((s: any) => [s.source.id, s.figures]));
    expect(bySource.src_a).toEqual([
      { category: 'killed', group: 'civilian', low: 7, best: 7, high: 7, event_count: 2, source_count: 1 },
      { category: 'killed', group: 'military', low: 1, best: 1, high: 1, event_count: 1, source_count: 1 },
    ]);
    expect(bySource.src_b).toEqual([{ category: 'killed', group: 'civilian', low: 3, best: 3, high: 3, event_count: 1, source_count: 1 }]);
    expect(bySource.src_c).toEqual([{ category: 'killed', group: 'civilian', low: 4, best: 4, high: 4, event_count: 1, source_count: 1 }]);
  });

  test('when one contributing event is open-ended, then the summed high is null', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    const first = createEvent(app.db, { startAt: '2025-07-01T12:00:00Z' });
    const second = createEvent(app.db, { startAt: '2025-07-02T12:00:00Z' });
    createCasualtyReport(app.db, first.id, source.id, { low: 2, best: 2, high: 2 });
    createCasualtyReport(app.db, second.id, source.id, { low: 3, best: 3, high: null });

    const body = await stats(app, 'casualties', { bucket: 'all' });

    expect(body.data[0].figures[0]).toMatchObject({ low: 5, best: 5, high: null, event_count: 2 });
  });

  test('when several events and sources contribute munitions, then totals, categories and models count their events and sources', async () => {
    const app = await freshApp();
    const a = createSource(app.db, { id: 'src_a' });
    const b = createSource(app.db, { id: 'src_b' });
    const first = createEvent(app.db, { startAt: '2025-07-01T12:00:00Z' });
    const second = createEvent(app.db, { startAt: '2025-07-02T12:00:00Z' });
    const third = createEvent(app.db, { startAt: '2025-07-03T12:00:00Z' });
    // First event: a names two models, b gives one bulk figure; a counts.
    createMunitionReport(app.db, first.id, a.id, { weaponCategory: 'drone', weaponModel: 'Shahed-136/131', launched: 50, intercepted: 40, lostToEw: 5 });
    createMunitionReport(app.db, first.id, a.id, { weaponCategory: 'cruise_missile', weaponModel: 'Kh-101', launched: 4, intercepted: 3, lostToEw: null });
    createMunitionReport(app.db, first.id, b.id, { weaponCategory: 'unspecified', weaponModel: null, launched: 60, intercepted: null, lostToEw: null });
    // Second and third events: b alone.
    createMunitionReport(app.db, second.id, b.id, { weaponCategory: 'drone', weaponModel: 'Shahed-136/131', launched: 30, intercepted: 20, lostToEw: 10 });
    createMunitionReport(app.db, third.id, b.id, { weaponCategory: 'drone', weaponModel: 'Shahed-136/131', launched: 20, intercepted: 10, lostToEw: 0 });

    const body = await stats(app, 'munitions', { bucket: 'all', include: ['by_source', 'by_model'] });

    const [all] = body.data;
    expect(all.total).toMatchObject({ launched: 104, intercepted: 73, lost_to_ew: 15, event_count: 3, source_count: 2 });
    expect(all.by_category.map((c: any) => [c.weapon_category, c.launched, c.event_count, c.source_count])).toEqual([
      ['drone', 100, 3, 2],
      ['cruise_missile', 4, 1, 1],
    ]);
    expect(all.by_model.map((m: any) => [m.weapon_model, m.launched, m.event_count, m.source_count])).toEqual([
      ['Shahed-136/131', 100, 3, 2],
      ['Kh-101', 4, 1, 1],
    ]);
    const bySource = Object.fromEntries(all.by_source.map((s: any) => [s.source.id, s]));
    expect(bySource.src_a.total).toMatchObject({ launched: 54, event_count: 1, source_count: 1 });
    expect(bySource.src_b.total).toMatchObject({ launched: 110, intercepted: 30, event_count: 3, source_count: 1 });
    expect(bySource.src_b.by_category.map((c: any) => [c.weapon_category, c.launched, c.event_count])).toEqual([
      ['drone', 50, 2],
      ['unspecified', 60, 1],
    ]);
  });
});

describe('GET /v1/stats: periods partition, and a figure keeps its own date', () => {
  test('when an attack starts on 31 December and ends on 1 January, then it counts in December only, and December plus January is the whole', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    const eve = createEvent(app.db, { startAt: '2025-12-31T20:00:00Z', endAt: '2026-01-01T03:00:00Z', endPrecision: 'minute', timezone: 'Europe/Kyiv' });
    createMunitionReport(app.db, eve.id, source.id, { launched: 100, intercepted: 90, lostToEw: 5 });
    const january = createEvent(app.db, { startAt: '2026-01-10T12:00:00Z', timezone: 'Europe/Kyiv' });
    createMunitionReport(app.db, january.id, source.id, { launched: 10, intercepted: 9, lostToEw: 0 });

    const total = async (params: Params) => (await stats(app, 'munitions', { bucket: 'all', tz: 'Europe/Kyiv', ...params })).data[0]?.total;
    const dec = await total({ from: '2025-12-01', to: '2025-12-31' });
    const jan = await total({ from: '2026-01-01', to: '2026-01-31' });
    const both = await total({ from: '2025-12-01', to: '2026-01-31' });

    expect(dec).toMatchObject({ launched: 100, event_count: 1 });
    expect(jan).toMatchObject({ launched: 10, event_count: 1 });
    expect(both).toMatchObject({ launched: 110, event_count: 2 });
  });

  test('when an editor dates a figure on the next day, then it counts on that day and its event where the event starts', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const source = createSource(app.db);
    const event = createEvent(app.db, { startAt: '2025-10-31T19:00:00Z', timezone: 'Europe/Kyiv' });
    const drones = { event_id: event.id, source_id: source.id, weapon_category: 'drone', launched: 50, intercepted: 40 };
    expect((await send(app, 'POST', '/v1/munition-reports', { key, body: drones })).status).toBe(201);
    const missiles = await send(app, 'POST', '/v1/munition-reports', {
      key,
      body: { event_id: event.id, source_id: source.id, weapon_category: 'cruise_missile', launched: 3, intercepted: 2, start_at: '2025-11-01T03:00:00+02:00', start_precision: 'minute' },
    });
    expect(missiles.status, JSON.stringify(missiles.body)).toBe(201);
    expect(missiles.body).toMatchObject({ start_at: '2025-11-01T01:00:00Z', start_precision: 'minute', end_at: null, end_precision: null });

    for (const include of [[], ['by_source']]) {
      const months = (await stats(app, 'munitions', { bucket: 'month', tz: 'Europe/Kyiv', include })).data;
      const october = months.find((b: any) => b.label === '2025-10');
      const november = months.find((b: any) => b.label === '2025-11');
      expect(october.total, `include=${include}`).toMatchObject({ launched: 50, intercepted: 40, event_count: 1 });
      expect(november.total).toMatchObject({ launched: 3, intercepted: 2, event_count: 0 });
      expect(november.by_category).toEqual([expect.objectContaining({ weapon_category: 'cruise_missile', launched: 3, event_count: 0 })]);
    }
    // The event itself is listed in October, as the statistics count it.
    const october = await getJson(app, urlOf('/v1/events', { from: '2025-10-01', to: '2025-10-31', tz: 'Europe/Kyiv' }));
    expect(october.body.data.map((e: any) => e.id)).toEqual([event.id]);
  });

  test('when a figure\'s own time is given half-way, then 400 names the field and nothing is written', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const base = { event_id: createEvent(app.db).id, source_id: createSource(app.db).id, weapon_category: 'drone', launched: 5 };

    expectProblem(await send(app, 'POST', '/v1/munition-reports', { key, body: { ...base, start_at: '2025-07-04T03:00:00Z' } }), 400, 'SITREP_INVALID_PARAMETER', 'start_precision');
    expectProblem(
      await send(app, 'POST', '/v1/munition-reports', { key, body: { ...base, end_at: '2025-07-04T03:00:00Z', end_precision: 'minute' } }),
      400,
      'SITREP_INVALID_PARAMETER',
      'end_at',
    );
    expectProblem(
      await send(app, 'POST', '/v1/munition-reports', {
        key,
        body: { ...base, start_at: '2025-07-04T03:00:00Z', start_precision: 'minute', end_at: '2025-07-04T02:00:00Z', end_precision: 'minute' },
      }),
      400,
      'SITREP_INVALID_PARAMETER',
      'end_at',
    );
    expectProblem(await send(app, 'POST', '/v1/munition-reports', { key, body: { ...base, start_at: '4 July', start_precision: 'day' } }), 400, 'SITREP_INVALID_PARAMETER', 'start_at');
    expect(app.db.$client.prepare('SELECT count(*) FROM munition_reports').pluck().get()).toBe(0);
  });
});
