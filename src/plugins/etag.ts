// Strong ETags on successful GET responses, and 304 when `If-None-Match` still matches.
// @fastify/etag also tags (and would 304) error responses and does not read the list form of
// `If-None-Match` (RFC 9110 §13.1.2), so sitrep keeps this small hook of its own.
//
// A compressed answer is another representation (RFC 9110 §8.8.3), so its tag names the coding:
// `"<hash>.br"`, `"<hash>.gzip"`; `.` is outside the hash's base64url alphabet. A cache holding one
// coding never matches another's tag as the same bytes. Validators sent back (`If-None-Match`,
// `If-Match`) match whichever coding they name: the content before coding is what they stand for.
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import { notModifiedResponse } from '../lib/http.js';
import { declareResponseHeaders } from '../lib/openapi-headers.js';
import { encodingFor, type Encoding } from '../lib/compression.js';

const CODING_SUFFIX = /\.(?:br|gzip)"$/;

/** The tag without the coding it names: `"abc.br"` → `"abc"`; weak or plain tags unchanged but for `W/`. */
export function representationOf(tag: string): string {
  const strong = tag.trim().replace(/^W\//, '');
  return strong.replace(CODING_SUFFIX, '"');
}

/** The ETag of a representation sent with this content coding. */
export function etagWithEncoding(etag: string, encoding: Encoding | null): string {
  return encoding === null ? etag : `${etag.slice(0, -1)}.${encoding}"`;
}

/** Does an `If-None-Match` value (`*`, or a list of possibly weak tags, in any coding) match this ETag? */
export function ifNoneMatchMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const wanted = representationOf(etag);
  return header.split(',').some((candidate) => representationOf(candidate) === wanted);
}

/** Does one tag of an `If-Match` list name this ETag? Strong comparison (RFC 9110 §13.1.1): a weak tag never does; any coding does. */
export function ifMatchTagMatches(tag: string, etag: string): boolean {
  const trimmed = tag.trim();
  return !trimmed.startsWith('W/') && trimmed.replace(CODING_SUFFIX, '"') === representationOf(etag);
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
