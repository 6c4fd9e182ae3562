// Bodies of event writes. Strict: an unknown or server-owned field is a 400 naming it.
import { z } from 'zod';
import { EVENT_STATUSES, GEO_PRECISIONS } from '../../domain/vocabulary.js';
import { isValidTimeZone } from '../../lib/time.js';
import { instantInputSchema } from '../../lib/time-input.js';
import { actorRoleSchema } from '../actors/actors.schemas.js';
import { eventKindSchema, timePrecisionSchema } from './events.schemas.js';

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });

const locationInputSchema = z.strictObject({
  place: text(200).nullable().optional(),
  admin1: text(200).nullable().optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code such as UA' }).transform((v) => v.toUpperCase()).nullable().optional(),
  latitude: z.number().min(-90, { error: 'must be between -90 and 90' }).max(90, { error: 'must be between -90 and 90' }).nullable().optional(),
  longitude: z.number().min(-180, { error: 'must be between -180 and 180' }).max(180, { error: 'must be between -180 and 180' }).nullable().optional(),
  geo_precision: z.enum(GEO_PRECISIONS).nullable().optional(),
});

const eventActorInputSchema = z.strictObject({
  id: z.string().min(1).max(200).describe('An actor id.'),
  role: actorRoleSchema,
});

const eventFields = {
  kind: eventKindSchema,
  status: z.enum(EVENT_STATUSES),
  title: text(500),
  summary: text(10_000),
  start_at: instantInputSchema,
  start_precision: timePrecisionSchema,
  end_at: instantInputSchema.nullable(),
  end_precision: timePrecisionSchema.nullable(),
  timezone: z.string().max(64).refine(isValidTimeZone, { error: 'must be an IANA time zone such as Europe/Kyiv' }),
  location: locationInputSchema,
  actors: z.array(eventActorInputSchema).max(200).describe('Who took part, in which role. On PATCH, the whole list is replaced.'),
};

export const createEventBodySchema = z.strictObject({
  ...eventFields,
  end_at: eventFields.end_at.optional(),
  end_precision: eventFields.end_precision.optional(),
  location: eventFields.location.optional(),
  actors: eventFields.actors.optional(),
});

export const patchEventBodySchema = z.strictObject(eventFields).partial();

export type CreateEventBody = z.infer<typeof createEventBodySchema>;
export type PatchEventBody = z.infer<typeof patchEventBodySchema>;
