// Every operation declares its query parameters as a strict zod object, even when it takes none, so
// a name it does not define is refused instead of ignored: `form=` for `from=` must not quietly
// widen an answer. src/plugins/errors.ts words zod's issues; requireQueryParameters stops a route
// that forgot the declaration from being registered at all.
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';

/** The query parameters an operation takes; any other name is refused with a 400. */
export function queryParameters<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape);
}

/** The query string of an operation that takes no parameters. */
export const noQueryParameters = queryParameters({});

/** A strict zod object: what `queryParameters` makes, `.extend()`ed or not. */
export function isQueryParameters(schema: unknown): schema is z.ZodObject {
  return schema instanceof z.ZodObject && schema.def.catchall instanceof z.ZodNever;
}

type RouteDeclaration = { method: string | string[]; url: string; schema?: { hide?: boolean; querystring?: unknown } };

/**
 * Throws when a route in the API description declares no strict query schema, so the app does not
 * start with an operation that would ignore parameters. Routes hidden from the description (the
 * Swagger UI's files, CORS preflights) are not operations of the API.
 */
export function requireQueryParameters(route: RouteDeclaration): void {
  if (route.schema?.hide || isQueryParameters(route.schema?.querystring)) return;
  const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
  throw new Error(
    `${method} ${route.url} declares no query parameters: give its schema a querystring made with queryParameters({ … }), ` +
      'or noQueryParameters when it takes none (src/lib/query.ts), so that a name it does not define is refused.',
  );
}

/** Whether a parameter's schema takes several values (an array), unwrapping optional, default and pipes. */
export function takesSeveralValues(schema: unknown): boolean {
  if (!(schema instanceof z.ZodType)) return false;
  const def = schema.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[] };
  switch (def.type) {
    case 'array':
      return true;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return takesSeveralValues(def.innerType);
    case 'pipe':
      // A preprocess's input is whatever its output schema accepts.
      return takesSeveralValues(def.in instanceof z.ZodTransform ? def.out : def.in);
    case 'union':
      return (def.options ?? []).some(takesSeveralValues);
    default:
      return false;
  }
}

export const REPEATED_REASON = 'is repeated; give it once';

/** Why `name` was refused: the nearest parameter the operation takes when one is close, else all of them. */
export function unknownParameterReason(name: string, known: readonly string[]): string {
  if (name === '') return 'is a value sent without a parameter name before its =';
  if (known.length === 0) return 'is not a parameter of this operation, which takes no query parameters';
  const nearest = nearestName(name, known);
  if (nearest) return `is not a parameter of this operation; did you mean \`${nearest}\`?`;
  return `is not a parameter of this operation, which accepts: ${known.join(', ')}`;
}

/**
 * The known name within a few edits of `name` (case ignored): one edit for names up to three
 * letters, two up to eight, then a third of the name's length. Further off, a "did you mean"
 * would be a guess.
 */
function nearestName(name: string, known: readonly string[]): string | null {
  const typed = name.toLowerCase();
  const candidate = closest(typed, known as string[]);
  const allowed = Math.max(1, Math.floor(candidate.length / 3), Math.min(2, Math.floor(candidate.length / 2)));
  return distance(typed, candidate) <= allowed ? candidate : null;
}
