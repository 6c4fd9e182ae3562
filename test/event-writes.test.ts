// Writes of events through inject(): creation, validation, If-Match, concurrency, deletion with
// tombstones, idempotent retries, revisions and the change feed. Each test has its own database.
import { describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dataVersion } from '../src/db/data-version.js';
import { events } from '../src/db/schema.js';
import { createActor, createCasualtyReport, createEvent, createSource, eventInput } from './factories.js';
import { apiKey, expectProblem, freshApp, getJson, send } from './helpers.js';

const newEvent = eventInput;

async function etagOf(app: FastifyInstance, url: string): Promise<string> {
  const { status, headers } = await getJson(app, url);
  expect(status).toBe(200);
  return headers.etag as string;
}

describe('POST /v1/events', () => {
  test('when an editor posts a valid event, then 201 with Location and ETag, and GET answers the same event', async () => {
    const app = await freshApp();
    const actor = createActor(app.db, { name: 'Russian Armed Forces', kind: 'armed_force' });
    const created = await send(app, 'POST', '/v1/events', { key: apiKey(app), body: newEvent({ actors: [{ id: actor.id, role: 'initiator' }], reason: 'Reported by the Air Force' }) });

    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/v1/events/${created.body.id}`);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      start_at: '2025-07-04T23:30:00Z',
      start_local: '2025-07-05T02:30:00+03:00',
      location: { place: 'Odesa', country: 'UA' },
      actors: [{ id: actor.id, role: 'initiator', name: 'Russian Armed Forces' }],
    });
    const fetched = await getJson(app, created.headers.location as string);
    expect(fetched.body).toEqual(created.body);
    expect(fetched.headers.etag).toBe(created.headers.etag);
    expect((await getJson(app, '/v1/events?q=Odesa')).body.data.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
  });

  test.each([
    ['id', { id: 'evt_mine' }, 'is set by the server'],
    ['created_at', { created_at: '2025-01-01T00:00:00Z' }, 'is set by the server'],
    ['colour', { colour: 'red' }, 'is not a field'],
    ['location.altitude', { location: { altitude: 3 } }, 'is not a field'],
    ['start_at', { start_at: '2025-07-05 02:30' }, 'RFC 3339'],
    ['timezone', { timezone: 'Mars/Olympus' }, 'IANA'],
    ['location.latitude', { location: { latitude: 91 } }, 'between -90 and 90'],
    ['end_precision', { end_at: '2025-07-05T04:00:00+03:00' }, 'required when end_at'],
    ['end_at', { end_at: '2025-07-05T01:00:00+03:00', end_precision: 'minute' }, 'earlier than start_at'],
    ['actors.0.id', { actors: [{ id: 'act_nobody', role: 'initiator' }] }, 'no actor'],
  ])('when the body has a bad %s, then 400 names it and nothing is written', async (field, overrides, reason) => {
    const app = await freshApp();
    const response = await send(app, 'POST', '/v1/events', { key: apiKey(app), body: newEvent(overrides) });
    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER');
    expect(response.body.errors).toContainEqual({ in: 'body', name: field, reason: expect.stringContaining(reason) });
    expect(app.db.select().from(events).all()).toEqual([]);
    expect((await getJson(app, '/v1/changes')).body.data).toEqual([]);
  });

  test('when a POST is retried with the same Idempotency-Key and body, then the original answer comes back and one event exists', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const headers = { 'idempotency-key': 'b7f3c2a0-retry' };
    const first = await send(app, 'POST', '/v1/events', { key, body: newEvent(), headers });
    const retry = await send(app, 'POST', '/v1/events', { key, body: newEvent(), headers });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.body).toEqual(first.body);
    expect(app.db.select().from(events).all()).toHaveLength(1);
  });

  test('when an Idempotency-Key is reused with another body, then 422 and nothing more is written', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const headers = { 'idempotency-key': 'reused' };
    expect((await send(app, 'POST', '/v1/events', { key, body: newEvent(), headers })).status).toBe(201);
    expectProblem(await send(app, 'POST', '/v1/events', { key, body: newEvent({ title: 'Another' }), headers }), 422, 'SITREP_IDEMPOTENCY_KEY_REUSED');
    expect(app.db.select().from(events).all()).toHaveLength(1);
  });
});

describe('PATCH /v1/events/{id}', () => {
  test('when the If-Match ETag is current, then the fields sent change and the answer carries the new ETag', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Strike on Kyiv' });
    const url = `/v1/events/${event.id}`;
    const patched = await send(app, 'PATCH', url, {
      key: apiKey(app),
      body: { title: 'Strike on Kyiv and its region', location: { admin1: 'Kyiv Oblast' }, reason: 'Damage reported outside the city' },
      headers: { 'if-match': await etagOf(app, url) },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Strike on Kyiv and its region', location: { place: 'Kyiv', admin1: 'Kyiv Oblast' } });
    expect(patched.body.updated_at).not.toBe(event.updatedAt);
    expect(patched.headers.etag).toBe(await etagOf(app, url));
  });

  test('when the If-Match ETag is stale, then 412 and the database is unchanged', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Original' });
    const url = `/v1/events/${event.id}`;
    const key = apiKey(app);
    const stale = await etagOf(app, url);
    expect((await send(app, 'PATCH', url, { key, body: { title: 'First fix' }, headers: { 'if-match': stale } })).status).toBe(200);
    const before = app.db.select().from(events).all();

    expectProblem(await send(app, 'PATCH', url, { key, body: { title: 'Second fix' }, headers: { 'if-match': stale } }), 412, 'SITREP_PRECONDITION_FAILED');
    expectProblem(await send(app, 'DELETE', url, { key, headers: { 'if-match': stale } }), 412, 'SITREP_PRECONDITION_FAILED');
    expect(app.db.select().from(events).all()).toEqual(before);
    expect((await getJson(app, `${url}/revisions`)).body.data).toHaveLength(1);
  });

  test('when titles are corrected and an event is deleted, then search finds each event by its current words only, and the others keep theirs', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    // Several events, so that a trigger reaching the wrong full-text row would show.
    const [first, second, third] = ['Strike on Odesa port', 'Strike on Lviv depot', 'Strike on Dnipro bridge'].map((title) => createEvent(app.db, { title }));
    const ids = async (q: string) => (await getJson(app, `/v1/events?q=${q}`)).body.data.map((e: { id: string }) => e.id).sort();
    for (const [event, title] of [
      [first!, 'Strike on Izmail port'],
      [second!, 'Strike on Lviv rail depot'],
    ] as const) {
      const url = `/v1/events/${event.id}`;
      expect((await send(app, 'PATCH', url, { key, body: { title }, headers: { 'if-match': await etagOf(app, url) } })).status).toBe(200);
    }
    expect(await ids('Odesa')).toEqual([]);
    expect(await ids('Izmail')).toEqual([first!.id]);
    expect(await ids('rail')).toEqual([second!.id]);
    expect(await ids('Dnipro')).toEqual([third!.id]);
    expect(await ids('Strike')).toEqual([first!.id, second!.id, third!.id].sort());

    const url = `/v1/events/${second!.id}`;
    expect((await send(app, 'DELETE', url, { key, headers: { 'if-match': await etagOf(app, url) } })).status).toBe(204);
    expect(await ids('Strike')).toEqual([first!.id, third!.id].sort());
    // The deleted event's full-text row is gone too, not merely hidden by the join with events.
    const sqlite = app.db.$client;
    expect(sqlite.prepare('SELECT event_id FROM events_fts ORDER BY event_id').pluck().all()).toEqual([first!.id, third!.id].sort());
    expect(sqlite.prepare('SELECT r.event_id FROM events_fts_rows r JOIN events_fts f ON f.rowid = r.fts_rowid AND f.event_id = r.event_id ORDER BY 1').pluck().all()).toEqual(
      [first!.id, third!.id].sort(),
    );
  });

  test('when If-Match is missing, then 428 and nothing changes', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Original' });
    expectProblem(await send(app, 'PATCH', `/v1/events/${event.id}`, { key: apiKey(app), body: { title: 'x' } }), 428, 'SITREP_PRECONDITION_REQUIRED');
    expect((await getJson(app, `/v1/events/${event.id}`)).body.title).toBe('Original');
  });

  test('when two PATCHes with the same ETag race, then exactly one wins and the other gets 412', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Original' });
    const url = `/v1/events/${event.id}`;
    const key = apiKey(app);
    const etag = await etagOf(app, url);
    const answers = await Promise.all(
      ['Fix by desk A', 'Fix by desk B'].map((title) => send(app, 'PATCH', url, { key, body: { title }, headers: { 'if-match': etag } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const winner = answers.find((a) => a.status === 200)!;
    expect((await getJson(app, url)).body.title).toBe(winner.body.title);
    expect((await getJson(app, `${url}/revisions`)).body.data).toHaveLength(1);
  });

  test('when a PATCH would make the event invalid, then 400 names the field and nothing changes', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { startAt: '2025-07-03T15:00:00Z' });
    const url = `/v1/events/${event.id}`;
    const response = await send(app, 'PATCH', url, { key: apiKey(app), body: { end_at: '2025-07-03T14:00:00Z', end_precision: 'minute' }, headers: { 'if-match': await etagOf(app, url) } });
    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER', 'end_at');
    expect((await getJson(app, url)).body.end_at).toBeNull();
  });
});

describe('DELETE /v1/events/{id}', () => {
  test('when an event is deleted, then 204, its GET answers 410 with when and why, and lists, search and statistics no longer show it', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Duplicate of the Kyiv strike' });
    const url = `/v1/events/${event.id}`;
    const deleted = await send(app, 'DELETE', `${url}?reason=${encodeURIComponent('Duplicate record')}`, { key: apiKey(app), headers: { 'if-match': await etagOf(app, url) } });
    expect(deleted.status).toBe(204);

    const gone = await getJson(app, url);
    expectProblem(gone, 410, 'SITREP_GONE');
    expect(gone.body).toMatchObject({ deletion_reason: 'Duplicate record', deleted_at: expect.stringMatching(/Z$/) });
    expect(gone.body.detail).toContain('Duplicate record');
    expectProblem(await getJson(app, `${url}/context`), 410, 'SITREP_GONE');
    expect((await getJson(app, '/v1/events')).body.data).toEqual([]);
    expect((await getJson(app, '/v1/events?q=Duplicate')).body.data).toEqual([]);
    expect((await getJson(app, '/v1/timeline')).body.data).toEqual([]);
  });

  test('when a deleted event is deleted or patched again, then 410', async () => {
    const app = await freshApp();
    const event = createEvent(app.db);
    const url = `/v1/events/${event.id}`;
    const key = apiKey(app);
    expect((await send(app, 'DELETE', url, { key, headers: { 'if-match': await etagOf(app, url) } })).status).toBe(204);
    expectProblem(await send(app, 'DELETE', url, { key, headers: { 'if-match': '*' } }), 410, 'SITREP_GONE');
    expectProblem(await send(app, 'PATCH', url, { key, body: { title: 'x' }, headers: { 'if-match': '*' } }), 410, 'SITREP_GONE');
  });

  test('when an event still has figures, then 409 names them and nothing is deleted', async () => {
    const app = await freshApp();
    const event = createEvent(app.db);
    const source = createSource(app.db);
    createCasualtyReport(app.db, event.id, source.id);
    const url = `/v1/events/${event.id}`;
    const response = await send(app, 'DELETE', url, { key: apiKey(app), headers: { 'if-match': await etagOf(app, url) } });
    expectProblem(response, 409, 'SITREP_CONFLICT');
    expect(response.body.detail).toContain('1 casualty report');
    expect((await getJson(app, url)).status).toBe(200);
  });
});

describe('seed after deletions', () => {
  test('when the server restarts and re-seeds, then a deleted seed event stays deleted', async () => {
    const app = await freshApp({ seed: true });
    const url = '/v1/events/evt_2025_07_04_trump_zelenskyy_call';
    const key = apiKey(app);
    const blockers = await getJson(app, url);
    // Its citations and relations first, then the event itself.
    for (const citation of blockers.body.citations) {
      const curl = `/v1/citations/${citation.id}`;
      if ((await getJson(app, curl)).status === 200) await send(app, 'DELETE', curl, { key, headers: { 'if-match': '*' } });
    }
    for (const relation of blockers.body.relations) {
      const rurl = `/v1/relations/${relation.id}`;
      for (const c of relation.citations) await send(app, 'DELETE', `/v1/citations/${c.id}`, { key, headers: { 'if-match': '*' } });
      await send(app, 'DELETE', rurl, { key, headers: { 'if-match': '*' } });
    }
    expect((await send(app, 'DELETE', url, { key, headers: { 'if-match': '*' } })).status).toBe(204);

    const { seedDatabase } = await import('../seed/seed.js');
    await seedDatabase(app.db);
    expectProblem(await getJson(app, url), 410, 'SITREP_GONE');
  });
});

describe('history', () => {
  test('when an event is created, corrected and deleted, then its revisions and the change feed show each step with who, when and why', async () => {
    const app = await freshApp();
    const key = apiKey(app, 'editor', 'Night desk');
    const created = await send(app, 'POST', '/v1/events', { key, body: newEvent({ reason: 'First report' }) });
    const url = created.headers.location as string;
    const patched = await send(app, 'PATCH', url, { key, body: { title: 'Drone and missile strike on Odesa port', reason: 'Missiles confirmed' }, headers: { 'if-match': created.headers.etag as string } });
    await send(app, 'DELETE', `${url}?reason=Merged`, { key, headers: { 'if-match': patched.headers.etag as string } });

    const revisions = await getJson(app, `${url}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body.data.map((r: any) => [r.action, r.reason, r.changed_by.name])).toEqual([
      ['created', 'First report', 'Night desk'],
      ['updated', 'Missiles confirmed', 'Night desk'],
      ['deleted', 'Merged', 'Night desk'],
    ]);
    const [create, update, remove] = revisions.body.data;
    expect(create.before).toBeNull();
    expect(update.before.title).toBe('Drone strike on Odesa port');
    expect(update.after.title).toBe('Drone and missile strike on Odesa port');
    expect(remove.after).toBeNull();

    const first = await getJson(app, '/v1/changes?limit=2');
    expect(first.body.data.map((c: any) => c.action)).toEqual(['created', 'updated']);
    expect(first.body.has_more).toBe(true);
    const rest = await getJson(app, `/v1/changes?since=${encodeURIComponent(first.body.next_cursor)}`);
    expect(rest.body.data.map((c: any) => [c.action, c.resource_type, c.resource_id])).toEqual([['deleted', 'event', created.body.id]]);
    expect(rest.body.has_more).toBe(false);
    const caughtUp = await getJson(app, `/v1/changes?since=${encodeURIComponent(rest.body.next_cursor)}`);
    expect(caughtUp.body).toEqual({ data: [], next_cursor: rest.body.next_cursor, has_more: false });
  });

  test('when the change feed gets a cursor it did not issue, then 400 names since', async () => {
    const app = await freshApp();
    expectProblem(await getJson(app, '/v1/changes?since=bogus'), 400, 'SITREP_INVALID_PARAMETER', 'since');
  });

  test('when revisions of an unknown event are asked for, then 404', async () => {
    const app = await freshApp();
    expectProblem(await getJson(app, '/v1/events/evt_nope/revisions'), 404, 'SITREP_NOT_FOUND');
  });

  test('when a PATCH changes nothing, then no revision is written', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Same' });
    const url = `/v1/events/${event.id}`;
    expect((await send(app, 'PATCH', url, { key: apiKey(app), body: { title: 'Same' }, headers: { 'if-match': await etagOf(app, url) } })).status).toBe(200);
    expect((await getJson(app, `${url}/revisions`)).body.data).toEqual([]);
  });

  test('when a PATCH changes nothing, then the change counter stays put, so cached answers and kept totals stay valid', async () => {
    const app = await freshApp();
    const event = createEvent(app.db, { title: 'Same' });
    const url = `/v1/events/${event.id}`;
    const etag = await etagOf(app, url);
    const version = dataVersion(app.db);
    const answer = await send(app, 'PATCH', url, { key: apiKey(app), body: { title: 'Same' }, headers: { 'if-match': etag } });
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBe(etag);
    expect(dataVersion(app.db)).toBe(version);
  });
});
