// Strong ETags on successful GET responses, and 304 when `If-None-Match` still matches.
// @fastify/etag also tags (and would 304) error responses and does not read the list form of
// `If-None-Match` (RFC 9110 §13.1.2), so sitrep keeps this small hook of its own.
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import { notModifiedResponse } from '../lib/http.js';
import { declareResponseHeaders } from '../lib/openapi-headers.js';

/** Does an `If-None-Match` value (`*`, or a list of possibly weak tags) match this ETag? */
export function ifNoneMatchMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** The strong ETag of a response body: its SHA-1, base64url, quoted. */
export function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha1').update(payload).digest('base64url')}"`;
}

export default fp(
  async (app) => {
    // Every GET's 200 carries its ETag, and so does the 304 that answers `If-None-Match` with it.
    // Routes registered before this plugin (the OpenAPI document's) declare both themselves.
    app.addHook('onRoute', (route) => {
      if (!route.schema?.response || ![route.method].flat().includes('GET')) return;
      route.schema.response = { ...notModifiedResponse, ...(route.schema.response as object) };
      declareResponseHeaders(route.schema, { status: [200, 304], headers: ['ETag'] });
    });

    // Callback style, not async: it runs on every answer.
    app.addHook('onSend', (request, reply, payload, done) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return done(null, payload);
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
      // A body replayed from the response cache already carries the tag computed when it was made.
      const known = reply.getHeader('etag');
      const etag = typeof known === 'string' ? known : etagOf(payload);
      reply.header('etag', etag);
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatchMatches(ifNoneMatch, etag)) {
        reply.code(304);
        return done(null, '');
      }
      done(null, payload);
    });
  },
  { name: 'etag' },
);
