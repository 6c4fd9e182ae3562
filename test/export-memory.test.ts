// Exporting the whole database never holds it in memory: a server whose JavaScript heap is capped
// well below the size of the export streams every event of a large synthetic database as NDJSON,
// twice, and its resident memory stays flat. A server that built the body first runs out of heap
// and dies (checked by hand: sendExport without streaming fails this test with an OOM).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeSyntheticDatabase } from '../src/synthetic/write.js';
import { startNodeServer } from './processes.js';
import { DATASETS } from '../seed/seed.js';

const EVENTS = 90_000;
/**
 * The server's old-generation heap limit, in MB: below the export's size (about 54 MB), yet with
 * room above the 25 MB a server run through tsx keeps live after start-up. At 32 MB a loaded CI
 * machine let the heap outgrow the collector on the first request, and the server died of it.
 */
const HEAP_LIMIT_MB = 48;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-memory-'));
let server: { child: ChildProcess; base: string } | undefined;

function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) / 1024;
}

/** Downloads `url` chunk by chunk, discarding the bytes; samples the server's RSS as it goes. */
async function download(url: string, pid: number) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  let bytes = 0;
  let newlines = 0;
  const rss: number[] = [];
  let nextSample = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) newlines += 1;
    if (bytes >= nextSample) {
      rss.push(residentMb(pid));
      nextSample = bytes + 2 * 1024 * 1024;
    }
  }
  return { bytes, newlines, rss };
}

beforeAll(async () => {
  const path = join(dir, 'synthetic.db');
  writeSyntheticDatabase({ path, events: EVENTS, seed: 7 });
  // No overload refusals: this test measures memory, and a loaded CI machine may delay the loop.
  server = await startNodeServer({ DATABASE_URL: path, MAX_EVENT_LOOP_DELAY_MS: '0' }, [`--max-old-space-size=${HEAP_LIMIT_MB}`]);
}, 120_000);

afterAll(() => {
  server?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('exports of a large database', () => {
  test(`when ${EVENTS.toLocaleString('en')} events (plus the seed) are exported as NDJSON twice by a server with a ${HEAP_LIMIT_MB} MB heap, then every event arrives and memory stays flat`, async () => {
    const { child, base } = server!;
    const pid = child.pid!;
    // The synthetic events and the seed's.
    const total = EVENTS + DATASETS.reduce((n, d) => n + d.events.length, 0);

    const ndjson = await download(`${base}/v1/events.ndjson`, pid);
    const again = await download(`${base}/v1/events.ndjson`, pid);

    expect(ndjson.newlines).toBe(total);
    expect(again.bytes).toBe(ndjson.bytes);
    // The body is larger than the whole heap the server may use: it cannot have been built in memory.
    expect(ndjson.bytes / 1024 / 1024).toBeGreaterThan(HEAP_LIMIT_MB);
    expect(child.exitCode).toBeNull();
    // Flat: the heap cap above rules out building the body; and a second whole export adds
    // nothing to the first one's peak, so nothing accumulates per export.
    const trace = `RSS samples (MB): ${[...ndjson.rss, ...again.rss].map((s) => s.toFixed(0)).join(' ')}`;
    expect(Math.max(...again.rss) - Math.max(...ndjson.rss), trace).toBeLessThan(16);
    expect((await fetch(`${base}/readyz`)).ok).toBe(true);
  }, 180_000);
});
