// POST, PATCH and DELETE for one type of record, the same for every writable resource: an
// editor key, a zod-checked strict body, `If-Match` on PATCH and DELETE, `Idempotency-Key` on
// POST, one transaction per write with its revision, a tombstone on delete. The record is read,
// `If-Match` compared and the `Idempotency-Key` claimed inside that transaction (`app.store.write`), so
// two processes serving one database file cannot both pass a check before either commits.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { idParamsSchema, notModifiedResponse } from '../../lib/http.js';
import { problemResponses, ProblemError } from '../../lib/problem.js';
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
import { getIdempotencyRecord, insertIdempotencyRecord, missingRecord, type Queryable } from './records.repository.js';
import { commitCreate, commitDelete, commitUpdate, type RecordStore, type WriteContext } from './records.writes.js';

/** `event` → `an event`, `source` → `a source`: how summaries name one record. */
function oneOf(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

export function newRecordId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

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
  render(db: Db, row: Row): Wire | Promise<Wire>;
  /** Build the row; throw a 400 naming the field when a reference or a combination is wrong. */
  fromCreate(tx: Queryable, input: z.infer<Create>, id: string, now: string): Row;
  fromPatch(tx: Queryable, current: Row, patch: z.infer<Patch>, now: string): Row;
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

  const render = async (db: Db, row: Row) => {
    const body = await def.render(db, row);
    return { body, etag: representationEtag(def.representation, body) };
  };
  const load = (db: Db, id: string) => store.get(db, id) ?? (() => { throw missingRecord(db, store.type, label, id); })();

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
      async (request, reply) => reply.send(await app.store.read(async (db) => def.render(db, load(db, request.params.id)))),
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
        const prior = idempotencyKey === undefined ? null : getIdempotencyRecord(tx, apiKeyId, idempotencyKey);
        if (prior) {
          if (prior.requestHash !== hash) {
            throw new ProblemError('SITREP_IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request. Use a new key for a new request.');
          }
          // Keys stored before answers were kept with them have none: answer the record as it is now.
          const kept = prior.body === null ? await render(tx, load(tx, prior.location!.split('/').at(-1)!)) : { body: JSON.parse(prior.body) as unknown, etag: prior.etag };
          return { status: prior.status, location: prior.location, replayed: true, ...kept };
        }
        const ctx = writeContext(request, reason);
        const id = newRecordId(def.idPrefix);
        const location = `/v1${def.path}/${id}`;
        commitCreate(tx, store, def.fromCreate(tx, input as z.infer<Create>, id, ctx.now), ctx);
        const { body, etag } = await render(tx, load(tx, id));
        if (idempotencyKey !== undefined) {
          insertIdempotencyRecord(tx, { apiKeyId, key: idempotencyKey, requestHash: hash, status: 201, location, etag, body: JSON.stringify(body), createdAt: ctx.now });
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
        const current = load(tx, request.params.id);
        checkIfMatch(request.headers['if-match'], (await render(tx, current)).etag, label);
        const ctx = writeContext(request, reason);
        commitUpdate(tx, store, current, def.fromPatch(tx, current, patch as z.infer<Patch>, ctx.now), ctx);
        return render(tx, load(tx, current.id));
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
        const current = load(tx, request.params.id);
        checkIfMatch(request.headers['if-match'], (await render(tx, current)).etag, label);
        commitDelete(tx, store, current, writeContext(request, request.query.reason));
      });
      return reply.code(204).send();
    },
  );
}
