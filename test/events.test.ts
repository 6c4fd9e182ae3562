// GET /v1/events and GET /v1/events/{id} through inject(): filters, order, keyset paging, errors
// as problem+json, the detail of a seeded event, and conditional GETs. Each test builds its own
// app on its own in-memory database and creates exactly the records it asserts on.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import { events, type EventRow } from '../src/db/schema.js';
import {
  citeEvent,
  createActor,
  createCasualtyReport,
  createDamageReport,
  createEvent,
  createMunitionReport,
  createSource,
  linkActor,
} from './factories.js';
import { collectPages, expectProblem, freshApp, getJson, urlOf, type Params } from './helpers.js';

const eventsUrl = (params: Params = {}) => urlOf('/v1/events', params);

async function listIds(app: FastifyInstance, params: Params = {}): Promise<string[]> {
  const { status, body } = await getJson(app, eventsUrl(params));
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data.map((event: { id: string }) => event.id);
}

/** Ascending order of the list: start_at, then id. */
function byStartThenId(a: EventRow, b: EventRow): number {
  if (a.startAt !== b.startAt) return a.startAt < b.startAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const hoursAfter = (start: string, hours: number) => new Date(Date.parse(start) + hours * 3_600_000).toISOString().replace('.000Z', 'Z');

describe('GET /v1/events: from and to', () => {
  test('when from and to are given, then by default only events that start in the period are returned, so consecutive periods share none', async () => {
    const app = await freshApp();
    // A night attack that starts on 31 December (Kyiv) and ends on 1 January.
    const newYearsEve = createEvent(app.db, { startAt: '2025-12-31T20:00:00Z', endAt: '2026-01-01T03:00:00Z', endPrecision: 'minute', timezone: 'Europe/Kyiv' });
    const january = createEvent(app.db, { startAt: '2026-01-10T12:00:00Z', timezone: 'Europe/Kyiv' });

    const december = await listIds(app, { from: '2025-12-01', to: '2025-12-31', tz: 'Europe/Kyiv' });
    const januaryIds = await listIds(app, { from: '2026-01-01', to: '2026-01-31', tz: 'Europe/Kyiv' });
    const overlapping = await listIds(app, { from: '2026-01-01', to: '2026-01-31', tz: 'Europe/Kyiv', range: 'overlaps' });

    expect(december).toEqual([newYearsEve.id]);
    expect(januaryIds).toEqual([january.id]);
    expect(overlapping).toEqual([newYearsEve.id, january.id]);
  });

  test('when tz is given, then a date in from and to is that whole local day', async () => {
    const app = await freshApp();
    // 00:30 on 4 July in Kyiv is still 3 July in UTC; 00:30 on 5 July in Kyiv is 4 July in UTC.
    const earlyKyivMorning = createEvent(app.db, { startAt: '2025-07-03T21:30:00Z', timezone: 'Europe/Kyiv' });
    const kyivEvening = createEvent(app.db, { startAt: '2025-07-04T21:30:00Z', timezone: 'Europe/Kyiv' });

    const kyivDay = await listIds(app, { from: '2025-07-04', to: '2025-07-04', tz: 'Europe/Kyiv' });
    const utcDay = await listIds(app, { from: '2025-07-04', to: '2025-07-04' });

    expect(kyivDay).toEqual([earlyKyivMorning.id]);
    expect(utcDay).toEqual([kyivEvening.id]);
    expectProblem(await getJson(app, eventsUrl({ tz: 'Mars/Olympus' })), 400, 'SITREP_INVALID_PARAMETER', 'tz');
    expectProblem(await getJson(app, eventsUrl({ range: 'during' })), 400, 'SITREP_INVALID_PARAMETER', 'range');
  });

  test('when range=overlaps and from is a date, then events whose span reaches 00:00 UTC that day or later are returned, ongoing ones included', async () => {
    const app = await freshApp();
    const endsAtMidnight = createEvent(app.db, { startAt: '2025-07-02T23:59:00Z', startPrecision: 'minute', timezone: 'UTC' });
    const overlapping = createEvent(app.db, { startAt: '2025-07-02T22:00:00Z', endAt: '2025-07-03T01:00:00Z', endPrecision: 'minute' });
    const sameDay = createEvent(app.db, { startAt: '2025-07-03T10:00:00Z' });
    const ongoing = createEvent(app.db, { status: 'ongoing', startAt: '2025-06-01T00:00:00Z', startPrecision: 'day', timezone: 'UTC' });
    const longOver = createEvent(app.db, { status: 'occurred', startAt: '2025-06-01T00:00:00Z', startPrecision: 'day', timezone: 'UTC' });

    const ids = await listIds(app, { range: 'overlaps', from: '2025-07-03' });

    expect(ids).toEqual([ongoing.id, overlapping.id, sameDay.id]);
    expect(ids).not.toContain(endsAtMidnight.id);
    expect(ids).not.toContain(longOver.id);
  });

  test('when range=overlaps and from is a date-time, then a minute-precision event counts until the end of its minute', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { startAt: '2025-07-03T10:00:00Z', startPrecision: 'minute' });

    const lastSecond = await listIds(app, { range: 'overlaps', from: '2025-07-03T10:00:59Z' });
    const sameInstantWithOffset = await listIds(app, { range: 'overlaps', from: '2025-07-03T13:00:59+03:00' });
    const minuteOver = await listIds(app, { range: 'overlaps', from: '2025-07-03T10:01:00Z' });

    expect(lastSecond).toEqual([event.id]);
    expect(sameInstantWithOffset).toEqual([event.id]);
    expect(minuteOver).toEqual([]);
  });

  test('when range=overlaps and an event has day precision and no end, then it covers its whole local day, not the UTC day', async () => {
    const app = await freshApp();
    // 3 July in Kyiv (UTC+3) is 2 July 21:00Z to 3 July 21:00Z; in New York (UTC-4), 3 July 04:00Z to 4 July 04:00Z.
    const kyivDay = createEvent(app.db, { startAt: '2025-07-02T21:00:00Z', startPrecision: 'day', timezone: 'Europe/Kyiv' });
    const newYorkDay = createEvent(app.db, { startAt: '2025-07-03T04:00:00Z', startPrecision: 'day', timezone: 'America/New_York' });

    const beforeKyivMidnight = await listIds(app, { range: 'overlaps', from: '2025-07-03T20:59:59Z' });
    const atKyivMidnight = await listIds(app, { range: 'overlaps', from: '2025-07-03T21:00:00Z' });
    const fromFourthUtc = await listIds(app, { range: 'overlaps', from: '2025-07-04' });
    const atNewYorkMidnight = await listIds(app, { range: 'overlaps', from: '2025-07-04T04:00:00Z' });

    expect(beforeKyivMidnight).toEqual([kyivDay.id, newYorkDay.id]);
    expect(atKyivMidnight).toEqual([newYorkDay.id]);
    expect(fromFourthUtc).toEqual([newYorkDay.id]);
    expect(atNewYorkMidnight).toEqual([]);
  });

  test('when range=overlaps and a day-precision event falls on a 25-hour DST day, then its span covers all 25 local hours', async () => {
    const app = await freshApp();
    // Kyiv leaves summer time on 26 October 2025: the local day runs 25 Oct 21:00Z to 26 Oct 22:00Z.
    const event = createEvent(app.db, { startAt: '2025-10-25T21:00:00Z', startPrecision: 'day', timezone: 'Europe/Kyiv' });

    const inTheExtraHour = await listIds(app, { range: 'overlaps', from: '2025-10-26T21:30:00Z' });
    const afterTheDay = await listIds(app, { range: 'overlaps', from: '2025-10-26T22:00:00Z' });

    expect(inTheExtraHour).toEqual([event.id]);
    expect(afterTheDay).toEqual([]);
  });

  test('when range=overlaps and an event has month precision, then it covers its whole local month', async () => {
    const app = await freshApp();
    const july = createEvent(app.db, { startAt: '2025-07-01T04:00:00Z', startPrecision: 'month', timezone: 'America/New_York' });

    const lastLocalHours = await listIds(app, { range: 'overlaps', from: '2025-08-01' });
    const afterTheMonth = await listIds(app, { range: 'overlaps', from: '2025-08-02' });

    expect(lastLocalHours).toEqual([july.id]);
    expect(afterTheMonth).toEqual([]);
  });

  test('when range=overlaps and an ongoing event has no end, then it matches any later from, but an ongoing event with an end does not', async () => {
    const app = await freshApp();
    const openEnded = createEvent(app.db, { status: 'ongoing', startAt: '2025-01-01T00:00:00Z', startPrecision: 'day' });
    const ongoingWithEnd = createEvent(app.db, {
      status: 'ongoing',
      startAt: '2025-01-01T00:00:00Z',
      startPrecision: 'day',
      endAt: '2025-02-01T00:00:00Z',
      endPrecision: 'day',
    });

    const ids = await listIds(app, { range: 'overlaps', from: '2030-01-01' });

    expect(ids).toEqual([openEnded.id]);
    expect(ids).not.toContain(ongoingWithEnd.id);
  });

  test('when to is a date, then events starting at any moment of that UTC day are included and none after', async () => {
    const app = await freshApp();
    const dayBefore = createEvent(app.db, { startAt: '2025-07-03T12:00:00Z' });
    const firstSecond = createEvent(app.db, { startAt: '2025-07-04T00:00:00Z' });
    const lastSecond = createEvent(app.db, { startAt: '2025-07-04T23:59:59Z' });
    const nextDay = createEvent(app.db, { startAt: '2025-07-05T00:00:00Z' });
    const laterOngoing = createEvent(app.db, { status: 'ongoing', startAt: '2025-07-06T00:00:00Z' });

    const ids = await listIds(app, { to: '2025-07-04' });

    expect(ids).toEqual([dayBefore.id, firstSecond.id, lastSecond.id]);
    expect(ids).not.toContain(nextDay.id);
    expect(ids).not.toContain(laterOngoing.id);
  });

  test('when to is a date-time, then an event starting exactly then is included and one a minute later is not', async () => {
    const app = await freshApp();
    const atTo = createEvent(app.db, { startAt: '2025-07-04T12:00:00Z' });
    const minuteLater = createEvent(app.db, { startAt: '2025-07-04T12:01:00Z' });

    const utc = await listIds(app, { to: '2025-07-04T12:00:00Z' });
    const withOffset = await listIds(app, { to: '2025-07-04T15:00:00+03:00' });

    expect(utc).toEqual([atTo.id]);
    expect(withOffset).toEqual([atTo.id]);
    expect(utc).not.toContain(minuteLater.id);
  });

  test('when range=overlaps and from and to are both given, then every event whose span intersects [from, to] is returned', async () => {
    const app = await freshApp();
    const endsBefore = createEvent(app.db, { startAt: '2025-07-03T10:00:00Z', endAt: '2025-07-03T23:00:00Z', endPrecision: 'minute' });
    const endsInside = createEvent(app.db, { startAt: '2025-07-03T20:00:00Z', endAt: '2025-07-04T02:00:00Z', endPrecision: 'minute' });
    const spansWhole = createEvent(app.db, { startAt: '2025-07-03T21:00:00Z', endAt: '2025-07-06T00:00:00Z', endPrecision: 'minute' });
    const inside = createEvent(app.db, { startAt: '2025-07-04T12:00:00Z' });
    const startsAfter = createEvent(app.db, { startAt: '2025-07-05T00:00:00Z' });

    const ids = await listIds(app, { range: 'overlaps', from: '2025-07-04T00:00:00Z', to: '2025-07-04T23:59:59Z' });

    expect(ids).toEqual([endsInside.id, spansWhole.id, inside.id]);
    expect(ids).not.toContain(endsBefore.id);
    expect(ids).not.toContain(startsAfter.id);
  });

  test('when from and to are the same date, then that day’s events are returned', async () => {
    const app = await freshApp();
    const morning = createEvent(app.db, { startAt: '2025-07-04T06:00:00Z' });
    const evening = createEvent(app.db, { startAt: '2025-07-04T20:00:00Z' });
    createEvent(app.db, { startAt: '2025-07-05T06:00:00Z' });

    const ids = await listIds(app, { from: '2025-07-04', to: '2025-07-04' });

    expect(ids).toEqual([morning.id, evening.id]);
  });

  test('when to is 9999-12-31, then it acts as no upper bound', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { startAt: '2025-07-04T06:00:00Z' });

    const ids = await listIds(app, { to: '9999-12-31' });

    expect(ids).toEqual([event.id]);
  });

  test('when range=overlaps and from falls after the year 9999 in UTC, then only open-ended ongoing events match', async () => {
    const app = await freshApp();
    const openEnded = createEvent(app.db, { status: 'ongoing', startAt: '2025-07-01T00:00:00Z', startPrecision: 'day' });
    createEvent(app.db, { startAt: '2025-07-04T06:00:00Z' });

    const ids = await listIds(app, { range: 'overlaps', from: '9999-12-31T23:00:00-05:00' });

    expect(ids).toEqual([openEnded.id]);
  });
});

describe('GET /v1/events: kind, status, actor, country, source', () => {
  test('when kind is given once, then only events of that kind are returned', async () => {
    const app = await freshApp();
    const strike = createEvent(app.db, { kind: 'aerial_attack', startAt: '2025-07-03T01:00:00Z' });
    createEvent(app.db, { kind: 'shelling', startAt: '2025-07-03T02:00:00Z' });
    createEvent(app.db, { kind: 'statement', startAt: '2025-07-03T03:00:00Z' });

    const ids = await listIds(app, { kind: 'aerial_attack' });

    expect(ids).toEqual([strike.id]);
  });

  test('when kind is repeated, then events of any of those kinds are returned', async () => {
    const app = await freshApp();
    const strike = createEvent(app.db, { kind: 'aerial_attack', startAt: '2025-07-03T01:00:00Z' });
    const shelling = createEvent(app.db, { kind: 'shelling', startAt: '2025-07-03T02:00:00Z' });
    createEvent(app.db, { kind: 'statement', startAt: '2025-07-03T03:00:00Z' });

    const ids = await listIds(app, { kind: ['shelling', 'aerial_attack'] });

    expect(ids).toEqual([strike.id, shelling.id]);
  });

  test('when status is given once or repeated, then only events with those statuses are returned', async () => {
    const app = await freshApp();
    const occurred = createEvent(app.db, { status: 'occurred', startAt: '2025-07-03T01:00:00Z' });
    const scheduled = createEvent(app.db, { status: 'scheduled', startAt: '2025-07-03T02:00:00Z' });
    createEvent(app.db, { status: 'cancelled', startAt: '2025-07-03T03:00:00Z' });

    const single = await listIds(app, { status: 'scheduled' });
    const repeated = await listIds(app, { status: ['occurred', 'scheduled'] });

    expect(single).toEqual([scheduled.id]);
    expect(repeated).toEqual([occurred.id, scheduled.id]);
  });

  test('when actor is given, then only events that actor takes part in are returned, once each', async () => {
    const app = await freshApp();
    const actor = createActor(app.db, { name: 'Ukrainian Air Force', kind: 'armed_force' });
    const other = createActor(app.db);
    const defended = createEvent(app.db, { startAt: '2025-07-03T01:00:00Z' });
    const twoRoles = createEvent(app.db, { startAt: '2025-07-03T02:00:00Z' });
    const notInvolved = createEvent(app.db, { startAt: '2025-07-03T03:00:00Z' });
    linkActor(app.db, defended.id, actor.id, 'defender');
    linkActor(app.db, twoRoles.id, actor.id, 'speaker');
    linkActor(app.db, twoRoles.id, actor.id, 'subject');
    linkActor(app.db, notInvolved.id, other.id, 'initiator');

    const ids = await listIds(app, { actor: actor.id });

    expect(ids).toEqual([defended.id, twoRoles.id]);
  });

  test('when country is given in lower case, then events in that country are returned', async () => {
    const app = await freshApp();
    const inUkraine = createEvent(app.db, { country: 'UA', startAt: '2025-07-03T01:00:00Z' });
    createEvent(app.db, { country: 'RU', startAt: '2025-07-03T02:00:00Z' });
    createEvent(app.db, { country: null, startAt: '2025-07-03T03:00:00Z' });

    const lower = await listIds(app, { country: 'ua' });
    const upper = await listIds(app, { country: 'UA' });

    expect(lower).toEqual([inUkraine.id]);
    expect(upper).toEqual([inUkraine.id]);
  });

  test('when source is given, then events it backs as claimant, as channel or through a report are returned, once each', async () => {
    const app = await freshApp();
    const source = createSource(app.db, { publisher: 'TIME' });
    const other = createSource(app.db, { publisher: 'Other Wire' });
    const claimant = createEvent(app.db, { startAt: '2025-07-03T01:00:00Z' });
    const channel = createEvent(app.db, { startAt: '2025-07-03T02:00:00Z' });
    const casualty = createEvent(app.db, { startAt: '2025-07-03T03:00:00Z' });
    const munition = createEvent(app.db, { startAt: '2025-07-03T04:00:00Z' });
    const damage = createEvent(app.db, { startAt: '2025-07-03T05:00:00Z' });
    const unrelated = createEvent(app.db, { startAt: '2025-07-03T06:00:00Z' });
    citeEvent(app.db, claimant.id, source.id);
    createCasualtyReport(app.db, claimant.id, source.id);
    citeEvent(app.db, channel.id, other.id, 'As TIME reported.', source.id);
    createCasualtyReport(app.db, casualty.id, source.id);
    createMunitionReport(app.db, munition.id, source.id);
    createDamageReport(app.db, damage.id, source.id);
    citeEvent(app.db, unrelated.id, other.id);
    createMunitionReport(app.db, unrelated.id, other.id);

    const ids = await listIds(app, { source: source.id });

    expect(ids).toEqual([claimant.id, channel.id, casualty.id, munition.id, damage.id]);
  });

  test('when several filters are combined, then only events matching all of them are returned', async () => {
    const app = await freshApp();
    const match = createEvent(app.db, { kind: 'aerial_attack', country: 'UA', startAt: '2025-07-04T01:00:00Z' });
    createEvent(app.db, { kind: 'aerial_attack', country: 'RU', startAt: '2025-07-04T02:00:00Z' });
    createEvent(app.db, { kind: 'shelling', country: 'UA', startAt: '2025-07-04T03:00:00Z' });
    createEvent(app.db, { kind: 'aerial_attack', country: 'UA', startAt: '2025-07-06T01:00:00Z' });

    const ids = await listIds(app, { kind: 'aerial_attack', country: 'ua', from: '2025-07-04', to: '2025-07-04' });

    expect(ids).toEqual([match.id]);
  });
});

describe('GET /v1/events: full-text search (q)', () => {
  test('when q is a word, then events with that word in title or summary are returned, and part of a word matches nothing', async () => {
    const app = await freshApp();
    const inTitle = createEvent(app.db, { title: 'Drone strike on Odesa port', summary: 'Warehouses burned.', startAt: '2025-07-03T01:00:00Z' });
    const inSummary = createEvent(app.db, { title: 'Mayor’s statement', summary: 'The mayor of Odesa spoke.', startAt: '2025-07-03T02:00:00Z' });
    createEvent(app.db, { title: 'Shelling of Kharkiv', summary: 'No port was hit.', startAt: '2025-07-03T03:00:00Z' });

    const word = await listIds(app, { q: 'odesa' });
    const partial = await listIds(app, { q: 'odes' });

    expect(word).toEqual([inTitle.id, inSummary.id]);
    expect(partial).toEqual([]);
  });

  test('when a q word ends with *, then it matches as a prefix', async () => {
    const app = await freshApp();
    const odesa = createEvent(app.db, { title: 'Drone strike on Odesa port', startAt: '2025-07-03T01:00:00Z' });
    const odessa = createEvent(app.db, { title: 'Statement on Odessa', startAt: '2025-07-03T02:00:00Z' });
    createEvent(app.db, { title: 'Shelling of Kharkiv', startAt: '2025-07-03T03:00:00Z' });

    const ids = await listIds(app, { q: 'odes*' });

    expect(ids).toEqual([odesa.id, odessa.id]);
  });

  test('when q has several words, then only events containing all of them are returned', async () => {
    const app = await freshApp();
    const both = createEvent(app.db, { title: 'Drone strike on Odesa port', startAt: '2025-07-03T01:00:00Z' });
    createEvent(app.db, { title: 'Missile strike on Kharkiv', startAt: '2025-07-03T02:00:00Z' });
    createEvent(app.db, { title: 'Odesa port reopens', startAt: '2025-07-03T03:00:00Z' });

    const ids = await listIds(app, { q: 'odesa strike' });

    expect(ids).toEqual([both.id]);
  });

  test('when q differs from the text in case or diacritics, then it still matches', async () => {
    const app = await freshApp();
    const accented = createEvent(app.db, { title: 'Frappe sur Odésa', startAt: '2025-07-03T01:00:00Z' });
    const plain = createEvent(app.db, { title: 'Strike on Kyiv', startAt: '2025-07-03T02:00:00Z' });
    const cyrillic = createEvent(app.db, { title: 'Удар по Києву', startAt: '2025-07-03T03:00:00Z' });

    const upperPlain = await listIds(app, { q: 'ODESA' });
    const accentedQuery = await listIds(app, { q: 'KYÏV' });
    const upperCyrillic = await listIds(app, { q: 'КИЄВУ' });

    expect(upperPlain).toEqual([accented.id]);
    expect(accentedQuery).toEqual([plain.id]);
    expect(upperCyrillic).toEqual([cyrillic.id]);
  });

  test('when q holds FTS5 syntax or stray punctuation, then the answer is results or a 400 naming q, never a 500', async () => {
    const app = await freshApp();
    createEvent(app.db, { title: 'Title: strike near Kyiv and Odesa', summary: 'Drones or missiles (NEAR the port).' });
    const hostile = [
      '"',
      '""',
      'AND OR NEAR(',
      'NEAR(kyiv odesa, 2)',
      'title:x',
      'title:kyiv',
      '{title summary}: kyiv',
      '*',
      '**',
      'kyiv*odesa',
      '-kyiv',
      '^kyiv',
      'NOT',
      'kyiv NOT',
      '(',
      ')',
      '"kyiv',
      'kyiv"',
      "'",
      '\\',
      '%',
      '+',
      'kyiv + odesa',
      ' ',
      '',
      'x'.repeat(200),
      'a\u0000b',
      '\u0301',
      '🚀',
    ];

    for (const q of hostile) {
      const response = await getJson(app, eventsUrl({ q }));

      if (response.status === 200) expect(Array.isArray(response.body.data), q).toBe(true);
      else expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'q');
    }
  });

  test('when q is only punctuation or longer than 200 characters, then 400 names q', async () => {
    const app = await freshApp();

    const star = await getJson(app, eventsUrl({ q: '*' }));
    const quote = await getJson(app, eventsUrl({ q: '"' }));
    const tooLong = await getJson(app, eventsUrl({ q: 'x'.repeat(201) }));

    expectProblem(star, 400, 'SITREP_INVALID_PARAMETER', 'q');
    expectProblem(quote, 400, 'SITREP_INVALID_PARAMETER', 'q');
    expectProblem(tooLong, 400, 'SITREP_INVALID_PARAMETER', 'q');
  });

  test('when q holds FTS5 operators as words, then they are searched as plain words', async () => {
    const app = await freshApp();
    const withWords = createEvent(app.db, { title: 'Drones and missiles near Kyiv', summary: 'One or the other.' });
    createEvent(app.db, { title: 'Shelling of Kharkiv' });

    const ids = await listIds(app, { q: 'AND OR NEAR(' });

    expect(ids).toEqual([withWords.id]);
  });
});

describe('GET /v1/events: order', () => {
  test('when sort is start_at or -start_at, then events come oldest or newest first, ties broken by id', async () => {
    const app = await freshApp();
    const earlier = createEvent(app.db, { id: 'evt_m_earlier', startAt: '2025-07-03T10:00:00Z' });
    const tieB = createEvent(app.db, { id: 'evt_b_tie', startAt: '2025-07-03T12:00:00Z' });
    const tieC = createEvent(app.db, { id: 'evt_c_tie', startAt: '2025-07-03T12:00:00Z' });
    const tieA = createEvent(app.db, { id: 'evt_a_tie', startAt: '2025-07-03T12:00:00Z' });
    const later = createEvent(app.db, { id: 'evt_0_later', startAt: '2025-07-03T14:00:00Z' });

    const ascending = await listIds(app, { sort: 'start_at' });
    const descending = await listIds(app, { sort: '-start_at' });
    const byDefault = await listIds(app);

    expect(ascending).toEqual([earlier.id, tieA.id, tieB.id, tieC.id, later.id]);
    expect(descending).toEqual([later.id, tieC.id, tieB.id, tieA.id, earlier.id]);
    expect(byDefault).toEqual(ascending);
  });
});

describe('GET /v1/events: paging', () => {
  /** 137 events, four to an hour, so most start times are shared by several events. */
  function create137Events(app: FastifyInstance): EventRow[] {
    return Array.from({ length: 137 }, (_, i) =>
      createEvent(app.db, {
        kind: i % 3 === 0 ? 'shelling' : 'aerial_attack',
        startAt: hoursAfter('2025-07-01T00:00:00Z', Math.floor(i / 4)),
      }),
    );
  }

  test('when 137 events are paged with limit=10 oldest first, then the pages join into the full ordered list', async () => {
    const app = await freshApp();
    const expected = create137Events(app)
      .sort(byStartThenId)
      .map((e) => e.id);

    const { items, pages } = await collectPages<{ id: string }>(app, eventsUrl({ limit: 10, sort: 'start_at' }));

    const ids = items.map((e) => e.id);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(137);
    expect(pages).toBe(14);
  });

  test('when 137 events are paged with limit=10 newest first, then the pages join into the full reversed list', async () => {
    const app = await freshApp();
    const expected = create137Events(app)
      .sort(byStartThenId)
      .reverse()
      .map((e) => e.id);

    const { items, pages } = await collectPages<{ id: string }>(app, eventsUrl({ limit: 10, sort: '-start_at' }));

    const ids = items.map((e) => e.id);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(137);
    expect(pages).toBe(14);
  });

  test('when a filter is active while paging, then every page keeps it and the pages join into the filtered list', async () => {
    const app = await freshApp();
    const shelling = create137Events(app)
      .filter((e) => e.kind === 'shelling')
      .sort(byStartThenId)
      .map((e) => e.id);

    const ascending = await collectPages<{ id: string; kind: string }>(app, eventsUrl({ kind: 'shelling', limit: 10 }));
    const descending = await collectPages<{ id: string; kind: string }>(app, eventsUrl({ kind: 'shelling', sort: '-start_at', limit: 10 }));

    expect(shelling).toHaveLength(46);
    expect(ascending.items.map((e) => e.id)).toEqual(shelling);
    expect(descending.items.map((e) => e.id)).toEqual([...shelling].reverse());
    expect(ascending.items.every((e) => e.kind === 'shelling')).toBe(true);
    expect(ascending.pages).toBe(5);
  });

  test('when the last page is reached, then next_cursor is null, and a full first page carries one', async () => {
    const app = await freshApp();
    for (let i = 0; i < 3; i += 1) createEvent(app.db, { startAt: hoursAfter('2025-07-01T00:00:00Z', i) });

    const exact = await getJson(app, eventsUrl({ limit: 3 }));
    const partial = await getJson(app, eventsUrl({ limit: 2 }));

    expect(exact.body.data).toHaveLength(3);
    expect(exact.body.next_cursor).toBeNull();
    expect(partial.body.data).toHaveLength(2);
    expect(typeof partial.body.next_cursor).toBe('string');
  });

  test('when the limit changes between pages, then the cursor is still accepted and paging continues', async () => {
    const app = await freshApp();
    const expected = Array.from({ length: 5 }, (_, i) => createEvent(app.db, { startAt: hoursAfter('2025-07-01T00:00:00Z', i) }).id);
    const first = await getJson(app, eventsUrl({ limit: 2 }));

    const second = await getJson(app, eventsUrl({ limit: 3, cursor: first.body.next_cursor }));

    expect(second.status).toBe(200);
    expect([...first.body.data, ...second.body.data].map((e: { id: string }) => e.id)).toEqual(expected);
    expect(second.body.next_cursor).toBeNull();
  });
});

describe('GET /v1/events: invalid parameters', () => {
  test('when limit is 0, 501 or not a number, then 400 names limit', async () => {
    const app = await freshApp();

    const responses = [
      await getJson(app, eventsUrl({ limit: 0 })),
      await getJson(app, eventsUrl({ limit: 501 })),
      await getJson(app, eventsUrl({ limit: 'abc' })),
      await getJson(app, eventsUrl({ limit: '2.5' })),
    ];

    for (const response of responses) expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'limit');
  });

  test('when limit is 1 or 500, then the request is accepted', async () => {
    const app = await freshApp();
    createEvent(app.db);

    const one = await getJson(app, eventsUrl({ limit: 1 }));
    const max = await getJson(app, eventsUrl({ limit: 500 }));

    expect(one.status).toBe(200);
    expect(max.status).toBe(200);
  });

  test('when the cursor is garbage, truncated or too long, then 400 names cursor', async () => {
    const app = await freshApp();
    for (let i = 0; i < 3; i += 1) createEvent(app.db, { startAt: hoursAfter('2025-07-01T00:00:00Z', i) });
    const { body } = await getJson(app, eventsUrl({ limit: 1 }));
    const cursor: string = body.next_cursor;

    const responses = [
      await getJson(app, eventsUrl({ cursor: 'not-a-cursor' })),
      await getJson(app, eventsUrl({ cursor: '!!!' })),
      await getJson(app, eventsUrl({ cursor: cursor.slice(0, -6) })),
      await getJson(app, eventsUrl({ cursor: cursor.slice(0, 10) })),
      await getJson(app, eventsUrl({ cursor: Buffer.from('{"v":1,"k":["2025-07-01T00:00:00Z"],"q":"x"}').toString('base64url') })),
      await getJson(app, eventsUrl({ cursor: 'A'.repeat(2000) })),
    ];

    for (const response of responses) expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'cursor');
  });

  test('when a cursor is replayed with other filters or another sort, then 400 names cursor', async () => {
    const app = await freshApp();
    for (let i = 0; i < 4; i += 1) createEvent(app.db, { kind: 'aerial_attack', startAt: hoursAfter('2025-07-01T00:00:00Z', i) });
    const first = await getJson(app, eventsUrl({ kind: 'aerial_attack', limit: 1 }));
    const cursor: string = first.body.next_cursor;

    const otherKind = await getJson(app, eventsUrl({ kind: 'shelling', limit: 1, cursor }));
    const noFilter = await getJson(app, eventsUrl({ limit: 1, cursor }));
    const otherSort = await getJson(app, eventsUrl({ kind: 'aerial_attack', sort: '-start_at', limit: 1, cursor }));
    const otherFrom = await getJson(app, eventsUrl({ kind: 'aerial_attack', from: '2025-01-01', limit: 1, cursor }));

    for (const response of [otherKind, noFilter, otherSort, otherFrom]) expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'cursor');
  });

  test('when from or to is not a valid date or date-time, then 400 names that parameter', async () => {
    const app = await freshApp();

    const badMonth = await getJson(app, eventsUrl({ from: '2025-13-01' }));
    const word = await getJson(app, eventsUrl({ from: 'yesterday' }));
    const noZone = await getJson(app, eventsUrl({ from: '2025-07-04T03:00:00' }));
    const badDay = await getJson(app, eventsUrl({ to: '2025-02-30' }));
    const badTo = await getJson(app, eventsUrl({ to: 'tomorrow' }));

    expectProblem(badMonth, 400, 'SITREP_INVALID_PARAMETER', 'from');
    expectProblem(word, 400, 'SITREP_INVALID_PARAMETER', 'from');
    expectProblem(noZone, 400, 'SITREP_INVALID_PARAMETER', 'from');
    expectProblem(badDay, 400, 'SITREP_INVALID_PARAMETER', 'to');
    expectProblem(badTo, 400, 'SITREP_INVALID_PARAMETER', 'to');
  });

  test('when from is after to, then 400 names from', async () => {
    const app = await freshApp();

    const dates = await getJson(app, eventsUrl({ from: '2025-07-05', to: '2025-07-04' }));
    const dateTimes = await getJson(app, eventsUrl({ from: '2025-07-04T12:00:01Z', to: '2025-07-04T12:00:00Z' }));

    expectProblem(dates, 400, 'SITREP_INVALID_PARAMETER', 'from');
    expectProblem(dateTimes, 400, 'SITREP_INVALID_PARAMETER', 'from');
  });

  test('when kind, status, country or sort is not a known value, then 400 names that parameter', async () => {
    const app = await freshApp();

    const unknownKind = await getJson(app, eventsUrl({ kind: 'invasion' }));
    const oneUnknownKind = await getJson(app, eventsUrl({ kind: ['aerial_attack', 'invasion'] }));
    const unknownStatus = await getJson(app, eventsUrl({ status: 'rumoured' }));
    const badCountry = await getJson(app, eventsUrl({ country: 'Ukraine' }));
    const badSort = await getJson(app, eventsUrl({ sort: 'title' }));

    expectProblem(unknownKind, 400, 'SITREP_INVALID_PARAMETER', 'kind');
    expectProblem(oneUnknownKind, 400, 'SITREP_INVALID_PARAMETER', 'kind');
    expectProblem(unknownStatus, 400, 'SITREP_INVALID_PARAMETER', 'status');
    expectProblem(badCountry, 400, 'SITREP_INVALID_PARAMETER', 'country');
    expectProblem(badSort, 400, 'SITREP_INVALID_PARAMETER', 'sort');
  });

  test('when the event id is unknown, then 404 with SITREP_NOT_FOUND', async () => {
    const app = await freshApp();
    createEvent(app.db);

    const response = await getJson(app, '/v1/events/evt_does_not_exist');

    expectProblem(response, 404, 'SITREP_NOT_FOUND');
    expect(response.body.instance).toBe('/v1/events/evt_does_not_exist');
  });

  test('when the route does not exist, then 404 problem with SITREP_ROUTE_NOT_FOUND', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/eventz');

    expectProblem(response, 404, 'SITREP_ROUTE_NOT_FOUND');
  });
});

describe('GET /v1/events/{id}', () => {
  const STRIKE = 'evt_2025_07_04_kyiv_strike';
  const CALL = 'evt_2025_07_03_trump_putin_call';

  test('when the seeded Kyiv strike is fetched, then it has actors with roles and sourced, cited figures', async () => {
    const app = await freshApp({ seed: true });

    const { status, body } = await getJson(app, `/v1/events/${STRIKE}`);

    expect(status).toBe(200);
    expect(body.id).toBe(STRIKE);
    expect(body.kind).toBe('aerial_attack');
    expect(body.actors.map((a: { id: string; role: string }) => [a.id, a.role]).sort()).toEqual([
      ['act_russian_armed_forces', 'initiator'],
      ['act_ukraine', 'target'],
      ['act_ukrainian_air_force', 'defender'],
    ]);
    for (const list of [body.casualty_reports, body.munition_reports, body.damage_reports]) {
      expect(list.length).toBeGreaterThan(0);
      for (const report of list) {
        expect(report.event_id).toBe(STRIKE);
        expect(report.source.id).toMatch(/^src_/);
        expect(typeof report.source.publisher).toBe('string');
        expect(report.citations.length).toBeGreaterThanOrEqual(1);
        for (const citation of report.citations) expect(citation.source.id).toMatch(/^src_/);
      }
    }
    const injured = body.casualty_reports.filter((r: { category: string }) => r.category === 'injured');
    expect(injured.map((r: { as_reported: string }) => r.as_reported).sort()).toEqual(['injured at least 23', 'over 23 injuries']);
    const shahed = body.munition_reports.find((r: { id: string }) => r.id === 'mun_kyiv_uaf_shahed');
    expect(shahed).toMatchObject({ launched: 539, intercepted: 268, lost_to_ew: 208, source: { id: 'src_uaf_post_2025_07_04' } });
    expect(shahed.citations[0].via?.id).toBe('src_ivaniuk_missile_attacks');
  });

  test('when the seeded Kyiv strike is fetched, then it has event-level citations and follows the Trump–Putin call', async () => {
    const app = await freshApp({ seed: true });

    const { status, body } = await getJson(app, `/v1/events/${STRIKE}`);

    expect(status).toBe(200);
    expect(body.citations.map((c: { id: string }) => c.id).sort()).toEqual(['cit_strike_air_force', 'cit_strike_lead', 'cit_strike_military']);
    const military = body.citations.find((c: { id: string }) => c.id === 'cit_strike_military');
    expect(military).toMatchObject({ source: { id: 'src_ukraine_military' }, via: { id: 'src_source_article' } });
    expect(body.relations).toHaveLength(1);
    expect(body.relations[0]).toMatchObject({ kind: 'follows', direction: 'outgoing', event: { id: CALL, kind: 'diplomatic_contact' } });
    expect(body.relations[0].citations.map((c: { id: string }) => c.id)).toEqual(['cit_rel_strike_follows_call']);
  });

  test('when the seeded Trump–Putin call is fetched, then the strike shows as an incoming follows relation with its citation', async () => {
    const app = await freshApp({ seed: true });

    const { status, body } = await getJson(app, `/v1/events/${CALL}`);

    expect(status).toBe(200);
    const fromStrike = body.relations.find((r: { event: { id: string } }) => r.event.id === STRIKE);
    expect(fromStrike).toMatchObject({ id: 'rel_strike_follows_call', kind: 'follows', direction: 'incoming' });
    expect(fromStrike.citations.map((c: { id: string }) => c.id)).toEqual(['cit_rel_strike_follows_call']);
    expect(body.relations.every((r: { direction: string }) => r.direction === 'incoming')).toBe(true);
    // The strike's own citations stay on the strike.
    expect(body.citations.map((c: { id: string }) => c.id).sort()).toEqual(['cit_call_kremlin_insiders', 'cit_call_lead', 'cit_call_wapo']);
    // What Kremlin insiders said is a claim about the call, cited through the article: the article
    // gives it no date or place of its own, so it is no event of its own.
    expect(body.citations.find((c: { id: string }) => c.id === 'cit_call_kremlin_insiders')).toMatchObject({
      source: { id: 'src_kremlin_insiders' },
      via: { id: 'src_source_article' },
      quote: 'Kremlin insiders confirmed Putin vowed to maintain his war objectives, despite diplomatic outreach.',
    });
  });

  test('when an event has no actors, reports, citations or relations, then each list is empty', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Bare event' });

    const { status, body } = await getJson(app, `/v1/events/${event.id}`);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: event.id,
      title: 'Bare event',
      actors: [],
      casualty_reports: [],
      munition_reports: [],
      damage_reports: [],
      citations: [],
      relations: [],
    });
  });
});

describe('ETag and If-None-Match', () => {
  test('when an event is fetched again with its ETag in If-None-Match, then 304 with an empty body', async () => {
    const app = await freshApp();
    const event = createEvent(app.db);
    const first = await app.inject({ method: 'GET', url: `/v1/events/${event.id}` });
    const etag = first.headers.etag as string;

    const second = await app.inject({ method: 'GET', url: `/v1/events/${event.id}`, headers: { 'if-none-match': etag } });

    expect(first.statusCode).toBe(200);
    expect(etag).toMatch(/^(W\/)?".+"$/);
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
    expect(second.headers.etag).toBe(etag);
  });

  test('when the event changed since its ETag was taken, then the stale ETag gets 200 with the new body', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Before' });
    const first = await app.inject({ method: 'GET', url: `/v1/events/${event.id}` });
    const staleEtag = first.headers.etag as string;
    app.db.update(events).set({ title: 'After' }).where(eq(events.id, event.id)).run();

    const second = await app.inject({ method: 'GET', url: `/v1/events/${event.id}`, headers: { 'if-none-match': staleEtag } });
    const madeUp = await app.inject({ method: 'GET', url: `/v1/events/${event.id}`, headers: { 'if-none-match': '"not-the-etag"' } });

    expect(second.statusCode).toBe(200);
    expect(second.json().title).toBe('After');
    expect(second.headers.etag).not.toBe(staleEtag);
    expect(madeUp.statusCode).toBe(200);
  });

  test('when a list page is fetched again with its ETag, then 304, and after a new event, 200', async () => {
    const app = await freshApp();
    createEvent(app.db, { startAt: '2025-07-03T01:00:00Z' });
    const url = eventsUrl({ kind: 'aerial_attack' });
    const first = await app.inject({ method: 'GET', url });
    const etag = first.headers.etag as string;

    const unchanged = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    createEvent(app.db, { startAt: '2025-07-03T02:00:00Z' });
    const changed = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });

    expect(first.statusCode).toBe(200);
    expect(typeof etag).toBe('string');
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data).toHaveLength(2);
  });
});
