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
  const error = 'must be an ISO 3166-1 alpha-2 code such as UA';
  const code = z.string().max(2, { error, abort: true }).regex(/^[A-Za-z]{2}$/, { error });
  return (example ? code.meta({ examples: [example] }) : code).transform((value) => value.toUpperCase());
}

/** How every multi-valued parameter takes several values; each one's description says it. */
export const LIST_RULE = 'Give several values by repeating the parameter, by separating them with commas, or both.';

const EMPTY_ITEM = 'has an empty item; separate values with single commas';

/**
 * The items of a multi-valued parameter as sent: repeated (`kind=a&kind=b`), comma-separated
 * (`kind=a,b`) or both, trimmed, each once, in order of first appearance. Null when one is empty.
 */
export function listItems(value: string | string[]): string[] | null {
  const items = (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')).map((item) => item.trim());
  return items.includes('') ? null : [...new Set(items)];
}

/**
 * A multi-valued parameter whose items are among the values of `vocabulary`, a named zod enum
 * (`noun` names them in errors). The handler gets the distinct items as an array. Its OpenAPI
 * schema is an array of that enum's component (repeating is the form OpenAPI knows);
 * `description` is followed by LIST_RULE.
 */
export function listOf<V extends string>(vocabulary: z.ZodEnum<{ [K in V]: K }>, options: { description: string; noun?: string; example?: NoInfer<V> }) {
  const noun = options.noun ?? 'value';
  const values: readonly string[] = vocabulary.options;
  // Examples sit on the array, before the preprocess: zod leaves a pipe's own out of the input schema.
  // Items are distinct by then, so there are never more than the vocabulary has.
  const array = z.array(vocabulary).max(values.length);
  const items = z.preprocess((value, ctx) => {
    // Anything else (never sent by a query string) is left for the array schema to refuse.
    if (typeof value !== 'string' && !Array.isArray(value)) return value;
    const list = listItems(Array.isArray(value) ? value.map(String) : value);
    if (!list) {
      ctx.addIssue({ code: 'custom', message: EMPTY_ITEM, input: value });
      return [];
    }
    const unknown = list.filter((item) => !values.includes(item));
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: `has unknown ${noun}${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; allowed: ${values.join(', ')}`, input: value });
    }
    return list;
  }, options.example ? array.meta({ examples: [[options.example]] }) : array);
  return items.describe(`${options.description} ${LIST_RULE}`);
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
