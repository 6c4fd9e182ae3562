// Wire shapes and parameters of the report and citation lists: every figure as one source's
// claim, and every citation with the fact it backs, in JSON pages or as CSV and NDJSON files.
import { z } from 'zod';
import { offeredFormats } from '../../lib/formats.js';
import { exportPageQuerySchema, listEnvelope } from '../../lib/pagination.js';
import { queryParameters } from '../../lib/query.js';
import { casualtyReportSchema, damageReportSchema, munitionReportSchema } from '../events/events.schemas.js';
import { placeFilterParameters } from '../places/places.schemas.js';
import { factTypeSchema } from '../../lib/vocabulary-schemas.js';
import { citationSchema } from '../sources/sources.schemas.js';
import { casualtyReportListExample, citationListExample, damageReportListExample, munitionReportListExample } from './claims.examples.js';

export const REPORT_FORMATS = offeredFormats(['json', 'csv', 'ndjson'], 'ReportFormat');

const idFilter = (what: string, example: string) =>
  z.string().min(1).max(200).meta({ examples: [example] }).optional().describe(what);

export const listReportsQuerySchema = queryParameters({
  event: idFilter('Only the reports of this event.', 'evt_2025_07_04_kyiv_strike'),
  source: idFilter('Only the reports this source made.', 'src_time'),
  ...placeFilterParameters,
  ...exportPageQuerySchema,
});

export const listCitationsQuerySchema = queryParameters({
  event: idFilter('Only the citations of this event and its reports and relations.', 'evt_2025_07_04_kyiv_strike'),
  source: idFilter('Only citations in which this source is the claimant or the channel (`via`).', 'src_source_article'),
  fact_type: factTypeSchema.optional().describe('Only citations backing this kind of fact.'),
  ...exportPageQuerySchema,
});

export type ListReportsQuery = z.infer<typeof listReportsQuerySchema>;
export type ListCitationsQuery = z.infer<typeof listCitationsQuerySchema>;

export const casualtyReportListSchema = listEnvelope(casualtyReportSchema).meta({
  id: 'CasualtyReportList',
  examples: [casualtyReportListExample],
  description: 'A page of casualty reports, ordered by id; pass `next_cursor` as `cursor`, with the same filters, for the next one.',
});
export const munitionReportListSchema = listEnvelope(munitionReportSchema).meta({
  id: 'MunitionReportList',
  examples: [munitionReportListExample],
  description: 'A page of munition reports, ordered by id; pass `next_cursor` as `cursor`, with the same filters, for the next one.',
});
export const damageReportListSchema = listEnvelope(damageReportSchema).meta({
  id: 'DamageReportList',
  examples: [damageReportListExample],
  description: 'A page of damage reports, ordered by id; pass `next_cursor` as `cursor`, with the same filters, for the next one.',
});

export const citationRecordSchema = citationSchema
  .extend({
    event_id: z.string().describe('The event the cited fact belongs to.'),
    fact_type: factTypeSchema,
    fact_id: z.string().describe('The id of the event, report or relation the citation backs.'),
  })
  .meta({ id: 'CitationWithFact', description: 'A citation with the fact it backs.' });

export const citationListSchema = listEnvelope(citationRecordSchema).meta({
  id: 'CitationList',
  examples: [citationListExample],
  description: 'A page of citations, ordered by id; pass `next_cursor` as `cursor`, with the same filters, for the next one.',
});

export type CitationRecordWire = z.infer<typeof citationRecordSchema>;
