// Writes run one at a time, each in one write transaction that reads, checks and changes. The
// queue orders the writes of this process, whose one connection holds one transaction at a time;
// SQLite's write lock, taken when the transaction begins, orders them against other processes on
// the same file (a process manager's cluster mode, an import). The statistics' settling of kept
// totals (modules/stats/stats.rollups.ts) takes the write lock outside this queue: it is one
// synchronous transaction, so it cannot begin inside an open write of this process.
import fp from 'fastify-plugin';
import type { Db } from '../db/client.js';
import { writeTransaction } from '../db/write-transaction.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs `write` after every write queued before it, whether they succeeded or failed. */
    serializeWrite: <T>(write: () => Promise<T>) => Promise<T>;
    /**
     * Runs `body` in the queue and in one `BEGIN IMMEDIATE` transaction on `app.db`
     * (src/db/write-transaction.ts): load the record, compare `If-Match`, claim the
     * `Idempotency-Key` and change it there, so that no other writer can come in between.
     */
    write: <T>(body: (tx: Db) => Promise<T>) => Promise<T>;
  }
}

export default fp(
  async (app) => {
    let tail: Promise<unknown> = Promise.resolve();
    const serializeWrite = <T>(write: () => Promise<T>): Promise<T> => {
      const run = tail.then(write, write);
      // The queue goes on whether this write succeeds or fails.
      tail = run.catch(() => undefined);
      return run;
    };
    app.decorate('serializeWrite', serializeWrite);
    app.decorate('write', <T>(body: (tx: Db) => Promise<T>) => serializeWrite(() => writeTransaction(app.db, body)));
  },
  { name: 'write-lock', dependencies: ['db'] },
);
