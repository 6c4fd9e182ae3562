// The record's change counter (migration 0005): triggers on every table of the record bump it in
// the transaction that writes, so anything derived from a read stays valid exactly as long as the
// counter has not moved. Read it before deriving, and compare before reusing.
import type { Db } from './client.js';
import { preparedPer } from './statements.js';

const versionStatement = preparedPer((db) => db.$client.prepare('SELECT version FROM data_version WHERE id = 1').pluck());
// Rows this connection has changed since it opened: no table is read, so no lock is taken.
const changesStatement = preparedPer((db) => db.$client.prepare('SELECT total_changes()').pluck());

/** The counter as committed now: opens a read transaction of its own. */
export function dataVersion(db: Db): number {
  return (versionStatement(db).get() as number | undefined) ?? 0;
}

type Seen = { version: number | null; changes: number };
const seenThisTurn = new WeakMap<Db, Seen>();

/**
 * The counter, read from the file at most once per turn of the event loop. A read transaction
 * takes file locks, and on this machine its system calls cost more than replaying a cached answer
 * (docs/PERFORMANCE.md). Every request handled in a turn arrived before the turn's first read, so
 * that read already sees every write another process committed before any of them arrived. Writes
 * on this connection (the API's, or an import run in-process) are seen at once: they move
 * SQLite's count of changed rows, which costs no lock to read.
 */
export function dataVersionThisTurn(db: Db): number {
  const changes = changesStatement(db).get() as number;
  let seen = seenThisTurn.get(db);
  if (seen === undefined) {
    seen = { version: null, changes };
    seenThisTurn.set(db, seen);
  }
  if (seen.version === null || seen.changes !== changes) {
    seen.version = dataVersion(db);
    seen.changes = changes;
    const turn = seen;
    // The check phase follows the poll phase, in which requests are read from their sockets.
    setImmediate(() => (turn.version = null));
  }
  return seen.version;
}
