// Statistics read from the hourly and daily totals (src/modules/stats/stats.rollups.ts) must say
// exactly what summing every claim says, in any zone and bucket, and must follow every write at
// once: through the API, or straight into the database as another process would.
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import type { CasualtyGroup, WeaponCategory } from '../src/domain/vocabulary.js';
import { bucketer } from '../src/lib/buckets.js';
import { eventFilterFromQuery } from '../src/modules/events/events.query.js';
import { casualtyBucketsFromRollups, munitionBucketsFromRollups } from '../src/modules/stats/stats.rollups.js';
import { createCasualtyReport, createEvent, createMunitionReport, createSource, eventInput } from './factories.js';
import { apiKey, expectProblem, freshApp, getJson, send, urlOf, type Params } from './helpers.js';

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const GROUPS: CasualtyGroup[] = ['civilian', 'military', 'unknown'];
const KINDS = ['aerial_attack', 'aerial_attack', 'shelling', 'ground_attack'] as const;
const COUNTRIES = ['UA', 'UA', 'RU', null];
const WEAPONS: Array<[WeaponCategory, string | null]> = [
  ['drone', 'Shahed-136/131'],
  ['drone', null],
  ['cruise_missile', 'Kh-101'],
  ['ballistic_missile', 'Iskander-M/KN-23'],
];

/**
 * 220 events over eleven months spanning a New Year and both 2025 clock changes, at any minute,
 * often several a day (so a day's total sums several hours), each reported by one to three sources;
 * a third of the munition figures carry a time of their own, up to a day and a half after (or an
 * hour before) their event's start, so an event's figures fall in several hours, days and months.
 */
function recordOfManyEvents(app: FastifyInstance): void {
  const rng = prng(20250704);
  const sources = ['src_a', 'src_b', 'src_c'].map((id) => createSource(app.db, { id }));
  const start = Date.parse('2024-12-20T00:00:00Z');
  let day = 0;
  for (let i = 0; i < 220; i++) {
    // Some events sit on the hour boundaries that Kyiv and Kolkata midnights fall on.
    const minute = i % 5 === 0 ? rng.pick([21 * 60, 22 * 60, 18 * 60 + 30]) : rng.int(0, 24 * 60 - 1);
    if (rng.next() > 0.4) day = rng.int(0, 320);
    const startAt = new Date(start + day * 86_400_000 + minute * 60_000).toISOString().replace('.000Z', 'Z');
    const event = createEvent(app.db, { startAt, kind: rng.pick(KINDS), country: rng.pick(COUNTRIES) });
    for (const source of sources.slice(0, rng.int(1, 3))) {
      if (rng.next() < 0.7) {
        const best = rng.int(0, 12);
        const low = Math.max(0, best - rng.int(0, 2));
        const high = rng.next() < 0.2 ? null : best + rng.int(0, 3);
        createCasualtyReport(app.db, event.id, source.id, { category: rng.pick(['killed', 'injured'] as const), group: rng.pick(GROUPS), low, best, high });
      }
      if (rng.next() < 0.6) {
        const [weaponCategory, weaponModel] = rng.pick(WEAPONS);
        const launched = rng.next() < 0.15 ? null : rng.int(1, 80);
        const intercepted = rng.next() < 0.2 ? null : rng.int(0, launched ?? 40);
        const ownStart = rng.next() < 0.35 ? new Date(Date.parse(startAt) + rng.int(-60, 36 * 60) * 60_000).toISOString().replace('.000Z', 'Z') : null;
        const ownTime = ownStart ? { startAt: ownStart, startPrecision: 'minute' as const } : {};
        createMunitionReport(app.db, event.id, source.id, { weaponCategory, weaponModel, launched, intercepted, lostToEw: rng.next() < 0.5 ? null : rng.int(0, 5), ...ownTime });
      }
    }
  }
}

/**
 * The answer without what only include=by_source carries: the source counts, each source's own
 * totals, and the buckets that only a source's own figures fill (a figure of a source that does
 * not count, dated on a day where the counted ones are not).
 */
function withoutSources(body: any): any {
  const strip = (figure: any) => {
    const { source_count: _count, ...rest } = figure;
    return rest;
  };
  const chosenNothing = (bucket: any) => (bucket.figures ? bucket.figures.length === 0 : bucket.total.event_count === 0 && bucket.by_category.length === 0);
  return {
    ...body,
    data: body.data.filter((bucket: any) => !chosenNothing(bucket)).map(({ by_source: _bySource, ...bucket }: any) => ({
      ...bucket,
      ...(bucket.figures && { figures: bucket.figures.map(strip) }),
      ...(bucket.total && { total: strip(bucket.total), by_category: bucket.by_category.map(strip), by_model: bucket.by_model.map(strip) }),
    })),
  };
}

async function statsBody(app: FastifyInstance, what: string, params: Params) {
  const response = await getJson(app, urlOf(`/v1/stats/${what}`, params));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The answer from the kept totals equals the one summed from every claim (include=by_source). */
async function expectTotalsAsClaims(app: FastifyInstance, what: string, params: Params): Promise<void> {
  const models: string[] = what === 'munitions' ? ['by_model'] : [];
  const totals = await statsBody(app, what, { ...params, include: models });
  const claims = await statsBody(app, what, { ...params, include: [...models, 'by_source'] });
  expect(totals, `${what} ${JSON.stringify(params)}`).toEqual(withoutSources(claims));
  expect(totals.data.length).toBeGreaterThan(0);
}

const rollupRows = (app: FastifyInstance) =>
  app.db.$client.prepare('SELECT (SELECT COUNT(*) FROM stats_casualty_rollups) + (SELECT COUNT(*) FROM stats_munition_rollups)').pluck().get() as number;
const dirtyHours = (app: FastifyInstance) => app.db.$client.prepare('SELECT COUNT(*) FROM stats_dirty_hours').pluck().get() as number;

describe('statistics from the kept totals', () => {
  test('when the same statistics are summed from every claim (include=by_source), then they agree in every zone, bucket and period', async () => {
    const app = await freshApp();
    recordOfManyEvents(app);
    expect(dirtyHours(app)).toBeGreaterThan(100);

    let compared = 0;
    for (const what of ['casualties', 'munitions']) {
      for (const tz of ['UTC', 'Europe/Kyiv', 'America/Santiago', 'Asia/Kolkata']) {
        for (const bucket of ['day', 'week', 'month', 'year', 'all']) {
          for (const [from, to] of [[], [undefined, '2025-03-30'], [undefined, '2025-10-26T05:00:00Z'], ['2025-01-01'], ['2025-03-29T21:00:00Z', '2025-10-26']]) {
            const params: Params = { bucket, tz, ...(from && { from }), ...(to && { to }) };
            await expectTotalsAsClaims(app, what, params);
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(2 * 4 * 5 * 5);
    expect(dirtyHours(app)).toBe(0);
    expect(rollupRows(app)).toBeGreaterThan(0);
  });

  test('when statistics are filtered by kind and country, then the totals say what summing every claim of those events says', async () => {
    const app = await freshApp();
    recordOfManyEvents(app);
    let compared = 0;
    for (const what of ['casualties', 'munitions']) {
      const filters: Params[] = [{ kind: 'shelling' }, { kind: ['aerial_attack', 'ground_attack'] }, { country: 'UA' }, { country: 'RU', kind: 'aerial_attack' }];
      for (const filter of filters) {
        for (const tz of ['UTC', 'Europe/Kyiv']) {
          for (const bucket of ['day', 'month', 'all']) {
            for (const [from, to] of [[], ['2025-03-29T21:00:00Z', '2025-10-26']]) {
              const params: Params = { bucket, tz, ...filter, ...(from && { from }), ...(to && { to }) };
              await expectTotalsAsClaims(app, what, params);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBe(2 * 4 * 2 * 3 * 2);
    // Moving an event to another kind moves its figures: the next request follows.
    const [moved] = app.db.$client.prepare("SELECT e.id FROM events e JOIN casualty_reports r ON r.event_id = e.id WHERE e.kind = 'shelling' LIMIT 1").pluck().all() as string[];
    const before = await statsBody(app, 'casualties', { bucket: 'all', kind: 'shelling' });
    app.db.$client.prepare("UPDATE events SET kind = 'ground_attack' WHERE id = ?").run(moved);
    const after = await statsBody(app, 'casualties', { bucket: 'all', kind: 'shelling' });
    expect(after).not.toEqual(before);
    expect(after).toEqual(withoutSources(await statsBody(app, 'casualties', { bucket: 'all', kind: 'shelling', include: ['by_source'] })));
  });

  test('when nothing is included, then munitions give totals and categories only; include=by_model adds the models, and casualties refuse it', async () => {
    const app = await freshApp({ seed: true });
    const plain = await statsBody(app, 'munitions', { bucket: 'all' });
    expect(plain.data[0].total).toMatchObject({ launched: 550, intercepted: 270, event_count: 1 });
    expect(plain.data[0].by_category.map((c: any) => c.weapon_category)).toEqual(['drone', 'cruise_missile', 'ballistic_missile', 'aeroballistic_missile']);
    expect(plain.data[0]).not.toHaveProperty('by_model');
    expect(plain.data[0]).not.toHaveProperty('by_source');

    const models = await statsBody(app, 'munitions', { bucket: 'all', include: 'by_model' });
    expect(models.data[0].by_model.map((m: any) => m.weapon_model)).toEqual(['Shahed-136/131', 'Iskander-K', 'Iskander-M/KN-23', 'Kh-47M2 Kinzhal']);
    expect(models.data[0]).not.toHaveProperty('by_source');

    expectProblem(await getJson(app, '/v1/stats/casualties?include=by_model'), 400, 'SITREP_INVALID_PARAMETER', 'include');
  });

  test('when a bucket boundary falls on a whole hour the totals answer, and where it cuts an hour (Asia/Kolkata days) the claims are summed instead', async () => {
    const app = await freshApp();
    recordOfManyEvents(app);
    const all = eventFilterFromQuery({}, 'UTC');

    expect(casualtyBucketsFromRollups(app.db, all, bucketer('month', 'UTC'))).not.toBeNull();
    expect(munitionBucketsFromRollups(app.db, all, bucketer('day', 'Europe/Kyiv'))).not.toBeNull();
    expect(casualtyBucketsFromRollups(app.db, all, bucketer('day', 'America/Santiago'))).not.toBeNull();
    expect(casualtyBucketsFromRollups(app.db, all, bucketer('day', 'Asia/Kolkata'))).toBeNull();
    // Kind and country are kept apart; a filter the totals do not keep apart, or an end inside an hour, is not.
    expect(casualtyBucketsFromRollups(app.db, eventFilterFromQuery({ kind: ['shelling'], country: 'UA' }, 'UTC'), bucketer('month', 'UTC'))).not.toBeNull();
    expect(casualtyBucketsFromRollups(app.db, eventFilterFromQuery({ status: ['occurred'] }, 'UTC'), bucketer('month', 'UTC'))).toBeNull();
    expect(casualtyBucketsFromRollups(app.db, eventFilterFromQuery({ to: { instant: '2025-01-01T10:30:00Z', dateOnly: false } } as any, 'UTC'), bucketer('month', 'UTC'))).toBeNull();
  });

  test('when a write changes a figure through the API, then the very next statistics request shows it', async () => {
    const app = await freshApp({ seed: true });
    const key = apiKey(app);
    const killed = async () => (await statsBody(app, 'casualties', { bucket: 'month' })).data.find((b: any) => b.label === '2025-07')?.figures.find((f: any) => f.category === 'killed');
    expect(await killed()).toMatchObject({ best: 1, event_count: 1 });

    // A second attack the same month, one soldier killed.
    const created = await send(app, 'POST', '/v1/events', { key, body: eventInput({ start_at: '2025-07-20T01:30:00Z', reason: 'New report' }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const eventId = created.body.id;
    const report = await send(app, 'POST', '/v1/casualty-reports', {
      key,
      body: { event_id: eventId, source_id: 'src_source_article', category: 'killed', group: 'civilian', low: 3, best: 3, high: 3, reason: 'Figures' },
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect(await killed()).toMatchObject({ best: 4, event_count: 2 });

    const corrected = await send(app, 'PATCH', report.headers.location as string, { key, body: { low: 2, best: 2, high: 2, reason: 'Revised' }, headers: { 'if-match': report.headers.etag as string } });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(await killed()).toMatchObject({ best: 3, event_count: 2 });

    // Moved to August: July loses it, August gains it.
    const event = await getJson(app, `/v1/events/${eventId}`);
    const moved = await send(app, 'PATCH', `/v1/events/${eventId}`, { key, body: { start_at: '2025-08-02T10:00:00Z', reason: 'Date corrected' }, headers: { 'if-match': event.headers.etag as string } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await killed()).toMatchObject({ best: 1, event_count: 1 });
    const august = (await statsBody(app, 'casualties', { bucket: 'month' })).data.find((b: any) => b.label === '2025-08');
    expect(august.figures).toEqual([{ category: 'killed', group: 'civilian', low: 2, best: 2, high: 2, event_count: 1 }]);

    const current = await getJson(app, report.headers.location as string);
    const deleted = await send(app, 'DELETE', `${report.headers.location}?reason=Duplicate`, { key, headers: { 'if-match': current.headers.etag as string } });
    expect(deleted.status).toBe(204);
    expect((await statsBody(app, 'casualties', { bucket: 'month' })).data.map((b: any) => b.label)).toEqual(['2025-07']);
    expect(dirtyHours(app)).toBe(0);
  });

  test('when another writer changes the database directly, then the statistics follow it too', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    const event = createEvent(app.db, { startAt: '2025-07-04T00:40:00Z' });
    createMunitionReport(app.db, event.id, source.id, { weaponCategory: 'drone', weaponModel: 'Shahed-136/131', launched: 10, intercepted: 8, lostToEw: null });
    const launched = async () => (await statsBody(app, 'munitions', { bucket: 'all' })).data[0]?.total.launched ?? null;
    expect(await launched()).toBe(10);

    app.db.$client.prepare('UPDATE munition_reports SET launched = 25 WHERE event_id = ?').run(event.id);
    expect(await launched()).toBe(25);
    app.db.$client.prepare('DELETE FROM events WHERE id = ?').run(event.id);
    expect(await launched()).toBeNull();
  });
});
