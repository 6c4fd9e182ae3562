// HTTP for caches and bandwidth: compressed answers chosen by Accept-Encoding (replayed from the
// response cache without coding them again), an ETag per coding, Cache-Control and Vary decided in
// one place, and absolute URLs that never come from the request line or Host.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import * as zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { createEvent } from './factories.js';
import { apiKey, freshApp, seeded } from './helpers.js';

// The response cache codes answers with node:zlib's callback functions; counting the calls shows
// which replays were coded again. Everything else of zlib is the real module.
const coded = vi.hoisted(() => ({ br: 0, gzip: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:zlib')>();
  return {
    ...real,
    brotliCompress: ((...args: Parameters<typeof real.brotliCompress>) => {
      coded.br += 1;
      return real.brotliCompress(...args);
    }) as typeof real.brotliCompress,
    gzip: ((...args: Parameters<typeof real.gzip>) => {
      coded.gzip += 1;
      return real.gzip(...args);
    }) as typeof real.gzip,
  };
});
beforeEach(() => {
  coded.br = 0;
  coded.gzip = 0;
});

const BROWSER = 'gzip, deflate, br, zstd';
const STRIKE = '/v1/events/evt_2025_07_04_kyiv_strike';

function decoded(response: { headers: Record<string, unknown>; rawPayload: Buffer }): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(response.rawPayload).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(response.rawPayload).toString('utf8');
  expect(encoding).toBeUndefined();
  return response.rawPayload.toString('utf8');
}

async function listening(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Sends one raw HTTP/1.1 request (any request target, any Host) and returns the raw answer's head and body. */
function rawRequest(port: number, target: string, headers: Record<string, string> = {}): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = Object.entries({ host: '127.0.0.1', ...headers, connection: 'close' }).map(([name, value]) => `${name}: ${value}`);
      socket.write(`GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body });
    });
  });
}

describe('compression', () => {
  test('when a client accepts brotli and gzip, then JSON comes as brotli, with gzip as the fallback and plain text for clients that accept neither', async () => {
    const app = await freshApp({ seed: true });
    const plain = await app.inject({ url: '/v1/events' });
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await app.inject({ url: '/v1/events', headers: { 'accept-encoding': BROWSER } });
    const gzip = await app.inject({ url: '/v1/events', headers: { 'accept-encoding': 'gzip;q=1, br;q=0.5' } });
    const none = await app.inject({ url: '/v1/events', headers: { 'accept-encoding': 'identity' } });

    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(none.headers['content-encoding']).toBeUndefined();
    for (const answer of [br, gzip, none]) expect(decoded(answer)).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(String(br.headers.vary)).toMatch(/\bAccept-Encoding\b/);
    expect(String(plain.headers.vary)).toMatch(/\bAccept-Encoding\b/);
    // HEAD describes the plain answer: fastify drops its body before anything could code it.
    const head = await app.inject({ method: 'HEAD', url: '/v1/events', headers: { 'accept-encoding': BROWSER } });
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.headers.etag).toBe(plain.headers.etag);
  });

  test('when CSV, NDJSON and GeoJSON are asked for, pages and whole streamed exports alike, then they come compressed and decode to the plain answer', async () => {
    const app = await freshApp({ seed: true });
    for (const url of ['/v1/events.csv', '/v1/events.csv?limit=5', '/v1/events.ndjson', '/v1/events.geojson', '/v1/citations.csv', '/v1/citations.ndjson?limit=20']) {
      const plain = await app.inject({ url });
      const br = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(plain.statusCode, url).toBe(200);
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      expect(decoded(br), url).toBe(plain.body);
      expect(decoded(gzip), url).toBe(plain.body);
      expect(br.headers['content-type'], url).toBe(plain.headers['content-type']);
    }
  });

  test('when the OpenAPI document is asked for, then JSON and YAML come compressed and may be cached for an hour', async () => {
    const app = await freshApp();
    for (const url of ['/openapi.json', '/openapi.yaml']) {
      const plain = await app.inject({ url });
      const br = await app.inject({ url, headers: { 'accept-encoding': BROWSER } });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(decoded(br), url).toBe(plain.body);
      expect(br.rawPayload.length, url).toBeLessThan(plain.rawPayload.length / 5);
      expect(br.headers['cache-control'], url).toBe('public, max-age=3600');
    }
  });

  test('when an answer is smaller than 1 KiB, then it stays plain whatever the client accepts', async () => {
    const app = await freshApp({ seed: true });
    for (const url of ['/healthz', '/v1/events?limit=1&fields=title', '/v1/events/evt_missing']) {
      const answer = await app.inject({ url, headers: { 'accept-encoding': BROWSER } });
      expect(answer.rawPayload.length, url).toBeLessThan(1024);
      expect(answer.headers['content-encoding'], url).toBeUndefined();
    }
  });
});

describe('compression and the response cache', () => {
  test('when a cached answer is replayed, then each client gets the coding it accepts, and each coding is made once, not once per replay', async () => {
    const app = await freshApp({ seed: true });
    const url = '/v1/events?limit=50';
    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();

    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await app.inject({ url, headers: { 'accept-encoding': BROWSER } }));
      answers.push(await app.inject({ url, headers: { 'accept-encoding': 'gzip' } }));
      answers.push(await app.inject({ url }));
    }
    for (const [i, answer] of answers.entries()) {
      expect(answer.headers['content-encoding'], `answer ${i}`).toBe(['br', 'gzip', undefined][i % 3]);
      expect(decoded(answer), `answer ${i}`).toBe(plain.body);
    }
    // The plain answer was made once, each coding once, whatever the number of replays.
    expect(coded).toEqual({ br: 1, gzip: 1 });

    // A write makes a new answer; its codings are made anew, once.
    createEvent(app.db, { title: 'A new event' });
    const fresh = [await app.inject({ url, headers: { 'accept-encoding': 'br' } }), await app.inject({ url, headers: { 'accept-encoding': 'br' } })];
    expect(decoded(fresh[0]!)).toContain('A new event');
    expect(decoded(fresh[1]!)).toBe(decoded(fresh[0]!));
    expect(coded).toEqual({ br: 2, gzip: 1 });
  });

  test('when the first client of a cached URL asked for gzip, then a client that did not ask never gets gzip bytes', async () => {
    const app = await freshApp({ seed: true });
    const gzip = await app.inject({ url: STRIKE, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: STRIKE });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body).id).toBe('evt_2025_07_04_kyiv_strike');
    expect(plain.body).toBe(decoded(gzip));
  });
});

describe('ETags of coded answers', () => {
  test('when one representation is sent plain, as gzip and as brotli, then each has its own ETag, and a tag of any of them revalidates with a 304 in the coding asked for', async () => {
    const app = await freshApp({ seed: true });
    // Twice each: the first answers are made, the second replayed from the response cache.
    for (const round of ['made', 'replayed']) {
      const plain = await app.inject({ url: STRIKE });
      const gzip = await app.inject({ url: STRIKE, headers: { 'accept-encoding': 'gzip' } });
      const br = await app.inject({ url: STRIKE, headers: { 'accept-encoding': 'br' } });
      const tags = [plain, gzip, br].map((answer) => String(answer.headers.etag));
      expect(new Set(tags).size, round).toBe(3);
      expect(tags[1], round).toBe(tags[0]!.replace(/"$/, '.gzip"'));
      expect(tags[2], round).toBe(tags[0]!.replace(/"$/, '.br"'));

      for (const tag of tags) {
        const notModified = await app.inject({ url: STRIKE, headers: { 'accept-encoding': 'br', 'if-none-match': tag } });
        expect(notModified.statusCode, `${round} ${tag}`).toBe(304);
        expect(notModified.headers.etag, `${round} ${tag}`).toBe(tags[2]);
      }
    }
  });

  test('when a record read as brotli is corrected with that ETag in If-Match, then the write succeeds; a stale coded tag is still a 412', async () => {
    const app = await freshApp();
    const key = apiKey(app);
    const { id } = createEvent(app.db, { summary: 'A summary long enough that the answer is compressed. '.repeat(30) });
    const read = await app.inject({ url: `/v1/events/${id}`, headers: { 'accept-encoding': 'br' } });
    expect(read.headers['content-encoding']).toBe('br');
    const tag = String(read.headers.etag);
    expect(tag).toMatch(/\.br"$/);

    const patch = (ifMatch: string) =>
      app.inject({ method: 'PATCH', url: `/v1/events/${id}`, headers: { authorization: `Bearer ${key}`, 'if-match': ifMatch, 'accept-encoding': 'gzip' }, payload: { title: 'Corrected' } });
    const corrected = await patch(tag);
    expect(corrected.statusCode).toBe(200);
    expect(corrected.headers['content-encoding']).toBe('gzip');
    expect(String(corrected.headers.etag)).toMatch(/\.gzip"$/);
    expect((await patch(tag)).statusCode).toBe(412);
    expect((await patch(String(corrected.headers.etag))).statusCode).toBe(200);
  });
});

describe('Cache-Control', () => {
  test('when a public read is answered, then caches may keep it 30 s and serve it 30 s more while revalidating; a 304 says the same', async () => {
    const app = await freshApp({ seed: true });
    for (const url of ['/v1/events', STRIKE, '/v1/events.csv?limit=2', '/v1/events.csv', '/v1/stats/casualties', '/v1/places?q=Kyiv']) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['cache-control'], url).toBe('public, max-age=30, stale-while-revalidate=30');
    }
    const first = await app.inject({ url: STRIKE });
    const notModified = await app.inject({ url: STRIKE, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=30');
    const redirect = await app.inject({ url: '/v1/events?format=csv' });
    expect(redirect.statusCode).toBe(308);
    expect(redirect.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=30');
  });

  test('when a request carries a key, then its answer is private and always revalidated', async () => {
    const app = await freshApp({ seed: true });
    const key = apiKey(app);
    const answer = await app.inject({ url: STRIKE, headers: { authorization: `Bearer ${key}` } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('private, no-cache');
  });

  test('when the answer is an error, a write, a probe or the key list, then no cache may store it', async () => {
    const app = await freshApp({ seed: true, http: { rateLimit: { readsPerMinute: 3, writesPerMinute: 0 } } });
    const admin = apiKey(app, 'admin');
    const editor = apiKey(app, 'editor');
    const auth = (key: string) => ({ authorization: `Bearer ${key}` });
    const answers = {
      'unknown route': await app.inject({ url: '/v1/nope' }),
      'unknown id': await app.inject({ url: '/v1/events/evt_missing' }),
      'bad parameter': await app.inject({ url: '/v1/events?limit=0' }),
      'bad key': await app.inject({ url: STRIKE, headers: { authorization: 'Bearer nope' } }),
      healthz: await app.inject({ url: '/healthz', headers: auth(editor) }),
      'key list': await app.inject({ url: '/v1/keys', headers: auth(admin) }),
      create: await app.inject({ method: 'POST', url: '/v1/actors', headers: auth(editor), payload: { name: 'NATO', kind: 'coalition' } }),
      'undecodable URL': await app.inject({ url: '/v1/events/%E0%A4%A' }),
      preflight: await app.inject({ method: 'OPTIONS', url: '/v1/events', headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'GET' } }),
    };
    const readyz = await freshApp();
    Object.assign(answers, { readyz: await readyz.inject({ url: '/readyz' }) });
    for (let i = 0; i < 3; i++) await app.inject({ url: '/v1/actors' });
    Object.assign(answers, { 'rate limited': await app.inject({ url: '/v1/actors' }) });

    expect(Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, [answer.statusCode, answer.headers['cache-control']]]))).toEqual({
      'unknown route': [404, 'no-store'],
      'unknown id': [404, 'no-store'],
      'bad parameter': [400, 'no-store'],
      'bad key': [401, 'no-store'],
      healthz: [200, 'no-store'],
      'key list': [200, 'no-store'],
      create: [201, 'no-store'],
      'undecodable URL': [400, 'no-store'],
      preflight: [204, 'no-store'],
      readyz: [200, 'no-store'],
      'rate limited': [429, 'no-store'],
    });
  });

  test('when /docs is loaded, then its page and assets may be cached for an hour', async () => {
    const app = await freshApp();
    for (const url of ['/docs/static/swagger-ui.css', '/docs/static/swagger-ui-bundle.js', '/docs/json']) {
      const answer = await app.inject({ url, headers: { 'accept-encoding': BROWSER } });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['cache-control'], url).toBe('public, max-age=3600');
      expect(answer.headers['content-encoding'], url).toBe('br');
    }
  });

  test('when bytes that are not HTTP arrive, then the refusal written to the socket is not stored either', async () => {
    const app = await freshApp();
    const port = await listening(app);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toMatch(/\r\nCache-Control: no-store\r\n/i);
  });
});

describe('Vary', () => {
  test('when a page from any origin reads, then the answer varies by Accept and Accept-Encoding only, never by Origin', async () => {
    const app = await freshApp({ seed: true });
    const list = await app.inject({ url: '/v1/events', headers: { origin: 'https://newsroom.example' } });
    expect(list.headers['access-control-allow-origin']).toBe('*');
    expect(list.headers.vary).toBe('Accept, Accept-Encoding');
    // One format only, but an Accept that allows none of it gets a 406 instead: it varies by Accept too.
    const one = await app.inject({ url: STRIKE, headers: { origin: 'https://newsroom.example', 'accept-encoding': 'br' } });
    expect(one.headers.vary).toBe('Accept, Accept-Encoding');
    // Replayed from the response cache: the same.
    expect((await app.inject({ url: '/v1/events', headers: { origin: 'https://other.example' } })).headers.vary).toBe('Accept, Accept-Encoding');
  });

  test('when a write comes from a page, then its answer varies by Origin, since only configured origins get a grant', async () => {
    const app = await freshApp({ http: { corsWriteOrigins: ['https://desk.example'] } });
    const key = apiKey(app);
    const write = await app.inject({
      method: 'POST',
      url: '/v1/actors',
      headers: { origin: 'https://desk.example', authorization: `Bearer ${key}` },
      payload: { name: 'NATO', kind: 'coalition' },
    });
    expect(write.statusCode).toBe(201);
    expect(write.headers['access-control-allow-origin']).toBe('https://desk.example');
    expect(String(write.headers.vary).split(', ')).toContain('Origin');
  });

  test('when the server requires a key for reads, then reads vary by Authorization too', async () => {
    const app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', requireKeyForReads: true, http: { maxEventLoopDelayMs: 0 } }));
    await app.ready();
    try {
      const key = apiKey(app);
      const answer = await app.inject({ url: '/v1/events', headers: { authorization: `Bearer ${key}` } });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers.vary).toBe('Accept, Accept-Encoding, Authorization');
      expect(answer.headers['cache-control']).toBe('private, no-cache');
    } finally {
      await app.close();
    }
  });
});

describe('absolute URLs', () => {
  test('when the request line names another host (absolute form), then no answer repeats it: Link, redirects and problems stay relative', async () => {
    const app = await freshApp({ seed: true });
    const port = await listening(app);
    const page = await rawRequest(port, 'http://evil.example/v1/events?limit=1');
    expect(page.status).toBe(200);
    expect(page.head).toMatch(/\r\nlink: <\/v1\/events\?limit=1&cursor=[^>]+>; rel="next"/i);
    const redirect = await rawRequest(port, 'http://evil.example/v1/events?limit=1&format=csv');
    expect(redirect.status).toBe(308);
    expect(redirect.head).toMatch(/\r\nlocation: \/v1\/events\.csv\?limit=1\r\n/i);
    const missing = await rawRequest(port, 'http://evil.example/v1/nope');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).instance).toBe('/v1/nope');
    for (const answer of [page, redirect, missing]) expect(answer.head + answer.body).not.toContain('evil.example');
  });

  test('when Host and X-Forwarded-Host are forged behind a trusted proxy, then the answer holds no foreign host', async () => {
    const app = await freshApp({ seed: true, http: { trustProxy: true } });
    const port = await listening(app);
    const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    for (const target of ['/v1/events?limit=1', '/v1/events?limit=1&format=ndjson', '/v1/nope']) {
      const answer = await rawRequest(port, target, forged);
      expect(answer.status, target).not.toBe(500);
      expect(answer.head + answer.body, target).not.toContain('evil.example');
    }
  });

  test('when the server requires a key for reads, then an absolute-form request target does not slip past it', async () => {
    const app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', requireKeyForReads: true, http: { maxEventLoopDelayMs: 0 } }));
    try {
      const port = await listening(app);
      expect((await rawRequest(port, '/v1/events?limit=1')).status).toBe(401);
      expect((await rawRequest(port, 'http://127.0.0.1/v1/events?limit=1')).status).toBe(401);
    } finally {
      await app.close();
    }
  });

  test('when PUBLIC_BASE_URL is set, then Link, Location (created records, redirects) and the OpenAPI servers use it, whatever the request named', async () => {
    const base = 'https://api.sitrep.example/data';
    const app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', publicBaseUrl: base, http: { maxEventLoopDelayMs: 0 } }));
    try {
      const port = await listening(app);
      const page = await rawRequest(port, 'http://evil.example/v1/events?limit=1', { host: 'evil.example' });
      expect(page.head).toMatch(new RegExp(`\\r\\nlink: <${base}/v1/events\\?limit=1&cursor=[^>]+>; rel="next"`, 'i'));
      const redirect = await app.inject({ url: '/v1/events?limit=1&format=geojson', headers: { host: 'evil.example' } });
      expect(redirect.headers.location).toBe(`${base}/v1/events.geojson?limit=1`);

      const key = apiKey(app);
      const created = await app.inject({
        method: 'POST',
        url: '/v1/actors',
        headers: { authorization: `Bearer ${key}`, host: 'evil.example', 'idempotency-key': 'k1' },
        payload: { name: 'NATO', kind: 'coalition' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers.location).toBe(`${base}/v1/actors/${created.json().id}`);
      const replayed = await app.inject({
        method: 'POST',
        url: '/v1/actors',
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': 'k1' },
        payload: { name: 'NATO', kind: 'coalition' },
      });
      expect(replayed.headers.location).toBe(created.headers.location);

      const document = (await app.inject({ url: '/openapi.json' })).json();
      expect(document.servers).toEqual([{ url: base, description: 'This server (PUBLIC_BASE_URL)', 'x-internal': false }]);
    } finally {
      await app.close();
    }
  });
});

describe('streamed exports', () => {
  test('when a whole export is downloaded as brotli over HTTP, then it is chunked (no length known in advance) and decodes to every row', async () => {
    const app = await freshApp({ seed: true });
    const port = await listening(app);
    const plain = (await app.inject({ url: '/v1/events.csv' })).body;
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      httpRequest({ port, host: '127.0.0.1', path: '/v1/events.csv', headers: { 'accept-encoding': 'br' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(headers['content-encoding']).toBe('br');
    expect(headers['transfer-encoding']).toBe('chunked');
    expect(headers['content-length']).toBeUndefined();
    expect(zlib.brotliDecompressSync(body).toString('utf8')).toBe(plain);
  });
});
