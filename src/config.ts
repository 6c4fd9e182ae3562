// The environment, parsed once at start-up with zod. An invalid value stops the process with one
// line naming the variable, rather than surfacing later as a confusing runtime error.
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const count = (min: number) => z.coerce.number().int().min(min);

/** `TRUST_PROXY`: `false`, `true` (trust every hop), or a comma-separated list of proxy addresses/CIDRs. */
const trustProxySchema = z
  .string()
  .regex(/^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'must be true, false, or a comma-separated list of proxy addresses or CIDRs')
  .transform((value): boolean | string[] => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    return value.split(',').map((address) => address.trim());
  });

const originListSchema = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(z.url({ error: 'must be a comma-separated list of origins such as https://newsroom.example' })));

/**
 * `PUBLIC_BASE_URL`: where clients reach the API (`https://api.example.org`, or with a path prefix
 * behind a proxy). Stored without a trailing slash, so a path starting with `/` is appended to it.
 */
const publicBaseUrlSchema = z
  .string()
  .refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash && !url.username && !url.password && !/[?#]/.test(value);
    },
    { error: 'must be an http or https URL without query, fragment or credentials, such as https://api.example.org' },
  )
  .transform((value) => new URL(value).href.replace(/\/+$/, ''));

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // Path of the SQLite file, or `:memory:` for a throwaway database.
  DATABASE_URL: z.string().min(1).default('./data/sitrep.db'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: trustProxySchema.default(false),
  RATE_LIMIT_READS_PER_MINUTE: count(0).default(600),
  RATE_LIMIT_WRITES_PER_MINUTE: count(0).default(120),
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: count(0).default(30),
  CORS_WRITE_ORIGINS: originListSchema.default([]),
  BODY_LIMIT_BYTES: count(1).default(1_048_576),
  REQUEST_TIMEOUT_MS: count(0).default(30_000),
  MAX_EVENT_LOOP_DELAY_MS: count(0).default(1_000),
  // `true` makes every /v1 read need an API key too; writes always do.
  REQUIRE_KEY_FOR_READS: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  // Memory for answers kept by the response cache (src/plugins/response-cache.ts); 0 turns it off.
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
  // `true` encodes every answer through its schema and answers 500 where it differs; for development.
  CHECK_RESPONSES: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  // Base of the absolute URLs the API writes (Link, Location, OpenAPI servers); unset: relative paths.
  PUBLIC_BASE_URL: publicBaseUrlSchema.optional(),
});

/** How the HTTP layer protects itself; every field has a default, so callers set only what they change. */
export type HttpLimits = {
  trustProxy: boolean | string[];
  /** Requests a client may make per minute: anonymous reads per IP, writes per key (or per IP without one). 0 turns the limit off. */
  rateLimit: { readsPerMinute: number; writesPerMinute: number };
  /** Requests with a key that fails (unknown, revoked, malformed) one address may send per minute, besides counting as its requests; 0 turns this budget off. */
  authFailuresPerMinute: number;
  /** Origins whose pages may write from a browser; reads are open to every origin. */
  corsWriteOrigins: string[];
  bodyLimitBytes: number;
  /** Time to receive a whole request (headers and body); 0 turns it off. */
  requestTimeoutMs: number;
  /** Event-loop delay above which requests get 503 instead of queueing; 0 turns it off. */
  maxEventLoopDelayMs: number;
};


export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  http: HttpLimits;
  requireKeyForReads: boolean;
  responseCacheMb: number;
  /** Encode every answer through its schema (development; tests always do). */
  checkResponses: boolean;
  /** `https://api.example.org` (no trailing slash), or null: Link and Location are relative paths. */
  publicBaseUrl: string | null;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset, as most shells and .env tools intend.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`Invalid environment variable ${name}=${JSON.stringify(env[name])}: ${issue.message}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    requireKeyForReads: c.REQUIRE_KEY_FOR_READS === 'true',
    responseCacheMb: c.RESPONSE_CACHE_MB,
    checkResponses: c.CHECK_RESPONSES === 'true',
    publicBaseUrl: c.PUBLIC_BASE_URL ?? null,
    http: {
      trustProxy: c.TRUST_PROXY,
      rateLimit: { readsPerMinute: c.RATE_LIMIT_READS_PER_MINUTE, writesPerMinute: c.RATE_LIMIT_WRITES_PER_MINUTE },
      authFailuresPerMinute: c.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
      corsWriteOrigins: c.CORS_WRITE_ORIGINS,
      bodyLimitBytes: c.BODY_LIMIT_BYTES,
      requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
      maxEventLoopDelayMs: c.MAX_EVENT_LOOP_DELAY_MS,
    },
  };
}

/** The limits with nothing set: what an app gets unless told otherwise. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = loadConfig({}).http;
