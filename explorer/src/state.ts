// The page's state is its URL. Filter names and values are the API's own (from, to, tz, kind,
// status, country, admin1, place, actor, source, q), passed through unchanged, so a shared link
// reopens the same view and each panel's "API" link is that query on its endpoint. A few names
// choose how the page draws (bucket, category, size, layer) or which event it shows (event).
import { EVENT_KINDS, EVENT_STATUSES, WEAPON_CATEGORIES } from '../../src/domain/vocabulary.js';
import type { Query } from './api.js';

export const FILTERS = ['from', 'to', 'tz', 'kind', 'status', 'country', 'admin1', 'place', 'actor', 'source', 'q'] as const;
const MULTI = new Set(['kind', 'status', 'admin1', 'place']);
/** The filters /v1/stats/* take; status, source and q narrow lists but not the statistics. */
export const STATS_FILTERS = ['from', 'to', 'tz', 'kind', 'country', 'admin1', 'place', 'actor'] as const;

export type Bucket = NonNullable<Query<'/v1/stats/munitions'>['bucket']>;
export const CHART_BUCKETS = ['day', 'week', 'month', 'year'] as const satisfies readonly Bucket[];
export const SIZES = ['launched', 'killed'] as const;
export const LAYERS = ['events', 'admin1'] as const;
export const CATEGORIES = ['all', ...WEAPON_CATEGORIES] as const;
export { EVENT_KINDS, EVENT_STATUSES };

export type Filters = {
  from: string;
  to: string;
  tz: string;
  kind: string[];
  status: string[];
  country: string;
  admin1: string[];
  place: string[];
  actor: string;
  source: string;
  q: string;
};

export type View = {
  filters: Filters;
  bucket: (typeof CHART_BUCKETS)[number];
  category: (typeof CATEGORIES)[number];
  size: (typeof SIZES)[number];
  layer: (typeof LAYERS)[number];
  event: string;
};

/**
 * What the page opens on without parameters: July 2025 in Kyiv time, the month of the night of
 * 3–4 July that the first dataset is about.
 */
export const DEFAULT_VIEW: View = {
  filters: { from: '2025-07-01', to: '2025-07-31', tz: 'Europe/Kyiv', kind: [], status: [], country: '', admin1: [], place: [], actor: '', source: '', q: '' },
  bucket: 'day',
  category: 'all',
  size: 'launched',
  layer: 'events',
  event: '',
};

const PAGE_NAMES = ['bucket', 'category', 'size', 'layer', 'event'] as const;
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T | null =>
  value === null ? fallback : (values as readonly string[]).includes(value) ? (value as T) : null;

export type Parsed = { view: View; refused: string[] };

/** Reads the page's URL; names or values the page does not know are refused by name, never dropped. */
export function parseView(search: string): Parsed {
  const params = new URLSearchParams(search);
  const refused: string[] = [];
  const known = new Set<string>([...FILTERS, ...PAGE_NAMES]);
  for (const name of new Set(params.keys())) if (!known.has(name)) refused.push(`${name}: is not a parameter of this page or of the API's event filters`);
  // Without any filter the default view; with some, only what the URL says (an empty `from` is the whole record).
  const anyFilter = FILTERS.some((name) => params.has(name));
  const base = anyFilter ? { ...DEFAULT_VIEW.filters, from: '', to: '' } : DEFAULT_VIEW.filters;
  const filters = { ...base };
  for (const name of FILTERS) {
    const values = params.getAll(name).flatMap((value) => (MULTI.has(name) ? value.split(',') : [value])).map((value) => value.trim()).filter(Boolean);
    if (!values.length) continue;
    if (MULTI.has(name)) (filters[name] as string[]) = [...new Set(values)];
    else if (values.length > 1) refused.push(`${name}: is repeated; give it once`);
    else (filters[name] as string) = values[0]!;
  }
  const page = (name: (typeof PAGE_NAMES)[number]) => params.get(name);
  const pick = <T extends string>(name: (typeof PAGE_NAMES)[number], values: readonly T[], fallback: T): T => {
    const value = oneOf(values, page(name), fallback);
    if (value === null) refused.push(`${name}: must be one of ${values.join(', ')}`);
    return value ?? fallback;
  };
  const view: View = {
    filters,
    bucket: pick('bucket', CHART_BUCKETS, DEFAULT_VIEW.bucket),
    category: pick('category', CATEGORIES, DEFAULT_VIEW.category),
    size: pick('size', SIZES, DEFAULT_VIEW.size),
    layer: pick('layer', LAYERS, DEFAULT_VIEW.layer),
    event: page('event') ?? '',
  };
  return { view, refused };
}

/** The page's URL for a view: its filters (all of them, so a link keeps meaning the same), then page choices that differ from the defaults. */
export function viewSearch(view: View): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = view.filters[name];
    for (const item of Array.isArray(value) ? value : [value]) if (item) params.append(name, item);
  }
  for (const name of ['bucket', 'category', 'size', 'layer'] as const) if (view[name] !== DEFAULT_VIEW[name]) params.set(name, view[name]);
  if (view.event) params.set('event', view.event);
  const text = params.toString().replaceAll('+', '%20');
  return text ? `?${text}` : '';
}

type FilterQuery = Partial<Record<(typeof FILTERS)[number], string | string[]>>;

/** The view's filters as the query of /v1/events, /v1/timeline and the exports. */
export function eventQuery(filters: Filters): FilterQuery {
  return pickFilters(filters, FILTERS);
}

/** The view's filters as the query of /v1/stats/*. */
export function statsQuery(filters: Filters): FilterQuery {
  return pickFilters(filters, STATS_FILTERS);
}

/** Filters set in the view that the statistics do not take, so the page can say the charts ignore them. */
export function ignoredByStats(filters: Filters): string[] {
  return FILTERS.filter((name) => !(STATS_FILTERS as readonly string[]).includes(name) && filled(filters[name]));
}

const filled = (value: string | string[]) => (Array.isArray(value) ? value.length > 0 : value !== '');

function pickFilters(filters: Filters, names: readonly (typeof FILTERS)[number][]): FilterQuery {
  const query: FilterQuery = {};
  for (const name of names) if (filled(filters[name])) query[name] = filters[name];
  return query;
}
