// What protects a public API from scrapers, broken clients and overload: security headers, CORS
// (open for reads, closed for writes unless configured), rate limits with Retry-After, 503 under
// event-loop pressure, a request timeout, oversized bodies answered readably, and hostile query
// strings that never reach a 5xx.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, onTestFinished, test } from 'vitest';
import { buildApp, type AppOptions } from '../src/app.js';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { createApiKey, revokeApiKey } from '../src/modules/keys/keys.repository.js';
import { eventInput } from './factories.js';
import { expectProblem, freshApp, getJson, seeded } from './helpers.js';
import { startNodeServer } from './processes.js';

async function appWith(http: AppOptions['http']): Promise<FastifyInstance> {
  const app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', http }));
  onTestFinished(() => app.close());
  return app;
}

describe('security headers', () => {
  test('when an API answer is sent, then it carries the headers an API needs: nosniff, HSTS, a CSP that forbids rendering and framing', async () => {
    const app = await freshApp();

    const response = await app.inject({ method: 'GET', url: '/v1/events' });

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
    // Page-only headers stay off the API's answers.
    expect(response.headers['referrer-policy']).toBeUndefined();
  });

  test('when /docs is loaded, then it gets helmet\'s page headers and a CSP that lets Swagger UI run', async () => {
    const app = await freshApp();

    const response = await app.inject({ method: 'GET', url: '/docs/' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });
});

describe('CORS', () => {
  const EXPOSED = ['ETag', 'Link', 'Location', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
  const exposed = (headers: Record<string, unknown>) => String(headers['access-control-expose-headers'] ?? '').split(/,\s*/).map((h) => h.toLowerCase());

  test('when a page on any origin reads, then it is allowed and may read ETag, Link, Location, Retry-After and the rate-limit headers', async () => {
    const app = await freshApp();

    const response = await app.inject({ method: 'GET', url: '/v1/events', headers: { origin: 'https://anywhere.example' } });

    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(exposed(response.headers)).toEqual(expect.arrayContaining(EXPOSED.map((h) => h.toLowerCase())));
  });

  test('when a page is refused with 429, then it can read Retry-After and the rate-limit headers', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 1, writesPerMinute: 0 } });
    const read = () => app.inject({ method: 'GET', url: '/v1/events', headers: { origin: 'https://anywhere.example' } });
    await read();

    const refused = await read();

    expect(refused.statusCode).toBe(429);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(exposed(refused.headers)).toEqual(expect.arrayContaining(['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']));
  });

  test('when a page on an unconfigured origin asks to write, then the preflight grants nothing', async () => {
    const app = await freshApp();

    const response = await app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });

    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-methods']).toBeUndefined();
  });

  test('when a configured origin asks to write, then the preflight allows it with the write headers, cached for two hours', async () => {
    const app = await appWith({ corsWriteOrigins: ['https://desk.example'] });

    const response = await app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: { origin: 'https://desk.example', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match' },
    });

    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://desk.example');
    expect(String(response.headers['access-control-allow-methods'])).toContain('PATCH');
    expect(String(response.headers['access-control-allow-headers'])).toMatch(/If-Match/i);
    expect(response.headers['access-control-max-age']).toBe('7200');
  });

  test('when a configured origin writes, then the page may read Location and ETag of what it created', async () => {
    const app = await appWith({ corsWriteOrigins: ['https://desk.example'] });
    const key = createApiKey(app.db, { name: 'desk', role: 'editor' }).key;

    const created = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { origin: 'https://desk.example', authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify(eventInput()),
    });

    expect(created.statusCode).toBe(201);
    expect(created.headers['access-control-allow-origin']).toBe('https://desk.example');
    expect(exposed(created.headers)).toEqual(expect.arrayContaining(['location', 'etag', 'x-ratelimit-remaining']));
  });

  test.each(['GET', 'HEAD'])('when a read (%s) is preflighted from any origin, then only read methods are offered, cached for two hours', async (method) => {
    const app = await appWith({ corsWriteOrigins: ['https://desk.example'] });

    const response = await app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: { origin: 'https://anywhere.example', 'access-control-request-method': method },
    });

    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(response.headers['access-control-max-age']).toBe('7200');
  });

  test.each([
    ['/v1/events', 'GET, HEAD, POST, OPTIONS'],
    ['/v1/events/evt_2025_07_04_kyiv_strike', 'GET, HEAD, PATCH, DELETE, OPTIONS'],
    ['/v1/events/evt_2025_07_04_kyiv_strike/revisions?limit=5', 'GET, HEAD, OPTIONS'],
    ['/v1/stats/munitions', 'GET, HEAD, OPTIONS'],
    ['/v1/keys/key_000000000000', 'DELETE, OPTIONS'],
    ['/healthz', 'GET, HEAD, OPTIONS'],
  ])('when a plain OPTIONS asks about %s, then 204 with Allow: %s', async (url, allow) => {
    const app = await freshApp();

    const bare = await app.inject({ method: 'OPTIONS', url });
    const fromPage = await app.inject({ method: 'OPTIONS', url, headers: { origin: 'https://anywhere.example' } });

    expect(bare.statusCode).toBe(204);
    expect(bare.headers.allow).toBe(allow);
    expect(fromPage.statusCode).toBe(204);
    expect(fromPage.headers.allow).toBe(allow);
    expect(fromPage.headers['access-control-allow-origin']).toBe('*');
  });

  test('when a plain OPTIONS asks about a path no route has, then 404 problem+json', async () => {
    const app = await freshApp();

    const response = await app.inject({ method: 'OPTIONS', url: '/v1/nothing-here' });

    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'SITREP_ROUTE_NOT_FOUND' });
  });

  test('when a page\'s URL has a path segment too long for any id, then its 414 problem carries the CORS grant and the API headers', async () => {
    const app = await freshApp();

    const response = await app.inject({ method: 'GET', url: `/v1/events/${'x'.repeat(5_000)}`, headers: { origin: 'https://anywhere.example' } });

    expect(response.statusCode).toBe(414);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'SITREP_URI_TOO_LONG' });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  test('when a page sends headers too large for the server, then the 431 that Node\'s parser meets carries the CORS grant', async () => {
    const app = await freshApp();
    const { socket, answer } = await rawConnection(app);

    socket.write(`GET /v1/events HTTP/1.1\r\nHost: x\r\nOrigin: https://anywhere.example\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`);
    const transcript = await answer();

    expect(transcript).toMatch(/^HTTP\/1\.1 431 /);
    expect(transcript).toContain('access-control-allow-origin: *\r\n');
    expect(answersIn(transcript)[0]?.body).toMatchObject({ code: 'SITREP_HEADERS_TOO_LARGE' });
  });
});

describe('rate limits', () => {
  test('when an anonymous client exceeds its read budget, then 429 problem+json says when to retry', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 3, writesPerMinute: 0 } });

    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await app.inject({ method: 'GET', url: '/v1/events' })).statusCode);
    const refused = await getJson(app, '/v1/events');

    expect(statuses).toEqual([200, 200, 200]);
    expectProblem(refused, 429, 'SITREP_RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.detail).toMatch(/3 a minute/);
  });

  test('when one client is limited, then another address, and the probes, still answer', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 1, writesPerMinute: 0 } });
    await app.inject({ method: 'GET', url: '/v1/events', remoteAddress: '203.0.113.1' });

    const limited = await app.inject({ method: 'GET', url: '/v1/events', remoteAddress: '203.0.113.1' });
    const other = await app.inject({ method: 'GET', url: '/v1/events', remoteAddress: '203.0.113.2' });
    const probes = await Promise.all([1, 2, 3].map(() => app.inject({ method: 'GET', url: '/readyz', remoteAddress: '203.0.113.1' })));

    expect(limited.statusCode).toBe(429);
    expect(other.statusCode).toBe(200);
    expect(probes.map((p) => p.statusCode)).toEqual([200, 200, 200]);
  });

  test('when the proxy is trusted, then clients are told apart by X-Forwarded-For; when not, the header is ignored', async () => {
    const trusting = await appWith({ rateLimit: { readsPerMinute: 1, writesPerMinute: 0 }, trustProxy: ['127.0.0.1'] });
    const plain = await appWith({ rateLimit: { readsPerMinute: 1, writesPerMinute: 0 } });
    const from = (ip: string) => ({ method: 'GET' as const, url: '/v1/events', headers: { 'x-forwarded-for': ip } });

    await trusting.inject(from('198.51.100.1'));
    await plain.inject(from('198.51.100.1'));

    expect((await trusting.inject(from('198.51.100.2'))).statusCode).toBe(200);
    expect((await plain.inject(from('198.51.100.2'))).statusCode).toBe(429);
  });
});

describe('rate limits on failed authentication', () => {
  const readWith = (app: FastifyInstance, key: string, remoteAddress = '203.0.113.7') =>
    app.inject({ method: 'GET', url: '/v1/events', remoteAddress, headers: { authorization: `Bearer ${key}` } });

  test.each([
    ['an unknown key', (app: FastifyInstance) => createApiKey(app.db, { name: 'real', role: 'editor' }).key.replace(/.{4}$/, 'AAAA')],
    ['a revoked key', (app: FastifyInstance) => {
      const { row, key } = createApiKey(app.db, { name: 'revoked', role: 'editor' });
      revokeApiKey(app.db, row.id);
      return key;
    }],
    ['a malformed Authorization header', () => 'not-a-key'],
  ])('when 40 reads with %s meet a 20-a-minute read budget, then 20 get 401 and the other 20 get 429 with Retry-After', async (_what, keyOf) => {
    const app = await appWith({ rateLimit: { readsPerMinute: 20, writesPerMinute: 0 }, authFailuresPerMinute: 0 });
    const key = keyOf(app);

    const answers = [];
    for (let i = 0; i < 40; i += 1) answers.push(await readWith(app, key));

    expect(answers.map((a) => a.statusCode)).toEqual([...Array(20).fill(401), ...Array(20).fill(429)]);
    const refused = answers[39]!;
    expect(JSON.parse(refused.body)).toMatchObject({ status: 429, code: 'SITREP_RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
  });

  test('when wrong keys have spent an address\'s read budget, then anonymous reads from it get 429 while a valid key from it keeps its own budget', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 5, writesPerMinute: 0 }, authFailuresPerMinute: 0 });
    const valid = createApiKey(app.db, { name: 'valid', role: 'editor' }).key;
    for (let i = 0; i < 5; i += 1) await readWith(app, 'sitrep_key_000000000000_wrongwrongwrongwrongwrongwrongwrongwrong123');

    const anonymous = await app.inject({ method: 'GET', url: '/v1/events', remoteAddress: '203.0.113.7' });
    const keyed = await Promise.all([1, 2, 3, 4, 5].map(() => readWith(app, valid)));
    const otherAddress = await app.inject({ method: 'GET', url: '/v1/events', remoteAddress: '203.0.113.8' });

    expect(anonymous.statusCode).toBe(429);
    expect(keyed.map((k) => k.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(otherAddress.statusCode).toBe(200);
  });

  test('when keys keep failing, then the smaller failed-authentication budget answers 429 first, and anonymous reads from that address go on', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 100, writesPerMinute: 0 }, authFailuresPerMinute: 5 });

    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await readWith(app, 'wrong')).statusCode);
    const refused = await readWith(app, 'wrong');
    const anonymous = await app.inject({ method: 'GET', url: '/v1/events', remoteAddress: '203.0.113.7' });

    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(JSON.parse(refused.body).detail).toMatch(/^Too many failed authentications from this address: 5 a minute/);
    expect(refused.headers['x-ratelimit-limit']).toBe('5');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(anonymous.statusCode).toBe(200);
  });

  test('when writes without a key are refused, then they count against the address\'s write budget', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 0, writesPerMinute: 2 } });
    const post = () => app.inject({ method: 'POST', url: '/v1/events', headers: { 'content-type': 'application/json' }, payload: '{}' });

    const statuses = [(await post()).statusCode, (await post()).statusCode, (await post()).statusCode];

    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe('rate limit details', () => {
  test('when an IPv6 client changes address within its /64, then it is still counted as one client', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 2, writesPerMinute: 0 } });
    const from = (remoteAddress: string) => app.inject({ method: 'GET', url: '/v1/events', remoteAddress });

    const statuses = [(await from('2001:db8:1:2::1')).statusCode, (await from('2001:db8:1:2::2')).statusCode, (await from('2001:db8:1:2:ffff::3')).statusCode];
    const otherPrefix = await from('2001:db8:1:3::1');

    expect(statuses).toEqual([200, 200, 429]);
    expect(otherPrefix.statusCode).toBe(200);
  });

  test('when a kind of request is unlimited (budget 0), then its answers carry no X-RateLimit headers', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 0, writesPerMinute: 5 } });

    const response = await app.inject({ method: 'GET', url: '/v1/events' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['x-ratelimit-limit']).toBeUndefined();
  });
});

describe('overload', () => {
  test('when the event loop has been blocked past the limit, then requests get 503 with Retry-After, but liveness answers', async () => {
    const app = await appWith({ maxEventLoopDelayMs: 20 });
    // Block the loop 100 ms at a time for over two seconds, so that the one-second sampler's
    // latest window (its mean delay) is dominated by blocked turns.
    const until = Date.now() + 2_200;
    while (Date.now() < until) {
      const turn = Date.now() + 100;
      while (Date.now() < turn) {
        // busy
      }
      await new Promise((resolve) => setImmediate(resolve));
    }

    const refused = await getJson(app, '/v1/events');
    const alive = await app.inject({ method: 'GET', url: '/healthz' });

    expectProblem(refused, 503, 'SITREP_OVERLOADED');
    expect(refused.headers['retry-after']).toBe('10');
    expect(alive.statusCode).toBe(200);
  });
});

describe('request timeout', () => {
  test('when a client sends half a request and stalls, then it gets a 408 problem and the connection closes', async () => {
    const app = await appWith({ requestTimeoutMs: 300 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };

    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /v1/events HTTP/1.1\r\nHost: x\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      setTimeout(() => reject(new Error(`no answer; got ${JSON.stringify(data)}`)), 5_000);
    });

    expect(answer).toMatch(/^HTTP\/1\.1 408 Request timeout\r\n/);
    expect(answer).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 408, code: 'SITREP_REQUEST_TIMEOUT' });
  });
});

describe('hostile query strings', () => {
  const cases: Array<[string, string]> = [
    ['a limit beyond any integer', '/v1/events?limit=1e309'],
    ['a limit of 10^20', '/v1/events?limit=100000000000000000000'],
    ['a negative limit', '/v1/events?limit=-5'],
    ['limit given twice', '/v1/events?limit=1&limit=2'],
    ['a bracketed parameter', '/v1/events?kind[a][b]=aerial_attack'],
    ['__proto__ as a parameter', '/v1/events?__proto__=x&constructor=y'],
    ['an unknown kind', '/v1/events?kind=%00'],
    ['a date with a NUL byte', '/v1/events?from=2025-07-04%00'],
    ['a year 0 date', '/v1/events?from=0000-01-01'],
    ['a February 30', '/v1/events?to=2025-02-30'],
    ['a 10,000-character q', `/v1/events?q=${'a'.repeat(10_000)}`],
    ['q of only punctuation', '/v1/events?q=%22*%28%29%3A%5E-'],
    ['q with a lone surrogate', '/v1/events?q=%ED%A0%80'],
    ['q with invalid percent-encoding', '/v1/events?q=%E0%A4%A'],
    ['q with FTS5 syntax', '/v1/events?q=title%3AKyiv%20NEAR(a%20b)%20OR%20NOT'],
    ['q with right-to-left and zero-width characters', '/v1/events?q=%E2%80%AEKyiv%E2%80%8B'],
    ['q with emoji and combining marks', '/v1/events?q=%F0%9F%9A%80e%CC%81%CC%81%CC%81'],
    ['a cursor of random bytes', '/v1/events?cursor=%FF%FE%FD'],
    ['a tz with path traversal', '/v1/timeline?tz=../../etc/passwd'],
    ['a huge window', '/v1/events/evt_2025_07_04_kyiv_strike/context?window_hours=1e400'],
    ['an id of 5,000 characters', `/v1/events/${'x'.repeat(5_000)}`],
    ['an id of 201 characters', `/v1/sources/${'x'.repeat(201)}`],
    ['an id with an encoded slash and NUL', '/v1/events/evt%2F..%2F%00'],
    ['a fields list naming nothing', '/v1/events?fields=,,,'],
    ['a format with a charset', '/v1/events?format=csv;charset=utf-16'],
    ['an Accept with a charset', '/v1/events.csv?limit=1'],
  ];

  test.each(cases)('when %s is sent, then the answer is a 2xx or a 4xx problem, never a 5xx', async (_what, url) => {
    const app = await freshApp({ seed: true });

    const response = await app.inject({ method: 'GET', url });

    expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
    if (response.statusCode >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body).code).toMatch(/^SITREP_/);
    }
  });

  test('when q holds unicode, then search still finds by accent-insensitive words', async () => {
    const app = await freshApp({ seed: true });

    const found = (await getJson(app, '/v1/events?q=KY%C3%8FV')).body.data.map((e: any) => e.id);

    expect(found).toContain('evt_2025_07_04_kyiv_strike');
  });
});

describe('hostile request bodies', () => {
  const valid = eventInput({ location: { place: 'Odesa', country: 'UA' } });
  // Built as text: JSON.stringify itself recurses too deep on it.
  const nested = `${'['.repeat(5_000)}"deep"${']'.repeat(5_000)}`;

  const cases: Array<[string, string | undefined, string, number]> = [
    ['JSON with a trailing semicolon in the type', 'application/json;', JSON.stringify(valid), 201],
    ['a type with leading spaces and a tab', '  \tapplication/json', JSON.stringify(valid), 201],
    ['an upper-case type with a quoted charset', 'APPLICATION/JSON; charset="UTF-8"', JSON.stringify(valid), 201],
    ['a UTF-16 charset', 'application/json; charset=utf-16', JSON.stringify(valid), 415],
    ['no content type', undefined, JSON.stringify(valid), 415],
    ['text/plain', 'text/plain', JSON.stringify(valid), 415],
    ['form encoding', 'application/x-www-form-urlencoded', 'title=x', 415],
    ['a JSON look-alike type', 'application/jsonp', JSON.stringify(valid), 415],
    ['malformed JSON', 'application/json', '{"title": "x",', 400],
    ['an empty body', 'application/json', '', 400],
    ['JSON null', 'application/json', 'null', 400],
    ['a JSON array', 'application/json', '[]', 400],
    ['a number too large for any field', 'application/json', JSON.stringify({ ...valid, location: { ...valid.location, latitude: 1e308 } }), 400],
    ['a 400-digit number', 'application/json', JSON.stringify(valid).replace('"kind"', `"latitude_x": ${'9'.repeat(400)}, "kind"`), 400],
    ['a 5,000-deep nesting', 'application/json', JSON.stringify({ ...valid, summary: 'NESTED' }).replace('"NESTED"', nested), 400],
    ['__proto__ pollution', 'application/json', JSON.stringify(valid).replace('{', '{"__proto__": {"admin": true}, '), 400],
    ['a lone surrogate in the title', 'application/json', JSON.stringify(valid).replace('Drone strike', '\\ud800 strike'), 400],
    ['a NUL in the title', 'application/json', JSON.stringify({ ...valid, title: 'a\u0000b' }), 400],
    ['a BOM before the JSON (RFC 8259 lets parsers ignore it)', 'application/json', `\ufeff${JSON.stringify(valid)}`, 201],
    ['a control character in a nested field', 'application/json', JSON.stringify({ ...valid, location: { place: 'Od\u001besa' } }), 400],
  ];

  test.each(cases)('when a write sends %s, then it gets %i and never a 5xx', async (_what, contentType, payload, expected) => {
    const app = await freshApp();
    const key = createApiKey(app.db, { name: 'hostile', role: 'editor' }).key;

    const response = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${key}`, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
      payload,
    });

    expect(response.statusCode, response.body.slice(0, 300)).toBe(expected);
    if (expected >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body).code).toMatch(/^SITREP_/);
      expect((await getJson(app, '/v1/events')).body.data).toEqual([]);
    }
  });

  test('when a body is larger than the limit, then 413 and nothing is written', async () => {
    const app = await appWith({ bodyLimitBytes: 10_000 });
    const key = createApiKey(app.db, { name: 'big', role: 'editor' }).key;

    const response = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...valid, summary: 'x'.repeat(20_000) }),
    });

    expectProblem({ status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) }, 413, 'SITREP_PAYLOAD_TOO_LARGE');
    expect((await getJson(app, '/v1/events?q=Odesa')).body.data).toEqual([]);
  });

  test('when a keyed client exhausts its write budget, then its writes get 429 while its reads and other keys go on', async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 100, writesPerMinute: 2 } });
    const busy = createApiKey(app.db, { name: 'busy', role: 'editor' }).key;
    const other = createApiKey(app.db, { name: 'other', role: 'editor' }).key;
    const post = (key: string) =>
      app.inject({ method: 'POST', url: '/v1/events', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: JSON.stringify(valid) });

    const statuses = [(await post(busy)).statusCode, (await post(busy)).statusCode];
    const refused = await post(busy);
    const read = await app.inject({ method: 'GET', url: '/v1/events', headers: { authorization: `Bearer ${busy}` } });
    const otherKey = await post(other);

    expect(statuses).toEqual([201, 201]);
    expect(refused.statusCode).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'SITREP_RATE_LIMITED' });
    expect(refused.headers['retry-after']).toBeDefined();
    expect(read.statusCode).toBe(200);
    expect(otherKey.statusCode).toBe(201);
  });
});

/** Opens a raw connection to a listening app; `answer()` is everything read until the server closes it. */
async function rawConnection(app: FastifyInstance): Promise<{ socket: Socket; answer: () => Promise<string>; closed: () => boolean }> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let data = '';
  let closed = false;
  socket.on('data', (chunk) => (data += chunk));
  socket.on('error', () => undefined); // a reset after the server gave up is expected; the answer is what counts
  const ended = new Promise<string>((resolve) => socket.once('close', () => ((closed = true), resolve(data))));
  return { socket, answer: () => ended, closed: () => closed };
}

/** The JSON bodies of the HTTP/1.1 answers in a raw transcript, in order. */
function answersIn(transcript: string): Array<{ status: number; body: any }> {
  return [...transcript.matchAll(/HTTP\/1\.1 (\d{3}) [^\r]*\r\n[\s\S]*?\r\n\r\n(\{[^\r\n]*?\}(?=HTTP\/1\.1|$))/g)].map((m) => ({ status: Number(m[1]), body: JSON.parse(m[2]!) }));
}

describe('oversized bodies over real HTTP', () => {
  test('when a 2 MB body is sent to a 1 MB limit twenty times in a row, then every send gets a readable 413 problem+json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-body-limit-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'sitrep.db');
    const handle = openDatabase(path);
    migrateDatabase(handle.db);
    const { key } = createApiKey(handle.db, { name: 'big bodies', role: 'editor' });
    handle.close();
    // Its own process, as in production: the client's writes and the server's close race for real.
    const { child, base } = await startNodeServer({ DATABASE_URL: path, BODY_LIMIT_BYTES: '1048576', RATE_LIMIT_WRITES_PER_MINUTE: '0' });
    onTestFinished(() => void child.kill('SIGKILL'));
    const body = JSON.stringify({ ...eventInput(), summary: 'x'.repeat(2 * 1024 * 1024) });

    const outcomes: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      try {
        const response = await fetch(`${base}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
        const problem = (await response.json()) as { code: string };
        outcomes.push(`${response.status} ${response.headers.get('content-type')?.split(';')[0]} ${problem.code}`);
      } catch (error) {
        outcomes.push(`failed: ${String((error as Error).cause ?? error)}`);
      }
    }

    expect(outcomes).toEqual(Array(20).fill('413 application/problem+json SITREP_PAYLOAD_TOO_LARGE'));
  }, 60_000);

  test('when a body over the limit is followed by another request on the same connection, then both are answered', async () => {
    const app = await appWith({ bodyLimitBytes: 10_000 });
    const key = createApiKey(app.db, { name: 'big', role: 'editor' }).key;
    const { socket, answer } = await rawConnection(app);

    socket.write(`POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 50000\r\n\r\n`);
    socket.write('x'.repeat(50_000));
    socket.end('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');

    expect(answersIn(await answer()).map((a) => `${a.status} ${a.body.code ?? a.body.status}`)).toEqual(['413 SITREP_PAYLOAD_TOO_LARGE', '200 ok']);
  });

  test('when a body far past the limit keeps coming, then after the 413 the server reads a bounded amount and closes the connection', async () => {
    const app = await appWith({ bodyLimitBytes: 10_000 });
    const key = createApiKey(app.db, { name: 'huge', role: 'editor' }).key;
    const { socket, answer, closed } = await rawConnection(app);
    const declared = 1_000_000_000;

    socket.write(`POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`);
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    while (!closed() && sent < declared) {
      sent += chunk.length;
      if (!socket.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const transcript = await answer();

    expect(answersIn(transcript)[0]).toMatchObject({ status: 413, body: { code: 'SITREP_PAYLOAD_TOO_LARGE' } });
    // 8 × the limit is read; what else was sent sat in socket buffers when the connection closed.
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  test('when the rest of a refused body stalls, then the connection is closed once REQUEST_TIMEOUT_MS has passed', async () => {
    const app = await appWith({ bodyLimitBytes: 10_000, requestTimeoutMs: 300 });
    const key = createApiKey(app.db, { name: 'stall', role: 'editor' }).key;
    const { socket, answer } = await rawConnection(app);
    const started = Date.now();

    socket.write(`POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 50000\r\n\r\n`);
    socket.write('x'.repeat(20_000));
    const transcript = await answer();

    expect(answersIn(transcript).map((a) => a.status)).toEqual([413]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
