// POST, PATCH and DELETE for one type of record, the same for every writable resource: an
// editor key, a zod-checked strict body, `If-Match` on PATCH and DELETE, `Idempotency-Key` on
// POST, one transaction per write with its revision, a tombstone on delete. The record is read,
// `If-Match` compared and the `Idempotency-Key` claimed inside that transaction (`app.store.write`), so
// two processes serving one database file cannot both pass a check before either commits. Everything
// here goes through the store's interfaces (the reads, and `tx.records` in a write); the records'
// tables are reached only by the `RecordStore` that names each type.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, notModifiedResponse } from '../../lib/http.js';
import { invalidParameter, problemResponses, ProblemError } from '../../lib/problem.js';
import { publicUrl } from '../../lib/public-url.js';
import { noQueryParameters, queryParameters } from '../../lib/query.js';
import { nowTimestamp } from '../../lib/time.js';
import {
  BEARER_SECURITY,
  checkIfMatch,
  idempotencyHeaderSchema,
  ifMatchHeaderSchema,
  reasonSchema,
  representationEtag,
} from '../../lib/write-http.js';
import type { RecordStore, WriteContext } from './records.writes.js';

/** `event` → `an event`, `source` → `a source`: how summaries name one record. */
function oneOf(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

/** 400 naming `field` unless `id` names a record of the store's type (`null` and absent pass). */
export async function requireRecord<Row extends { id: string }>(tx: WriteTx, store: RecordStore<Row>, field: string, id: string | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  if (!(await tx.records.exists(store, id))) throw invalidParameter('body', field, `no ${store.label} has the id ${JSON.stringify(id)}`);
}

export function newRecordId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

// Derived from app.store's type, not imported: src/store.ts imports this module to build the store.
type Store = FastifyInstance['store'];
/** What a record is rendered from: the store's reads, or inside a write the same seeing its changes. */
export type StoreReads = Omit<Store, 'keys' | 'write' | 'version' | 'ping' | 'close'>;
/** A write's view of the store (src/store.ts `WriteTx`): the reads, and `records` that writes. */
export type WriteTx = Parameters<Parameters<Store['write']>[0]>[0];

export type RecordRoutes<Row extends { id: string }, Create extends AnyObject, Patch extends AnyObject, Wire> = {
  store: RecordStore<Row>;
  /** Under /v1, e.g. `/casualty-reports`. */
  path: string;
  tag: string;
  /** For operationIds: `CasualtyReport` gives createCasualtyReport, updateCasualtyReport, deleteCasualtyReport. */
  name: string;
  idPrefix: string;
  /** Strict, named bodies, with `reason`: what `writeBodies` makes. */
  bodies: { create: Create; patch: Patch };
  /** What GET, POST and PATCH answer. */
  representation: z.ZodType<Wire>;
  render(reads: StoreReads, row: Row): Wire | Promise<Wire>;
  /** Build the row; throw a 400 naming the field when a reference or a combination is wrong. */
  fromCreate(tx: WriteTx, input: z.infer<Create>, id: string, now: string): Row | Promise<Row>;
  fromPatch(tx: WriteTx, current: Row, patch: z.infer<Patch>, now: string): Row | Promise<Row>;
  /** Also register `GET <path>/{id}` (resources without a richer GET of their own). */
  withGet?: { example?: string };
};

function writeContext(request: FastifyRequest, reason: string | undefined): WriteContext {
  const key = request.apiKey!;
  return { keyId: key.id, keyName: key.name, reason: reason ?? null, now: nowTimestamp() };
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
}

export function registerRecordRoutes<Row extends { id: string }, Create extends AnyObject, Patch extends AnyObject, Wire>(
  parent: FastifyInstance,
  def: RecordRoutes<Row, Create, Patch, Wire>,
): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { store } = def;
  const label = store.label;
  const itemPath = `${def.path}/:id`;
  // Untyped here: the reply's type cannot follow a generic schema; bodies are checked by `render`'s type.
  const representation: z.ZodType = def.representation;
  const { create: createBody, patch: patchBody } = def.bodies;

  const render = async (reads: StoreReads, row: Row) => {
    const body = await def.render(reads, row);
    return { body, etag: representationEtag(def.representation, body) };
  };
  const load = async (reads: StoreReads, id: string): Promise<Row> => {
    const row = await reads.records.get(store, id);
    if (!row) throw await reads.records.missing(store.type, label, id);
    return row;
  };

  if (def.withGet) {
    app.get(
      itemPath,
      {
        schema: {
          operationId: `get${def.name}`,
          tags: [def.tag],
          summary: `Get ${oneOf(label)}`,
          description: `One ${label} as stored, with its \`ETag\`; a deleted one answers 410 with when and why it was deleted.`,
          params: def.withGet.example ? z.object({ id: z.string().min(1).max(200).meta({ examples: [def.withGet.example] }) }) : idParamsSchema,
          querystring: noQueryParameters,
          response: { 200: representation, ...notModifiedResponse, ...problemResponses(404, 410) },
        },
      },
      async (request, reply) => reply.send(await def.render(app.store, await load(app.store, request.params.id))),
    );
  }

  app.post(
    def.path,
    {
      onRequest: app.requireRole('editor'),
      schema: {
        operationId: `create${def.name}`,
        tags: [def.tag],
        summary: `Create ${oneOf(label)}`,
        description:
          `Answers 201 with the new ${label}, its \`Location\` and \`ETag\`. The server sets \`id\`, \`created_at\` and \`updated_at\`. ` +
          'With `Idempotency-Key`, a retry of the same request gets the original answer; the same key with another request gets 422.',
        security: BEARER_SECURITY,
        querystring: noQueryParameters,
        headers: idempotencyHeaderSchema,
        body: createBody,
        response: { 201: representation, ...problemResponses(400, 401, 403, 422) },
        responseHeaders: [{ status: [201], headers: ['Location', 'ETag', 'Idempotent-Replayed'] }],
      },
    },
    async (request, reply) => {
      const { reason, ...input } = request.body as z.infer<Create> & { reason?: string };
      const apiKeyId = request.apiKey!.id;
      const idempotencyKey = request.headers['idempotency-key'];
      const hash = requestHash(request);
      const answer = await app.store.write(async (tx) => {
        // Claimed in the transaction that creates the record: a retry, from this process or
        // another, waits for the lock and then finds the key with its answer.
        const prior = idempotencyKey === undefined ? null : await tx.records.idempotency(apiKeyId, idempotencyKey);
        if (prior) {
          if (prior.requestHash !== hash) {
            throw new ProblemError('SITREP_IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request. Use a new key for a new request.');
          }
          // Keys stored before answers were kept with them have none: answer the record as it is now.
          const kept = prior.body === null ? await render(tx, await load(tx, prior.location!.split('/').at(-1)!)) : { body: JSON.parse(prior.body) as unknown, etag: prior.etag };
          return { status: prior.status, location: prior.location, replayed: true, ...kept };
        }
        const ctx = writeContext(request, reason);
        const id = newRecordId(def.idPrefix);
        const location = `/v1${def.path}/${id}`;
        await tx.records.create(store, await def.fromCreate(tx, input as z.infer<Create>, id, ctx.now), ctx);
        const { body, etag } = await render(tx, await load(tx, id));
        if (idempotencyKey !== undefined) {
          await tx.records.keepIdempotency({ apiKeyId, key: idempotencyKey, requestHash: hash, status: 201, location, etag, body: JSON.stringify(body), createdAt: ctx.now });
        }
        return { status: 201, location, replayed: false, body, etag };
      });
      // A key is kept only with the 201 of the record it created.
      reply.code(answer.status as 201);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      // Kept as a path, so a replay names the base URL the server has now.
      if (answer.location) reply.header('location', publicUrl(request, answer.location));
      if (answer.etag) reply.header('etag', answer.etag);
      return reply.send(answer.body);
    },
  );

  app.patch(
    itemPath,
    {
      onRequest: app.requireRole('editor'),
      schema: {
        operationId: `update${def.name}`,
        tags: [def.tag],
        summary: `Update ${oneOf(label)}`,
        description:
          `Changes the fields sent (null clears an optional one) and answers the ${label} with its new \`ETag\`. ` +
          '`If-Match` must carry the current ETag: a stale one gets 412 and changes nothing. `reason` is the correction note readers see.',
        security: BEARER_SECURITY,
        params: idParamsSchema,
        querystring: noQueryParameters,
        headers: ifMatchHeaderSchema,
        body: patchBody,
        response: { 200: representation, ...problemResponses(400, 401, 403, 404, 410, 412, 428) },
        responseHeaders: [{ status: [200], headers: ['ETag'] }],
      },
    },
    async (request, reply) => {
      const { reason, ...patch } = request.body as z.infer<Patch> & { reason?: string };
      const { body, etag } = await app.store.write(async (tx) => {
        const current = await load(tx, request.params.id);
        checkIfMatch(request.headers['if-match'], (await render(tx, current)).etag, label);
        const ctx = writeContext(request, reason);
        await tx.records.update(store, current, await def.fromPatch(tx, current, patch as z.infer<Patch>, ctx.now), ctx);
        return render(tx, await load(tx, current.id));
      });
      return reply.header('etag', etag).send(body);
    },
  );

  app.delete(
    itemPath,
    {
      onRequest: app.requireRole('editor'),
      schema: {
        operationId: `delete${def.name}`,
        tags: [def.tag],
        summary: `Delete ${oneOf(label)}`,
        description:
          `Removes the ${label} from lists, statistics and search; its GET then answers 410 with when and why. ` +
          `\`If-Match\` must carry the current ETag. Refused with 409 while other records refer to it.`,
        security: BEARER_SECURITY,
        params: idParamsSchema,
        querystring: queryParameters({ reason: reasonSchema.optional() }),
        headers: ifMatchHeaderSchema,
        response: { 204: z.undefined().describe('Deleted.'), ...problemResponses(400, 401, 403, 404, 409, 410, 412, 428) },
      },
    },
    async (request, reply) => {
      await app.store.write(async (tx) => {
        const current = await load(tx, request.params.id);
        checkIfMatch(request.headers['if-match'], (await render(tx, current)).etag, label);
        await tx.records.remove(store, current, writeContext(request, request.query.reason));
      });
      return reply.code(204).send();
    },
  );
}
