// Honest answers about query parameters: a name the operation does not define is refused (with the
// nearest real name when one is close), a single value given twice is refused, a date-time needs a
// real UTC offset, and every multi-valued parameter takes the same list syntax.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { buildApp } from '../src/app.js';
import { createEvent } from './factories.js';
import { apiKey, expectProblem, freshApp, getJson, send } from './helpers.js';

const INVALID = 'SITREP_INVALID_PARAMETER';
const ids = (body: { data: Array<{ id: string }> }) => body.data.map((e) => e.id).sort();

describe('a parameter the operation does not define', () => {
  test('when /v1/events gets `form` (a typo of `from`), then 400 names it and suggests `from`', async () => {
    const app = await freshApp();
    createEvent(app.db);

    const response = await getJson(app, '/v1/events?form=2025-07-04');

    expectProblem(response, 400, INVALID, 'form');
    expect(response.body.errors).toEqual([{ in: 'query', name: 'form', reason: 'is not a parameter of this operation; did you mean `from`?' }]);
    expect(response.body.detail).toBe('form: is not a parameter of this operation; did you mean `from`?');
  });

  test('when /v1/stats/munitions gets `oblast`, which is like no parameter, then 400 lists the ones it accepts', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/stats/munitions?oblast=Kyiv');

    expectProblem(response, 400, INVALID, 'oblast');
    expect(response.body.errors[0].reason).toBe(
      'is not a parameter of this operation, which accepts: from, to, kind, country, actor, admin1, place, bbox, near, within_km, place_role, group_by, bucket, tz, include, format',
    );
  });

  test('when several unknown names are sent, then each gets its own entry, before the other errors', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/events?limit=0&colour=red&Kind=shelling');

    expectProblem(response, 400, INVALID, 'colour');
    expect(response.body.errors.map((e: { name: string }) => e.name)).toEqual(['colour', 'Kind', 'limit']);
    expect(response.body.errors[1].reason).toBe('is not a parameter of this operation; did you mean `kind`?');
  });

  test('when a value is sent without a name (`?=1`), then 400 says so rather than guessing a name', async () => {
    const app = await freshApp();

    const response = await getJson(app, '/v1/events?=1');

    expectProblem(response, 400, INVALID, '');
    expect(response.body.errors[0].reason).toBe('is a value sent without a parameter name before its =');
  });

  test.each(['/healthz', '/readyz', '/openapi.json', '/openapi.yaml', '/v1/actors/act_nobody', '/v1/sources/src_nobody', '/v1/casualty-reports/cas_nobody'])(
    'when %s, which takes no parameters, gets one, then 400 says it takes none',
    async (path) => {
      const app = await freshApp();

      const response = await getJson(app, `${path}?verbose=1`);

      expectProblem(response, 400, INVALID, 'verbose');
      expect(response.body.errors[0]).toEqual({ in: 'query', name: 'verbose', reason: 'is not a parameter of this operation, which takes no query parameters' });
    },
  );

  test('when an export or a statistic gets an unknown name, then it is refused before anything is streamed or summed', async () => {
    const app = await freshApp();

    const csv = await app.inject({ method: 'GET', url: '/v1/events.csv?profil=acled' });
    const stats = await getJson(app, '/v1/stats/casualties?bucket=day&includes=by_source');

    expect(csv.statusCode).toBe(400);
    expect(csv.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(csv.body).errors[0]).toEqual({ in: 'query', name: 'profil', reason: 'is not a parameter of this operation; did you mean `profile`?' });
    expectProblem(stats, 400, INVALID, 'includes');
    expect(stats.body.errors[0].reason).toMatch(/did you mean `include`\?$/);
  });

  test('when a POST carries an unknown query parameter, then 400 names it and nothing is created', async () => {
    const app = await freshApp();
    const key = apiKey(app);

    const response = await send(app, 'POST', '/v1/sources?dry_run=true', { key, body: { kind: 'news_report', publisher: 'Test Wire' } });

    expectProblem(response, 400, INVALID, 'dry_run');
    expect((await getJson(app, '/v1/sources')).body.data).toEqual([]);
  });

  test('when a POST has both a bad body and an unknown query parameter, then 400 names both', async () => {
    const app = await freshApp();

    const response = await send(app, 'POST', '/v1/sources?dry_run=true', { key: apiKey(app), body: { kind: 'rumour' } });

    expectProblem(response, 400, INVALID);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ in: 'body', name: 'kind' }));
    expect(response.body.errors).toContainEqual(expect.objectContaining({ in: 'query', name: 'dry_run' }));
  });

  test('when a DELETE misspells `reason`, then 400 suggests it and nothing is deleted', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const created = await send(app, 'POST', '/v1/sources', { key, body: { kind: 'news_report', publisher: 'Test Wire' } });

    const response = await send(app, 'DELETE', `/v1/sources/${created.body.id}?reasn=duplicate`, { key, headers: { 'if-match': created.headers.etag as string } });

    expectProblem(response, 400, INVALID, 'reasn');
    expect(response.body.errors[0].reason).toBe('is not a parameter of this operation; did you mean `reason`?');
    expect((await getJson(app, `/v1/sources/${created.body.id}`)).status).toBe(200);
  });

  test('when any operation of openapi.yaml gets a name it does not define, then it answers 400 naming it', async () => {
    // Sixty requests in a row: no rate limit, and no overload refusal on a busy test machine.
    const app = await freshApp({ http: { rateLimit: { readsPerMinute: 0, writesPerMinute: 0 }, maxEventLoopDelayMs: 0 } });
    const admin = apiKey(app, 'admin');
    const document = parse(readFileSync(resolve(import.meta.dirname, '../openapi.yaml'), 'utf8'));
    let checked = 0;

    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, { requestBody?: unknown }>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const url = `${path.replace(/\{[^}]+\}/g, 'x_1')}?definitely_not_a_parameter=1`;
        const response = await send(app, method.toUpperCase() as 'GET', url, { key: admin, ...(operation.requestBody ? { body: {} } : {}) });
        expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(400);
        expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
        expect(response.body.errors, `${method} ${url}`).toContainEqual(expect.objectContaining({ in: 'query', name: 'definitely_not_a_parameter' }));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  test('when a route is added without a query schema, then the app refuses to start', async () => {
    const app = await buildApp({ databaseUrl: ':memory:', logLevel: 'silent' });
    try {
      const register = async () => {
        app.get('/v1/forgotten', { schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({ ok: true }));
        await app.ready();
      };
      await expect(register()).rejects.toThrow(/GET \/v1\/forgotten declares no query parameters/);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});

describe('a single-valued parameter given twice', () => {
  test.each([
    ['/v1/events?limit=5&limit=6', 'limit'],
    ['/v1/events?from=2025-07-01&from=2025-07-02', 'from'],
    ['/v1/stats/casualties?bucket=day&bucket=month', 'bucket'],
    ['/v1/events/evt_x?as_of=2025-07-04T00:00:00Z&as_of=2025-07-05T00:00:00Z', 'as_of'],
  ])('when %s, then 400 says %s is repeated and must be given once', async (url, name) => {
    const app = await freshApp();

    const response = await getJson(app, url);

    expectProblem(response, 400, INVALID, name);
    expect(response.body.errors).toEqual([{ in: 'query', name, reason: 'is repeated; give it once' }]);
  });
});

describe('date-time parameters', () => {
  test.each([
    ['/v1/events?from=', 'from'],
    ['/v1/timeline?to=', 'to'],
    ['/v1/stats/munitions?from=', 'from'],
    ['/v1/events/evt_x?as_of=', 'as_of'],
  ])('when %s… has an impossible offset, then 400 says the offset is out of range', async (prefix, name) => {
    const app = await freshApp();

    for (const value of ['2025-07-04T03:00:00+25:00', '2025-07-04T03:00:00+23:60', '2025-07-04T03:00:00-24:00']) {
      const response = await getJson(app, `${prefix}${encodeURIComponent(value)}`);
      expectProblem(response, 400, INVALID, name);
      expect(response.body.errors[0].reason).toBe('has a UTC offset out of range; offsets run from -23:59 to +23:59');
    }
    for (const value of ['2025-07-04T03:00:00+23:59', '2025-07-04T03:00:00-23:59']) {
      expect([200, 404], value).toContain((await getJson(app, `${prefix}${encodeURIComponent(value)}`)).status);
    }
  });

  test.each([
    ['/v1/events?to=', 'to'],
    ['/v1/stats/casualties?from=', 'from'],
    ['/v1/events/evt_x?as_of=', 'as_of'],
  ])('when %s… has no offset, then 400 says so and how to give one', async (prefix, name) => {
    const app = await freshApp();

    const response = await getJson(app, `${prefix}2025-07-04T03:00:00`);

    expectProblem(response, 400, INVALID, name);
    expect(response.body.errors[0].reason).toBe('has no UTC offset; end it with Z for UTC or with an offset such as +03:00');
  });

  test('when the + of an offset arrives as a space (an unencoded + in a URL), then 400 says to write it as %2B; so written, or as a date or with Z, it matches as before', async () => {
    const app = await freshApp();
    const strike = createEvent(app.db, { startAt: '2025-07-04T00:00:00Z' });

    const response = await getJson(app, '/v1/events?from=2025-07-04T03:00:00+03:00');

    expectProblem(response, 400, INVALID, 'from');
    expect(response.body.errors[0].reason).toBe('has a space before its UTC offset: a + in a URL must be written %2B');
    for (const from of ['2025-07-04', '2025-07-04T03:00:00%2B03:00', '2025-07-04T00:00:00Z', '2025-07-03T23:59:59.5-00:00']) {
      const matched = await getJson(app, `/v1/events?from=${from}&to=2025-07-04`);
      expect(matched.status, `${from}: ${JSON.stringify(matched.body)}`).toBe(200);
      expect(ids(matched.body)).toEqual([strike.id]);
    }
  });
});

describe('multi-valued parameters: repeated, comma-separated, or both', () => {
  async function eventsOfEveryKind() {
    const app = await freshApp();
    const attack = createEvent(app.db, { kind: 'aerial_attack' });
    const statement = createEvent(app.db, { kind: 'statement', status: 'scheduled' });
    const shelling = createEvent(app.db, { kind: 'shelling', status: 'ongoing' });
    createEvent(app.db, { kind: 'sanction', status: 'cancelled' });
    return { app, attack, statement, shelling };
  }

  test('when kind is given comma-separated and repeated at once, then events of all those kinds are listed', async () => {
    const { app, attack, statement, shelling } = await eventsOfEveryKind();

    const mixed = await getJson(app, '/v1/events?kind=aerial_attack,statement&kind=shelling');
    const commas = await getJson(app, '/v1/events?kind=aerial_attack,statement');

    expect(mixed.status, JSON.stringify(mixed.body)).toBe(200);
    expect(ids(mixed.body)).toEqual([attack.id, statement.id, shelling.id].sort());
    expect(ids(commas.body)).toEqual([attack.id, statement.id].sort());
  });

  test('when status is given comma-separated, then events of each status are listed', async () => {
    const { app, statement, shelling } = await eventsOfEveryKind();

    const response = await getJson(app, '/v1/events?status=scheduled,ongoing');

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(ids(response.body)).toEqual([statement.id, shelling.id].sort());
  });

  test('when a value is given twice, then it counts once and a cursor from one spelling works with the other', async () => {
    const { app } = await eventsOfEveryKind();

    const first = await getJson(app, '/v1/events?kind=statement,aerial_attack,statement&kind=aerial_attack&limit=1');
    const next = await getJson(app, `/v1/events?kind=statement&kind=aerial_attack&limit=1&cursor=${encodeURIComponent(first.body.next_cursor)}`);

    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.next_cursor).toBeNull();
  });

  test.each([
    ['/v1/events?kind=,', 'kind'],
    ['/v1/events?kind=aerial_attack,', 'kind'],
    ['/v1/events?status=occurred&status=', 'status'],
    ['/v1/stats/munitions?include=by_model,,by_source', 'include'],
    ['/v1/events.csv?fields=title,', 'fields'],
  ])('when %s has an empty item, then 400 names %s', async (url, name) => {
    const app = await freshApp();

    const response = await getJson(app, url);

    expectProblem(response, 400, INVALID, name);
    expect(response.body.errors[0].reason).toBe('has an empty item; separate values with single commas');
  });

  test('when an unknown value is in a list, then 400 names the parameter and the value', async () => {
    const app = await freshApp();

    const commas = await getJson(app, '/v1/events?kind=aerial_attack,drone_strike');
    const repeated = await getJson(app, '/v1/events?kind=aerial_attack&kind=drone_strike');

    for (const response of [commas, repeated]) {
      expectProblem(response, 400, INVALID, 'kind');
      expect(response.body.errors[0].reason).toMatch(/^has unknown value drone_strike; allowed: diplomatic_contact, statement, aerial_attack/);
    }
  });

  test('when include is comma-separated on the munition statistics, then both parts are in the answer', async () => {
    const app = await freshApp({ seed: true });

    const response = await getJson(app, '/v1/stats/munitions?bucket=all&include=by_model,by_source');

    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.data[0]).toHaveProperty('by_model');
    expect(response.body.data[0]).toHaveProperty('by_source');
  });

  test('when fields is repeated, or repeated and comma-separated, then the items hold id and those fields in order', async () => {
    const { app } = await eventsOfEveryKind();

    const repeated = await app.inject({ url: '/v1/events.ndjson?fields=title&fields=kind&limit=1' });
    const mixed = await app.inject({ url: '/v1/timeline.csv?fields=title,status&fields=kind,title&limit=1' });

    expect(repeated.statusCode, repeated.body).toBe(200);
    expect(Object.keys(JSON.parse(repeated.body.trim()))).toEqual(['id', 'title', 'kind']);
    expect(mixed.statusCode, mixed.body).toBe(200);
    expect(mixed.body.split('\r\n')[0]).toBe('\uFEFFbucket,bucket_start,bucket_end,id,title,status,kind');
  });

  test('when openapi.yaml describes the multi-valued parameters (kind, status, include, fields, admin1, place, place_role), then each says the list rule', () => {
    const document = parse(readFileSync(resolve(import.meta.dirname, '../openapi.yaml'), 'utf8'));
    const lists = Object.values(document.paths as Record<string, Record<string, { parameters?: Array<{ name: string; in: string; description?: string; schema: { type?: string } }> }>>)
      .flatMap((methods) => Object.values(methods))
      .flatMap((operation) => operation.parameters ?? [])
      .filter((p) => p.in === 'query' && p.schema.type === 'array');

    expect(new Set(lists.map((p) => p.name))).toEqual(new Set(['kind', 'status', 'include', 'fields', 'admin1', 'place', 'place_role']));
    for (const parameter of lists) {
      expect(parameter.description, parameter.name).toContain('Give several values by repeating the parameter, by separating them with commas, or both.');
    }
  });
});
