// Exporting the whole database never holds it in memory: a server whose JavaScript heap is capped
// well below the size of the export streams every event of a large synthetic database as NDJSON,
// twice, and its resident memory stays flat. A server that built the body first runs out of heap
// and dies (checked by hand: sendExport without streaming fails this test with an OOM). Compressed,
// the same holds: the coder sits in the stream, and the first bytes leave long before the last row
// is read.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBrotliDecompress } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeSyntheticDatabase } from '../tools/synthetic/write.js';
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
/** The largest RSS while the plain exports ran, in MB: what a compressed export is held to. */
let plainPeakMb: number | undefined;

function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) / 1024;
}

/** Downloads `url` chunk by chunk, uncompressed, discarding the bytes; samples the server's RSS as it goes. */
async function download(url: string, pid: number) {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
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

/**
 * Downloads `url` as brotli over plain HTTP (no client decoding behind the test's back), decoding
 * it chunk by chunk; returns the headers, the coded and decoded sizes, the CRLF count, when the
 * first and last bytes came, and the server's RSS sampled as it went.
 */
async function downloadBrotli(url: string, pid: number) {
  const started = Date.now();
  const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => get(url, { headers: { 'accept-encoding': 'br' } }, resolve).on('error', reject));
  expect(response.statusCode).toBe(200);
  let coded = 0;
  let firstByteMs = -1;
  const rss: number[] = [];
  let nextSample = 0;
  const decoder = createBrotliDecompress();
  let decoded = 0;
  let crlf = 0;
  let lastByte = 0;
  decoder.on('data', (chunk: Buffer) => {
    decoded += chunk.length;
    for (const byte of chunk) {
      if (byte === 10 && lastByte === 13) crlf += 1;
      lastByte = byte;
    }
  });
  const decodedAll = new Promise((resolve, reject) => decoder.on('end', resolve).on('error', reject));
  for await (const chunk of response as AsyncIterable<Buffer>) {
    if (firstByteMs < 0) firstByteMs = Date.now() - started;
    coded += chunk.length;
    if (!decoder.write(chunk)) await new Promise((resolve) => decoder.once('drain', resolve));
    if (coded >= nextSample) {
      rss.push(residentMb(pid));
      nextSample = coded + 256 * 1024;
    }
  }
  decoder.end();
  await decodedAll;
  return { headers: response.headers, coded, decoded, crlf, firstByteMs, totalMs: Date.now() - started, rss };
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
    plainPeakMb = Math.max(...ndjson.rss, ...again.rss);
  }, 180_000);

  test(`when the whole CSV is downloaded as brotli, then it streams: chunked, the first bytes long before the last, every row there, and memory as flat as uncompressed`, async () => {
    const { child, base } = server!;
    const pid = child.pid!;
    const total = EVENTS + DATASETS.reduce((n, d) => n + d.events.length, 0);
    expect(plainPeakMb, 'the plain exports ran first').toBeDefined();

    // Once: through a 48 MB heap the CSV takes about a minute on a loaded machine, coded or not.
    const csv = await downloadBrotli(`${base}/v1/events.csv`, pid);

    expect(csv.headers['content-encoding']).toBe('br');
    expect(csv.headers['transfer-encoding']).toBe('chunked');
    // A header row, then one CRLF-terminated row per event.
    expect(csv.crlf).toBe(total + 1);
    expect(csv.decoded / 1024 / 1024).toBeGreaterThan(HEAP_LIMIT_MB / 2);
    expect(csv.coded).toBeLessThan(csv.decoded / 5);
    // Streamed: a body coded whole before sending would make the first byte wait for the last row.
    expect(csv.firstByteMs, `first byte after ${csv.firstByteMs} ms of ${csv.totalMs}`).toBeLessThan(csv.totalMs / 4);
    // The coder's window is a few MB of native memory; nothing grows with the export's size.
    const trace = `RSS samples (MB): ${csv.rss.map((s) => s.toFixed(0)).join(' ')}; plain exports' peak ${plainPeakMb!.toFixed(0)}`;
    expect(Math.max(...csv.rss) - plainPeakMb!, trace).toBeLessThan(16);
    expect(child.exitCode).toBeNull();
  }, 180_000);
});
