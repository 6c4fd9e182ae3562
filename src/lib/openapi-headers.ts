// The response headers clients read, declared once as OpenAPI components (`components/headers`)
// and referenced from each response that carries them. A route, or a plugin's onRoute hook for
// headers every route gets (ETag, the rate limits), adds a rule to its schema's
// `responseHeaders`; the rules are read when the document is built, once every response is known.
// @fastify/swagger copies `x-` keys of a route's schema onto the operation, so the headers each
// response gets travel as `x-response-headers` and become `headers` in the finished document.
import { CACHE_CONTROL, STALENESS_BOUND_SECONDS } from './cache-control.js';

type HeaderObject = { description: string; schema: Record<string, unknown> };

const seconds = { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 };

export const RESPONSE_HEADERS = {
  'Access-Control-Allow-Origin': {
    description:
      'CORS: `*` on reads and on answers written before routing; on a write, the page\'s origin when the server takes writes from it (`CORS_WRITE_ORIGINS`), else none.',
    schema: { type: 'string', maxLength: 2048 },
  },
  'Cache-Control': {
    description:
      `\`${CACHE_CONTROL.read}\` on public reads (a correction reaches readers behind a cache within ${STALENESS_BOUND_SECONDS} s; ` +
      `revalidate with the ETag); \`${CACHE_CONTROL.keyed}\` on answers to requests with \`Authorization\`; ` +
      `\`${CACHE_CONTROL.document}\` on the OpenAPI document and /docs; \`${CACHE_CONTROL.none}\` on writes, probes, ` +
      'key management and every error.',
    // The explorer's page and files (`revalidate`, `immutable`) are not operations of the API.
    schema: { type: 'string', enum: [CACHE_CONTROL.read, CACHE_CONTROL.keyed, CACHE_CONTROL.document, CACHE_CONTROL.none] },
  },
  ETag: {
    description:
      'The strong entity tag of this representation: send it as `If-None-Match` to get a 304 while it is unchanged, and as `If-Match` to change the record. ' +
      'A file streamed whole (no `limit`) has none.',
    schema: { type: 'string', maxLength: 100 },
  },
  Location: {
    description: 'The URL of the record created (201), or of the file the request asked for, with the same parameters (308).',
    schema: { type: 'string', format: 'uri-reference', maxLength: 8192 },
  },
  Link: {
    description: 'RFC 8288: `<URL>; rel="next"`, the next page with the same parameters and its cursor; absent on the last page.',
    schema: { type: 'string', maxLength: 8192 },
  },
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`, not a new record.',
    schema: { type: 'string', enum: ['true'] },
  },
  'Retry-After': {
    description: 'How many seconds to wait before trying again.',
    schema: seconds,
  },
  Vary: {
    description:
      'What else selects this answer besides the URL: `Accept-Encoding` on every read, `Accept` where the operation ' +
      'negotiates the media type, `Authorization` when the server requires a key for reads. Reads never vary by `Origin`; ' +
      'writes do, since only some origins may make them (`CORS_WRITE_ORIGINS`).',
    schema: { type: 'string', maxLength: 200 },
  },
  'WWW-Authenticate': {
    description: 'The scheme to authenticate with: `Bearer realm="sitrep"`.',
    schema: { type: 'string', maxLength: 100 },
  },
  'X-RateLimit-Limit': {
    description: 'How many requests of this kind (reads, or writes) this client may make a minute; sent where the server limits them.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 },
  },
  'X-RateLimit-Remaining': {
    description: 'How many of them are left in the current minute.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 },
  },
  'X-RateLimit-Reset': {
    description: 'In how many seconds the budget is whole again.',
    schema: seconds,
  },
} satisfies Record<string, HeaderObject>;

export type ResponseHeader = keyof typeof RESPONSE_HEADERS;

export const RATE_LIMIT_HEADERS: ResponseHeader[] = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

/** Which responses of an operation carry `headers`: those with a status in `status` (default: all), but not in `except`. */
export type HeaderRule = { headers: ResponseHeader[]; status?: number[]; except?: number[] };

declare module 'fastify' {
  interface FastifySchema {
    /** Headers this operation's responses carry, for its OpenAPI description. */
    responseHeaders?: HeaderRule[];
  }
}

/** Adds a rule to a route's schema (routes pass it in `schema.responseHeaders`; hooks call this). */
export function declareResponseHeaders(schema: { responseHeaders?: HeaderRule[] }, rule: HeaderRule): void {
  schema.responseHeaders = [...(schema.responseHeaders ?? []), rule];
}

const EXTENSION = 'x-response-headers';

/**
 * For a route's transformed schema: its rules, resolved against the statuses it declares, as the
 * `x-` key @fastify/swagger carries onto the operation.
 */
export function resolveResponseHeaders(schema: Record<string, unknown>): Record<string, unknown> {
  const { responseHeaders: rules, ...rest } = schema as { responseHeaders?: HeaderRule[]; response?: object };
  if (!rules?.length || !rest.response) return rest;
  const byStatus: Record<string, ResponseHeader[]> = {};
  for (const status of Object.keys(rest.response as object)) {
    const code = Number(status);
    const names = rules.filter((rule) => (rule.status?.includes(code) ?? true) && !rule.except?.includes(code)).flatMap((rule) => rule.headers);
    if (names.length) byStatus[status] = [...new Set(names)].sort();
  }
  return { ...rest, [EXTENSION]: byStatus };
}

type Operation = Record<string, unknown> & { responses?: Record<string, { headers?: Record<string, unknown> }> };

/** For the finished document: each operation's `x-response-headers` as `$ref`s to `components/headers`. */
export function applyResponseHeaders<T extends { paths?: Record<string, Record<string, Operation>>; components?: Record<string, unknown> }>(doc: T): T {
  const used = new Set<ResponseHeader>();
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      const byStatus = operation[EXTENSION] as Record<string, ResponseHeader[]> | undefined;
      delete operation[EXTENSION];
      for (const [status, names] of Object.entries(byStatus ?? {})) {
        const response = operation.responses?.[status];
        if (!response) continue;
        response.headers = { ...response.headers, ...Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }])) };
        for (const name of names) used.add(name);
      }
    }
  }
  if (used.size === 0) return doc;
  const headers = Object.fromEntries(Object.entries(RESPONSE_HEADERS).filter(([name]) => used.has(name as ResponseHeader)));
  return { ...doc, components: { ...doc.components, headers } };
}

/**
 * `If-Match` is optional to the validator, so that a write without it gets 428 rather than a 400;
 * an operation that declares 428 cannot succeed without it, so its description requires it.
 */
export function requirePreconditionHeaders(schema: Record<string, unknown>): Record<string, unknown> {
  const headers = schema.headers as { properties?: Record<string, unknown>; required?: string[] } | undefined;
  const responses = schema.response as Record<string, unknown> | undefined;
  if (!responses?.['428'] || !headers?.properties?.['if-match']) return schema;
  return { ...schema, headers: { ...headers, required: [...new Set([...(headers.required ?? []), 'if-match'])] } };
}
