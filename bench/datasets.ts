// The databases the benchmark serves, built once and cached in bench-results/cache/ (git-ignored):
// the synthetic record, reused while the generator version, event count and seed match, and the
// Air Force dataset, imported through `tools/import-airforce.ts` when both it and the CSV exist.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { GENERATOR_VERSION } from '../tools/synthetic/generate.js';
import { writeSyntheticDatabase } from '../tools/synthetic/write.js';
import { ROOT } from './servers.js';

export type Dataset = {
  name: 'synthetic' | 'airforce';
  path: string;
  /** How the file was obtained in this run. */
  origin: 'cached' | 'built';
  events: number;
  buildMs?: number;
  eventsPerSecond?: number;
};

export const CACHE_DIR = resolve(ROOT, 'bench-results/cache');
export const AIR_FORCE_CSV = resolve(ROOT, '../shared/data/missile_attacks_daily.csv');
const AIR_FORCE_CLI = resolve(ROOT, 'tools/import-airforce.ts');
const IMPORT_TIMEOUT_MS = 10 * 60_000;

type Marker = { generatorVersion?: number; key?: string; events: number; seed?: number; buildMs: number; eventsPerSecond?: number; builtAt: string };

function readMarker(path: string): Marker | null {
  try {
    return JSON.parse(readFileSync(`${path}.json`, 'utf8')) as Marker;
  } catch {
    return null;
  }
}

/** The marker is written after the file is complete, so a half-built file is never reused. */
function writeMarker(path: string, marker: Marker): void {
  writeFileSync(`${path}.json`, `${JSON.stringify(marker, null, 2)}\n`);
}

function removeDatabase(path: string): void {
  for (const suffix of ['.json', '', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** Identity of the schema a file was built with: a database made before a new migration is not reused. */
function migrationsKey(): string {
  return createHash('sha256').update(readFileSync(resolve(ROOT, 'migrations/meta/_journal.json'))).digest('hex').slice(0, 16);
}

export function syntheticDataset(events: number, seed: number, log: (line: string) => void): Dataset {
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, `synthetic-v${GENERATOR_VERSION}-n${events}-seed${seed}.db`);
  const marker = readMarker(path);
  const key = migrationsKey();
  if (marker && existsSync(path) && marker.generatorVersion === GENERATOR_VERSION && marker.events === events && marker.seed === seed && marker.key === key) {
    log(`synthetic: reusing ${path} (${events.toLocaleString('en')} events, built at ${Math.round(marker.eventsPerSecond ?? 0).toLocaleString('en')} events/s)`);
    return { name: 'synthetic', path, origin: 'cached', events, buildMs: marker.buildMs, eventsPerSecond: marker.eventsPerSecond };
  }
  // Older generator versions and sizes are not reused; drop them so the cache does not grow.
  for (const file of readdirSync(CACHE_DIR)) {
    if (file.startsWith('synthetic-') && !file.startsWith(`synthetic-v${GENERATOR_VERSION}-`)) rmSync(join(CACHE_DIR, file), { force: true });
  }
  removeDatabase(path);
  log(`synthetic: generating ${events.toLocaleString('en')} events (seed ${seed}) into ${path}`);
  let lastLog = 0;
  const summary = writeSyntheticDatabase({
    path,
    events,
    seed,
    onProgress: ({ phase, events: done, total, elapsedMs }) => {
      if (phase === 'finishing') return log(`  all rows written, finishing the file (${(elapsedMs / 1000).toFixed(1)} s)`);
      if (done < total && elapsedMs - lastLog < 2_000) return;
      lastLog = elapsedMs;
      log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} events, ${Math.round(done / (elapsedMs / 1000)).toLocaleString('en')} events/s`);
    },
  });
  log(`synthetic: ${events.toLocaleString('en')} events in ${(summary.elapsedMs / 1000).toFixed(1)} s = ${Math.round(summary.eventsPerSecond).toLocaleString('en')} events/s`);
  writeMarker(path, { generatorVersion: GENERATOR_VERSION, key, events, seed, buildMs: summary.elapsedMs, eventsPerSecond: summary.eventsPerSecond, builtAt: new Date().toISOString() });
  return { name: 'synthetic', path, origin: 'built', events, buildMs: summary.elapsedMs, eventsPerSecond: summary.eventsPerSecond };
}

/** Identity of an import: the CSV (size, mtime) and the importer's own source files. */
function airForceKey(): string {
  const hash = createHash('sha256');
  const csv = statSync(AIR_FORCE_CSV);
  hash.update(`${csv.size}:${csv.mtimeMs}`);
  const files = [AIR_FORCE_CLI];
  const importerDir = resolve(ROOT, 'tools/importer');
  if (existsSync(importerDir)) files.push(...readdirSync(importerDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort().map((f) => join(importerDir, f)));
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Imports the Air Force CSV with the project's own importer, in a child process. Null (with a note) when it cannot. */
export async function airForceDataset(log: (line: string) => void): Promise<Dataset | null> {
  if (!existsSync(AIR_FORCE_CSV)) {
    log(`airforce: skipped, ${AIR_FORCE_CSV} does not exist`);
    return null;
  }
  if (!existsSync(AIR_FORCE_CLI)) {
    log('airforce: skipped, tools/import-airforce.ts does not exist in this build');
    return null;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = airForceKey();
  const path = join(CACHE_DIR, 'airforce.db');
  const marker = readMarker(path);
  if (marker && marker.key === key && existsSync(path)) {
    log(`airforce: reusing ${path} (${marker.events.toLocaleString('en')} events)`);
    return { name: 'airforce', path, origin: 'cached', events: marker.events, buildMs: marker.buildMs };
  }
  removeDatabase(path);
  const partial = `${path}.partial-${process.pid}`;
  removeDatabase(partial);
  log(`airforce: importing ${AIR_FORCE_CSV} with npm run import:airforce`);
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', AIR_FORCE_CLI, AIR_FORCE_CSV], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: partial, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), IMPORT_TIMEOUT_MS);
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      done({ code: exitCode, output: text });
    });
  });
  const buildMs = performance.now() - started;
  if (code !== 0) {
    removeDatabase(partial);
    log(`airforce: skipped, the import failed (exit ${code}):\n${output.trim().split('\n').slice(-5).join('\n')}`);
    return null;
  }
  // Fold any WAL back into the file before it is moved, then count what was imported.
  const sqlite = new Database(partial);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const events = (sqlite.prepare('SELECT count(*) FROM events').pluck().get() as number) ?? 0;
  sqlite.close();
  for (const suffix of ['-journal', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  renameSync(partial, path);
  writeMarker(path, { key, events, buildMs, builtAt: new Date().toISOString() });
  log(`airforce: ${events.toLocaleString('en')} events imported in ${(buildMs / 1000).toFixed(1)} s`);
  return { name: 'airforce', path, origin: 'built', events, buildMs };
}
