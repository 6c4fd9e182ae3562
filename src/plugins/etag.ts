// Strong ETags on successful GET responses, and 304 when `If-None-Match` still matches.
// @fastify/etag also tags (and would 304) error responses and does not read the list form of
// `If-None-Match` (RFC 9110 §13.1.2), so sitrep keeps this small hook of its own; the tags
// themselves are computed and compared in lib/etag.ts.
import fp from 'fastify-plugin';
import { encodingFor } from '../lib/compression.js';
import { CODING_SUFFIX, etagOf, etagWithEncoding, ifNoneMatchMatches } from '../lib/etag.js';
import { notModifiedResponse } from '../lib/http.js';
import { declareResponseHeaders } from '../lib/openapi-headers.js';

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
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
      const known = reply.getHeader('etag');
      const tagged = (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode === 200;
      // Other answers keep the tag their route set (a write's new ETag), but it names the coding too.
      if (!tagged && typeof known !== 'string') return done(null, payload);
      // A body replayed from the response cache already carries its tag, and its coding.
      const base = typeof known === 'string' ? known : etagOf(payload);
      // HEAD answers are never coded (fastify drops their body before @fastify/compress runs).
      const encoding = request.method === 'HEAD' ? null : encodingFor(request, reply, payload);
      const etag = CODING_SUFFIX.test(base) ? base : etagWithEncoding(base, encoding);
      reply.header('etag', etag);
      if (!tagged) return done(null, payload);
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
