// `npm run soak [-- --duration S --connections C --writers W --db PATH]`: runs sitrep on loopback
// for a fixed time under mixed load (autocannon reads over the main endpoints, plus editors who
// create and correct events with If-Match) and reports errors, latency percentiles and memory
// growth from the first minute to the end. Not part of `npm test`; it stops by itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { createApiKey } from '../src/modules/keys/keys.repository.js';
import { rssBytes, startServer, stopServer } from './servers.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '120' },
    connections: { type: 'string', default: '20' },
    writers: { type: 'string', default: '2' },
    db: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const writers = Number(values.writers);
for (const [name, value, max] of [['duration', duration, 3600], ['connections', connections, 500], ['writers', writers, 50]] as const) {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be an integer from 1 to ${max}`);
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-soak-'));
const path = values.db ?? join(dir, 'soak.db');
const handle = openDatabase(path);
migrateDatabase(handle.db);
const { key } = createApiKey(handle.db, { name: 'soak editor', role: 'editor' });
handle.close();

// Limits off: the soak measures the server, not its refusals.
const server = await startServer('sitrep', 'src/server.ts', {
  DATABASE_URL: path,
  RATE_LIMIT_READS_PER_MINUTE: '0',
  RATE_LIMIT_WRITES_PER_MINUTE: '0',
  MAX_EVENT_LOOP_DELAY_MS: '0',
});
const pid = server.child.pid!;
const rss: Array<{ at: number; mb: number }> = [];
const started = performance.now();
const sampler = setInterval(() => {
  const bytes = rssBytes(pid);
  if (bytes !== null) rss.push({ at: (performance.now() - started) / 1000, mb: bytes / 2 ** 20 });
}, 1_000);

const writes = { acknowledged: 0, failed: 0, latencies: [] as number[] };
let stopWriters = false;
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
async function writer(w: number): Promise<void> {
  for (let i = 0; !stopWriters; i += 1) {
    const t0 = performance.now();
    const created = await fetch(`${server.base}/v1/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind: 'shelling',
        status: 'occurred',
        title: `Soak event ${w}-${i}`,
        summary: 'Written by the soak test.',
        start_at: new Date(Date.UTC(2025, 6, 1) + i * 60_000).toISOString(),
        start_precision: 'minute',
        timezone: 'Europe/Kyiv',
        location: { place: 'Kharkiv', country: 'UA', latitude: 49.99, longitude: 36.23, geo_precision: 'settlement' },
      }),
    });
    if (created.status !== 201) {
      writes.failed += 1;
      continue;
    }
    const event = (await created.json()) as { id: string };
    const patched = await fetch(`${server.base}/v1/events/${event.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': created.headers.get('etag')! },
      body: JSON.stringify({ title: `Soak event ${w}-${i}, corrected`, reason: 'soak' }),
    });
    await patched.arrayBuffer();
    if (patched.status === 200) writes.acknowledged += 2;
    else writes.failed += 1;
    writes.latencies.push(performance.now() - t0);
  }
}

const writerRuns = Array.from({ length: writers }, (_, w) => writer(w));
const reads = await autocannon({
  url: server.base,
  connections,
  duration,
  requests: [
    { method: 'GET', path: '/v1/events/evt_2025_07_04_kyiv_strike' },
    { method: 'GET', path: '/v1/events?kind=shelling&limit=50' },
    { method: 'GET', path: '/v1/timeline?tz=Europe/Kyiv' },
    { method: 'GET', path: '/v1/stats/casualties?bucket=month' },
    { method: 'GET', path: '/v1/stats/munitions?bucket=day&tz=Europe/Kyiv' },
    { method: 'GET', path: '/v1/events.csv?limit=100' },
    { method: 'GET', path: '/v1/changes?limit=100' },
  ],
});
stopWriters = true;
await Promise.all(writerRuns);
clearInterval(sampler);
await stopServer(server);
if (!values.db) rmSync(dir, { recursive: true, force: true });

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : null);
const writeLatencies = [...writes.latencies].sort((a, b) => a - b);
const firstMinute = rss.filter((s) => s.at <= 60);
const baseline = Math.max(...(firstMinute.length ? firstMinute : rss.slice(0, 1)).map((s) => s.mb));
const last = rss.slice(-10).map((s) => s.mb);
const report = {
  duration_s: duration,
  reads: {
    requests: reads.requests.total,
    per_second: Math.round(reads.requests.average),
    p50_ms: reads.latency.p50,
    p99_ms: reads.latency.p99,
    errors: reads.errors + reads.timeouts + reads.non2xx,
  },
  writes: {
    acknowledged: writes.acknowledged,
    failed: writes.failed,
    create_and_correct_p50_ms: Math.round(percentile(writeLatencies, 50) ?? 0),
    create_and_correct_p99_ms: Math.round(percentile(writeLatencies, 99) ?? 0),
  },
  rss_mb: {
    peak_first_minute: Math.round(baseline),
    peak: Math.round(Math.max(...rss.map((s) => s.mb))),
    end: Math.round(Math.max(...last)),
    growth_after_first_minute: Math.round(Math.max(...last) - baseline),
  },
};
console.log(JSON.stringify(report, null, 2));
if (report.reads.errors > 0 || writes.failed > 0) process.exitCode = 1;
