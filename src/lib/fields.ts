// `fields=`: a choice of an item's top-level fields, for JSON, NDJSON, CSV and GeoJSON alike,
// listed like every multi-valued parameter (src/lib/filters.ts). `id` is always kept, first, so
// every projected row can still be traced back. The OpenAPI schemas keep the full item shape (the
// fields are documented as omissible with `fields`) rather than making every property optional
// for everyone, so a projected answer does not match them (the contract fuzz allows for it).
import type { z } from 'zod';
import { listOf } from './filters.js';
import { invalidParameter } from './problem.js';

/** `fields=` over the names of `vocabulary`, a named zod enum of an item's top-level fields. */
export function fieldsQuerySchema<V extends string>(vocabulary: z.ZodEnum<{ [K in V]: K }>, note = '') {
  const allowed: readonly string[] = vocabulary.options;
  return listOf(vocabulary, {
    noun: 'field',
    description:
      `Top-level fields to return (${allowed.join(', ')}), in that order; \`id\` is always included, first. ` +
      `Omitted fields are left out of each item (JSON, NDJSON, GeoJSON properties) or row (CSV columns).${note ? ` ${note}` : ''}`,
  })
    .transform((names: string[]) => (names.includes('id') ? ['id', ...names.filter((name) => name !== 'id')] : ['id', ...names]))
    .optional();
}

/** Refuses fields a format does not carry (e.g. `headline` outside CSV and GeoJSON). */
export function requireFieldsIn(fields: readonly string[] | undefined, available: readonly string[], format: string): void {
  const missing = fields?.filter((name) => !available.includes(name)) ?? [];
  if (missing.length) {
    throw invalidParameter('query', 'fields', `${missing.join(', ')} not available in ${format}; allowed: ${available.join(', ')}`);
  }
}

/** The item with only `fields` (in that order); the whole item when `fields` is not given. */
export function project<T extends object>(item: T, fields: readonly string[] | undefined): Partial<T> {
  if (!fields) return item;
  const out: Record<string, unknown> = {};
  for (const name of fields) out[name] = (item as Record<string, unknown>)[name];
  return out as Partial<T>;
}
