// A named schema used with words of its own (`eventRangeSchema.default('starts').describe(…)`)
// becomes `{ $ref, default, description }`, which OpenAPI 3.1 allows; @fastify/swagger, following
// 3.0, deletes whatever stands beside a `$ref` in a route's schemas, so a parameter would lose its
// description and default. The route's schemas carry the `$ref` inside a one-element `allOf` past
// @fastify/swagger, and the finished document has it put back beside its siblings.
type Json = unknown;
type Node = Record<string, Json>;

const isNode = (value: Json): value is Node => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

function map(node: Json, visit: (node: Node) => Node): Json {
  if (Array.isArray(node)) return node.map((item) => map(item, visit));
  if (!isNode(node)) return node;
  const copy: Node = {};
  for (const [key, value] of Object.entries(node)) copy[key] = map(value, visit);
  return visit(copy);
}

/** `{ $ref, …siblings }` → `{ …siblings, allOf: [{ $ref }] }`, throughout a route's transformed schemas. */
export function wrapRefsWithSiblings<T>(schemas: T): T {
  return map(schemas, (node) => {
    if (typeof node.$ref !== 'string' || Object.keys(node).length === 1) return node;
    const { $ref, ...siblings } = node;
    return { ...siblings, allOf: [{ $ref }] };
  }) as T;
}

/** The reverse, throughout the document's paths: a one-element `allOf` of a bare `$ref` becomes that `$ref`. */
export function unwrapSingleRefs<T extends { paths?: Json }>(doc: T): T {
  const paths = map(doc.paths, (node) => {
    const only = Array.isArray(node.allOf) && node.allOf.length === 1 ? node.allOf[0] : undefined;
    if (!isNode(only) || typeof only.$ref !== 'string' || Object.keys(only).length !== 1) return node;
    const { allOf: _allOf, ...siblings } = node;
    return { $ref: only.$ref, ...siblings };
  });
  return { ...doc, paths };
}
