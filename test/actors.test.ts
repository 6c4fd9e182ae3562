// GET /v1/actors and /v1/actors/{id}: filters, ordering, keyset pagination, role counts, errors.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActorWire } from '../src/modules/actors/actors.schemas.js';
import { createActor, createEvent, linkActor } from './factories.js';
import { buildTestApp, collectPages, expectProblem, getJson } from './helpers.js';

type ActorList = { data: ActorWire[]; next_cursor: string | null };

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function emptyApp(): Promise<FastifyInstance> {
  app = await buildTestApp();
  return app;
}

const query = (params: Record<string, string>) => `/v1/actors?${new URLSearchParams(params)}`;

describe('GET /v1/actors', () => {
  it('when filtered by kind, then only actors of that kind are listed', async () => {
    // Arrange
    const server = await emptyApp();
    const person = createActor(server.db, { name: 'Anna Person', kind: 'person' });
    createActor(server.db, { name: 'Some State', kind: 'state' });
    createActor(server.db, { name: 'Some Force', kind: 'armed_force' });

    // Act
    const { status, body } = await getJson<ActorList>(server, query({ kind: 'person' }));

    // Assert
    expect(status).toBe(200);
    expect(body.data.map((a) => a.id)).toEqual([person.id]);
    expect(body.data[0]).toMatchObject({ name: 'Anna Person', kind: 'person', country: 'UA' });
  });

  it('when filtered by a lower-case country code, then only actors of that country are listed', async () => {
    // Arrange
    const server = await emptyApp();
    const german = createActor(server.db, { name: 'Germany', country: 'DE' });
    createActor(server.db, { name: 'Ukraine', country: 'UA' });
    createActor(server.db, { name: 'A coalition', kind: 'coalition', country: null });

    // Act
    const { status, body } = await getJson<ActorList>(server, query({ country: 'de' }));

    // Assert
    expect(status).toBe(200);
    expect(body.data.map((a) => a.id)).toEqual([german.id]);
  });

  it('when q is given, then actors whose name contains it in any case are listed', async () => {
    // Arrange
    const server = await emptyApp();
    const airForce = createActor(server.db, { name: 'Ukrainian Air Force' });
    createActor(server.db, { name: 'Armed Forces of the Russian Federation' });

    // Act
    const { status, body } = await getJson<ActorList>(server, query({ q: 'air FORCE' }));

    // Assert
    expect(status).toBe(200);
    expect(body.data.map((a) => a.id)).toEqual([airForce.id]);
  });

  it('when q contains % or _, then they match themselves and not any text', async () => {
    // Arrange
    const server = await emptyApp();
    const percent = createActor(server.db, { name: 'Brigade 100% Volunteer' });
    createActor(server.db, { name: 'Brigade 1000 Volunteer' });
    const underscore = createActor(server.db, { name: 'Unit A_B' });
    createActor(server.db, { name: 'Unit AxB' });
    const backslash = createActor(server.db, { name: 'Path C\\D' });
    createActor(server.db, { name: 'Path CD' });

    // Act
    const byPercent = await getJson<ActorList>(server, query({ q: '100%' }));
    const byLonePercent = await getJson<ActorList>(server, query({ q: '%' }));
    const byUnderscore = await getJson<ActorList>(server, query({ q: 'A_B' }));
    const byLoneUnderscore = await getJson<ActorList>(server, query({ q: '_' }));
    const byBackslash = await getJson<ActorList>(server, query({ q: 'C\\D' }));

    // Assert
    expect(byPercent.body.data.map((a) => a.id)).toEqual([percent.id]);
    expect(byLonePercent.body.data.map((a) => a.id)).toEqual([percent.id]);
    expect(byUnderscore.body.data.map((a) => a.id)).toEqual([underscore.id]);
    expect(byLoneUnderscore.body.data.map((a) => a.id)).toEqual([underscore.id]);
    expect(byBackslash.body.data.map((a) => a.id)).toEqual([backslash.id]);
  });

  it('when actors are listed, then they are ordered by name and, for equal names, by id', async () => {
    // Arrange
    const server = await emptyApp();
    createActor(server.db, { id: 'act_zz', name: 'Kremlin' });
    createActor(server.db, { id: 'act_b', name: 'Germany' });
    createActor(server.db, { id: 'act_c', name: 'Donald Trump' });
    createActor(server.db, { id: 'act_a', name: 'Germany' });

    // Act
    const { status, body } = await getJson<ActorList>(server, '/v1/actors');

    // Assert
    expect(status).toBe(200);
    expect(body.data.map((a) => a.id)).toEqual(['act_c', 'act_a', 'act_b', 'act_zz']);
    expect(body.next_cursor).toBeNull();
  });

  it('when 26 actors are paged with limit=7, then every actor is served once, in order, over 4 pages', async () => {
    // Arrange
    const server = await emptyApp();
    const created = Array.from({ length: 26 }, (_, i) =>
      // Few distinct names, so ties on name fall across page boundaries.
      createActor(server.db, { id: `act_${String(i).padStart(2, '0')}`, name: `Actor ${String.fromCharCode(65 + (i % 5))}` }),
    );
    const expected = [...created].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1)).map((a) => a.id);

    // Act
    const { items, pages } = await collectPages<ActorWire>(server, '/v1/actors?limit=7');

    // Assert
    expect(pages).toBe(4);
    const ids = items.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
  });

  it('when a page is full, then next_cursor is set, and the last page has none', async () => {
    // Arrange
    const server = await emptyApp();
    for (const name of ['A', 'B', 'C']) createActor(server.db, { name });

    // Act
    const first = await getJson<ActorList>(server, query({ limit: '2' }));
    const second = await getJson<ActorList>(server, query({ limit: '2', cursor: first.body.next_cursor ?? '' }));

    // Assert
    expect(first.body.data.map((a) => a.name)).toEqual(['A', 'B']);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    expect(second.body.data.map((a) => a.name)).toEqual(['C']);
    expect(second.body.next_cursor).toBeNull();
  });

  it('when the cursor is not one the API issued, then 400 problem names cursor', async () => {
    // Arrange
    const server = await emptyApp();

    // Act
    const response = await getJson(server, query({ cursor: 'not-a-cursor' }));

    // Assert
    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER');
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', name: 'cursor' })]);
  });

  it('when a cursor is replayed with other filters, then 400 problem names cursor', async () => {
    // Arrange
    const server = await emptyApp();
    for (const name of ['A', 'B', 'C']) createActor(server.db, { name, kind: 'state' });
    const first = await getJson<ActorList>(server, query({ limit: '1' }));

    // Act
    const response = await getJson(server, query({ limit: '1', kind: 'state', cursor: first.body.next_cursor! }));

    // Assert
    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER');
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', name: 'cursor' })]);
  });

  it('when kind is not an actor kind, then 400 problem names kind', async () => {
    // Arrange
    const server = await emptyApp();

    // Act
    const response = await getJson(server, query({ kind: 'alien' }));

    // Assert
    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER');
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', name: 'kind' })]);
  });

  it('when country, q or limit is malformed, then 400 problem names that parameter', async () => {
    // Arrange
    const server = await emptyApp();

    // Act
    const badCountry = await getJson(server, query({ country: 'UKR' }));
    const blankQ = await getJson(server, query({ q: '   ' }));
    const zeroLimit = await getJson(server, query({ limit: '0' }));

    // Assert
    for (const [response, name] of [
      [badCountry, 'country'],
      [blankQ, 'q'],
      [zeroLimit, 'limit'],
    ] as const) {
      expectProblem(response, 400, 'SITREP_INVALID_PARAMETER');
      expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', name })]);
    }
  });
});

describe('GET /v1/actors/{id}', () => {
  it('when the actor takes part in events, then its roles are counted per role', async () => {
    // Arrange
    const server = await emptyApp();
    const actor = createActor(server.db, { name: 'Vladimir Putin', kind: 'person', country: 'RU' });
    const call = createEvent(server.db, { kind: 'diplomatic_contact' });
    const statementA = createEvent(server.db, { kind: 'statement' });
    const statementB = createEvent(server.db, { kind: 'statement' });
    linkActor(server.db, call.id, actor.id, 'participant');
    linkActor(server.db, statementA.id, actor.id, 'subject');
    linkActor(server.db, statementB.id, actor.id, 'subject');
    linkActor(server.db, statementB.id, actor.id, 'speaker');

    // Act
    const { status, body } = await getJson(server, `/v1/actors/${actor.id}`);

    // Assert
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: actor.id, name: 'Vladimir Putin', kind: 'person', country: 'RU', description: null });
    expect(body.roles).toEqual([
      { role: 'participant', event_count: 1 },
      { role: 'speaker', event_count: 1 },
      { role: 'subject', event_count: 2 },
    ]);
  });

  it('when the actor takes part in no event, then roles is empty', async () => {
    // Arrange
    const server = await emptyApp();
    const actor = createActor(server.db);

    // Act
    const { status, body } = await getJson(server, `/v1/actors/${actor.id}`);

    // Assert
    expect(status).toBe(200);
    expect(body.roles).toEqual([]);
  });

  it('when the seed is loaded, then Ukraine is the target of one event and the recipient of two', async () => {
    // Arrange
    app = await buildTestApp({ seed: true });

    // Act
    const { status, body } = await getJson(app, '/v1/actors/act_ukraine');

    // Assert
    expect(status).toBe(200);
    expect(body.roles).toEqual([
      { role: 'recipient', event_count: 2 },
      { role: 'target', event_count: 1 },
    ]);
  });

  it('when no actor has the id, then 404 problem+json with code SITREP_NOT_FOUND', async () => {
    // Arrange
    const server = await emptyApp();

    // Act
    const response = await getJson(server, '/v1/actors/act_missing');

    // Assert
    expectProblem(response, 404, 'SITREP_NOT_FOUND');
    expect(response.body.detail).toContain('act_missing');
  });
});
