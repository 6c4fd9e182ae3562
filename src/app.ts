// Builds the sitrep fastify app: infrastructure plugins first, then one plugin per resource.
// Never listens; src/server.ts does, and tests call inject() on what this returns.
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_HTTP_LIMITS, type Config, type HttpLimits } from './config.js';
import { actorRoutes } from './modules/actors/actors.routes.js';
import { actorWriteRoutes } from './modules/actors/actors.write.routes.js';
import { eventRoutes } from './modules/events/events.routes.js';
import { eventWriteRoutes } from './modules/events/events.write.routes.js';
import { claimWriteRoutes } from './modules/claims/claims.write.routes.js';
import { historyRoutes } from './modules/history/history.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { placeRoutes } from './modules/places/places.routes.js';
import { claimRoutes } from './modules/claims/claims.routes.js';
import { sourceRoutes } from './modules/sources/sources.routes.js';
import { sourceWriteRoutes } from './modules/sources/sources.write.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { timelineRoutes } from './modules/timeline/timeline.routes.js';
import { keyRoutes } from './modules/keys/keys.routes.js';
import authPlugin from './plugins/auth.js';
import compressionPlugin from './plugins/compression.js';
import errorsPlugin from './plugins/errors.js';
import etagPlugin from './plugins/etag.js';
import explorerPlugin from './plugins/explorer.js';
import httpCachePlugin from './plugins/http-cache.js';
import jsonBodyPlugin from './plugins/json-body.js';
import openapiPlugin from './plugins/openapi.js';
import securityPlugin from './plugins/security.js';
import unreadBodiesPlugin from './plugins/unread-bodies.js';
import responseCachePlugin from './plugins/response-cache.js';
import scanReadsPlugin from './plugins/scan-reads.js';
import { MAX_ID_LENGTH } from './lib/http.js';
import { PROBLEM_CONTENT_TYPE, problemFor, type ProblemCode } from './lib/problem.js';
import { PRE_ROUTING_HEADERS } from './lib/response-headers.js';
import { originForm } from './lib/public-url.js';
import { responseSerializer } from './lib/response-serializer.js';
import { storePlugin } from './store.js';

export type AppOptions = Pick<Config, 'databaseUrl' | 'logLevel'> & {
  /** Rate limits, CORS, body and time limits; each field defaults to DEFAULT_HTTP_LIMITS. */
  http?: Partial<HttpLimits>;
  /** Every /v1 request needs an API key, reads included (default false: reads are open). */
  requireKeyForReads?: boolean;
  /** Where log lines go (stdout by default); tests read them from here. */
  logStream?: { write(line: string): void };
  /** Memory for the response cache in MiB (default 32); 0 turns it off. */
  responseCacheMb?: number;
  /** PUBLIC_BASE_URL: base of the Link and Location URLs and the OpenAPI servers (default: relative paths). */
  publicBaseUrl?: string | null;
  /** Serve the explorer at / from dist/explorer (default true); off where only the API's description is needed. */
  explorer?: boolean;
  /** Encode every answer through its schema and fail one the schema would change (default true; the server turns it off: src/lib/response-serializer.ts). */
  checkResponses?: boolean;
};

// API keys must never reach the logs, whatever a serializer or a debug line includes.
const REDACTED_PATHS = ['req.headers.authorization', 'headers.authorization', 'request.headers.authorization', 'authorization'];

/**
 * Errors Node's HTTP parser meets before fastify sees a request (a request not received in time,
 * oversized headers, bytes that are not HTTP) still leave as problem+json, written to the socket,
 * with the API's security headers and a CORS grant so a page can read them (no hook runs here).
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [code, detail]: [ProblemCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['SITREP_REQUEST_TIMEOUT', 'The request was not received in full in time; send it again, without pauses.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['SITREP_HEADERS_TOO_LARGE', 'The request headers are too large.']
        : ['SITREP_BAD_REQUEST', 'The request is not valid HTTP/1.1.'];
  const problem = problemFor(code, detail);
  const body = JSON.stringify(problem);
  const headers = Object.entries(PRE_ROUTING_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n${headers}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** An unread body up to this many times the body limit is read and discarded, so its sender reads the answer. */
const UNREAD_BODY_FACTOR = 8;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const http = { ...DEFAULT_HTTP_LIMITS, ...options.http };
  const app = Fastify({
    logger: { level: options.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: http.trustProxy,
    bodyLimit: http.bodyLimitBytes,
    requestTimeout: http.requestTimeoutMs,
    clientErrorHandler: answerClientError,
    // While closing, requests that arrive on open keep-alive connections are still answered
    // (fastify's default is a bare, non-problem 503); the listener is already closed to new
    // connections and close-with-grace bounds the wait.
    return503OnClosing: false,
    // Node checks for stalled requests every 30 s by default; a second keeps the timeout honest.
    http: { connectionsCheckingInterval: 1_000 },
    // Path ids may be as long as the id schema allows; longer ones are refused before routing.
    // `/v1/events/` is the collection, not an event with an empty id.
    routerOptions: { maxParamLength: MAX_ID_LENGTH, ignoreTrailingSlash: true },
    // `GET http://any.host/v1/events` is routed, logged, cached and linked as `/v1/events`: the
    // host a client writes into the request line never reaches an answer (src/lib/public-url.ts).
    rewriteUrl: (request) => originForm(request.url ?? '/'),
    // Answered before routing, so no hook adds the API's headers (src/plugins/http-cache.ts's
    // included): they are set here, `Cache-Control: no-store` among them.
    frameworkErrors: (error, request, reply) => {
      const [code, detail]: [ProblemCode, string] =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? ['SITREP_URI_TOO_LONG', `A path segment is longer than ${MAX_ID_LENGTH} characters; no id is that long.`]
          : ['SITREP_BAD_REQUEST', 'The URL could not be decoded.'];
      const problem = problemFor(code, detail);
      return (reply as FastifyReply).code(problem.status).headers(PRE_ROUTING_HEADERS).type(PROBLEM_CONTENT_TYPE).send(problem);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(options.checkResponses ?? true));
  app.decorate('publicBaseUrl', options.publicBaseUrl ?? '');

  // Closing sweeps idle keep-alive connections once. A connection whose request was still being
  // answered then (a compressed or streamed answer takes a while) turns idle afterwards and would
  // stay open until its keep-alive timeout, so close-with-grace cut the shutdown off before the
  // database was closed. Sweep again until the close completes.
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    sweep = setInterval(() => app.server.closeIdleConnections(), 100).unref();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { limits: http });
  await app.register(unreadBodiesPlugin, { discardLimitBytes: UNREAD_BODY_FACTOR * http.bodyLimitBytes, discardTimeoutMs: http.requestTimeoutMs });
  // Both attach to each route as it is added, so before any route; caching headers after compression.
  await app.register(compressionPlugin);
  await app.register(httpCachePlugin, { requireKeyForReads: options.requireKeyForReads ?? false });
  await app.register(jsonBodyPlugin);
  await app.register(storePlugin, { databaseUrl: options.databaseUrl });
  await app.register(scanReadsPlugin);
  await app.register(openapiPlugin, { publicBaseUrl: options.publicBaseUrl ?? null });
  await app.register(etagPlugin);
  await app.register(authPlugin, { requireKeyForReads: options.requireKeyForReads ?? false, findKey: (id) => app.store.keys.get(id) });
  await app.register(responseCachePlugin, { maxBytes: (options.responseCacheMb ?? 32) * 2 ** 20, dataVersion: () => app.store.version() });

  if (options.explorer ?? true) await app.register(explorerPlugin);
  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(eventRoutes);
      await v1.register(eventWriteRoutes);
      await v1.register(actorRoutes);
      await v1.register(actorWriteRoutes);
      await v1.register(placeRoutes);
      await v1.register(sourceRoutes);
      await v1.register(sourceWriteRoutes);
      await v1.register(timelineRoutes);
      await v1.register(statsRoutes);
      await v1.register(claimRoutes);
      await v1.register(claimWriteRoutes);
      await v1.register(historyRoutes);
      await v1.register(keyRoutes);
    },
    { prefix: '/v1' },
  );
  return app;
}
