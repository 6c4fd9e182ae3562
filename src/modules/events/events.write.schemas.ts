// Bodies of event writes. Strict: an unknown or server-owned field is a 400 naming it.
import { z } from 'zod';
import { countryCodeSchema } from '../../lib/filters.js';
import { isValidTimeZone } from '../../lib/time.js';
import { instantInputSchema } from '../../lib/time-input.js';
import { writeBodies } from '../../lib/write-http.js';
import { actorRoleSchema, eventKindSchema, eventStatusSchema, geoPrecisionSchema, placeRoleSchema, timePrecisionSchema } from '../../lib/vocabulary-schemas.js';

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });

const locationInputSchema = z.strictObject({
  place: text(200).nullable().optional(),
  admin1: text(200).nullable().optional(),
  country: countryCodeSchema.nullable().optional(),
  latitude: z.number().min(-90, { error: 'must be between -90 and 90' }).max(90, { error: 'must be between -90 and 90' }).nullable().optional(),
  longitude: z.number().min(-180, { error: 'must be between -180 and 180' }).max(180, { error: 'must be between -180 and 180' }).nullable().optional(),
  geo_precision: geoPrecisionSchema.nullable().optional(),
});

const placeInputSchema = z
  .strictObject({
    role: placeRoleSchema,
    name: text(200).describe('The place as the source names it. Without `gazetteer_id` or coordinates, it is looked up in the gazetteer (any spelling).'),
    gazetteer_id: z.string().min(1).max(100).optional().describe('The gazetteer entry (`/v1/places`), where the name alone is ambiguous or spelled otherwise.'),
    latitude: z.number().min(-90, { error: 'must be between -90 and 90' }).max(90, { error: 'must be between -90 and 90' }).optional(),
    longitude: z.number().min(-180, { error: 'must be between -180 and 180' }).max(180, { error: 'must be between -180 and 180' }).optional(),
    geo_precision: geoPrecisionSchema.optional().describe('With coordinates: what they locate.'),
    admin1: z
      .string()
      .max(6, { error: 'must be an ISO 3166-2 code such as UA-30', abort: true })
      .regex(/^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/, { error: 'must be an ISO 3166-2 code such as UA-30' })
      .optional().describe('With coordinates: the ISO 3166-2 unit they lie in.'),
  })
  .describe('A place: a gazetteer entry (by `gazetteer_id`, or by `name` alone), or a place the gazetteer lacks, by `latitude`, `longitude` and `geo_precision`.');

const eventActorInputSchema = z.strictObject({
  id: z.string().min(1).max(200).describe('An actor id.'),
  role: actorRoleSchema,
});

const eventFields = {
  kind: eventKindSchema,
  status: eventStatusSchema,
  title: text(500),
  summary: text(10_000),
  start_at: instantInputSchema,
  start_precision: timePrecisionSchema,
  end_at: instantInputSchema.nullable(),
  end_precision: timePrecisionSchema.nullable(),
  timezone: z.string().max(64).refine(isValidTimeZone, { error: 'must be an IANA time zone such as Europe/Kyiv' }),
  location: locationInputSchema,
  actors: z.array(eventActorInputSchema).max(200).describe('Who took part, in which role. On PATCH, the whole list is replaced.'),
  places: z.array(placeInputSchema).max(200).describe('The places the event concerns, each in a role, in the source\'s order. On PATCH, the whole list is replaced.'),
};

const createEventBodySchema = z.strictObject({
  ...eventFields,
  end_at: eventFields.end_at.optional(),
  end_precision: eventFields.end_precision.optional(),
  location: eventFields.location.optional(),
  actors: eventFields.actors.optional(),
  places: eventFields.places.optional(),
});

const patchEventBodySchema = z.strictObject(eventFields).partial();

export const eventBodies = writeBodies('Event', 'event', createEventBodySchema, patchEventBodySchema);

export type CreateEventBody = z.infer<typeof createEventBodySchema>;
export type PatchEventBody = z.infer<typeof patchEventBodySchema>;
export type PlaceInput = z.infer<typeof placeInputSchema>;
