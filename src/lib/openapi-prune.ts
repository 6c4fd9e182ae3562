// fastify-type-provider-zod emits an input and an output variant of every registered schema; a
// read-only API references only the outputs. Dropping unreferenced components keeps the document
// (and the SDKs generated from it) free of dead types.
type Json = unknown;

function collectRefs(node: Json, refs: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, refs);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        refs.add(value.slice('#/components/schemas/'.length));
      } else {
        collectRefs(value, refs);
      }
    }
  }
}

export function pruneUnusedSchemas<T extends { paths?: Json; components?: { schemas?: Record<string, Json> } }>(doc: T): T {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const used = new Set<string>();
  collectRefs(doc.paths, used);
  // Follow references between components until nothing new turns up.
  let frontier = [...used];
  while (frontier.length) {
    const found = new Set<string>();
    for (const name of frontier) collectRefs(schemas[name], found);
    frontier = [...found].filter((name) => !used.has(name));
    for (const name of frontier) used.add(name);
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...doc.components, schemas: kept } };
}
