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
  // The explorer's page names its scripts by content hash: the page is checked on every load (a
  // 304 when unchanged), the files it names never change.
  revalidate: 'public, no-cache',
  immutable: 'public, max-age=31536000, immutable',
  none: 'no-store',
} as const;

/** The longest a public read is served after it changed, in seconds: max-age plus stale-while-revalidate. */
export const STALENESS_BOUND_SECONDS = 60;
