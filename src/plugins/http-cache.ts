// What HTTP caches (browsers, proxies, CDNs) may do with each answer: one place sets
// `Cache-Control` (values in src/lib/cache-control.ts) and `Vary` for every answer, from the
// method, the status and the route's `cachePolicy`. The rules, and why: README, "Conventions".
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { CACHE_CONTROL } from '../lib/cache-control.js';
import { declareResponseHeaders } from '../lib/openapi-headers.js';

/** How a route's successful answers may be cached: `read` (the default for GET), `document`, `revalidate`, `immutable` or `no-store`. */
export type CachePolicy = 'read' | 'document' | 'revalidate' | 'immutable' | 'no-store';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `document`: changes only with a new server version; `revalidate`: checked on every use (the
     * explorer's page); `immutable`: never changes (its content-hashed files); `no-store`: never
     * kept (probes, keys).
     */
    cachePolicy?: CachePolicy;
  }
}

export type HttpCacheOptions = {
  /** Every /v1 read needs a key (REQUIRE_KEY_FOR_READS): the key then changes the answer (401 or 200). */
  requireKeyForReads: boolean;
};

const READS = new Set(['GET', 'HEAD']);

/** Field names as they are written, whatever case they arrived in. */
const CANONICAL: Record<string, string> = { accept: 'Accept', 'accept-encoding': 'Accept-Encoding', authorization: 'Authorization', origin: 'Origin' };

function cacheControlFor(request: FastifyRequest, reply: FastifyReply, policy: CachePolicy): string | null {
  // Errors are never kept: a 404 or 503 must not outlive its cause in anyone's cache.
  if (reply.statusCode >= 400) return CACHE_CONTROL.none;
  if (!READS.has(request.method)) {
    // A CORS preflight's own caching is Access-Control-Max-Age; a header the CORS plugin set stays.
    if (request.method === 'OPTIONS' && reply.hasHeader('cache-control')) return null;
    return CACHE_CONTROL.none;
  }
  if (policy === 'no-store') return CACHE_CONTROL.none;
  if (request.headers.authorization !== undefined) return CACHE_CONTROL.keyed;
  return policy === 'read' ? CACHE_CONTROL.read : CACHE_CONTROL[policy];
}

// Few distinct inputs (the Vary a route set, the CORS grant, the method), so each is worked out once.
const varyMemo = new Map<string, string>();

/**
 * `Vary`: what the route set (`Accept` where it negotiates), `Accept-Encoding` on every read (the
 * coding depends on it), `Authorization` on /v1 reads when a key decides the answer, and `Origin`
 * only where the CORS grant depends on it: @fastify/cors adds it to every answer, but a read's
 * grant is `*`, the same for every origin, and a shared cache keying reads by origin would keep one
 * copy per newsroom.
 */
function varyFor(current: string, read: boolean, anyOrigin: boolean, keyed: boolean): string {
  const memoKey = `${current}|${read}|${anyOrigin}|${keyed}`;
  let vary = varyMemo.get(memoKey);
  if (vary === undefined) {
    const names = new Set(current.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean));
    if (anyOrigin) names.delete('origin');
    if (read) names.add('accept-encoding');
    if (keyed) names.add('authorization');
    vary = [...names].map((name) => CANONICAL[name] ?? name).join(', ');
    if (varyMemo.size >= 256) varyMemo.clear();
    varyMemo.set(memoKey, vary);
  }
  return vary;
}

export default fp<HttpCacheOptions>(
  async (app, options) => {
    const apply = (request: FastifyRequest, reply: FastifyReply, policy: CachePolicy) => {
      const cacheControl = cacheControlFor(request, reply, policy);
      if (cacheControl !== null) reply.header('cache-control', cacheControl);
      // A preflight varies by what it is asked (method, headers): the CORS plugin's to say.
      if (request.method === 'OPTIONS') return;
      const read = READS.has(request.method);
      const current = reply.getHeader('vary');
      const vary = varyFor(
        Array.isArray(current) ? current.join(', ') : current === undefined ? '' : String(current),
        read,
        reply.getHeader('access-control-allow-origin') === '*',
        read && options.requireKeyForReads && request.url.startsWith('/v1/'),
      );
      if (vary) reply.header('vary', vary);
      else reply.removeHeader('vary');
    };

    // Each route's hook is added after @fastify/compress's (registered before this plugin), so it
    // sees the final `Vary` and writes each name once.
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/docs')) route.config = { ...route.config, cachePolicy: 'document' };
      const policy = route.config?.cachePolicy ?? 'read';
      // Every answer has a Cache-Control (errors `no-store`), and a Vary unless nothing varies it.
      if (route.schema?.response && !route.schema.hide) declareResponseHeaders(route.schema, { headers: ['Cache-Control', 'Vary'] });
      const hook: onSendHookHandler = (request, reply, payload, done) => {
        apply(request, reply, policy);
        done(null, payload);
      };
      const existing = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
      route.onSend = [...existing, hook] as typeof route.onSend;
    });

    // Answers made outside this plugin's routes get the same rules: unknown paths, and CORS
    // preflights (answered by @fastify/cors's own route, registered before this plugin).
    app.addHook('onSend', (request, reply, payload, done) => {
      if (request.is404 || request.method === 'OPTIONS') apply(request, reply, 'no-store');
      done(null, payload);
    });
  },
  // Registered after compression, so its per-route hook runs after @fastify/compress's.
  { name: 'http-cache', dependencies: ['compression'] },
);
