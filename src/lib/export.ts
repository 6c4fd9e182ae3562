// Export bodies (CSV, NDJSON, GeoJSON) written a batch at a time: rows come lazily from the
// database, each batch is enriched with one query per kind of fact (not one per row) and encoded
// to text. Without `limit` the text is streamed with backpressure, so exporting the whole database
// keeps memory flat; with `limit` the same code renders one page as a string (which gets an ETag).
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csvHead, csvRecords, type CsvOptions, type CsvRow } from './csv.js';

export const EXPORT_BATCH_SIZE = 500;

/** Turns batches of finished rows into text; `head` and `tail` wrap the whole body. */
export type Encoder<R> = {
  head?: () => string;
  batch: (rows: R[], isFirst: boolean) => string;
  tail?: (nextCursor: string | null) => string;
};

export type ExportPlan<T, R> = {
  /** Called once, when the body starts: opens the row source (keyset pages of the database, or one page). */
  rows: () => Iterable<T> | AsyncIterable<T>;
  /** Completes a batch of rows (headline figures, actors, citations); may drop rows. */
  enrich: (batch: T[]) => R[] | Promise<R[]>;
  encoder: Encoder<R>;
  nextCursor?: string | null;
  batchSize?: number;
};

/** How one format writes rows of type T: the enrich step and the encoder of what it returns. */
export type ExportFormat<T> = Pick<ExportPlan<T, unknown>, 'enrich' | 'encoder'>;

/** Pairs an enrich step with an encoder of its rows (checked here), so callers can pick a format at run time. */
export function exportFormat<T, R>(enrich: (batch: T[]) => R[] | Promise<R[]>, encoder: Encoder<R>): ExportFormat<T> {
  return { enrich, encoder } as unknown as ExportFormat<T>;
}

export async function* exportChunks<T, R>(plan: ExportPlan<T, R>): AsyncGenerator<string, void, undefined> {
  const size = plan.batchSize ?? EXPORT_BATCH_SIZE;
  let written = 0;
  const flush = async (batch: T[]) => {
    const rows = await plan.enrich(batch);
    const text = rows.length ? plan.encoder.batch(rows, written === 0) : '';
    written += rows.length;
    return text;
  };
  const head = plan.encoder.head?.();
  if (head) yield head;
  let batch: T[] = [];
  // Returning this generator early (an aborted download) runs for-await's cleanup, which stops
  // the reader behind `rows()` before its next page.
  for await (const row of plan.rows()) {
    batch.push(row);
    if (batch.length >= size) {
      const text = await flush(batch);
      batch = [];
      if (text) yield text;
    }
  }
  if (batch.length) {
    const text = await flush(batch);
    if (text) yield text;
  }
  const tail = plan.encoder.tail?.(plan.nextCursor ?? null);
  if (tail) yield tail;
}

/** CSV written batch by batch; the byte order mark, if any, is part of the head, so a stream has it once. */
export function csvEncoder(columns: readonly string[], options: CsvOptions): Encoder<CsvRow> {
  return { head: () => csvHead(columns, options), batch: (rows) => csvRecords(rows, columns) };
}

export function ndjsonEncoder<R>(): Encoder<R> {
  return { batch: (rows) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n' };
}

/** A GeoJSON FeatureCollection written feature by feature; `next_cursor` is a foreign member (RFC 7946 §6.1). */
export function featureCollectionEncoder<R>(): Encoder<R> {
  return {
    head: () => '{"type":"FeatureCollection","features":[\n',
    batch: (rows, isFirst) => (isFirst ? '' : ',\n') + rows.map((row) => JSON.stringify(row)).join(',\n'),
    tail: (nextCursor) => `\n],"next_cursor":${JSON.stringify(nextCursor)}}\n`,
  };
}

/**
 * Sends an export: streamed when `stream` (no `limit`: every matching row), else rendered to one
 * string. A HEAD request for a stream gets the headers only: the database is not read.
 */
export async function sendExport<T, R>(request: FastifyRequest, reply: FastifyReply, plan: ExportPlan<T, R>, stream: boolean): Promise<FastifyReply> {
  if (stream) {
    if (request.method === 'HEAD') return reply.send(Readable.from([]));
    // Bytes, not objects: the stream then buffers at most highWaterMark plus one batch ahead of the socket.
    return reply.send(Readable.from(exportChunks(plan), { objectMode: false, highWaterMark: 64 * 1024 }));
  }
  let text = '';
  for await (const chunk of exportChunks(plan)) text += chunk;
  return reply.send(text);
}
