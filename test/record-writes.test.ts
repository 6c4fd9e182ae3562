// Writes of sources, actors, figures, citations and relations; the auth matrix of every write
// route; as_of before and after a correction. Each test has its own database.
import { describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { revokeApiKey } from '../src/modules/keys/keys.repository.js';
import { createActor, createCasualtyReport, createCitation, createDamageReport, createEvent, createMunitionReport, createRelation, createSource } from './factories.js';
import { apiKey, expectProblem, freshApp, getJson, send } from './helpers.js';

type Case = { method: 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown; ok: number };

/** Arranges what one write route needs and returns a valid request to it. */
const ROUTES: Record<string, (app: FastifyInstance) => Case> = {
  'POST /v1/events': () => ({ method: 'POST', url: '/v1/events', ok: 201, body: { kind: 'statement', status: 'occurred', title: 'T', summary: 'S', start_at: '2025-07-04T10:00:00Z', start_precision: 'minute', timezone: 'UTC' } }),
  'PATCH /v1/events/{id}': (app) => ({ method: 'PATCH', url: `/v1/events/${createEvent(app.db).id}`, ok: 200, body: { title: 'New' } }),
  'DELETE /v1/events/{id}': (app) => ({ method: 'DELETE', url: `/v1/events/${createEvent(app.db).id}`, ok: 204 }),
  'POST /v1/sources': () => ({ method: 'POST', url: '/v1/sources', ok: 201, body: { kind: 'news_report', publisher: 'Reuters' } }),
  'PATCH /v1/sources/{id}': (app) => ({ method: 'PATCH', url: `/v1/sources/${createSource(app.db).id}`, ok: 200, body: { notes: 'n' } }),
  'DELETE /v1/sources/{id}': (app) => ({ method: 'DELETE', url: `/v1/sources/${createSource(app.db).id}`, ok: 204 }),
  'POST /v1/actors': () => ({ method: 'POST', url: '/v1/actors', ok: 201, body: { name: 'NATO', kind: 'coalition' } }),
  'PATCH /v1/actors/{id}': (app) => ({ method: 'PATCH', url: `/v1/actors/${createActor(app.db).id}`, ok: 200, body: { description: 'd' } }),
  'DELETE /v1/actors/{id}': (app) => ({ method: 'DELETE', url: `/v1/actors/${createActor(app.db).id}`, ok: 204 }),
  'POST /v1/casualty-reports': (app) => ({ method: 'POST', url: '/v1/casualty-reports', ok: 201, body: { event_id: createEvent(app.db).id, source_id: createSource(app.db).id, category: 'injured', group: 'civilian', low: 23, best: 23 } }),
  'PATCH /v1/casualty-reports/{id}': (app) => ({ method: 'PATCH', url: `/v1/casualty-reports/${createCasualtyReport(app.db, createEvent(app.db).id, createSource(app.db).id).id}`, ok: 200, body: { best: 2, high: 2 } }),
  'DELETE /v1/casualty-reports/{id}': (app) => ({ method: 'DELETE', url: `/v1/casualty-reports/${createCasualtyReport(app.db, createEvent(app.db).id, createSource(app.db).id).id}`, ok: 204 }),
  'POST /v1/munition-reports': (app) => ({ method: 'POST', url: '/v1/munition-reports', ok: 201, body: { event_id: createEvent(app.db).id, source_id: createSource(app.db).id, weapon_category: 'drone', launched: 5 } }),
  'PATCH /v1/munition-reports/{id}': (app) => ({ method: 'PATCH', url: `/v1/munition-reports/${createMunitionReport(app.db, createEvent(app.db).id, createSource(app.db).id).id}`, ok: 200, body: { launched: 7 } }),
  'DELETE /v1/munition-reports/{id}': (app) => ({ method: 'DELETE', url: `/v1/munition-reports/${createMunitionReport(app.db, createEvent(app.db).id, createSource(app.db).id).id}`, ok: 204 }),
  'POST /v1/damage-reports': (app) => ({ method: 'POST', url: '/v1/damage-reports', ok: 201, body: { event_id: createEvent(app.db).id, source_id: createSource(app.db).id, asset_category: 'school', count: 2 } }),
  'PATCH /v1/damage-reports/{id}': (app) => ({ method: 'PATCH', url: `/v1/damage-reports/${createDamageReport(app.db, createEvent(app.db).id, createSource(app.db).id).id}`, ok: 200, body: { count: 3 } }),
  'DELETE /v1/damage-reports/{id}': (app) => ({ method: 'DELETE', url: `/v1/damage-reports/${createDamageReport(app.db, createEvent(app.db).id, createSource(app.db).id).id}`, ok: 204 }),
  'POST /v1/citations': (app) => ({ method: 'POST', url: '/v1/citations', ok: 201, body: { event_id: createEvent(app.db).id, source_id: createSource(app.db).id, quote: 'It happened.' } }),
  'PATCH /v1/citations/{id}': (app) => ({ method: 'PATCH', url: `/v1/citations/${createCitation(app.db, createEvent(app.db).id, createSource(app.db).id).id}`, ok: 200, body: { locator: 'paragraph 2' } }),
  'DELETE /v1/citations/{id}': (app) => ({ method: 'DELETE', url: `/v1/citations/${createCitation(app.db, createEvent(app.db).id, createSource(app.db).id).id}`, ok: 204 }),
  'POST /v1/relations': (app) => ({ method: 'POST', url: '/v1/relations', ok: 201, body: { from_event_id: createEvent(app.db).id, kind: 'follows', to_event_id: createEvent(app.db).id } }),
  'PATCH /v1/relations/{id}': (app) => ({ method: 'PATCH', url: `/v1/relations/${createRelation(app.db, createEvent(app.db).id, createEvent(app.db).id).id}`, ok: 200, body: { kind: 'responds_to' } }),
  'DELETE /v1/relations/{id}': (app) => ({ method: 'DELETE', url: `/v1/relations/${createRelation(app.db, createEvent(app.db).id, createEvent(app.db).id).id}`, ok: 204 }),
};

const CREDENTIALS = ['no key', 'bad key', 'revoked key', 'editor', 'admin'] as const;

describe('auth matrix of the write routes', () => {
  test.each(Object.keys(ROUTES).flatMap((route) => CREDENTIALS.map((credential) => [route, credential] as const)))(
    'when %s is sent with %s, then it answers as the role allows',
    async (route, credential) => {
      const app = await freshApp();
      const request = ROUTES[route]!(app);
      const headers: Record<string, string> = request.method === 'POST' ? {} : { 'if-match': (await getJson(app, request.url)).headers.etag as string };
      let key: string | undefined;
      if (credential === 'bad key') key = apiKey(app).replace(/.{6}$/, 'AAAAAA');
      if (credential === 'revoked key') {
        key = apiKey(app, 'admin');
        revokeApiKey(app.db, key.slice('sitrep_'.length, 'sitrep_key_'.length + 12));
      }
      if (credential === 'editor' || credential === 'admin') key = apiKey(app, credential);
      const response = await send(app, request.method, request.url, { key, body: request.body, headers });
      if (credential === 'editor' || credential === 'admin') expect(response.status, JSON.stringify(response.body)).toBe(request.ok);
      else expectProblem(response, 401, 'SITREP_UNAUTHORIZED');
    },
  );
});

describe('figures, citations and relations', () => {
  test('when a casualty figure is corrected, then as_of before the correction shows the old figure and after it the new one', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const event = createEvent(app.db, { createdAt: '2025-07-04T00:00:00.000Z' });
    const source = createSource(app.db, { createdAt: '2025-07-04T00:00:00.000Z' });
    const created = await send(app, 'POST', '/v1/casualty-reports', { key, body: { event_id: event.id, source_id: source.id, category: 'injured', group: 'civilian', low: 23, best: 23, as_reported: 'at least 23' } });
    expect(created.status).toBe(201);
    const beforeFix = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const fixed = await send(app, 'PATCH', created.headers.location as string, { key, body: { low: 26, best: 26, as_reported: '26', reason: 'City administration update' }, headers: { 'if-match': created.headers.etag as string } });
    expect(fixed.status).toBe(200);

    const then = await getJson(app, `/v1/events/${event.id}?as_of=${encodeURIComponent(beforeFix)}`);
    const now = await getJson(app, `/v1/events/${event.id}?as_of=${encodeURIComponent(new Date().toISOString())}`);
    const beforeAll = await getJson(app, `/v1/events/${event.id}?as_of=2025-07-04T12:00:00Z`);
    expect(then.body.casualty_reports.map((r: any) => [r.best, r.as_reported])).toEqual([[23, 'at least 23']]);
    expect(now.body.casualty_reports.map((r: any) => [r.best, r.as_reported])).toEqual([[26, '26']]);
    expect(beforeAll.body.casualty_reports).toEqual([]);
    expect((await getJson(app, `/v1/events/${event.id}`)).body.casualty_reports[0].best).toBe(26);
    expectProblem(await getJson(app, `/v1/events/${event.id}?as_of=2024-01-01T00:00:00Z`), 404, 'SITREP_NOT_FOUND');
    expectProblem(await getJson(app, `/v1/events/${event.id}?as_of=yesterday`), 400, 'SITREP_INVALID_PARAMETER', 'as_of');
    const revisions = await getJson(app, `/v1/events/${event.id}/revisions`);
    expect(revisions.body.data.map((r: any) => [r.resource_type, r.action, r.reason])).toEqual([
      ['casualty_report', 'created', null],
      ['casualty_report', 'updated', 'City administration update'],
    ]);
  });

  test('when a figure breaks low <= best <= high or names an unknown source, then 400 names the field', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const event = createEvent(app.db);
    const source = createSource(app.db);
    const base = { event_id: event.id, source_id: source.id, category: 'killed', group: 'civilian' };
    expectProblem(await send(app, 'POST', '/v1/casualty-reports', { key, body: { ...base, low: 5, best: 3 } }), 400, 'SITREP_INVALID_PARAMETER', 'best');
    expectProblem(await send(app, 'POST', '/v1/casualty-reports', { key, body: { ...base, source_id: 'src_nobody' } }), 400, 'SITREP_INVALID_PARAMETER', 'source_id');
    expectProblem(await send(app, 'POST', '/v1/casualty-reports', { key, body: { ...base, updated_at: 'x' } }), 400, 'SITREP_INVALID_PARAMETER', 'updated_at');
    const report = createCasualtyReport(app.db, event.id, source.id);
    const url = `/v1/casualty-reports/${report.id}`;
    expectProblem(await send(app, 'PATCH', url, { key, body: { event_id: createEvent(app.db).id }, headers: { 'if-match': '*' } }), 400, 'SITREP_INVALID_PARAMETER', 'event_id');
  });

  test('when a cited source or a cited figure is deleted, then 409 names the citations; once they are gone, it is deleted and answers 410', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const event = createEvent(app.db);
    const source = createSource(app.db);
    const report = createCasualtyReport(app.db, event.id, source.id);
    const citation = createCitation(app.db, event.id, source.id, { casualtyReportId: report.id });
    const blocked = await send(app, 'DELETE', `/v1/casualty-reports/${report.id}`, { key, headers: { 'if-match': '*' } });
    expectProblem(blocked, 409, 'SITREP_CONFLICT');
    expect(blocked.body.detail).toContain('1 citation');
    expectProblem(await send(app, 'DELETE', `/v1/sources/${source.id}`, { key, headers: { 'if-match': '*' } }), 409, 'SITREP_CONFLICT');

    expect((await send(app, 'DELETE', `/v1/citations/${citation.id}?reason=Wrong%20figure`, { key, headers: { 'if-match': '*' } })).status).toBe(204);
    expect((await send(app, 'DELETE', `/v1/casualty-reports/${report.id}`, { key, headers: { 'if-match': '*' } })).status).toBe(204);
    expectProblem(await getJson(app, `/v1/casualty-reports/${report.id}`), 410, 'SITREP_GONE');
    expect((await getJson(app, `/v1/events/${event.id}`)).body.casualty_reports).toEqual([]);
    expect((await getJson(app, '/v1/stats/casualties?bucket=all')).body.data).toEqual([]);
  });

  test('when a write names a record that does not exist, then 400 names the field and says no such record has the id, and nothing is written', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const event = createEvent(app.db);
    const source = createSource(app.db);
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['/v1/casualty-reports', { event_id: 'evt_nowhere', source_id: source.id, category: 'killed', group: 'civilian' }, 'event_id', 'no event has the id "evt_nowhere"'],
      ['/v1/relations', { from_event_id: event.id, kind: 'follows', to_event_id: 'evt_nowhere' }, 'to_event_id', 'no event has the id "evt_nowhere"'],
      ['/v1/citations', { event_id: event.id, source_id: source.id, via_source_id: 'src_nowhere', quote: 'q' }, 'via_source_id', 'no source has the id "src_nowhere"'],
      ['/v1/citations', { event_id: event.id, source_id: source.id, relation_id: 'rel_nowhere', quote: 'q' }, 'relation_id', 'no relation has the id "rel_nowhere"'],
      ['/v1/citations', { event_id: event.id, source_id: source.id, munition_report_id: 'mun_nowhere', quote: 'q' }, 'munition_report_id', 'no report has the id "mun_nowhere"'],
    ];
    const before = (await getJson(app, '/v1/changes?limit=500')).body.data.length;
    for (const [url, body, field, reason] of cases) {
      const response = await send(app, 'POST', url, { key, body });
      expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', field);
      expect(response.body.errors[0].reason, url).toBe(reason);
    }
    expect((await getJson(app, '/v1/changes?limit=500')).body.data.length).toBe(before);
  });

  test('when a citation names a figure of another event, then 400 names the field', async () => {
    const app = await freshApp();
    const source = createSource(app.db);
    const report = createCasualtyReport(app.db, createEvent(app.db).id, source.id);
    const response = await send(app, 'POST', '/v1/citations', { key: apiKey(app), body: { event_id: createEvent(app.db).id, source_id: source.id, casualty_report_id: report.id, quote: 'q' } });
    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'casualty_report_id');
  });

  test('when an actor still takes part in an event, then deleting it is 409; a deleted source answers 410', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const created = await send(app, 'POST', '/v1/actors', { key, body: { name: 'Ukrainian Air Force', kind: 'armed_force', country: 'ua' } });
    expect(created.body).toMatchObject({ country: 'UA', roles: [] });
    await send(app, 'POST', '/v1/events', { key, body: { kind: 'statement', status: 'occurred', title: 'T', summary: 'S', start_at: '2025-07-04T10:00:00Z', start_precision: 'minute', timezone: 'UTC', actors: [{ id: created.body.id, role: 'speaker' }] } });
    expectProblem(await send(app, 'DELETE', created.headers.location as string, { key, headers: { 'if-match': '*' } }), 409, 'SITREP_CONFLICT');

    const source = await send(app, 'POST', '/v1/sources', { key, body: { kind: 'news_report', publisher: 'Reuters', url: 'https://reuters.com/x' } });
    expect((await send(app, 'DELETE', `${source.headers.location}?reason=Spam`, { key, headers: { 'if-match': source.headers.etag as string } })).status).toBe(204);
    const gone = await getJson(app, source.headers.location as string);
    expectProblem(gone, 410, 'SITREP_GONE');
    expect(gone.body.deletion_reason).toBe('Spam');
  });
});
