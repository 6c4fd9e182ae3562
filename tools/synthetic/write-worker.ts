// The helper thread of writeSyntheticDatabase (tools/synthetic/write.ts): runs the same deterministic
// generator over every event, but writes only its share of the tables, into a file of its own that
// the main thread copies in at the end. Reports how far it got in shared memory (so the main thread
// can show progress without an event loop), and its row counts or its error on the message port.
import { workerData, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SyntheticGenerator } from './generate.js';
import { loadEvents, useBulkLoadSettings, type EventTable } from './load.js';

export type HelperJob = {
  path: string;
  seed: number;
  events: number;
  tables: EventTable[];
  /** CREATE TABLE and CREATE INDEX statements of those tables, exactly as the migrations made them. */
  schema: string[];
  port: MessagePort;
  /**
   * Int32Array view: [HELPER_STATE] is RUNNING, DONE or FAILED; [HELPER_PROGRESS] the events
   * written; [HELPER_STARTED] 1 once this module runs in the helper thread.
   */
  shared: SharedArrayBuffer;
};

export const HELPER_STATE = 0;
export const HELPER_PROGRESS = 1;
export const HELPER_STARTED = 2;
export const HELPER_SHARED_BYTES = 3 * Int32Array.BYTES_PER_ELEMENT;
export const RUNNING = 0;
export const DONE = 1;
export const FAILED = 2;

/** The rows the helper wrote per table and how long that took, or why it failed. */
export type HelperResult = { rows: Partial<Record<EventTable, number>>; ms: number } | { error: { message: string; stack?: string } };

/** Sends the result, then wakes the main thread waiting on the shared state. */
export function reportHelperResult(job: Pick<HelperJob, 'port' | 'shared'>, result: HelperResult): void {
  const shared = new Int32Array(job.shared);
  job.port.postMessage(result);
  Atomics.store(shared, HELPER_STATE, 'error' in result ? FAILED : DONE);
  Atomics.notify(shared, HELPER_STATE);
}

function run(job: HelperJob): void {
  const shared = new Int32Array(job.shared);
  try {
    const sqlite = new Database(job.path);
    try {
      useBulkLoadSettings(sqlite);
      for (const statement of job.schema) sqlite.exec(statement);
      const generator = new SyntheticGenerator({ seed: job.seed, events: job.events });
      const started = performance.now();
      const rows = loadEvents(sqlite, generator, job.tables, (done) => {
        Atomics.store(shared, HELPER_PROGRESS, done);
        Atomics.notify(shared, HELPER_STATE);
      });
      sqlite.close();
      reportHelperResult(job, { rows, ms: performance.now() - started });
    } finally {
      if (sqlite.open) sqlite.close();
    }
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    reportHelperResult(job, { error: { message, stack } });
  }
}

if (workerData?.synthetic === 'helper') {
  const job = workerData.job as HelperJob;
  Atomics.store(new Int32Array(job.shared), HELPER_STARTED, 1);
  run(job);
}
