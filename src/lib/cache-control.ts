// The `Cache-Control` values sitrep sends, and their OpenAPI declaration. Which answer gets which is
// decided in one place, src/plugins/http-cache.ts; the README ("Conventions") gives the reasons.

/**
 * A public read may be served 30 s old, and for 30 s more while a cache revalidates it (with its
 * ETag: a 304 from the response cache): a correction reaches every reader behind a cache within a
 * minute. Keyed answers are the client's own and always revalidated, so an editor reads their own
 * write at once. The OpenAPI document and /docs change only with a new server version.
 */
export const CACHE_CONTROL = {
  read: 'public, max-age=30, stale-while-revalidate=30',
  keyed: 'private, no-cache',
  document: 'public, max-age=3600',
  none: 'no-store',
} as const;

/** The longest a public read is served after it changed, in seconds: max-age plus stale-while-revalidate. */
export const STALENESS_BOUND_SECONDS = 60;

type Header = { description: string; schema: { type: 'string'; enum?: string[] } };
type Response = { headers?: Record<string, Header | { $ref: string }> };
type Document = {
  paths?: Record<string, Record<string, { responses?: Record<string, Response> }>>;
  components?: { headers?: Record<string, Header> };
};

const HEADERS: Record<'CacheControl' | 'Vary', Header> = {
  CacheControl: {
    description:
      `\`${CACHE_CONTROL.read}\` on public reads (a correction reaches readers behind a cache within ${STALENESS_BOUND_SECONDS} s; ` +
      `revalidate with the ETag); \`${CACHE_CONTROL.keyed}\` on answers to requests with \`Authorization\`; ` +
      `\`${CACHE_CONTROL.document}\` on the OpenAPI document and /docs; \`${CACHE_CONTROL.none}\` on writes, probes, ` +
      'key management and every error.',
    schema: { type: 'string', enum: [...new Set(Object.values(CACHE_CONTROL))] },
  },
  Vary: {
    description:
      'What else selects this answer besides the URL: `Accept-Encoding` on every read, `Accept` where the operation ' +
      'negotiates the media type, `Authorization` when the server requires a key for reads. Reads never vary by `Origin`.',
    schema: { type: 'string' },
  },
};

/**
 * Declares `Cache-Control` on every success and redirect answer, and `Vary` on those of reads, as
 * shared components (problem answers are always `no-store`, as its description says).
 */
export function declareCachingHeaders<T extends Document>(doc: T): T {
  doc.components = { ...doc.components, headers: { ...doc.components?.headers, ...HEADERS } };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[23]\d\d$/.test(status)) continue;
        response.headers = {
          ...response.headers,
          'Cache-Control': { $ref: '#/components/headers/CacheControl' },
          ...(method === 'get' ? { Vary: { $ref: '#/components/headers/Vary' } } : {}),
        };
      }
    }
  }
  return doc;
}
