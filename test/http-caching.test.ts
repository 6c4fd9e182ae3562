// Absolute URLs that never come from the request line or Host: Link, Location and the OpenAPI
// servers start from PUBLIC_BASE_URL, or are relative paths.
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { apiKey, freshApp } from './helpers.js';

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
    const app = await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', seed: true, requireKeyForReads: true, http: { maxEventLoopDelayMs: 0 } });
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
    const app = await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', seed: true, publicBaseUrl: base, http: { maxEventLoopDelayMs: 0 } });
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
      expect(document.servers).toEqual([{ url: base, description: 'This server (PUBLIC_BASE_URL)' }]);
    } finally {
      await app.close();
    }
  });
});
