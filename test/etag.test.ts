import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './helpers.js';

let app: FastifyInstance;
afterEach(async () => app?.close());

const STRIKE = '/v1/events/evt_2025_07_04_kyiv_strike';

describe('ETag and conditional GET', () => {
  it('when If-None-Match lists several tags, weak or strong, and one matches, then 304', async () => {
    app = await buildTestApp({ seed: true });
    const first = await app.inject({ method: 'GET', url: STRIKE });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const header of [`"other", ${etag}`, `W/${etag}`, '*']) {
      const again = await app.inject({ method: 'GET', url: STRIKE, headers: { 'if-none-match': header } });
      expect(again.statusCode, header).toBe(304);
      expect(again.body, header).toBe('');
      expect(again.headers.etag, header).toBe(etag);
    }
  });

  it('when the answer is an error, then it carries no ETag and is never turned into a 304', async () => {
    app = await buildTestApp();
    const missing = await app.inject({ method: 'GET', url: '/v1/events/evt_missing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const again = await app.inject({ method: 'GET', url: '/v1/events/evt_missing', headers: { 'if-none-match': '*' } });
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
