// The explorer's files as HTTP serves them (the page itself is tested in Chromium by
// test/explorer-browser.slow.test.ts): a page that runs only its own bundled script, revalidated on
// every load, naming content-hashed files kept for a year.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, send } from './helpers.js';

describe('the explorer at /', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ seed: false });
  });
  afterAll(() => app.close());

  const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="(\/explorer\/[^"]+)"/g)].map((match) => match[1]!);

  it('when / is asked for, then it is an HTML page whose policy allows no inline script or style and no other origin', async () => {
    const response = await app.inject({ method: 'GET', url: '/?from=2025-07-01&admin1=Kyiv%20city' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('public, no-cache');
    // No inline script: every script element names a file.
    expect(response.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(assetsOf(response.body).map((path) => path.replace(/-[0-9a-f]{12}\./, '.'))).toEqual(['/explorer/app.css', '/explorer/base-map.json', '/explorer/app.js']);
  });

  it('when the page is asked for again with its ETag, then the answer is 304', async () => {
    const first = await app.inject({ method: 'GET', url: '/' });
    const again = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('when the files the page names are asked for, then each is served with its type and kept for a year', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    const types: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json; charset=utf-8' };
    for (const path of assetsOf(page.body)) {
      const response = await app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['content-type']).toBe(types[path.split('.').pop()!]);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-encoding']).toBe('br');
    }
    const map = await app.inject({ method: 'GET', url: assetsOf(page.body).find((path) => path.endsWith('.json'))! });
    const base = map.json() as { countries: { name: string; d: string }[]; attribution: string };
    expect(base.attribution).toContain('Natural Earth');
    expect(base.countries.map((country) => country.name)).toEqual(expect.arrayContaining(['Ukraine', 'Moldova', 'Poland', 'Russia']));
  });

  it('when a file the page does not name is asked for, then the answer is a 404 problem', async () => {
    expectProblem(await send(app, 'GET', '/explorer/app.js'), 404, 'SITREP_NOT_FOUND');
    expectProblem(await send(app, 'GET', '/explorer/index.html'), 404, 'SITREP_NOT_FOUND');
  });

  it('when the API is asked for, then its answers keep the API\'s own policy', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/places?q=Kyiv' });
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
