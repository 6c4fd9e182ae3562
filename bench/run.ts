// `npm run bench [-- --events N --duration S --warmup S --connections C --seed N --cache-mb M]`: prepares the
// benchmark databases, starts sitrep and a bare fastify ceiling as child processes on 127.0.0.1,
// drives each endpoint of bench/endpoints.ts with autocannon, and prints and saves the results
// (bench-results/<timestamp>.json). Takes a few minutes; not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { statsAfterWrites } from './after-write.js';
import { airForceDataset, syntheticDataset, type Dataset } from './datasets.js';
import { ENDPOINTS, type BenchEndpoint } from './endpoints.js';
import { ROOT, sampleRss, settle, startServer, stopServer, type ChildServer } from './servers.js';

const RESULTS_DIR = resolve(ROOT, 'bench-results');
const UNREACHABLE_BUDGET = 1_000_000_000;

type Options = { events: number; seed: number; duration: number; warmup: number; connections: number; cacheMb: number };

type Row = {
  dataset: string;
  endpoint: string;
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
    cacheMb: number('cache-mb', 0, 4096),
  };
}

const log = (line: string) => console.log(line);

async function measure(server: ChildServer, endpoint: BenchEndpoint, dataset: string, options: Options): Promise<Row> {
  const row: Row = { dataset, endpoint: endpoint.name };
  let prepared;
  try {
    prepared = await endpoint.prepare(server.base);
  } catch (error) {
    return { ...row, skipped: `preparation failed: ${(error as Error).message}` };
  }
  if ('skip' in prepared) return { ...row, skipped: prepared.skip };
  const common = { url: server.base, connections: options.connections, requests: prepared.requests, timeout: 30 };
  log(`  ${endpoint.name}${prepared.note ? ` (${prepared.note})` : ''}: ${options.warmup} s warm-up, ${options.duration} s measured`);
  if (options.warmup > 0) await autocannon({ ...common, duration: options.warmup });
  const rss = sampleRss(server.child.pid!);
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
  const row: Row = { dataset: dataset.name, endpoint: AFTER_WRITE };
  log(`  ${AFTER_WRITE}: 20 writes and 20 deletions, one request after each`);
  try {
    const result = await statsAfterWrites(server.base, dataset.path, 20);
    return { ...row, note: `sequential; max ${result.max_ms} ms; ${result.wrong_answers} wrong totals`, p50_ms: result.p50_ms, p99_ms: result.p99_ms, errors: result.wrong_answers };
  } catch (error) {
    return { ...row, skipped: `failed: ${(error as Error).message}` };
  }
}

function formatTable(rows: Row[]): string {
  const header = ['dataset', 'endpoint', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs ceiling', 'max RSS MB'];
  const body = rows.map((r) =>
    r.skipped
      ? [r.dataset, r.endpoint, 'skipped', '', '', '', '', r.skipped]
      : [
          r.dataset,
          r.endpoint,
          r.requests_per_second === undefined ? 'seq.' : String(r.requests_per_second),
          String(r.p50_ms),
          String(r.p99_ms),
          String(r.errors),
          r.ratio_to_ceiling == null ? '' : `${(r.ratio_to_ceiling * 100).toFixed(1)} %`,
          r.max_rss_mb == null ? '' : String(r.max_rss_mb),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.filter((b) => b[2] !== 'skipped' || i < 3).map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (cells[2] === 'skipped' && i === 7 ? c : i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The issue's targets, checked against this run's synthetic rows. */
function targetLines(rows: Row[], startup: Record<string, number>): string[] {
  const synthetic = rows.filter((r) => r.dataset === 'synthetic' && !r.skipped);
  const find = (prefix: string) => synthetic.find((r) => r.endpoint.startsWith(prefix));
  const ratio = (prefix: string, min: number) => {
    const row = find(prefix);
    return row ? { ok: (row.ratio_to_ceiling ?? 0) >= min, value: `${((row.ratio_to_ceiling ?? 0) * 100).toFixed(1)} %` } : null;
  };
  const p99 = (prefix: string) => {
    const row = find(prefix);
    return row ? { ok: (row.p99_ms ?? Infinity) <= 20 && (row.requests_per_second ?? 0) > 0, value: `${row.p99_ms} ms` } : null;
  };
  const maxRss = Math.max(...synthetic.map((r) => r.max_rss_mb ?? 0));
  const errors = synthetic.reduce((sum, r) => sum + (r.errors ?? 0), 0);
  const checks: Array<[string, { ok: boolean; value: string } | null]> = [
    ['event by id >= 40 % of the ceiling', ratio('GET /v1/events/{id} (', 0.4) ?? ratio('GET /v1/events/{id}', 0.4)],
    ['list page >= 15 % of the ceiling', ratio('GET /v1/events kind+range', 0.15)],
    ['timeline >= 10 % of the ceiling', ratio('GET /v1/timeline', 0.1)],
    ['casualty statistics by month p99 <= 20 ms', p99('GET /v1/stats/casualties')],
    ['munition statistics by month p99 <= 20 ms', p99('GET /v1/stats/munitions')],
    [
      'statistics correct right after a write (first request p99)',
      find(AFTER_WRITE) ? { ok: find(AFTER_WRITE)!.errors === 0, value: `${find(AFTER_WRITE)!.errors} wrong, p99 ${find(AFTER_WRITE)!.p99_ms} ms` } : null,
    ],
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
  const startup: Record<string, number> = {};

  const bare = await startServer('bare fastify', 'bench/bare-server.ts', {});
  startup.bare = Math.round(bare.startupMs);
  log(`bare fastify: ready in ${startup.bare} ms`);
  try {
    for (const endpoint of ENDPOINTS.filter((e) => e.server === 'bare')) rows.push(await measure(bare, endpoint, '-', options));
  } finally {
    await stopServer(bare);
  }
  const ceiling = rows.find((r) => r.requests_per_second)?.requests_per_second ?? null;

  for (const dataset of datasets) {
    // One load generator is one client: a budget it cannot exhaust keeps the rate limiter's cost
    // in the figures without answering 429.
    const server = await startServer(`sitrep (${dataset.name})`, 'dist/server.mjs', {
      DATABASE_URL: dataset.path,
      RESPONSE_CACHE_MB: String(options.cacheMb),
      RATE_LIMIT_READS_PER_MINUTE: String(UNREACHABLE_BUDGET),
    });
    startup[dataset.name] = Math.round(server.startupMs);
    log(`sitrep on ${dataset.name} (${dataset.events.toLocaleString('en')} events): ready (GET /readyz) in ${startup[dataset.name]} ms`);
    try {
      for (const endpoint of ENDPOINTS.filter((e) => e.server === 'sitrep')) rows.push(await measure(server, endpoint, dataset.name, options));
      rows.push(await measureAfterWrites(server, dataset));
    } finally {
      await stopServer(server);
    }
  }
  for (const row of rows) if (row.requests_per_second !== undefined) row.ratio_to_ceiling = ceiling ? row.requests_per_second / ceiling : null;

  log('');
  log(formatTable(rows));
  log('');
  for (const line of targetLines(rows, startup)) log(line);
  log('');
  log(`start-up to a good GET /readyz: ${Object.entries(startup).map(([name, ms]) => `${name} ${ms} ms`).join(', ')}`);
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
    targets: targetLines(rows, startup),
    ceiling_requests_per_second: ceiling,
    results: rows,
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
