// What a public API needs in front of its routes: security headers (OWASP's API set on the API's
// answers, helmet's page set on /docs and the explorer), CORS open to every origin for reads and only to
// configured origins for writes, per-client rate limits with separate budgets for anonymous reads
// and keyed writes (a request refused for its key counts as anonymous, and against a smaller
// budget for failed authentications), and a 503 instead of an ever-growing queue when the event
// loop is overloaded. Every refusal leaves as a problem+json through the errors plugin, and every
// route's OpenAPI entry declares the 429 and 503 it can now answer.
import cors from '@fastify/cors';
import helmet from 'helmet';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { HttpLimits } from '../config.js';
import { ProblemError, problemResponses } from '../lib/problem.js';
import { declareResponseHeaders, RATE_LIMIT_HEADERS } from '../lib/openapi-headers.js';
import { API_SECURITY_HEADERS, CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS } from '../lib/response-headers.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Probes answer monitors and orchestrators however busy the API is: no rate limit on either, and
// liveness is never refused for load (an orchestrator would restart a healthy, busy process).
const PROBES = new Set(['/healthz', '/readyz']);
const LIVENESS = '/healthz';
const DOCS = '/docs';

/** The explorer's page (any query: the page's state) and its files (src/plugins/explorer.ts). */
const isExplorer = (url: string) => url === '/' || url.startsWith('/?') || url.startsWith('/explorer/');

// What a preflight grants: reads to every origin, writes (with the headers they need) to the
// configured origins only.
const READ_GRANT = ['GET', 'HEAD'];
const WRITE_GRANT = ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'];
const WRITE_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'];

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Counts a request about to be refused with a 401 against its address's budget, as an
     * anonymous request, and, when it sent a key that failed, against the address's budget for
     * failed authentications; throws a 429 problem instead once either is spent. The auth plugin
     * calls it, so that wrong keys cannot be tried faster than anonymous requests are answered.
     */
    limitUnauthenticated: (request: FastifyRequest, reply: FastifyReply, sentKey: boolean) => Promise<void>;
  }
}

const isRead = (request: FastifyRequest) => READ_METHODS.has(request.method);

/** An IPv6 client is counted by its /64, as one host usually holds the whole prefix. */
const addressOf = (request: FastifyRequest) => normalizeIP(request.ip);

/**
 * A keyed client is counted by its key's id, others by address. The auth plugin's app-wide hook
 * has run by then (rate limits hook each route): a request whose key failed never gets here, and
 * was counted by address through `limitUnauthenticated`.
 */
function clientKey(request: FastifyRequest): string {
  const who = request.apiKey ? `key:${request.apiKey.id}` : `ip:${addressOf(request)}`;
  return `${isRead(request) ? 'read' : 'write'}:${who}`;
}

type RateLimitOutcome = Awaited<ReturnType<ReturnType<FastifyInstance['createRateLimit']>>>;
type Counted = Extract<RateLimitOutcome, { isAllowed: false }>;

/** The headers @fastify/rate-limit sets on a counted request, for requests counted outside its hook. */
function rateLimitHeaders(reply: FastifyReply, counted: Counted): void {
  reply.header('x-ratelimit-limit', counted.max);
  reply.header('x-ratelimit-remaining', counted.isExceeded ? 0 : counted.remaining);
  reply.header('x-ratelimit-reset', counted.ttlInSeconds);
  if (counted.isExceeded) reply.header('retry-after', counted.ttlInSeconds);
}

const retryIn = (seconds: number) => (seconds === 1 ? '1 second' : `${seconds} seconds`);

export default fp<{ limits: HttpLimits }>(
  async (app, { limits }) => {
    // Each route gets 429 and 503 in its OpenAPI responses, since any request may meet them.
    app.addHook('onRoute', (route) => {
      // Probes must answer even when a monitor polls them often: no rate limit on their routes
      // at all, rather than an allow-list every other request would be checked against.
      if (PROBES.has(route.url)) route.config = { ...route.config, rateLimit: false };
      if (route.schema?.hide || !route.schema?.response) return;
      // CORS answers every route, and the answers written before routing carry its grant too.
      declareResponseHeaders(route.schema, { headers: ['Access-Control-Allow-Origin'] });
      if (route.url === LIVENESS) return;
      const added = PROBES.has(route.url) ? problemResponses(503) : problemResponses(429, 503);
      route.schema.response = { ...added, ...(route.schema.response as object) };
      declareResponseHeaders(route.schema, { status: [429, 503], headers: ['Retry-After'] });
      // Every answer of a rate-limited route says the client's budget (where its kind of request
      // is limited at all), except those written before routing (src/app.ts).
      if (!PROBES.has(route.url)) declareResponseHeaders(route.schema, { except: [408, 414, 431], headers: RATE_LIMIT_HEADERS });
    });

    // The API's answers get the headers OWASP's REST Security Cheat Sheet asks of an API: data is
    // never rendered, framed or sniffed, and downloads from other origins' pages are the point of
    // an open API. They are fixed, so they are set from one object; @fastify/helmet built helmet's
    // middleware again for every request, which cost a cached answer a third of its speed, and the
    // headers only a page needs (referrer, opener and DNS-prefetch policies, legacy IE switches)
    // are left to /docs, where Swagger UI loads its scripts and styles from /docs/static and runs an
    // inline bootstrap under helmet's full set, built once.
    const pageHeaders = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        },
      },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
    // The explorer runs only its own bundled files: no inline script or style, no other origin,
    // and it reads nothing but this server's API.
    const explorerHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    });
    app.addHook('onRequest', (request, reply, done) => {
      // helmet 8 throws rather than passing errors on; it has none to give for fixed options.
      if (request.url.startsWith(DOCS)) return pageHeaders(request.raw, reply.raw, () => done());
      if (isExplorer(request.url)) return explorerHeaders(request.raw, reply.raw, () => done());
      reply.headers(API_SECURITY_HEADERS);
      done();
    });

    const writeOrigins = new Set(limits.corsWriteOrigins);
    await app.register(cors, {
      // Per request: reads (and their preflights) are open to every origin; a write, or the
      // preflight of one, only to the configured origins. A preflight's answer is cached for
      // CORS_MAX_AGE_SECONDS, and every granted answer lets the page read the headers a client
      // needs (ETag, Link, Location, the rate limits).
      delegator: (request, callback) => {
        const origin = request.headers.origin;
        const requested = request.headers['access-control-request-method'];
        const preflight = request.method === 'OPTIONS' && origin !== undefined && requested !== undefined;
        const method = preflight ? String(requested).toUpperCase() : request.method;
        const shared = { exposedHeaders: CORS_EXPOSED_HEADERS, maxAge: CORS_MAX_AGE_SECONDS, credentials: false, preflight };
        // A plain OPTIONS (not a preflight) is a read: answered below with `Allow`.
        if (READ_METHODS.has(method)) return callback(null, { ...shared, origin: '*', methods: READ_GRANT });
        if (origin !== undefined && writeOrigins.has(origin)) {
          return callback(null, { ...shared, origin, methods: WRITE_GRANT, allowedHeaders: WRITE_REQUEST_HEADERS });
        }
        callback(null, { origin: false });
      },
    });

    // A plain OPTIONS (no Origin, or no Access-Control-Request-Method) asks what a path supports:
    // 204 with `Allow`. Preflights were answered by @fastify/cors above; one it refused gets a 204
    // that grants nothing. A path no route matches falls through to the 404.
    app.addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'OPTIONS') return done();
      const allowed = app.routeMethods.at(request.url.split('?')[0]!);
      if (!allowed) return done();
      const refusedPreflight = request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined;
      if (!refusedPreflight) reply.header('allow', allowed.join(', '));
      reply.code(204).send();
    });

    const { readsPerMinute, writesPerMinute } = limits.rateLimit;
    const { authFailuresPerMinute } = limits;
    // A budget of 0 means unlimited, so one kind of request can be limited without the other.
    const budgetOf = (request: FastifyRequest) => (isRead(request) ? readsPerMinute : writesPerMinute);
    let limitUnauthenticated = async (_request: FastifyRequest, _reply: FastifyReply, _sentKey: boolean) => {};
    if (readsPerMinute > 0 || writesPerMinute > 0 || authFailuresPerMinute > 0) {
      await app.register(rateLimit, {
        global: readsPerMinute > 0 || writesPerMinute > 0,
        timeWindow: 60_000,
        keyGenerator: clientKey,
        // Requests of an unlimited kind are not counted, and get no X-RateLimit headers.
        allowList: (request) => budgetOf(request) === 0,
        max: (request) => budgetOf(request),
        errorResponseBuilder: (request, context) =>
          new ProblemError(
            'SITREP_RATE_LIMITED',
            `Too many ${isRead(request) ? 'reads' : 'writes'} from this client: ${context.max} a minute are allowed. Retry in ${context.after}.`,
          ),
      });
      // The routes' own counters (same store, same keys): a refused key is one more request from
      // its address.
      const addressBudget = app.createRateLimit();
      // A budget of its own, by address, for keys that fail: smaller than the read budget, since a
      // client with a working key never spends it.
      const failureBudget =
        authFailuresPerMinute > 0
          ? app.createRateLimit({ max: authFailuresPerMinute, allowList: () => false, keyGenerator: (request) => `auth-failure:${addressOf(request)}` })
          : null;
      limitUnauthenticated = async (request, reply, sentKey) => {
        const failures = sentKey && failureBudget ? await failureBudget(request) : null;
        const requests = await addressBudget(request);
        if (failures && !failures.isAllowed && failures.isExceeded) {
          rateLimitHeaders(reply, failures);
          throw new ProblemError(
            'SITREP_RATE_LIMITED',
            `Too many failed authentications from this address: ${failures.max} a minute are allowed. Retry in ${retryIn(failures.ttlInSeconds)}.`,
          );
        }
        if (requests.isAllowed) return;
        rateLimitHeaders(reply, requests);
        if (requests.isExceeded) {
          throw new ProblemError(
            'SITREP_RATE_LIMITED',
            `Too many ${isRead(request) ? 'reads' : 'writes'} from this client: ${requests.max} a minute are allowed. Retry in ${retryIn(requests.ttlInSeconds)}.`,
          );
        }
      };
    }
    app.decorate('limitUnauthenticated', limitUnauthenticated);

    if (limits.maxEventLoopDelayMs > 0) {
      await app.register(underPressure, {
        maxEventLoopDelay: limits.maxEventLoopDelayMs,
        pressureHandler: (request, reply) => {
          if (request.routeOptions.url === LIVENESS) return;
          reply.header('retry-after', '10');
          throw new ProblemError('SITREP_OVERLOADED', 'The server is overloaded and cannot take this request now. Retry in a few seconds.');
        },
      });
    }
  },
  { name: 'security', dependencies: ['errors'] },
);
