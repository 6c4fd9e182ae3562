// `npm run bench [-- --events N --duration S --warmup S --connections C --seed N --cache-mb M --no-peer]`:
// prepares the benchmark databases, starts a bare fastify ceiling, the peer (Platformatic DB, when
// installed: bench/peer.ts) and sitrep as child processes on 127.0.0.1, and drives each endpoint of
// bench/endpoints.ts with autocannon against sitrep twice, with its response cache off and on,
// with ids and URLs drawn across the whole file (bench/workload.ts). With the cache off it also
// times every documented list filter one request at a time. Prints and saves the results
// (bench-results/<timestamp>.json). Takes 10–15 minutes; not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { statsAfterWrites } from './after-write.js';
import { airForceDataset, syntheticDataset, type Dataset } from './datasets.js';
import { ENDPOINTS, PEER_EQUIVALENT_LIST, filterLatencies, type BenchEndpoint, type FilterLatency, type Prepared } from './endpoints.js';
import { PEER_LIST, startPeer } from './peer.js';
import { sampleWorkload, type Sample } from './workload.js';
import { ROOT, sampleRss, settle, startServer, stopServer, type ChildServer } from './servers.js';

const RESULTS_DIR = resolve(ROOT, 'bench-results');
const UNREACHABLE_BUDGET = 1_000_000_000;

type Options = { events: number; seed: number; duration: number; warmup: number; connections: number; cacheMb: number; peer: boolean };

type Row = {
  dataset: string;
  endpoint: string;
  /** sitrep's response cache in this measurement; null for the ceiling and the peer. */
  cache: 'off' | 'on' | null;
  skipped?: string;
  note?: string;
  requests_per_second?: number;
  p50_ms?: number;
  p99_ms?: number;
  /** Answers outside the expected status class, socket errors, timeouts, and requests never answered. */
  errors?: number;
  /** Requests sent but not answered by the end of the run (at most one per connection is normal). */
  unanswered?: number;
  status_counts?: Record<string, number>;
  socket_errors?: number;
  timeouts?: number;
  ratio_to_ceiling?: number | null;
  max_rss_mb?: number | null;
};

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      // sitrep's RESPONSE_CACHE_MB; 0 measures every request answered from the database.
      'cache-mb': { type: 'string', default: '32' },
      // Leave out the peer even when it is installed.
      'no-peer': { type: 'boolean', default: false },
    },
  });
  const number = (name: keyof typeof values, min: number, max: number) => {
    const value = Number(String(values[name]).replaceAll('_', ''));
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return value;
  };
  return {
    events: number('events', 1, 100_000_000),
    seed: number('seed', -(2 ** 31), 2 ** 31 - 1),
    // Bounded, so a run always ends by itself.
    duration: number('duration', 1, 600),
    warmup: number('warmup', 0, 60),
    connections: number('connections', 1, 1000),
    cacheMb: number('cache-mb', 1, 4096),
    peer: !values['no-peer'],
  };
}

const log = (line: string) => console.log(line);

async function measure(
  server: Pick<ChildServer, 'base'> & { pid: number | undefined },
  endpoint: Pick<BenchEndpoint, 'name' | 'prepare'>,
  dataset: string,
  cache: Row['cache'],
  sample: Sample | null,
  options: Options,
): Promise<Row> {
  const row: Row = { dataset, endpoint: endpoint.name, cache };
  let prepared: Prepared | { skip: string };
  try {
    prepared = await endpoint.prepare(server.base, sample!);
  } catch (error) {
    return { ...row, skipped: `preparation failed: ${(error as Error).message}` };
  }
  if ('skip' in prepared) return { ...row, skipped: prepared.skip };
  const common = { url: server.base, connections: options.connections, requests: prepared.requests, timeout: 30 };
  log(`  ${endpoint.name}${cache ? `, cache ${cache}` : ''}${prepared.note ? ` (${prepared.note})` : ''}: ${options.warmup} s warm-up, ${options.duration} s measured`);
  if (options.warmup > 0) await autocannon({ ...common, duration: options.warmup });
  const rss = server.pid ? sampleRss(server.pid) : { stop: () => null };
  const result = await autocannon({ ...common, duration: options.duration });
  const maxRss = rss.stop();
  await settle(server.base);
  const counts: Record<string, number> = { '1xx': result['1xx'], '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] };
  const unexpected = Object.entries(counts).reduce((sum, [status, count]) => (status === prepared.expect ? sum : sum + count), 0);
  // Each connection may have one request in flight when the run stops; more than that were
  // queued and never answered, which is a failure even though autocannon reports no error.
  const unanswered = Math.max(0, result.requests.sent - result.requests.total);
  const stuck = Math.max(0, unanswered - options.connections);
  return {
    ...row,
    note: prepared.note,
    requests_per_second: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: unexpected + result.errors + result.timeouts + stuck,
    unanswered,
    status_counts: counts,
    socket_errors: result.errors,
    timeouts: result.timeouts,
    max_rss_mb: maxRss === null ? null : Math.round(maxRss / 1024 / 1024),
  };
}

const AFTER_WRITE = 'GET /v1/stats/munitions?bucket=month, first after a write';

/** One request at a time, each the first after another process wrote (bench/after-write.ts). */
async function measureAfterWrites(server: ChildServer, dataset: Dataset): Promise<Row> {
  const row: Row = { dataset: dataset.name, endpoint: AFTER_WRITE, cache: 'on' };
  log(`  ${AFTER_WRITE}: 20 writes and 20 deletions, one request after each`);
  try {
    const result = await statsAfterWrites(server.base, dataset.path, 20);
    return { ...row, note: `sequential; max ${result.max_ms} ms; ${result.wrong_answers} wrong totals`, p50_ms: result.p50_ms, p99_ms: result.p99_ms, errors: result.wrong_answers };
  } catch (error) {
    return { ...row, skipped: `failed: ${(error as Error).message}` };
  }
}

/** One line per endpoint: the cache-off and cache-on measurements side by side. */
function formatTable(rows: Row[]): string {
  const header = ['dataset', 'endpoint', 'off req/s', 'p50', 'p99', 'on req/s', 'p50', 'p99', 'errors', 'max RSS MB', 'vs ceiling (off/on)'];
  const keys = [...new Set(rows.map((r) => `${r.dataset}\u0000${r.endpoint}`))];
  const cells = (r: Row | undefined) =>
    !r ? ['', '', ''] : r.skipped ? ['skipped', '', ''] : [r.requests_per_second === undefined ? 'seq.' : String(r.requests_per_second), String(r.p50_ms), String(r.p99_ms)];
  const percent = (r: Row | undefined) => (r?.ratio_to_ceiling == null ? '–' : `${(r.ratio_to_ceiling * 100).toFixed(1)} %`);
  const body = keys.map((key) => {
    const [dataset, endpoint] = key.split('\u0000') as [string, string];
    const of = rows.filter((r) => r.dataset === dataset && r.endpoint === endpoint);
    const off = of.find((r) => r.cache !== 'on');
    const on = of.find((r) => r.cache === 'on');
    const skipped = of.find((r) => r.skipped)?.skipped;
    return [
      dataset,
      endpoint,
      ...cells(off),
      ...cells(on),
      String(of.reduce((sum, r) => sum + (r.errors ?? 0), 0)),
      String(Math.max(0, ...of.map((r) => r.max_rss_mb ?? 0)) || ''),
      skipped ? skipped : `${percent(off)} / ${percent(on)}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (i === header.length - 1 ? 0 : b[i]!.length))));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : i >= 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function formatFilters(rows: FilterLatency[]): string {
  const header = ['filter (cache off, one request at a time)', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'not 200'];
  const body = rows.map((r) => [r.filter, String(r.requests), String(r.p50_ms), String(r.p99_ms), String(r.max_ms), String(r.failures)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The issue's targets, checked against this run's synthetic rows (cache off unless said). */
function targetLines(rows: Row[], filters: FilterLatency[], startup: Record<string, number>): string[] {
  const synthetic = rows.filter((r) => r.dataset === 'synthetic' && !r.skipped);
  const find = (endpoint: string, cache: Row['cache']) => synthetic.find((r) => r.endpoint === endpoint && r.cache === cache);
  const peer = (endpoint: string) => rows.find((r) => r.dataset === 'peer' && r.endpoint === endpoint && !r.skipped);
  const atLeastPeer = (ours: string, theirs: string) => {
    const [a, b] = [find(ours, 'off'), peer(theirs)];
    if (!a || !b) return null;
    const ratio = (a.requests_per_second ?? 0) / (b.requests_per_second || 1);
    return { ok: ratio >= 1, value: `${a.requests_per_second} vs ${b.requests_per_second} req/s (${ratio.toFixed(2)} ×)` };
  };
  const listP99 = ['list, kind + from (the peer\'s list)', 'list, every filter and combination', 'list, kind + range, deep cursors'].map((e) => find(e, 'off')).filter((r) => r);
  const worstList = Math.max(...listP99.map((r) => r!.p99_ms ?? Infinity));
  const worstFilter = filters.reduce<FilterLatency | null>((w, f) => (!w || f.p99_ms > w.p99_ms ? f : w), null);
  const maxRss = Math.max(...synthetic.map((r) => r.max_rss_mb ?? 0));
  const errors = synthetic.reduce((sum, r) => sum + (r.errors ?? 0), 0);
  const after = find(AFTER_WRITE, 'on');
  const checks: Array<[string, { ok: boolean; value: string } | null]> = [
    ['event by id, uncached, >= the peer', atLeastPeer('event by id, uniform', 'peer: one event by id')],
    ['list page, uncached, >= the peer', atLeastPeer('list, kind + from (the peer\'s list)', 'peer: list, kind + from')],
    ['list p99, uncached, <= 100 ms (every list line)', listP99.length ? { ok: worstList <= 100, value: `worst ${worstList} ms` } : null],
    [
      'every filter, one uncached request, p99 <= 20 ms',
      worstFilter ? { ok: worstFilter.p99_ms <= 20 && filters.every((f) => f.failures === 0), value: `worst ${worstFilter.filter}: ${worstFilter.p99_ms} ms` } : null,
    ],
    ['statistics correct right after a write (first request p99)', after ? { ok: after.errors === 0, value: `${after.errors} wrong, p99 ${after.p99_ms} ms` } : null],
    ['zero errors', { ok: errors === 0, value: String(errors) }],
    ['server RSS <= 200 MB under load', { ok: maxRss <= 200, value: `${maxRss} MB` }],
    ['start-up to /readyz <= 1 s', startup.synthetic === undefined ? null : { ok: startup.synthetic <= 1000, value: `${startup.synthetic} ms` }],
  ];
  return ['targets (synthetic dataset):', ...checks.map(([name, check]) => `  ${check ? (check.ok ? 'met    ' : 'NOT met') : 'n/a    '}  ${name}${check ? `: ${check.value}` : ''}`)];
}

async function main(): Promise<void> {
  const options = parseOptions();
  const startedAt = new Date();
  log(`sitrep bench: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`);
  log(`options: ${JSON.stringify(options)}`);

  // sitrep is measured as `npm start` serves it: the bundle `npm run build` writes.
  log('building: npm run build');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);

  const datasets: Dataset[] = [syntheticDataset(options.events, options.seed, log)];
  const airforce = await airForceDataset(log);
  if (airforce) datasets.push(airforce);

  const rows: Row[] = [];
  const filters: Record<string, FilterLatency[]> = {};
  const startup: Record<string, number> = {};

  const bare = await startServer('bare fastify', 'bench/bare-server.ts', {});
  startup.bare = Math.round(bare.startupMs);
  log(`bare fastify: ready in ${startup.bare} ms`);
  try {
    for (const endpoint of ENDPOINTS.filter((e) => e.server === 'bare')) rows.push(await measure({ base: bare.base, pid: bare.child.pid }, endpoint, '-', null, null, options));
  } finally {
    await stopServer(bare);
  }
  const ceiling = rows.find((r) => r.requests_per_second)?.requests_per_second ?? null;

  const peer = options.peer ? startPeer(options.events, log) : (log('peer: left out (--no-peer)'), null);
  if (peer) {
    log(`peer: Platformatic DB on ${peer.file}, ${peer.ids.length.toLocaleString('en')} ids`);
    try {
      const byId = { name: 'peer: one event by id', prepare: async () => ({ requests: peer.ids.map((id) => ({ method: 'GET' as const, path: `/events/${id}` })), expect: '2xx' as const, note: `${peer.ids.length} ids in turn` }) };
      const list = { name: 'peer: list, kind + from', prepare: async () => ({ requests: [{ method: 'GET' as const, path: PEER_LIST }], expect: '2xx' as const, note: `${PEER_LIST}; sitrep's equivalent: ${PEER_EQUIVALENT_LIST}` }) };
      for (const endpoint of [byId, list]) rows.push(await measure({ base: peer.base, pid: peer.pid }, endpoint, 'peer', null, null, options));
    } finally {
      peer.stop();
    }
  }

  for (const dataset of datasets) {
    const sample = sampleWorkload(dataset.path, options.seed);
    log(`${dataset.name}: ${sample.uniformIds.length.toLocaleString('en')} ids drawn over ${sample.events.toLocaleString('en')} events, ${sample.filters.length} list filters`);
    for (const cache of ['off', 'on'] as const) {
      // One load generator is one client: a budget it cannot exhaust keeps the rate limiter's cost
      // in the figures without answering 429.
      const server = await startServer(`sitrep (${dataset.name}, cache ${cache})`, 'dist/server.mjs', {
        DATABASE_URL: dataset.path,
        RESPONSE_CACHE_MB: cache === 'off' ? '0' : String(options.cacheMb),
        RATE_LIMIT_READS_PER_MINUTE: String(UNREACHABLE_BUDGET),
      });
      if (cache === 'on') startup[dataset.name] = Math.round(server.startupMs);
      log(`sitrep on ${dataset.name} (${dataset.events.toLocaleString('en')} events), cache ${cache}: ready (GET /readyz) in ${Math.round(server.startupMs)} ms`);
      try {
        if (cache === 'off') {
          log('  every documented list filter, one request at a time');
          filters[dataset.name] = await filterLatencies(server.base, sample);
        }
        for (const endpoint of ENDPOINTS.filter((e) => e.server === 'sitrep')) {
          rows.push(await measure({ base: server.base, pid: server.child.pid }, endpoint, dataset.name, cache, sample, options));
        }
        if (cache === 'on') rows.push(await measureAfterWrites(server, dataset));
      } finally {
        await stopServer(server);
      }
    }
  }
  for (const row of rows) if (row.requests_per_second !== undefined) row.ratio_to_ceiling = ceiling ? row.requests_per_second / ceiling : null;

  log('');
  log(formatTable(rows));
  for (const [name, list] of Object.entries(filters)) {
    log('');
    log(`${name}:`);
    log(formatFilters(list));
  }
  log('');
  const targets = targetLines(rows, filters.synthetic ?? [], startup);
  for (const line of targets) log(line);
  log('');
  log(`start-up to a good GET /readyz (cache on): ${Object.entries(startup).map(([name, ms]) => `${name} ${ms} ms`).join(', ')}`);
  for (const d of datasets) {
    if (d.name === 'synthetic' && d.eventsPerSecond) log(`synthetic generator: ${d.events.toLocaleString('en')} events at ${Math.round(d.eventsPerSecond).toLocaleString('en')} events/s (${d.origin})`);
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${startedAt.toISOString().replaceAll(':', '-')}.json`);
  const report = {
    started_at: startedAt.toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu_model: cpus()[0]?.model ?? null, memory_gib: Math.round(totalmem() / 2 ** 30) },
    options,
    datasets,
    startup_ms: startup,
    targets,
    ceiling_requests_per_second: ceiling,
    results: rows,
    filters,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to ${file}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
