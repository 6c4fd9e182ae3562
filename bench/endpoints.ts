// What `npm run bench` measures: one entry per endpoint, in the order they run. To measure another
// endpoint, add an entry here. `prepare` runs against the started server before the measurement
// and returns the requests autocannon cycles through (each connection walks the list in turn),
// or a reason to skip.
import type { Request as CannonRequest } from 'autocannon';

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
  prepare: (base: string) => Promise<Prepared | { skip: string }>;
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

/** About `count` event ids spread over the whole record: list pages starting at several dates. */
async function sampleEventIds(base: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (const from of ['2022-01-01', '2022-10-01', '2023-06-01', '2024-03-01', '2024-11-01', '2025-06-01']) {
    const { status, body } = await get(base, `/v1/events?limit=500&from=${from}`);
    if (status === 200) ids.push(...body.data.map((e: { id: string }) => e.id));
  }
  const unique = [...new Set(ids)];
  const step = Math.max(1, Math.floor(unique.length / count));
  return unique.filter((_, i) => i % step === 0).slice(0, count);
}

const DEEP_LIST = '/v1/events?kind=aerial_attack&from=2023-01-01&to=2024-12-31&limit=50';
const DEEP_PAGES = 400;

export const ENDPOINTS: BenchEndpoint[] = [
  {
    name: 'bare fastify GET / (ceiling)',
    server: 'bare',
    prepare: async () => ({ requests: requestsFor(['/']), expect: '2xx' }),
  },
  {
    name: 'GET /v1/events/{id}',
    server: 'sitrep',
    prepare: async (base) => {
      const ids = await sampleEventIds(base, 100);
      if (!ids.length) return { skip: 'no events in the database' };
      return { requests: requestsFor(ids.map((id) => `/v1/events/${id}`)), expect: '2xx', note: `${ids.length} ids in turn` };
    },
  },
  {
    name: 'GET /v1/events/{id} If-None-Match (304)',
    server: 'sitrep',
    prepare: async (base) => {
      const ids = await sampleEventIds(base, 100);
      const requests: CannonRequest[] = [];
      for (const id of ids) {
        const { status, etag } = await get(base, `/v1/events/${id}`);
        if (status === 200 && etag) requests.push({ method: 'GET', path: `/v1/events/${id}`, headers: { 'if-none-match': etag } });
      }
      if (!requests.length) return { skip: 'no event answered with an ETag' };
      return { requests, expect: '3xx', note: `${requests.length} ids, each with its current ETag` };
    },
  },
  {
    name: 'GET /v1/events kind+range, deep cursor',
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
    name: 'GET /v1/events?q= (full text)',
    server: 'sitrep',
    prepare: async () => ({
      requests: requestsFor(['Kharkiv', 'Odesa', 'Shahed*', 'Kyiv', 'Zaporizhzhia', 'ballistic'].map((q) => `/v1/events?q=${encodeURIComponent(q)}&limit=50`)),
      expect: '2xx',
      note: '6 queries in turn, limit 50',
    }),
  },
  {
    name: 'GET /v1/timeline?bucket=day',
    server: 'sitrep',
    prepare: async (base) => (await unlessMissing(base, '/v1/timeline?bucket=day')) ?? { requests: requestsFor(['/v1/timeline?bucket=day']), expect: '2xx' },
  },
  {
    name: 'GET /v1/events.csv (export page)',
    server: 'sitrep',
    prepare: async (base) => {
      // Pages of 100 from several points of the record, each with its headline figures.
      const paths = ['2022-03-01', '2023-01-01', '2024-01-01', '2025-01-01'].map((from) => `/v1/events.csv?limit=100&from=${from}`);
      const { status } = await get(base, paths[0]!);
      if (status !== 200) return { skip: `CSV export answered ${status}` };
      return { requests: requestsFor(paths), expect: '2xx', note: '4 pages of 100 in turn' };
    },
  },
  {
    name: 'GET /v1/stats/casualties?bucket=month',
    server: 'sitrep',
    prepare: async (base) =>
      (await unlessMissing(base, '/v1/stats/casualties?bucket=month')) ?? { requests: requestsFor(['/v1/stats/casualties?bucket=month']), expect: '2xx' },
  },
  {
    name: 'GET /v1/stats/munitions?bucket=month',
    server: 'sitrep',
    prepare: async (base) =>
      (await unlessMissing(base, '/v1/stats/munitions?bucket=month')) ?? { requests: requestsFor(['/v1/stats/munitions?bucket=month']), expect: '2xx' },
  },
];
