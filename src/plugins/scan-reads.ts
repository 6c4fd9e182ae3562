// Reads that walk every claim of millions of events (the statistics the kept totals cannot
// answer: filtered ones, and each source's own totals) take seconds. They run on a second,
// read-only connection and let the event loop turn every thousand rows, so the server keeps
// answering everyone else meanwhile; on the main connection an iterator left open across turns
// would pin its snapshot for every other read and refuse every write. At most SCANS_AT_ONCE run
// together and SCANS_WAITING wait for a turn; a request beyond those gets 503 with Retry-After.
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { openReadOnly, type Db } from '../db/client.js';
import { ProblemError } from '../lib/problem.js';

/** Rows a scan reads between two turns of the event loop: a few milliseconds of work. */
export const ROWS_PER_TURN = 1_000;
const SCANS_AT_ONCE = 2;
const SCANS_WAITING = 8;
/** Scans running or waiting at most; the next request gets 503. */
export const SCAN_CAPACITY = SCANS_AT_ONCE + SCANS_WAITING;

export type Scan = { db: Db; rowsPerTurn: number };

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs `read` when a scan slot is free, on the connection and with the pace scans use. */
    scanReads: <T>(reply: FastifyReply, read: (scan: Scan) => Promise<T>) => Promise<T>;
  }
}

export default fp<{ databaseUrl: string }>(
  async (app, opts) => {
    // An in-memory database cannot be opened twice (each test has its own, small one): scans run
    // on the main connection there, in one go, so no write can meet the open iterator.
    const handle = opts.databaseUrl === ':memory:' ? null : openReadOnly(opts.databaseUrl);
    if (handle) app.addHook('onClose', async () => handle.close());
    const scan: Scan = handle ? { db: handle.db, rowsPerTurn: ROWS_PER_TURN } : { db: app.db, rowsPerTurn: Infinity };

    let running = 0;
    const waiting: (() => void)[] = [];
    app.decorate('scanReads', async <T>(reply: FastifyReply, read: (scan: Scan) => Promise<T>): Promise<T> => {
      if (running < SCANS_AT_ONCE) {
        running += 1;
      } else if (waiting.length < SCANS_WAITING) {
        // A scan that ends hands its slot to the longest waiting one, so none is taken meanwhile.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        reply.header('retry-after', '5');
        throw new ProblemError(
          'SITREP_OVERLOADED',
          'Too many statistics that sum every claim are being computed. Retry in a few seconds, or ask without filters and by_source: those are answered from kept totals.',
        );
      }
      try {
        return await read(scan);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    });
  },
  { name: 'scan-reads', dependencies: ['db'] },
);
