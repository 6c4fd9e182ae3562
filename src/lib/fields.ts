// `fields=`: a comma-separated choice of an item's top-level fields, for JSON, NDJSON, CSV and
// GeoJSON alike. `id` is always kept, first, so every projected row can still be traced back.
// The OpenAPI schemas keep the full item shape (the fields are documented as omissible with
// `fields`) rather than making every property optional for everyone.
import { z } from 'zod';
import { invalidParameter } from './problem.js';

export function fieldsQuerySchema(allowed: readonly string[], note = '') {
  return z
    .string()
    .max(1000, { error: 'must be at most 1000 characters' })
    .transform((value, ctx) => {
      const names = [...new Set(value.split(',').map((name) => name.trim()).filter(Boolean))];
      const unknown = names.filter((name) => !allowed.includes(name));
      if (unknown.length || names.length === 0) {
        const what = unknown.length ? `has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ` : 'names no field; ';
        ctx.addIssue({ code: 'custom', message: `${what}allowed: ${allowed.join(', ')}` });
        return z.NEVER;
      }
      return names.includes('id') ? ['id', ...names.filter((name) => name !== 'id')] : ['id', ...names];
    })
    .optional()
    .describe(
      `Comma-separated top-level fields to return (${allowed.join(', ')}), in that order; \`id\` is always included, first. ` +
        `Omitted fields are left out of each item (JSON, NDJSON, GeoJSON properties) or row (CSV columns).${note ? ` ${note}` : ''}`,
    );
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
