// Query-parameter schemas reused by several list endpoints.
import { z } from 'zod';
import { isValidTimeZone, parseDateTime } from './time.js';

/** An ISO 3166-1 alpha-2 code; lower case is accepted and upper-cased. */
export const countryCodeSchema = countryCode();

/**
 * `countryCodeSchema`, optionally with an example for the OpenAPI document. Examples of a
 * transformed parameter must sit before the transform: zod drops them from the input schema.
 */
export function countryCode(example?: string) {
  const code = z.string().regex(/^[A-Za-z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code such as UA' });
  return (example ? code.meta({ examples: [example] }) : code).transform((value) => value.toUpperCase());
}

/**
 * A parameter that may be repeated (`kind=a&kind=b`); the handler gets a de-duplicated array.
 * `example`, when given, is one of `values`, shown in the OpenAPI document.
 */
export function repeatableEnum<const T extends readonly [string, ...string[]]>(values: T, example?: T[number]) {
  const error = `must be one of: ${values.join(', ')}`;
  const item = z.enum(values, { error });
  const either = z.union([item, z.array(item)], { error });
  return (example ? either.meta({ examples: [example] }) : either)
    .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
    .meta({ description: 'Repeat the parameter to allow several values.' });
}

/** An RFC 3339 date-time with a UTC offset, read by the one date-time parser (`parseDateTime`). */
export function dateTimeParameter() {
  return z
    .string()
    .max(64, { error: 'must be at most 64 characters' })
    .meta({ format: 'date-time' })
    .transform((value, ctx) => {
      const reading = parseDateTime(value);
      if (reading.ok) return reading.dateTime;
      ctx.addIssue({ code: 'custom', message: reading.reason ?? 'must be an RFC 3339 date-time with a UTC offset, e.g. 2025-07-05T12:00:00Z' });
      return z.NEVER;
    });
}

/** An IANA time zone name; buckets and local times are computed in it. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { error: 'must be an IANA time zone such as UTC or Europe/Kyiv' })
  .default('UTC')
  .describe('IANA time zone for buckets and local times, e.g. Europe/Kyiv. Default UTC.')
  .meta({ examples: ['Europe/Kyiv'] });
