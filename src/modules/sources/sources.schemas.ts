// Wire shapes of sources and citations. A citation is evidence for one fact: a quote or a locator,
// the source that made the claim and, where sitrep read it second-hand, the source it came through.
import { z } from 'zod';
import { listEnvelope, pageQuerySchema } from '../../lib/pagination.js';
import { queryParameters } from '../../lib/query.js';
import { writeBodies } from '../../lib/write-http.js';
import { citationRoleSchema, factTypeSchema, sourceKindSchema } from '../../lib/vocabulary-schemas.js';
import { sourceDetailExample, sourceListExample } from './sources.examples.js';

export const sourceSchema = z
  .object({
    id: z.string(),
    kind: sourceKindSchema,
    publisher: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    reference: z.string().nullable().describe('How to find a source that has no URL.'),
    published_at: z.string().nullable().describe('RFC 3339 UTC, when known.'),
    notes: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Source' });

export const sourceRefSchema = sourceSchema
  .pick({ id: true, kind: true, publisher: true, title: true, url: true })
  .meta({ id: 'SourceRef', description: 'A source, in brief.' });

export const citationSchema = z
  .object({
    id: z.string(),
    source: sourceRefSchema.describe('Who made the claim.'),
    via: sourceRefSchema.nullable().describe('Where sitrep read the claim, when not from `source` directly.'),
    quote: z.string().nullable().describe('The supporting sentence, verbatim.'),
    locator: z.string().nullable().describe('Where in the source the evidence is (section, row, timestamp).'),
  })
  .meta({ id: 'Citation' });

export const sourceFactSchema = z
  .object({
    citation_id: z.string(),
    role: citationRoleSchema,
    fact_type: factTypeSchema,
    fact_id: z.string().describe('The id of the event, report or relation the citation backs.'),
    event: z.object({ id: z.string(), title: z.string(), start_at: z.string() }),
    quote: z.string().nullable(),
    locator: z.string().nullable(),
  })
  .meta({ id: 'SourceFact' });

/** Facts a source's detail carries; a source can back hundreds of thousands (the Air Force's). */
export const SOURCE_FACTS_SHOWN = 100;

export const sourceDetailSchema = sourceSchema
  .extend({
    facts: z
      .array(sourceFactSchema)
      .describe(`The first ${SOURCE_FACTS_SHOWN} citations, by id, in which this source is the claimant or the channel; \`facts_next\` continues the list.`),
    facts_total: z.number().int().describe('How many citations name this source, as claimant or channel.'),
    facts_next: z
      .string()
      .nullable()
      .describe(
        'The `/v1/citations` page with the citations after the last of `facts` (shaped as citations, with their sources), ' +
          'whose `next_cursor` pages on; null when `facts` holds them all.',
      ),
  })
  .meta({ id: 'SourceDetail', description: 'One source, the first of the facts it supports, and where the rest are.', examples: [sourceDetailExample] });

export const listSourcesQuerySchema = queryParameters({
  kind: sourceKindSchema.optional().describe('Only sources of this kind.'),
  ...pageQuerySchema,
});

export const sourceListSchema = listEnvelope(sourceSchema).meta({
  id: 'SourceList',
  description: 'A page of sources; pass `next_cursor` as `cursor`, with the same filters, for the next one.',
  examples: [sourceListExample],
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type SourceWire = z.infer<typeof sourceSchema>;
export type SourceFact = z.infer<typeof sourceFactSchema>;
export type SourceDetail = z.infer<typeof sourceDetailSchema>;

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });

/** Body of `POST /v1/sources`; strict, so server-owned and unknown fields are refused by name. */
const createSourceBodySchema = z.strictObject({
  kind: sourceKindSchema,
  publisher: text(200),
  title: text(500).nullable().optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000).nullable().optional(),
  reference: text(1000).nullable().optional().describe('How to find a source that has no URL.'),
  published_at: z.iso
    .datetime({ offset: true, error: 'must be an RFC 3339 date-time with an offset' })
    .max(64, { error: 'must be at most 64 characters' })
    .transform((v) => new Date(v).toISOString().replace('.000Z', 'Z')).nullable().optional(),
  notes: text(5000).nullable().optional(),
});

export const sourceBodies = writeBodies('Source', 'source', createSourceBodySchema, createSourceBodySchema.partial());
