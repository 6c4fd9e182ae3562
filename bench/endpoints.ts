// What `npm run bench` measures: one entry per endpoint, in the order they run. To measure another
// endpoint, add an entry here. `prepare` runs against the started server before the measurement
// and returns the requests autocannon cycles through (each connection walks the list in turn),
// or a reason to skip.
import type { Request as CannonRequest } from 'autocannon';
import type { Sample } from './workload.js';

export type Prepared = {
  requests: CannonRequest[];
  /** The status class a correct answer has; anything else counts as an error in the table. */
  expect: '2xx' | '3xx';
  note?: string;
};

export type BenchEndpoint = {
  name: string;
  /** `bare`: the one-route fastify ceiling; `sitrep`: the API on each prepared dataset. */
  server: 'bare' | 'sitrep';
  /** `sample`: ids and URLs drawn from the served file (bench/workload.ts). */
  prepare: (base: string, sample: Sample) => Promise<Prepared | { skip: string }>;
};

/** How long preparation may walk pages before it uses what it has. */
const WALK_LIMIT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 60_000;

async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | null; body: any }> {
  const response = await fetch(base + path, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, etag: response.headers.get('etag'), body };
}

const requestsFor = (paths: string[]): CannonRequest[] => paths.map((path) => ({ method: 'GET', path }));

/** Answers `skip` when the route is not there yet (another change adds it). */
async function unlessMissing(base: string, path: string): Promise<{ skip: string } | null> {
  const { status } = await get(base, path);
  return status === 404 ? { skip: `${path.split('?')[0]} answers 404: route not available in this build` } : null;
}

const DEEP_LIST = '/v1/events?kind=aerial_attack&from=2023-01-01&to=2024-12-31&limit=50';
const DEEP_PAGES = 400;

/** The peer's list (../shared/peer/bench.js): one kind from a date, newest first, 50 rows. */
export const PEER_EQUIVALENT_LIST = '/v1/events?kind=aerial_attack&from=2025-01-01&sort=-start_at&limit=50';

export const ENDPOINTS: BenchEndpoint[] = [
  {
    name: 'bare fastify GET / (ceiling)',
    server: 'bare',
    prepare: async () => ({ requests: requestsFor(['/']), expect: '2xx' }),
  },
  {
    name: 'event by id, uniform',
    server: 'sitrep',
    prepare: async (_base, sample) =>
      sample.uniformIds.length
        ? { requests: requestsFor(sample.uniformIds.map((id) => `/v1/events/${id}`)), expect: '2xx', note: `${sample.uniformIds.length.toLocaleString('en')} ids over all events, in turn` }
        : { skip: 'no events in the database' },
  },
  {
    name: 'event by id, Zipf',
    server: 'sitrep',
    prepare: async (_base, sample) =>
      sample.zipfIds.length
        ? { requests: requestsFor(sample.zipfIds.map((id) => `/v1/events/${id}`)), expect: '2xx', note: `${sample.zipfIds.length.toLocaleString('en')} draws, s = 1` }
        : { skip: 'no events in the database' },
  },
  {
    name: 'event by id, If-None-Match (304)',
    server: 'sitrep',
    prepare: async (base, sample) => {
      const requests: CannonRequest[] = [];
      for (const id of sample.uniformIds.slice(0, 1_000)) {
        const { status, etag } = await get(base, `/v1/events/${id}`);
        if (status === 200 && etag) requests.push({ method: 'GET', path: `/v1/events/${id}`, headers: { 'if-none-match': etag } });
      }
      if (!requests.length) return { skip: 'no event answered with an ETag' };
      return { requests, expect: '3xx', note: `${requests.length} ids, each with its current ETag` };
    },
  },
  {
    name: 'list, kind + from (the peer\'s list)',
    server: 'sitrep',
    prepare: async () => ({ requests: requestsFor([PEER_EQUIVALENT_LIST]), expect: '2xx', note: 'one URL, 50 rows' }),
  },
  {
    name: 'list, every filter and combination',
    server: 'sitrep',
    prepare: async (_base, sample) => {
      const urls = sample.filters.flatMap((f) => f.urls);
      return { requests: requestsFor(urls), expect: '2xx', note: `${urls.length} URLs, ${sample.filters.length} filters, in turn` };
    },
  },
  {
    name: 'list, kind + range, deep cursors',
    server: 'sitrep',
    prepare: async (base) => {
      // Walk the pages first; measure the last pages reached, each by its own cursor.
      const cursors: string[] = [];
      let cursor: string | null = null;
      const started = Date.now();
      for (let page = 0; page < DEEP_PAGES && Date.now() - started < WALK_LIMIT_MS; page++) {
        const { status, body }: { status: number; body: any } = await get(base, cursor ? `${DEEP_LIST}&cursor=${encodeURIComponent(cursor)}` : DEEP_LIST);
        if (status !== 200 || !body.next_cursor) break;
        cursor = body.next_cursor;
        cursors.push(cursor!);
      }
      const deepest = cursors.slice(-50);
      const paths = deepest.length ? deepest.map((c) => `${DEEP_LIST}&cursor=${encodeURIComponent(c)}`) : [DEEP_LIST];
      return { requests: requestsFor(paths), expect: '2xx', note: `pages ${cursors.length - deepest.length + 1}–${cursors.length + 1} of 50` };
    },
  },
  {
    name: 'timeline, months across the record',
    server: 'sitrep',
    prepare: async (base, sample) => (await unlessMissing(base, sample.timeline[0]!)) ?? { requests: requestsFor(sample.timeline), expect: '2xx', note: `${sample.timeline.length} URLs` },
  },
  {
    name: 'CSV export pages',
    server: 'sitrep',
    prepare: async (_base, sample) => ({ requests: requestsFor(sample.csv), expect: '2xx', note: `${sample.csv.length} pages of 100 from dates across the record` }),
  },
  {
    name: 'casualty statistics across ranges',
    server: 'sitrep',
    prepare: async (base, sample) => (await unlessMissing(base, sample.casualtyStats[0]!)) ?? { requests: requestsFor(sample.casualtyStats), expect: '2xx', note: `${sample.casualtyStats.length} URLs` },
  },
  {
    name: 'munition statistics across ranges',
    server: 'sitrep',
    prepare: async (base, sample) => (await unlessMissing(base, sample.munitionStats[0]!)) ?? { requests: requestsFor(sample.munitionStats), expect: '2xx', note: `${sample.munitionStats.length} URLs` },
  },
];

export type FilterLatency = { filter: string; requests: number; p50_ms: number; p99_ms: number; max_ms: number; slowest: string; failures: number };

/**
 * Each documented filter and combination, one request at a time (no other load), each URL three
 * times: what one client waits when nothing is cached.
 */
export async function filterLatencies(base: string, sample: Sample): Promise<FilterLatency[]> {
  const rows: FilterLatency[] = [];
  for (const { name, urls } of sample.filters) {
    const times: Array<{ ms: number; url: string }> = [];
    let failures = 0;
    for (let round = 0; round < 3; round++) {
      for (const url of urls) {
        const started = performance.now();
        const response = await fetch(base + url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await response.arrayBuffer();
        times.push({ ms: performance.now() - started, url });
        if (response.status !== 200) failures++;
      }
    }
    times.sort((a, b) => a.ms - b.ms);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!.ms;
    rows.push({
      filter: name,
      requests: times.length,
      p50_ms: Math.round(at(0.5) * 10) / 10,
      p99_ms: Math.round(at(0.99) * 10) / 10,
      max_ms: Math.round(times.at(-1)!.ms * 10) / 10,
      slowest: times.at(-1)!.url,
      failures,
    });
  }
  return rows;
}
