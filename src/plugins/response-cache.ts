// Answers repeated GETs from memory. A route that opts in (`config: { responseCache: true }`) has
// its 200 text answers kept with their headers, keyed by URL and Accept, and replayed while the
// record's change counter (src/db/data-version.ts) has not moved. Every write bumps the counter in
// its own transaction, so a replayed answer is never older than the last committed write, even
// one made by another process (an import) on the same file. Streamed exports are never kept.
// An answer is kept plain and, once a client has asked for it so, brotli- or gzip-coded beside it:
// the coding is chosen per request from `Accept-Encoding`, and each coding is paid once per answer,
// not once per replay.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { compressBody, encodingFor, type Encoding } from '../lib/compression.js';
import { etagWithEncoding, ifNoneMatchMatches, representationOf } from '../lib/etag.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep this route's answers in the response cache. */
    responseCache?: boolean;
  }
  interface FastifyRequest {
    responseCacheSlot: { key: string; version: number; before: Record<string, unknown> } | null;
  }
}

export type ResponseCacheOptions = {
  /** Memory for kept answers, in bytes; 0 turns the cache off. */
  maxBytes: number;
  /** The record's change counter (the store's `version`): an entry stored under another is stale. */
  dataVersion: () => number;
};

// Kept encoded: replaying a string would encode it to UTF-8 again on every request. `etag` is the
// plain answer's; a coded one's names its coding (src/lib/etag.ts).
type Entry = { version: number; payload: Buffer; coded: Partial<Record<Encoding, Buffer>>; etag: string; headers: Record<string, string | string[]> };

// A single answer larger than this share of the budget is not kept: it would evict everything else.
const LARGEST_SHARE = 0.25;

export default fp<ResponseCacheOptions>(
  async (app, options) => {
    app.decorateRequest('responseCacheSlot', null);
    if (options.maxBytes <= 0) return;
    // Insertion order is recency order: a hit is moved to the end, the oldest is evicted first.
    const entries = new Map<string, Entry>();
    let used = 0;
    const sizeOf = (entry: Entry) => entry.payload.length + (entry.coded.br?.length ?? 0) + (entry.coded.gzip?.length ?? 0);
    const drop = (key: string) => {
      const entry = entries.get(key);
      if (!entry) return;
      entries.delete(key);
      used -= sizeOf(entry);
    };
    const evict = () => {
      for (const oldest of entries.keys()) {
        if (used <= options.maxBytes) break;
        drop(oldest);
      }
    };
    /** Codes the entry's answer once; later replays in that coding send the bytes kept. */
    const coded = (key: string, entry: Entry, encoding: Encoding, callback: (body: Buffer | null) => void) => {
      const kept = entry.coded[encoding];
      if (kept) return callback(kept);
      compressBody(entry.payload, encoding, (error, body) => {
        if (error) return callback(null);
        // Kept only if the entry is still the current one: a write may have replaced it meanwhile.
        if (entries.get(key) === entry && !entry.coded[encoding]) {
          entry.coded[encoding] = body;
          used += body.length;
          evict();
        }
        callback(body);
      });
    };
    const keyOf = (request: FastifyRequest) => `${request.headers.accept ?? ''}\n${request.url}`;

    // Hooks in callback style, not async: they run on every request, and a replayed answer is
    // worth little if its hooks cost as much as the database read they save.
    const replay = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      if (request.method !== 'GET') return done();
      const key = keyOf(request);
      const version = options.dataVersion();
      const entry = entries.get(key);
      if (!entry || entry.version !== version) {
        drop(key);
        // The headers earlier hooks set (security, CORS, rate limits) are set again on every
        // replay; only what the route adds is kept with the answer.
        request.responseCacheSlot = { key, version, before: reply.getHeaders() };
        return done();
      }
      entries.delete(key);
      entries.set(key, entry);
      reply.headers(entry.headers);
      // The coding this client gets, decided as for an answer made now (the type is among the headers kept).
      const encoding = encodingFor(request, reply, entry.payload);
      reply.header('etag', etagWithEncoding(entry.etag, encoding));
      const ifNoneMatch = request.headers['if-none-match'];
      // Answered here: done() is not called, so the route's handler never runs.
      if (ifNoneMatch && ifNoneMatchMatches(ifNoneMatch, entry.etag)) return reply.code(304).send();
      if (encoding === null) return reply.send(entry.payload);
      coded(key, entry, encoding, (body) => {
        if (body === null) return reply.header('etag', entry.etag).send(entry.payload);
        // Marked as coded, so @fastify/compress passes the bytes through as they are.
        reply.header('content-encoding', encoding).send(body);
      });
    };

    // Replayed after the route's own onRequest hooks (rate limits, which plugins registered
    // earlier add per route), so a cached answer still counts against the client's budget.
    app.addHook('onRoute', (route) => {
      if (!route.config?.responseCache) return;
      const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
      route.onRequest = [...existing, replay] as typeof route.onRequest;
    });

    app.addHook('onSend', (request, reply, payload, done) => {
      const slot = request.responseCacheSlot;
      if (!slot || reply.statusCode !== 200 || typeof payload !== 'string') return done(null, payload);
      const tag = reply.getHeader('etag');
      const body = Buffer.from(payload);
      if (typeof tag !== 'string' || body.length > options.maxBytes * LARGEST_SHARE) return done(null, payload);
      const headers: Entry['headers'] = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        // Per-request headers (length, this client's rate-limit budget, the coding's tag) are not replayed.
        if (name === 'content-length' || name === 'etag' || name.startsWith('x-ratelimit-') || name === 'retry-after' || value === undefined) continue;
        if (slot.before[name] === value) continue;
        headers[name] = Array.isArray(value) ? value : String(value);
      }
      drop(slot.key);
      const entry: Entry = { version: slot.version, payload: body, coded: {}, etag: representationOf(tag), headers };
      entries.set(slot.key, entry);
      used += body.length;
      evict();
      // The ETag hook named the coding this answer leaves with; the cache codes it now and keeps
      // the bytes, rather than leaving @fastify/compress to code it again for every replay.
      const encoding = encodingFor(request, reply, body);
      if (encoding === null) return done(null, payload);
      coded(slot.key, entry, encoding, (codedBody) => {
        if (codedBody === null) {
          reply.header('etag', entry.etag);
          return done(null, payload);
        }
        reply.header('content-encoding', encoding);
        done(null, codedBody);
      });
    });
  },
  { name: 'response-cache', dependencies: ['store', 'etag'] },
);
