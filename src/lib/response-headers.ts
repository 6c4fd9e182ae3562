// Headers the API's answers carry, shared by the security plugin and by the answers written before
// routing (src/app.ts: a path segment too long, headers too large, a request not received in time),
// which no hook sees.

/** What OWASP's REST Security Cheat Sheet asks of an API: data is never rendered, framed or sniffed. */
export const API_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'cross-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
} as const;

/** Response headers a page on another origin may read: caching, paging, creation, rate limits. */
export const CORS_EXPOSED_HEADERS = ['ETag', 'Link', 'Location', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

/** How long a browser may reuse a preflight's answer: two hours, the most Chromium honours. */
export const CORS_MAX_AGE_SECONDS = 7200;

/**
 * For answers written before routing: the API's security headers and a CORS grant to every
 * origin, so that a page sees the problem rather than a CORS error. Nothing in such an answer
 * is data a page could not read anyway.
 */
export const PRE_ROUTING_HEADERS = {
  ...API_SECURITY_HEADERS,
  'access-control-allow-origin': '*',
  'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
  // An error must not outlive its cause in anyone's cache (src/lib/cache-control.ts).
  'cache-control': 'no-store',
} as const;
