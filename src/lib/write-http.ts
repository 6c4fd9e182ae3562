// HTTP pieces shared by the write routes: the bearer security requirement, `If-Match` and the
// ETag of a representation, computed exactly as the ETag hook computes it for GET.
import { z } from 'zod';
import { etagOf, ifMatchTagMatches } from './etag.js';
import { ProblemError } from './problem.js';

/** OpenAPI security requirement of operations that need an API key. */
export const BEARER_SECURITY = [{ bearer: [] }];

/** The ETag a GET of this body with this response schema carries (same serializer, same hash). */
export function representationEtag(schema: z.ZodType, body: unknown): string {
  return etagOf(JSON.stringify(z.encode(schema, body)));
}

/**
 * Checks `If-Match` (RFC 9110 §13.1.1: strong comparison, `*` matches any current record; the
 * tag of a compressed answer, `"….br"`, names the same record).
 * Missing: 428, so a client cannot overwrite a change it never saw; stale: 412.
 */
export function checkIfMatch(header: string | undefined, currentEtag: string, what: string): void {
  if (header === undefined || header.trim() === '') {
    throw new ProblemError('SITREP_PRECONDITION_REQUIRED', `Send If-Match with the ETag of the ${what} you read (GET it to get one), so that a change made since is not overwritten.`);
  }
  const matches = header.trim() === '*' || header.split(',').some((tag) => ifMatchTagMatches(tag, currentEtag));
  if (!matches) {
    throw new ProblemError('SITREP_PRECONDITION_FAILED', `The ${what} changed since that ETag was issued; its current ETag is ${currentEtag}. GET it again, then retry. Nothing was changed.`);
  }
}

export const reasonSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(2000, { error: 'must be at most 2000 characters' })
  .describe('Why the change was made: the correction note readers see in the revisions and the change feed.');

/**
 * The create and patch bodies of a writable record type, each with `reason`, strict, and named
 * `<Name>Create` and `<Name>Patch` in the OpenAPI document so that SDK generators name their
 * types. Call once per type, where its schemas are defined: a zod id can be registered only once.
 */
export function writeBodies<Create extends z.ZodRawShape, Patch extends z.ZodRawShape>(
  name: string,
  label: string,
  create: z.ZodObject<Create, z.core.$strict>,
  patch: z.ZodObject<Patch, z.core.$strict>,
) {
  const withReason = { reason: reasonSchema.optional() };
  return {
    create: create
      .extend(withReason)
      .strict()
      .meta({ id: `${name}Create`, description: `A new ${label}. The server sets \`id\`, \`created_at\` and \`updated_at\`; a field it does not take is refused by name.` }),
    patch: patch
      .extend(withReason)
      .strict()
      .meta({ id: `${name}Patch`, description: `The fields of the ${label} to change, and only those; null clears an optional one.` }),
  };
}

export const ifMatchHeaderSchema = z.object({
  'if-match': z.string().max(1024).optional().describe('The ETag of the record as last read; without it the answer is 428, with an older one 412.'),
});

export const idempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(255, { error: 'must be at most 255 characters' })
    .optional()
    .describe('Any unique string (a UUID): a retry with the same key and body gets the original answer instead of a second record.'),
});
