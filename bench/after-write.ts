// Statistics right after a write: the answers autocannon measures are mostly replayed from the
// response cache, which every write empties. Here another process writes to the served file (as
// an import would) and the first statistics request after each write is timed, then checked:
// an event of 1,000 launched drones added must raise the total by exactly 1,000, and removing it
// must lower it again.
import Database from 'better-sqlite3';
import { instantOfMs } from '../src/lib/time.js';

export type AfterWriteResult = { samples: number; p50_ms: number; p99_ms: number; max_ms: number; wrong_answers: number };

const MONTHS = '/v1/stats/munitions?bucket=month';
const ALL = '/v1/stats/munitions?bucket=all';
const LAUNCHED = 1000;

async function timedGet(base: string, path: string): Promise<{ ms: number; body: any }> {
  const started = performance.now();
  const response = await fetch(base + path);
  const body = await response.json();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return { ms: performance.now() - started, body };
}

const launchedOverAll = async (base: string) => ((await timedGet(base, ALL)).body.data[0]?.total.launched as number | null) ?? 0;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function statsAfterWrites(base: string, databasePath: string, samples: number): Promise<AfterWriteResult> {
  const db = new Database(databasePath);
  db.pragma('busy_timeout = 5000');
  const columns = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).map((c) => `"${c}"`);
  const eventColumns = columns('events');
  const reportColumns = columns('munition_reports');
  // Copies of an existing event and one of its reports, moved in time and given new ids.
  const template = db.prepare('SELECT event_id AS eventId, id FROM munition_reports LIMIT 1').get() as { eventId: string; id: string } | undefined;
  if (!template) throw new Error('no munition report to copy');
  const copyEvent = db.prepare(
    `INSERT INTO events (${eventColumns.join(', ')}) SELECT ${eventColumns
      .map((c) => (c === '"id"' ? '@id' : c === '"start_at"' ? '@startAt' : c === '"end_at"' || c === '"span_end_at"' || c === '"import_key"' ? 'NULL' : c))
      .join(', ')} FROM events WHERE id = @template`,
  );
  const copyReport = db.prepare(
    `INSERT INTO munition_reports (${reportColumns.join(', ')}) SELECT ${reportColumns
      .map((c) => (c === '"id"' ? '@id' : c === '"event_id"' ? '@eventId' : c === '"launched"' ? String(LAUNCHED) : c === '"import_key"' ? 'NULL' : c))
      .join(', ')} FROM munition_reports WHERE id = @template`,
  );
  const removeEvent = db.prepare('DELETE FROM events WHERE id = ?');

  const timings: number[] = [];
  let wrong = 0;
  try {
    await timedGet(base, MONTHS);
    for (let i = 0; i < samples; i++) {
      const before = await launchedOverAll(base);
      const id = `evt_bench_after_write_${i}`;
      // Anywhere in 2023, at a whole minute.
      const startAt = instantOfMs(Date.UTC(2023, 0, 1) + Math.floor(Math.random() * 365 * 24 * 60) * 60_000);
      db.transaction(() => {
        copyEvent.run({ id, startAt, template: template.eventId });
        copyReport.run({ id: `mun_bench_after_write_${i}`, eventId: id, template: template.id });
      }).immediate();
      timings.push((await timedGet(base, MONTHS)).ms);
      if ((await launchedOverAll(base)) !== before + LAUNCHED) wrong++;
      removeEvent.run(id);
      timings.push((await timedGet(base, MONTHS)).ms);
      if ((await launchedOverAll(base)) !== before) wrong++;
    }
  } finally {
    db.close();
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { samples: sorted.length, p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1)!), wrong_answers: wrong };
}
