// GET /v1/timeline and GET /v1/events/{id}/context through inject(): the seeded night of 3–4 July
// 2025 grouped by local day, buckets in a reader's time zone, the /v1/events filters, cursor
// paging across bucket boundaries, errors as problem+json, and the events around and linked to
// one event. Each test builds its own app on its own in-memory database and its own records.
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import type { EventRow } from '../src/db/schema.js';
import {
  citeEvent,
  createActor,
  createCasualtyReport,
  createEvent,
  createMunitionReport,
  createRelation,
  createSource,
  linkActor,
} from './factories.js';
import { expectProblem, freshApp, getJson, urlOf, type Params } from './helpers.js';

async function timeline(app: FastifyInstance, params: Params = {}) {
  const response = await getJson(app, urlOf('/v1/timeline', params));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function context(app: FastifyInstance, id: string, params: Params = {}) {
  const response = await getJson(app, urlOf(`/v1/events/${encodeURIComponent(id)}/context`, params));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** Every event id of a timeline answer, in the order given. */
const idsOf = (body: any): string[] => body.data.flatMap((bucket: any) => bucket.events.map((e: any) => e.id));
/** [label, ids] per bucket. */
const groupsOf = (body: any): Array<[string, string[]]> => body.data.map((bucket: any) => [bucket.label, bucket.events.map((e: any) => e.id)]);
const idsOfList = (list: any[]): string[] => list.map((e) => e.id);

function byStartThenId(a: EventRow, b: EventRow): number {
  if (a.startAt !== b.startAt) return a.startAt < b.startAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const hoursAfter = (start: string, hours: number) => new Date(Date.parse(start) + hours * 3_600_000).toISOString().replace('.000Z', 'Z');

const E = {
  putinCall: 'evt_2025_07_03_trump_putin_call',
  trumpStatement: 'evt_2025_07_04_trump_statement',
  kyivStrike: 'evt_2025_07_04_kyiv_strike',
  aidPause: 'evt_2025_07_us_air_defense_pause',
  zelenskyyCall: 'evt_2025_07_04_trump_zelenskyy_call',
  europeanEffort: 'evt_2025_07_european_air_defense_effort',
};

describe('GET /v1/timeline: the seeded night of 3–4 July 2025', () => {
  test('when tz=Europe/Kyiv, then the events are grouped by Kyiv day, in start order', async () => {
    const app = await freshApp({ seed: true });

    const body = await timeline(app, { tz: 'Europe/Kyiv' });

    expect(body).toMatchObject({ bucket: 'day', tz: 'Europe/Kyiv', next_cursor: null });
    // The European effort responds to the US pause and comes after it: it is dated to the day the
    // article reports it under way, not to a month whose start depends on a time zone.
    expect(groupsOf(body)).toEqual([
      ['2025-07-01', [E.aidPause]],
      ['2025-07-03', [E.putinCall, E.kyivStrike]],
      ['2025-07-04', [E.trumpStatement, E.zelenskyyCall, E.europeanEffort]],
    ]);
    expect(body.data.map((b: any) => [b.start, b.end])).toEqual([
      ['2025-07-01T00:00:00+03:00', '2025-07-02T00:00:00+03:00'],
      ['2025-07-03T00:00:00+03:00', '2025-07-04T00:00:00+03:00'],
      ['2025-07-04T00:00:00+03:00', '2025-07-05T00:00:00+03:00'],
    ]);
    const starts = body.data.flatMap((b: any) => b.events.map((e: any) => e.start_at));
    expect(starts).toEqual([...starts].sort());
  });

  test('when the timeline is read, then the planned Trump–Zelenskyy call appears with status scheduled', async () => {
    const app = await freshApp({ seed: true });

    const body = await timeline(app, { tz: 'Europe/Kyiv' });

    const call = body.data.flatMap((b: any) => b.events).find((e: any) => e.id === E.zelenskyyCall);
    // Known to the day only: a date, not a clock time in Kyiv.
    expect(call).toMatchObject({ status: 'scheduled', kind: 'diplomatic_contact', start_precision: 'day', start_local: '2025-07-04' });
    const pause = body.data.flatMap((b: any) => b.events).find((e: any) => e.id === E.aidPause);
    expect(pause).toMatchObject({ start_precision: 'month', start_local: '2025-07' });
  });

  test('when the timeline is read, then the Kyiv strike carries its headline figures and follows the Trump–Putin call', async () => {
    const app = await freshApp({ seed: true });

    const body = await timeline(app, { tz: 'Europe/Kyiv' });

    const entries = body.data.flatMap((b: any) => b.events);
    const strike = entries.find((e: any) => e.id === E.kyivStrike);
    expect(strike.start_local).toBe('2025-07-03T18:00:00+03:00');
    expect(strike.location).toMatchObject({ place: 'Kyiv', country: 'UA' });
    expect(strike.headline.casualties).toHaveLength(2);
    expect(strike.headline.casualties).toEqual(
      expect.arrayContaining([
        { category: 'killed', low: 1, best: 1, high: 1, source_ids: ['src_source_article'], as_reported: ['one fatality'] },
        { category: 'injured', low: 23, best: 23, high: null, source_ids: ['src_source_article'], as_reported: ['over 23 injuries'] },
      ]),
    );
    expect(strike.headline.munitions).toEqual({ source_id: 'src_uaf_post_2025_07_04', launched: 550, intercepted: 270, lost_to_ew: 208 });
    expect(strike.relations).toEqual([
      {
        id: 'rel_strike_follows_call',
        kind: 'follows',
        direction: 'outgoing',
        event: { id: E.putinCall, kind: 'diplomatic_contact', status: 'occurred', title: 'Trump–Putin phone call', start_at: '2025-07-03T04:00:00Z' },
      },
    ]);
    const call = entries.find((e: any) => e.id === E.putinCall);
    expect(call.relations).toContainEqual(
      expect.objectContaining({ id: 'rel_strike_follows_call', kind: 'follows', direction: 'incoming', event: expect.objectContaining({ id: E.kyivStrike }) }),
    );
    expect(call.headline).toEqual({ casualties: [], munitions: null });
  });
});

describe('GET /v1/timeline: buckets', () => {
  test('when an event starts at 22:30 UTC on 3 July, then it is in bucket 2025-07-03 by default and 2025-07-04 in Europe/Kyiv', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { startAt: '2025-07-03T22:30:00Z' });

    const utc = await timeline(app);
    const kyiv = await timeline(app, { tz: 'Europe/Kyiv' });

    expect(utc).toMatchObject({ bucket: 'day', tz: 'UTC' });
    expect(groupsOf(utc)).toEqual([['2025-07-03', [event.id]]]);
    expect(utc.data[0]).toMatchObject({ start: '2025-07-03T00:00:00Z', end: '2025-07-04T00:00:00Z' });
    expect(groupsOf(kyiv)).toEqual([['2025-07-04', [event.id]]]);
    expect(kyiv.data[0].events[0].start_local).toBe('2025-07-04T01:30:00+03:00');
  });

  test('when bucket=week, then events are grouped by ISO week starting on Monday', async () => {
    const app = await freshApp();
    const monday = createEvent(app.db, { startAt: '2025-06-30T00:00:00Z' });
    const sunday = createEvent(app.db, { startAt: '2025-07-06T23:59:59Z' });
    const nextMonday = createEvent(app.db, { startAt: '2025-07-07T00:00:00Z' });

    const body = await timeline(app, { bucket: 'week' });

    expect(body.bucket).toBe('week');
    expect(groupsOf(body)).toEqual([
      ['2025-W27', [monday.id, sunday.id]],
      ['2025-W28', [nextMonday.id]],
    ]);
    expect(body.data[0]).toMatchObject({ start: '2025-06-30T00:00:00Z', end: '2025-07-07T00:00:00Z' });
  });

  test('when bucket=month in Europe/Kyiv, then the last evening of June in UTC belongs to July', async () => {
    const app = await freshApp();
    const june = createEvent(app.db, { startAt: '2025-06-30T20:00:00Z' });
    const julyLocal = createEvent(app.db, { startAt: '2025-06-30T21:30:00Z' });
    const august = createEvent(app.db, { startAt: '2025-08-01T12:00:00Z' });

    const kyiv = await timeline(app, { bucket: 'month', tz: 'Europe/Kyiv' });
    const utc = await timeline(app, { bucket: 'month' });

    expect(groupsOf(kyiv)).toEqual([
      ['2025-06', [june.id]],
      ['2025-07', [julyLocal.id]],
      ['2025-08', [august.id]],
    ]);
    expect(kyiv.data[1]).toMatchObject({ start: '2025-07-01T00:00:00+03:00', end: '2025-08-01T00:00:00+03:00' });
    expect(groupsOf(utc)).toEqual([
      ['2025-06', [june.id, julyLocal.id]],
      ['2025-08', [august.id]],
    ]);
  });

  test('when bucket=year, then events are grouped by calendar year', async () => {
    const app = await freshApp();
    const old = createEvent(app.db, { startAt: '2024-12-31T23:00:00Z' });
    const recent = createEvent(app.db, { startAt: '2025-01-01T00:00:00Z' });

    const body = await timeline(app, { bucket: 'year' });

    expect(groupsOf(body)).toEqual([
      ['2024', [old.id]],
      ['2025', [recent.id]],
    ]);
  });

  test('when sort=-start_at, then the buckets and the events in them go newest first', async () => {
    const app = await freshApp();
    const first = createEvent(app.db, { startAt: '2025-07-03T08:00:00Z' });
    const second = createEvent(app.db, { startAt: '2025-07-03T09:00:00Z' });
    const third = createEvent(app.db, { startAt: '2025-07-04T08:00:00Z' });

    const body = await timeline(app, { sort: '-start_at' });

    expect(groupsOf(body)).toEqual([
      ['2025-07-04', [third.id]],
      ['2025-07-03', [second.id, first.id]],
    ]);
  });

  test('when there are no events, then data is empty and next_cursor null', async () => {
    const app = await freshApp();

    const body = await timeline(app);

    expect(body).toEqual({ bucket: 'day', tz: 'UTC', data: [], next_cursor: null });
  });
});

describe('GET /v1/timeline: the filters of /v1/events', () => {
  test('when kind is given, then only events of that kind appear', async () => {
    const app = await freshApp();
    const attack = createEvent(app.db, { kind: 'aerial_attack', startAt: '2025-07-03T10:00:00Z' });
    createEvent(app.db, { kind: 'statement', startAt: '2025-07-03T11:00:00Z' });
    const shelling = createEvent(app.db, { kind: 'shelling', startAt: '2025-07-03T12:00:00Z' });

    const body = await timeline(app, { kind: ['aerial_attack', 'shelling'] });

    expect(idsOf(body)).toEqual([attack.id, shelling.id]);
  });

  test('when status is given, then only events of that status appear', async () => {
    const app = await freshApp();
    createEvent(app.db, { status: 'occurred', startAt: '2025-07-03T10:00:00Z' });
    const scheduled = createEvent(app.db, { status: 'scheduled', kind: 'diplomatic_contact', startAt: '2025-07-04T10:00:00Z' });

    const body = await timeline(app, { status: 'scheduled' });

    expect(idsOf(body)).toEqual([scheduled.id]);
    expect(body.data[0].events[0].status).toBe('scheduled');
  });

  test('when q is given, then only events whose title or summary match appear', async () => {
    const app = await freshApp();
    const call = createEvent(app.db, { kind: 'diplomatic_contact', title: 'Trump–Zelenskyy call', summary: 'A call about air defence.', startAt: '2025-07-04T10:00:00Z' });
    createEvent(app.db, { title: 'Strike on Kharkiv', summary: 'Drones hit the city.', startAt: '2025-07-04T11:00:00Z' });

    const body = await timeline(app, { q: 'zelenskyy' });

    expect(idsOf(body)).toEqual([call.id]);
  });

  test('when from and to are given, then only events in that span appear', async () => {
    const app = await freshApp();
    createEvent(app.db, { startAt: '2025-07-01T10:00:00Z' });
    const inside = createEvent(app.db, { startAt: '2025-07-03T10:00:00Z' });
    createEvent(app.db, { startAt: '2025-07-06T10:00:00Z' });

    const body = await timeline(app, { from: '2025-07-02', to: '2025-07-04' });

    expect(idsOf(body)).toEqual([inside.id]);
  });

  test('when country, actor or source is given, then only the matching events appear', async () => {
    const app = await freshApp();
    const actor = createActor(app.db, { name: 'Ukrainian Air Force', kind: 'armed_force' });
    const source = createSource(app.db);
    const inUkraine = createEvent(app.db, { country: 'UA', startAt: '2025-07-03T10:00:00Z' });
    const inRussia = createEvent(app.db, { country: 'RU', place: 'Belgorod', startAt: '2025-07-03T11:00:00Z' });
    linkActor(app.db, inRussia.id, actor.id, 'target');
    citeEvent(app.db, inUkraine.id, source.id);

    const byCountry = await timeline(app, { country: 'ru' });
    const byActor = await timeline(app, { actor: actor.id });
    const bySource = await timeline(app, { source: source.id });

    expect(idsOf(byCountry)).toEqual([inRussia.id]);
    expect(idsOf(byActor)).toEqual([inRussia.id]);
    expect(idsOf(bySource)).toEqual([inUkraine.id]);
  });

  test('when an event has figures from several sources, then its headline uses the same choice as the statistics', async () => {
    const app = await freshApp();
    const wire = createSource(app.db, { id: 'src_wire' });
    const airForce = createSource(app.db, { id: 'src_air_force' });
    const event = createEvent(app.db, { startAt: '2025-07-03T10:00:00Z' });
    createCasualtyReport(app.db, event.id, wire.id, { category: 'killed', group: 'unknown', low: 10, best: 10, high: 10 });
    createCasualtyReport(app.db, event.id, airForce.id, { category: 'killed', group: 'civilian', low: 3, best: 3, high: 3 });
    createMunitionReport(app.db, event.id, wire.id, { weaponModel: null, launched: 120, intercepted: null, lostToEw: null });
    createMunitionReport(app.db, event.id, airForce.id, { weaponModel: 'Shahed-136/131', launched: 100, intercepted: 90, lostToEw: 5 });

    const body = await timeline(app);

    const { headline } = body.data[0].events[0];
    expect(headline.casualties).toHaveLength(1);
    expect(headline.casualties[0]).toMatchObject({ category: 'killed', low: 10, best: 10, high: 10 });
    expect([...headline.casualties[0].source_ids].sort()).toEqual(['src_air_force', 'src_wire']);
    expect(headline.munitions).toEqual({ source_id: 'src_air_force', launched: 100, intercepted: 90, lost_to_ew: 5 });
  });
});

describe('GET /v1/timeline: cursor paging', () => {
  test('when 60 events are paged with limit=7, then every event appears once, in order, and a bucket cut by a page continues with its label', async () => {
    const app = await freshApp();
    const created: EventRow[] = [];
    // Two events share each start (ties broken by id), five hours apart: 9 or 10 events a day.
    for (let i = 0; i < 60; i++) created.push(createEvent(app.db, { startAt: hoursAfter('2025-07-01T00:00:00Z', Math.floor(i / 2) * 5) }));
    const expected = [...created].sort(byStartThenId);

    const pages: any[] = [];
    let cursor: string | null = null;
    do {
      const body: any = await timeline(app, { limit: 7, ...(cursor ? { cursor } : {}) });
      pages.push(body);
      cursor = body.next_cursor;
    } while (cursor && pages.length < 100);

    const seen = pages.flatMap(idsOf);
    expect(seen).toEqual(expected.map((e) => e.id));
    expect(new Set(seen).size).toBe(60);
    expect(pages).toHaveLength(9);
    expect(pages.map((p) => idsOf(p).length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    let continued = 0;
    for (const [index, page] of pages.entries()) {
      const labels = page.data.map((b: any) => b.label);
      expect(new Set(labels).size, 'a page never splits a bucket').toBe(labels.length);
      for (const bucket of page.data) {
        for (const event of bucket.events) expect(event.start_at.slice(0, 10)).toBe(bucket.label);
      }
      const next = pages[index + 1];
      if (!next) continue;
      const lastOfPage = page.data.at(-1).events.at(-1);
      const firstOfNext = next.data[0].events[0];
      if (lastOfPage.start_at.slice(0, 10) === firstOfNext.start_at.slice(0, 10)) {
        expect(next.data[0].label).toBe(page.data.at(-1).label);
        expect(next.data[0]).toMatchObject({ start: page.data.at(-1).start, end: page.data.at(-1).end });
        continued += 1;
      }
    }
    expect(continued).toBeGreaterThan(0);
  });

  test('when a filtered timeline is paged, then the cursor keeps the filter and the bucket may change between pages', async () => {
    const app = await freshApp();
    const attacks = [1, 2, 3].map((hour) => createEvent(app.db, { kind: 'aerial_attack', startAt: `2025-07-03T0${hour}:00:00Z` }));
    createEvent(app.db, { kind: 'statement', startAt: '2025-07-03T01:30:00Z' });

    const first = await timeline(app, { kind: 'aerial_attack', limit: 2 });
    const second = await timeline(app, { kind: 'aerial_attack', limit: 2, bucket: 'month', tz: 'Europe/Kyiv', cursor: first.next_cursor });

    expect(idsOf(first)).toEqual([attacks[0]!.id, attacks[1]!.id]);
    expect(idsOf(second)).toEqual([attacks[2]!.id]);
    expect(second.data[0].label).toBe('2025-07');
    expect(second.next_cursor).toBeNull();
  });
});

describe('GET /v1/timeline: errors', () => {
  test('when tz is not an IANA zone, then 400 names tz', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/timeline?tz=Europe/Atlantis');

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'tz');
  });

  test.each(['fortnight', 'all'])('when bucket=%s, then 400 names bucket', async (bucket) => {
    const app = await freshApp();

    const response = await getJson(app, `/v1/timeline?bucket=${bucket}`);

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'bucket');
  });

  test('when the cursor is not one this API issued, then 400 names cursor', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/timeline?cursor=not-a-cursor');

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'cursor');
  });

  test('when a cursor is replayed with other filters, then 400 names cursor', async () => {
    const app = await freshApp();
    createEvent(app.db, { startAt: '2025-07-03T01:00:00Z' });
    createEvent(app.db, { startAt: '2025-07-03T02:00:00Z' });
    const first = await timeline(app, { limit: 1 });

    const response = await getJson(app, urlOf('/v1/timeline', { limit: 1, kind: 'shelling', cursor: first.next_cursor }));

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'cursor');
  });

  test('when from is after to, then 400 names from', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/timeline?from=2025-07-05&to=2025-07-01');

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'from');
  });
});

describe('GET /v1/events/{id}/context: events around one event', () => {
  test('when neighbours lie inside and outside the default 72-hour window, then before and after list the inside ones, nearest first, without the event itself', async () => {
    const app = await freshApp();
    const focus = createEvent(app.db, { startAt: '2025-07-10T12:00:00Z' });
    const oneBefore = createEvent(app.db, { startAt: hoursAfter(focus.startAt, -1) });
    const fiveBefore = createEvent(app.db, { startAt: hoursAfter(focus.startAt, -5) });
    const atWindowStart = createEvent(app.db, { startAt: hoursAfter(focus.startAt, -72) });
    createEvent(app.db, { startAt: hoursAfter(focus.startAt, -73) });
    const twoAfter = createEvent(app.db, { startAt: hoursAfter(focus.startAt, 2) });
    const tenAfter = createEvent(app.db, { startAt: hoursAfter(focus.startAt, 10) });
    const atWindowEnd = createEvent(app.db, { startAt: hoursAfter(focus.startAt, 72) });
    createEvent(app.db, { startAt: hoursAfter(focus.startAt, 72.5) });

    const body = await context(app, focus.id);

    expect(body.event.id).toBe(focus.id);
    expect(body.window_start).toBe('2025-07-07T12:00:00Z');
    expect(body.window_end).toBe('2025-07-13T12:00:00Z');
    expect(idsOfList(body.before)).toEqual([oneBefore.id, fiveBefore.id, atWindowStart.id]);
    expect(idsOfList(body.after)).toEqual([twoAfter.id, tenAfter.id, atWindowEnd.id]);
    expect(body.linked).toEqual([]);
  });

  test('when window_hours is given, then only neighbours within that many hours are listed', async () => {
    const app = await freshApp();
    const focus = createEvent(app.db, { startAt: '2025-07-10T12:00:00Z' });
    const near = createEvent(app.db, { startAt: hoursAfter(focus.startAt, -2) });
    createEvent(app.db, { startAt: hoursAfter(focus.startAt, -4) });
    const soon = createEvent(app.db, { startAt: hoursAfter(focus.startAt, 3) });
    createEvent(app.db, { startAt: hoursAfter(focus.startAt, 3.5) });

    const body = await context(app, focus.id, { window_hours: 3 });

    expect(body.window_start).toBe('2025-07-10T09:00:00Z');
    expect(body.window_end).toBe('2025-07-10T15:00:00Z');
    expect(idsOfList(body.before)).toEqual([near.id]);
    expect(idsOfList(body.after)).toEqual([soon.id]);
  });

  test('when the event has an end, then the window after it is counted from its end', async () => {
    const app = await freshApp();
    const focus = createEvent(app.db, { startAt: '2025-07-03T15:00:00Z', endAt: '2025-07-04T03:00:00Z', endPrecision: 'minute' });
    const during = createEvent(app.db, { startAt: '2025-07-03T22:00:00Z' });
    const afterEnd = createEvent(app.db, { startAt: '2025-07-04T05:00:00Z' });
    createEvent(app.db, { startAt: '2025-07-04T07:00:00Z' });

    const body = await context(app, focus.id, { window_hours: 3 });

    expect(body.window_start).toBe('2025-07-03T12:00:00Z');
    expect(body.window_end).toBe('2025-07-04T06:00:00Z');
    expect(idsOfList(body.after)).toEqual([during.id, afterEnd.id]);
  });

  test('when limit is given, then at most that many nearest events are listed on each side', async () => {
    const app = await freshApp();
    const focus = createEvent(app.db, { startAt: '2025-07-10T12:00:00Z' });
    const before = [1, 2, 3].map((h) => createEvent(app.db, { startAt: hoursAfter(focus.startAt, -h) }));
    const after = [1, 2, 3].map((h) => createEvent(app.db, { startAt: hoursAfter(focus.startAt, h) }));

    const body = await context(app, focus.id, { limit: 2 });

    expect(idsOfList(body.before)).toEqual([before[0]!.id, before[1]!.id]);
    expect(idsOfList(body.after)).toEqual([after[0]!.id, after[1]!.id]);
  });

  test('when kind or country is given, then only such neighbours are listed', async () => {
    const app = await freshApp();
    const focus = createEvent(app.db, { kind: 'aerial_attack', country: 'UA', startAt: '2025-07-10T12:00:00Z' });
    const statement = createEvent(app.db, { kind: 'statement', country: 'UA', startAt: hoursAfter(focus.startAt, -1) });
    const attack = createEvent(app.db, { kind: 'aerial_attack', country: 'UA', startAt: hoursAfter(focus.startAt, -2) });
    const abroad = createEvent(app.db, { kind: 'aerial_attack', country: 'RU', place: 'Belgorod', startAt: hoursAfter(focus.startAt, 1) });
    const home = createEvent(app.db, { kind: 'shelling', country: 'UA', startAt: hoursAfter(focus.startAt, 2) });

    const byKind = await context(app, focus.id, { kind: 'aerial_attack' });
    const byCountry = await context(app, focus.id, { country: 'ua' });

    expect(idsOfList(byKind.before)).toEqual([attack.id]);
    expect(idsOfList(byKind.after)).toEqual([abroad.id]);
    expect(idsOfList(byCountry.before)).toEqual([statement.id, attack.id]);
    expect(idsOfList(byCountry.after)).toEqual([home.id]);
  });

  test('when neighbours start at the same instant as the event, then the tie is broken by id: lower ids before, higher after, nearest first', async () => {
    const app = await freshApp();
    const at = '2025-07-10T12:00:00Z';
    const focus = createEvent(app.db, { id: 'evt_m', startAt: at });
    createEvent(app.db, { id: 'evt_a', startAt: at });
    createEvent(app.db, { id: 'evt_b', startAt: at });
    createEvent(app.db, { id: 'evt_x', startAt: at });
    createEvent(app.db, { id: 'evt_y', startAt: at });
    createEvent(app.db, { id: 'evt_earlier', startAt: hoursAfter(at, -1) });
    createEvent(app.db, { id: 'evt_later', startAt: hoursAfter(at, 1) });

    const body = await context(app, focus.id);

    expect(idsOfList(body.before)).toEqual(['evt_b', 'evt_a', 'evt_earlier']);
    expect(idsOfList(body.after)).toEqual(['evt_x', 'evt_y', 'evt_later']);
  });

  test('when events are linked by relations far outside the window, then linked lists them in both directions', async () => {
    const app = await freshApp();
    const focus = createEvent(app.db, { startAt: '2025-07-10T12:00:00Z' });
    const longBefore = createEvent(app.db, { kind: 'military_aid_decision', startAt: '2025-01-15T12:00:00Z' });
    const longAfter = createEvent(app.db, { kind: 'statement', startAt: '2025-12-01T12:00:00Z' });
    const outgoing = createRelation(app.db, focus.id, longBefore.id, 'follows');
    const incoming = createRelation(app.db, longAfter.id, focus.id, 'responds_to');

    const body = await context(app, focus.id, { window_hours: 1 });

    expect(body.before).toEqual([]);
    expect(body.after).toEqual([]);
    expect(body.linked).toHaveLength(2);
    expect(body.linked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: outgoing.id, kind: 'follows', direction: 'outgoing', event: expect.objectContaining({ id: longBefore.id }) }),
        expect.objectContaining({ id: incoming.id, kind: 'responds_to', direction: 'incoming', event: expect.objectContaining({ id: longAfter.id }) }),
      ]),
    );
  });

  test('when the seeded Trump–Putin call is asked about, then the strike and Trump’s statement are linked to it, and the US pause came before it', async () => {
    const app = await freshApp({ seed: true });

    const body = await context(app, E.putinCall);

    expect(body.linked.map((r: any) => [r.id, r.direction, r.event.id]).sort()).toEqual([
      ['rel_strike_follows_call', 'incoming', E.kyivStrike],
      ['rel_trump_statement_responds_to_call', 'incoming', E.trumpStatement],
    ]);
    expect(idsOfList(body.after)).toContain(E.kyivStrike);
    expect(idsOfList(body.before)).toContain(E.aidPause);
  });

  test('when the id is unknown, then 404 not found', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/events/evt_does_not_exist/context');

    expectProblem(response, 404, 'SITREP_NOT_FOUND');
  });

  test.each(['0', '9000', 'soon', '1.5'])('when window_hours=%s, then 400 names window_hours', async (value) => {
    const app = await freshApp();
    const focus = createEvent(app.db);

    const response = await getJson(app, `/v1/events/${focus.id}/context?window_hours=${value}`);

    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'window_hours');
  });

  test('when window_hours is 8784 (a leap year), then it is accepted', async () => {
    const app = await freshApp();
    const focus = createEvent(app.db, { startAt: '2025-07-10T12:00:00Z' });
    const yearBefore = createEvent(app.db, { startAt: '2024-07-10T12:00:00Z' });

    const body = await context(app, focus.id, { window_hours: 8784 });

    expect(idsOfList(body.before)).toEqual([yearBefore.id]);
  });
});
