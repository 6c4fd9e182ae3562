// `npm run bench:explorer [-- --runs N]`: how long the explorer's views take to draw, and what they
// download, on the seed plus the whole Air Force record (bench/datasets.ts imports it), with the
// server's response cache off and then on. Each load is a new browser profile (nothing cached in
// the browser, as a first visit), timed in the page from navigation start to the moment every
// panel has drawn (`data-ready-ms`). Needs Debian's Chromium (or CHROMIUM_PATH). Prints a table
// and writes bench-results/explorer-<time>.json (git-ignored); not part of `npm test`.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { airForceDataset } from './datasets.js';
import { ROOT, startServer, stopServer } from './servers.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The views a reporter opens first: the default, one city, a year by month, the strike's page. */
const VIEWS = [
  { name: 'default view (July 2025, Ukraine)', path: '/' },
  { name: 'Kyiv city, July 2025', path: '/?from=2025-07-01&to=2025-07-31&tz=Europe%2FKyiv&admin1=Kyiv%20city' },
  { name: '2025 by month', path: '/?from=2025-01-01&to=2025-12-31&tz=Europe%2FKyiv&bucket=month' },
  { name: 'oblast layer, 2025', path: '/?from=2025-01-01&to=2025-12-31&tz=Europe%2FKyiv&bucket=month&layer=admin1' },
  { name: 'event page (the strike)', path: '/?event=evt_2025_07_04_kyiv_strike' },
];

type Load = { readyMs: number; requests: number; transferredKb: number; decodedKb: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(base: string, path: string, runs: number): Promise<Load[]> {
  const loads: Load[] = [];
  for (let run = 0; run < runs; run++) {
    const profile = mkdtempSync(join(tmpdir(), 'sitrep-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${base}${path}`);
      await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
      loads.push(
        await page.evaluate(() => {
          const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
          return {
            readyMs: Number(document.body.dataset.readyMs),
            requests: entries.length,
            transferredKb: Math.round(entries.reduce((sum, entry) => sum + entry.transferSize, 0) / 102.4) / 10,
            decodedKb: Math.round(entries.reduce((sum, entry) => sum + entry.decodedBodySize, 0) / 102.4) / 10,
          };
        }),
      );
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return loads;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new Error('--runs must be an integer from 1 to 100');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH`);
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
  const dataset = await airForceDataset((line) => console.log(line));
  if (!dataset) throw new Error('the Air Force record is needed: ../shared/data/missile_attacks_daily.csv');

  const rows: Record<string, unknown>[] = [];
  for (const cacheMb of ['0', '32']) {
    // A fresh server per setting: with the cache on, each view's first load fills it, later ones hit it.
    const server = await startServer(`sitrep (response cache ${cacheMb} MB)`, 'dist/server.mjs', { DATABASE_URL: dataset.path, RESPONSE_CACHE_MB: cacheMb, RATE_LIMIT_READS_PER_MINUTE: '0' });
    try {
      for (const view of VIEWS) {
        const loads = await measure(server.base, view.path, runs);
        const ready = loads.map((load) => load.readyMs);
        const row = {
          cache_mb: Number(cacheMb),
          view: view.name,
          path: view.path,
          runs,
          first_ms: ready[0],
          median_ms: median(ready),
          max_ms: Math.max(...ready),
          requests: loads[0]!.requests,
          transferred_kb: loads[0]!.transferredKb,
          decoded_kb: loads[0]!.decodedKb,
        };
        rows.push(row);
        console.log(`cache ${cacheMb.padStart(2)} MB · ${view.name.padEnd(36)} first ${String(row.first_ms).padStart(5)} ms · median ${String(row.median_ms).padStart(5)} ms · max ${String(row.max_ms).padStart(5)} ms · ${row.requests} requests, ${row.transferred_kb} KB transferred (${row.decoded_kb} KB decoded)`);
      }
    } finally {
      await stopServer(server);
    }
  }
  const dir = resolve(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `explorer-${new Date().toISOString().replaceAll(':', '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ dataset: { name: dataset.name, events: dataset.events }, rows }, null, 2)}\n`);
  console.log(`written: ${file}`);
}

await main();
