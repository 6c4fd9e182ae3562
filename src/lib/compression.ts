// Response compression settings and the one decision of whether and how an answer is compressed.
// @fastify/compress applies them to every route (src/plugins/compression.ts); the ETag hook and the
// response cache ask `encodingFor` the same question before it runs, so an answer's ETag names the
// coding it leaves with and the cache can keep and replay the compressed bytes.
import { constants, brotliCompress, gzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Offered codings, preferred first: brotli is smaller than gzip at the same or lower cost (docs/PERFORMANCE.md). */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * Answers smaller than this stay plain: with their headers they already fit in one TCP segment,
 * so compressing them saves no round trip and costs CPU on the most frequent answers.
 */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Brotli quality 4: on a 500-event page it is faster than gzip -6 and 8 % smaller; quality 5
 * costs 1.5-2 times the CPU for 5-15 % fewer bytes, and 9 and above a hundred times more.
 */
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 6;

export const BROTLI_OPTIONS = {
  params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};

/**
 * For streams: every chunk written (an export's batch of 500 rows) is flushed. Brotli otherwise
 * holds its output until about 8 MB of input have passed, so a streamed export's first byte waited
 * for seconds of rows; flushing per batch makes it 5 % larger than coded whole.
 */
export const BROTLI_STREAM_OPTIONS = { ...BROTLI_OPTIONS, flush: constants.BROTLI_OPERATION_FLUSH };
export const GZIP_OPTIONS = { level: GZIP_LEVEL };

// Every text type the API sends: JSON, problem+json, GeoJSON, NDJSON, CSV, YAML, and /docs' pages,
// scripts and styles. Images and fonts are compressed already.
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|[a-z.+-]*\+json|x-ndjson|ndjson|yaml|javascript|xml)(?:;|$)|image\/svg\+xml)/i;

export function compressible(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType);
}

// Clients send few distinct Accept-Encoding values; each is parsed once.
const negotiated = new Map<string, Encoding | null>();

/** The coding `Accept-Encoding` prefers among those offered (brotli on a tie), or null for none. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  let encoding = negotiated.get(acceptEncoding);
  if (encoding === undefined) {
    // As @fastify/compress reads it: `*` (no preference) and the alias `x-gzip` mean gzip.
    encoding = negotiate(acceptEncoding.toLowerCase().replace(/\*|x-gzip/g, 'gzip'), [...ENCODINGS]) as Encoding | null;
    if (negotiated.size >= 256) negotiated.clear();
    negotiated.set(acceptEncoding, encoding);
  }
  return encoding;
}

/**
 * The coding a buffered answer leaves with: the same checks, in effect, that @fastify/compress
 * makes for it (nothing accepted, too small, already coded, partial, opted out, not text).
 */
export function encodingFor(request: FastifyRequest, reply: FastifyReply, payload: string | Buffer): Encoding | null {
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (encoding === null || Buffer.byteLength(payload) < COMPRESSION_THRESHOLD) return null;
  if (reply.hasHeader('content-encoding') || reply.hasHeader('content-range') || reply.statusCode === 206) return null;
  if (request.headers['x-no-compression'] !== undefined) return null;
  return compressible(String(reply.getHeader('content-type') ?? 'application/json')) ? encoding : null;
}

/** Compresses a whole body on libuv's threadpool, with the settings @fastify/compress uses. */
export function compressBody(body: Buffer, encoding: Encoding, callback: (error: Error | null, result: Buffer) => void): void {
  if (encoding === 'br') brotliCompress(body, BROTLI_OPTIONS, callback);
  else gzip(body, GZIP_OPTIONS, callback);
}
