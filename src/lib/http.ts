// Response declarations shared by the routes.
import { z } from 'zod';

/** GETs carry an ETag (@fastify/etag); a matching `If-None-Match` gets an empty 304. */
export const notModifiedResponse = {
  304: z.undefined().describe('Not modified: the `If-None-Match` ETag still matches.'),
};

/** The longest id any resource has; longer path segments are refused before routing. */
export const MAX_ID_LENGTH = 200;

const idSchema = z
  .string()
  .min(1, { error: 'is empty: the path names no id' })
  .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters` })
  .describe('The resource id (opaque, stable).');

export const idParamsSchema = z.object({ id: idSchema });

/** `idParamsSchema` with a real id as its example: /docs shows it and fills it in for "Try it out". */
export function idParamsWithExample(example: string) {
  return z.object({ id: idSchema.meta({ examples: [example] }) });
}
