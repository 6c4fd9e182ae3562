// The public API, typed by the OpenAPI document's generated types (examples/typescript-client,
// `npm run examples:generate`): each panel fetches the URL it shows as its "API" link (the map
// and the timeline add `limit` and `cursor` to page through it).
import type { paths } from '../../examples/typescript-client/sitrep-api.js';

type GetOperation<P extends keyof paths> = paths[P] extends { get: infer O } ? O : never;
/** The query parameters an operation takes. */
export type Query<P extends keyof paths> = GetOperation<P> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type QueryValue = string | number | boolean | readonly string[] | undefined | null;

/** A path with its query: array values repeat the parameter, empty values are left out. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null || item === '') continue;
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** An RFC 9457 problem the API answered with; `errors` names the parameters it refused. */
export class ApiProblem extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: { in?: string; name?: string; reason?: string }[],
  ) {
    super(`${title}: ${detail}`);
  }
}

/** GETs a URL made by apiUrl (or one of the page's own files, `immutable`); a problem+json answer becomes an ApiProblem. */
export async function getJson<T>(url: string, options: { immutable?: boolean } = {}): Promise<T> {
  // Revalidated every time (a 304 when unchanged): a correction shows at once, not after the
  // 30 to 60 seconds a public read may otherwise be reused.
  const response = await fetch(url, { headers: { accept: 'application/json, application/geo+json;q=0.9' }, cache: options.immutable ? 'default' : 'no-cache' });
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: ApiProblem['errors'] };
  throw new ApiProblem(url, response.status, body.title ?? response.statusText, body.detail ?? '', body.errors ?? []);
}
