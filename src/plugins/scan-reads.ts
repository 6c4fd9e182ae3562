// Reads that walk every claim of millions of events (the statistics the kept totals cannot
// answer: filtered ones, and each source's own totals) take seconds. The store runs them on a
// second connection, yielding to the event loop as they go (src/store.ts); this plugin bounds how
// many run at once: at most SCANS_AT_ONCE together and SCANS_WAITING waiting for a turn; a
// request beyond those gets 503 with Retry-After.
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from '../lib/problem.js';

const SCANS_AT_ONCE = 2;
const SCANS_WAITING = 8;
/** Scans running or waiting at most; the next request gets 503. */
export const SCAN_CAPACITY = SCANS_AT_ONCE + SCANS_WAITING;

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs `read` when a scan slot is free; answers 503 when every slot and place in line is taken. */
    scanReads: <T>(reply: FastifyReply, read: () => Promise<T>) => Promise<T>;
  }
}

export default fp(
  async (app) => {
    let running = 0;
    const waiting: (() => void)[] = [];
    app.decorate('scanReads', async <T>(reply: FastifyReply, read: () => Promise<T>): Promise<T> => {
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
        return await read();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    });
  },
  { name: 'scan-reads' },
);
