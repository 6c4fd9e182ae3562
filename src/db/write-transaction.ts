// One write transaction whose body may await: drizzle's transaction on better-sqlite3 takes only a
// synchronous body, and a write has to render a record (async by signature) to compare its ETag.
import type { Db } from './client.js';

/**
 * Runs `body` between `BEGIN IMMEDIATE` and `COMMIT` (`ROLLBACK` if it throws) on `db`'s
 * connection. BEGIN IMMEDIATE takes SQLite's write lock before the body reads anything, so what
 * it checks (an `If-Match`, an `Idempotency-Key`) cannot be changed by another process before it
 * commits; a writer in another process waits for the lock up to busy_timeout.
 *
 * Safe to hold open across `await`s only because everything the body awaits is a better-sqlite3
 * query, which runs synchronously and resolves in a microtask: no timer, I/O callback or other
 * request runs on this connection (which would read the uncommitted rows, or write into this
 * transaction) until it ends. A body that awaits real I/O breaks that; the check below rolls it
 * back instead of committing.
 *
 * One transaction per connection at a time: callers in one process queue (src/store.ts).
 */
export async function writeTransaction<T>(db: Db, body: (tx: Db) => Promise<T>): Promise<T> {
  const sqlite = db.$client;
  if (sqlite.inTransaction) throw new Error('A transaction is already open on this connection; writes must go through the write queue.');
  sqlite.exec('BEGIN IMMEDIATE');
  // Fires at the event loop's next check phase, which a body that stays in microtasks never reaches.
  let loopTurned = false;
  const tripwire = setImmediate(() => (loopTurned = true));
  try {
    const result = await body(db);
    if (loopTurned) throw new Error('A write transaction stayed open across a turn of the event loop; it was rolled back.');
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    clearImmediate(tripwire);
  }
}
