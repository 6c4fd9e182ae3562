// What the benchmark asks for, drawn from the served file itself (read-only, before the server
// starts) with a seeded generator, so every run of one file asks the same questions: event ids
// spread uniformly over the whole record and drawn again with a Zipf skew, and list, timeline and
// statistics URLs for every documented filter, alone and combined, at dates across the record.
import Database from 'better-sqlite3';

export type Sample = {
  events: number;
  /** Ids drawn uniformly over every event. */
  uniformIds: string[];
  /** Requests drawn from the same ids with a Zipf skew (s = 1): a few ids are asked for often. */
  zipfIds: string[];
  /** Every documented list filter and combination, each with its variants (URLs of /v1/events). */
  filters: Array<{ name: string; urls: string[] }>;
  timeline: string[];
  casualtyStats: string[];
  munitionStats: string[];
  csv: string[];
};

/** mulberry32: small, fast and seeded. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` draws of ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s, by inverting the cumulative sum. */
function zipfDraws(n: number, count: number, s: number, rnd: () => number): number[] {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += 1 / (k + 1) ** s;
  return Array.from({ length: count }, () => {
    const target = rnd() * sum;
    let [lo, hi] = [0, n - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
}

const q = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export function sampleWorkload(path: string, seed = 1, idCount = 10_000): Sample {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rnd = random(seed);
    const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
    const events = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    const maxRowid = db.prepare('SELECT max(rowid) FROM events').pluck().get() as number;
    const byRowid = db.prepare('SELECT id FROM events WHERE rowid >= ? ORDER BY rowid LIMIT 1').pluck();
    const uniform = new Set<string>();
    const want = Math.min(idCount, events);
    while (uniform.size < want) uniform.add(byRowid.get(1 + Math.floor(rnd() * maxRowid)) as string);
    const uniformIds = [...uniform];
    const zipfIds = zipfDraws(uniformIds.length, idCount, 1, rnd).map((rank) => uniformIds[rank]!);

    const [first, last] = db.prepare('SELECT min(start_at), max(start_at) FROM events').raw().get() as [string, string];
    const [t0, t1] = [Date.parse(first), Date.parse(last)];
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const anyDay = () => day(t0 + rnd() * (t1 - t0));
    const anyMonth = () => {
      const start = day(t0 + rnd() * (t1 - t0)).slice(0, 8) + '01';
      const end = new Date(Date.parse(start) + 31 * 86_400_000).toISOString().slice(0, 8) + '01';
      return { from: start, to: day(Date.parse(end) - 86_400_000) };
    };
    const anyYear = () => {
      const year = new Date(t0 + rnd() * (t1 - t0)).getUTCFullYear();
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    };

    const column = (sql: string) => db.prepare(sql).pluck().all() as string[];
    const kinds = column('SELECT DISTINCT kind FROM events ORDER BY kind');
    const statuses = column('SELECT DISTINCT status FROM events ORDER BY status');
    const countries = column('SELECT country FROM events WHERE country IS NOT NULL GROUP BY country ORDER BY count(*) DESC');
    // Common and rare: the most and least used of each, so both ways of filtering are asked for.
    const ranked = (sql: string) => {
      const all = column(sql);
      return [...all.slice(0, 3), ...all.slice(-3)].filter((v, i, a) => v && a.indexOf(v) === i);
    };
    const actors = ranked('SELECT actor_id FROM event_actors GROUP BY actor_id ORDER BY count(*) DESC');
    const sources = ranked('SELECT source_id FROM citations GROUP BY source_id ORDER BY count(*) DESC');
    const admin1s = ranked('SELECT admin1 FROM event_places WHERE admin1 IS NOT NULL GROUP BY admin1 ORDER BY count(*) DESC');
    const towns = ranked("SELECT name FROM event_places WHERE geo_precision = 'settlement' GROUP BY name ORDER BY count(*) DESC");
    const points = db
      .prepare('SELECT latitude, longitude FROM event_places WHERE latitude IS NOT NULL AND rowid % 997 = 0 LIMIT 50')
      .raw()
      .all() as Array<[number, number]>;
    const point = (): [number, number] => (points.length ? pick(points) : [50.45, 30.52]);
    const words = [...towns.slice(0, 3), 'Shahed*', 'ballistic', 'drone', 'Kiev', 'missile strike'];

    const list = (params: Record<string, string | number | undefined>) => `/v1/events?${q({ limit: 50, ...params })}`;
    const variants = (n: number, make: () => Record<string, string | number | undefined>) => Array.from({ length: n }, () => list(make()));
    const bbox = () => {
      const [lat, lon] = point();
      return `${(lon - 0.4).toFixed(2)},${(lat - 0.3).toFixed(2)},${(lon + 0.4).toFixed(2)},${(lat + 0.3).toFixed(2)}`;
    };
    const near = () => {
      const [lat, lon] = point();
      return `${lat.toFixed(3)},${lon.toFixed(3)}`;
    };
    const sort = () => (rnd() < 0.5 ? 'start_at' : '-start_at');
    const filters: Sample['filters'] = [
      { name: 'no filter, newest first', urls: [list({ sort: '-start_at' }), list({})] },
      { name: 'from', urls: variants(10, () => ({ from: anyDay() })) },
      { name: 'from + to (a month)', urls: variants(10, () => ({ ...anyMonth(), sort: sort() })) },
      { name: 'range=overlaps', urls: variants(10, () => ({ ...anyMonth(), range: 'overlaps' })) },
      { name: 'tz (dates as Kyiv days)', urls: variants(10, () => ({ ...anyMonth(), tz: 'Europe/Kyiv' })) },
      { name: 'kind', urls: kinds.map((kind) => list({ kind, sort: sort() })) },
      { name: 'kind + from (the peer\'s list)', urls: variants(10, () => ({ kind: pick(kinds), from: anyDay(), sort: '-start_at' })) },
      { name: 'status', urls: statuses.map((status) => list({ status, sort: sort() })) },
      { name: 'country', urls: countries.map((country) => list({ country, sort: sort() })) },
      { name: 'actor', urls: actors.map((actor) => list({ actor, sort: sort() })) },
      { name: 'source', urls: sources.map((source) => list({ source, sort: sort() })) },
      { name: 'admin1', urls: admin1s.map((admin1) => list({ admin1, sort: sort() })) },
      { name: 'place', urls: towns.map((place) => list({ place, sort: sort() })) },
      { name: 'bbox', urls: variants(10, () => ({ bbox: bbox() })) },
      { name: 'near + within_km', urls: variants(10, () => ({ near: near(), within_km: 25 })) },
      { name: 'place_role=launch_site', urls: variants(4, () => ({ place_role: 'launch_site', sort: sort() })) },
      { name: 'q', urls: words.map((word) => list({ q: word })) },
      { name: 'kind + from + to', urls: variants(10, () => ({ kind: pick(kinds), ...anyMonth() })) },
      { name: 'kind + country', urls: variants(10, () => ({ kind: pick(kinds), country: pick(countries) })) },
      { name: 'kind + admin1', urls: variants(10, () => ({ kind: pick(kinds), admin1: pick(admin1s) })) },
      { name: 'status + country', urls: variants(10, () => ({ status: pick(statuses), country: pick(countries) })) },
      { name: 'actor + kind', urls: variants(10, () => ({ actor: pick(actors), kind: pick(kinds) })) },
      { name: 'source + from + to', urls: variants(10, () => ({ source: pick(sources), ...anyMonth() })) },
      { name: 'admin1 + from + to', urls: variants(10, () => ({ admin1: pick(admin1s), ...anyMonth() })) },
      { name: 'near + kind', urls: variants(10, () => ({ near: near(), within_km: 50, kind: pick(kinds) })) },
      { name: 'q + from + to', urls: variants(10, () => ({ q: pick(words), ...anyYear() })) },
      { name: 'q + kind', urls: variants(10, () => ({ q: pick(words), kind: pick(kinds) })) },
    ];

    const buckets = ['day', 'week', 'month'];
    const timeline = Array.from({ length: 40 }, () => `/v1/timeline?${q({ ...anyMonth(), bucket: pick(buckets), tz: rnd() < 0.5 ? 'Europe/Kyiv' : undefined, limit: 100 })}`);
    const statsUrl = (kind: 'casualties' | 'munitions') => () => {
      const span = rnd() < 0.3 ? {} : rnd() < 0.5 ? anyYear() : anyMonth();
      return `/v1/stats/${kind}?${q({ ...span, bucket: pick(['day', 'week', 'month']), kind: rnd() < 0.3 ? 'aerial_attack' : undefined, country: rnd() < 0.2 ? 'UA' : undefined })}`;
    };
    return {
      events,
      uniformIds,
      zipfIds,
      filters,
      timeline,
      casualtyStats: Array.from({ length: 40 }, statsUrl('casualties')),
      munitionStats: Array.from({ length: 40 }, statsUrl('munitions')),
      csv: Array.from({ length: 40 }, () => `/v1/events.csv?${q({ from: anyDay(), limit: 100 })}`),
    };
  } finally {
    db.close();
  }
}
