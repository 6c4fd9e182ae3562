// Wire shapes and write bodies of the records that hang off an event: casualty, munition and
// damage reports (each one source's figures), citations (the evidence) and relations. Each is
// served flat, as stored; bodies are strict, so an unknown or server-owned field is a 400.
import { z } from 'zod';
import { instantInputSchema } from '../../lib/time-input.js';
import { writeBodies } from '../../lib/write-http.js';
import {
  assetCategorySchema,
  casualtyCategorySchema,
  casualtyGroupSchema,
  relationKindSchema,
  timePrecisionSchema,
  weaponCategorySchema,
} from '../../lib/vocabulary-schemas.js';

const id = z.string().min(1).max(200);
const INT32_MAX = 2_147_483_647;
const count = z
  .number()
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be 0 or more' })
  .max(INT32_MAX, { error: `must be at most ${INT32_MAX}` })
  .meta({ format: 'int32' });
const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const stamps = { created_at: z.string(), updated_at: z.string() };

/**
 * The time a source gives one figure, when it gives one of its own (an Air Force post dates each
 * row's window): statistics count the figure where this starts. Null: the event's time.
 */
function figureTimeFields() {
  const precision = timePrecisionSchema;
  return {
    start_at: instantInputSchema.nullable().describe('When the figure\'s own period starts (RFC 3339); null: the event\'s time. Statistics count the figure where this starts.'),
    start_precision: precision.nullable().describe('How exactly `start_at` is known; set with `start_at`.'),
    end_at: instantInputSchema.nullable().describe('When the figure\'s own period ends; only with `start_at`.'),
    end_precision: precision.nullable().describe('How exactly `end_at` is known; set with `end_at`.'),
  };
}

const casualtyFields = {
  event_id: id,
  source_id: id.describe('The source that reported the figure.'),
  category: casualtyCategorySchema,
  group: casualtyGroupSchema,
  low: count.nullable(),
  best: count.nullable(),
  high: count.nullable().describe('Null when open-ended ("at least").'),
  as_reported: text(500).nullable().describe('The figure in the source\'s words, e.g. "at least 23".'),
};
const munitionFields = {
  event_id: id,
  source_id: id,
  weapon_category: weaponCategorySchema,
  weapon_model: text(200).nullable(),
  launched: count.nullable(),
  intercepted: count.nullable().describe('Shot down.'),
  lost_to_ew: count.nullable().describe('Lost in flight without being shot down.'),
  ...figureTimeFields(),
};
const damageFields = {
  event_id: id,
  source_id: id,
  asset_category: assetCategorySchema,
  count: count.nullable(),
  description: text(2000).nullable(),
};
const citationFields = {
  event_id: id.describe('The event whose fact this backs.'),
  source_id: id.describe('Who made the claim.'),
  via_source_id: id.nullable().describe('Where sitrep read it, when not from the source directly.'),
  casualty_report_id: id.nullable(),
  munition_report_id: id.nullable(),
  damage_report_id: id.nullable(),
  relation_id: id.nullable().describe('A relation whose from-event is `event_id`.'),
  quote: text(5000).nullable().describe('The supporting sentence, verbatim.'),
  locator: text(500).nullable().describe('Where in the source the evidence is.'),
};
const relationFields = {
  from_event_id: id,
  kind: relationKindSchema,
  to_event_id: id,
};

const wire = <T extends z.ZodRawShape>(shape: T, name: string, description: string) =>
  z.object({ id: z.string(), ...shape, ...stamps }).meta({ id: name, description });

export const casualtyReportRecordSchema = wire(casualtyFields, 'CasualtyReportRecord', 'A casualty report as stored: one source\'s count for one event.');
export const munitionReportRecordSchema = wire(
  { ...munitionFields, start_at: z.string().nullable().describe(munitionFields.start_at.description!), end_at: z.string().nullable().describe(munitionFields.end_at.description!) },
  'MunitionReportRecord',
  'A munition report as stored.',
);
export const damageReportRecordSchema = wire(damageFields, 'DamageReportRecord', 'A damage report as stored.');
export const citationRecordSchema = wire(citationFields, 'CitationRecord', 'A citation as stored: at most one of the `*_id` fact fields is set; none means it backs the event itself.');
export const relationRecordSchema = wire(relationFields, 'RelationRecord', 'A relation, read as "<from event> <kind> <to event>".');

/** Create body: nullable fields may be left out; `event_id` (or `from_event_id`) cannot change later. */
function bodies<T extends z.ZodRawShape>(name: string, label: string, shape: T, owner: keyof T & string) {
  const optionalNullables = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema instanceof z.ZodNullable ? schema.optional() : schema]),
  ) as { [K in keyof T]: T[K] };
  const { [owner]: _owner, ...patchable } = shape;
  return writeBodies(name, label, z.strictObject(optionalNullables), z.strictObject(patchable).partial());
}

export const casualtyReportBodies = bodies('CasualtyReport', 'casualty report', casualtyFields, 'event_id');
export const munitionReportBodies = bodies('MunitionReport', 'munition report', munitionFields, 'event_id');
export const damageReportBodies = bodies('DamageReport', 'damage report', damageFields, 'event_id');
export const citationBodies = bodies('Citation', 'citation', citationFields, 'event_id');
export const relationBodies = bodies('Relation', 'relation', relationFields, 'from_event_id');
