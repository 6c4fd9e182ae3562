// Wire shapes of actors: the people, states, forces and organisations that take part in events.
import { z } from 'zod';
import { countryCode, countryCodeSchema } from '../../lib/filters.js';
import { listEnvelope, pageQuerySchema } from '../../lib/pagination.js';
import { queryParameters } from '../../lib/query.js';
import { writeBodies } from '../../lib/write-http.js';
import { actorKindSchema, actorRoleSchema } from '../../lib/vocabulary-schemas.js';
import { actorDetailExample, actorListExample } from './actors.examples.js';

export const actorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: actorKindSchema,
    country: z.string().nullable().describe('ISO 3166-1 alpha-2 code of the actor\'s country, when it has one.'),
    description: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Actor' });

export const actorDetailSchema = actorSchema
  .extend({
    roles: z
      .array(z.object({ role: actorRoleSchema, event_count: z.number().int() }))
      .describe('In how many events the actor appears in each role; list them with `GET /v1/events?actor=<id>`.'),
  })
  .meta({ id: 'ActorDetail', description: 'One actor, with the roles it plays in events.', examples: [actorDetailExample] });

export const listActorsQuerySchema = queryParameters({
  kind: actorKindSchema.optional().describe('Only actors of this kind.'),
  country: countryCode('US').optional().describe('Only actors of this country (ISO 3166-1 alpha-2).'),
  q: z.string().trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }).optional().describe('Text the name contains; case is ignored for the Latin letters A–Z.').meta({ examples: ['Trump'] }),
  ...pageQuerySchema,
});

export const actorListSchema = listEnvelope(actorSchema).meta({
  id: 'ActorList',
  description: 'A page of actors; pass `next_cursor` as `cursor`, with the same filters, for the next one.',
  examples: [actorListExample],
});

export type ActorWire = z.infer<typeof actorSchema>;

/** Body of `POST /v1/actors`; strict, so server-owned and unknown fields are refused by name. */
const createActorBodySchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
  kind: actorKindSchema,
  country: countryCodeSchema.nullable().optional(),
  description: z.string().trim().min(1, { error: 'must not be empty' }).max(5000, { error: 'must be at most 5000 characters' }).nullable().optional(),
});

export const actorBodies = writeBodies('Actor', 'actor', createActorBodySchema, createActorBodySchema.partial());
