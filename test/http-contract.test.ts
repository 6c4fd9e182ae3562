// The HTTP contract as a client meets it: a wrong method on a known path, a trailing slash.
import { describe, expect, test } from 'vitest';
import { expectProblem, freshApp, getJson } from './helpers.js';

describe('methods and paths', () => {
  test('when a known path is asked with a method it does not answer, then 405 with Allow listing the ones it does', async () => {
    const app = await freshApp({ seed: true });

    const put = await app.inject({ method: 'PUT', url: '/v1/events/evt_2025_07_04_kyiv_strike' });
    const postToStats = await app.inject({ method: 'POST', url: '/v1/stats/munitions' });
    const unknown = await app.inject({ method: 'PUT', url: '/v1/nothing-here' });

    expect(put.statusCode).toBe(405);
    expect(put.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(put.json()).toMatchObject({ code: 'SITREP_METHOD_NOT_ALLOWED', status: 405 });
    expect(String(put.headers.allow).split(', ')).toEqual(expect.arrayContaining(['GET', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS']));
    expect(String(put.headers.allow)).not.toContain('PUT');
    expect(postToStats.statusCode).toBe(405);
    expect(postToStats.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SITREP_ROUTE_NOT_FOUND');
  });

  test('when a collection is asked with a trailing slash, then it is the collection, not an event with an empty id', async () => {
    const app = await freshApp({ seed: true });

    const slashed = await getJson(app, '/v1/events/?limit=2');
    const plain = await getJson(app, '/v1/events?limit=2');

    expect(slashed.status).toBe(200);
    expect(slashed.body.data).toEqual(plain.body.data);
    // Two slashes do leave an empty id, which is said in words.
    const empty = await getJson(app, '/v1/events//');
    expectProblem(empty, 400, 'SITREP_INVALID_PARAMETER', 'id');
    expect(empty.body.errors[0].reason).toBe('is empty: the path names no id');
  });
});
