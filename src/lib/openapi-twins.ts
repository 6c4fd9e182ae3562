// fastify-type-provider-zod emits every named schema twice, an output `X` and an input `XInput`
// (its registry.js), and references the input one from parameters and bodies. Most vocabularies
// read the same both ways, so a generator would make two identical types: where `XInput` equals
// `X` once its own references are read the same way, every reference to it becomes one to `X`;
// where only `XInput` is referenced (a request body), it takes the name `X`. Twins that really
// differ (a transform, a default) keep both names.
type Json = unknown;
type Schemas = Record<string, Json>;

const PREFIX = '#/components/schemas/';
const SUFFIX = 'Input';

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, Json>)[key], (b as Record<string, Json>)[key]));
}

/** A copy of `node` with each `$ref` to a component in `renames` pointing at its new name. */
function renameRefs<T extends Json>(node: T, renames: ReadonlyMap<string, string>): T {
  if (Array.isArray(node)) return node.map((item) => renameRefs(item, renames)) as T;
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    const target = key === '$ref' && typeof value === 'string' && value.startsWith(PREFIX) ? renames.get(value.slice(PREFIX.length)) : undefined;
    copy[key] = target ? PREFIX + target : renameRefs(value, renames);
  }
  return copy as T;
}

/** Run after unreferenced components are pruned, so that an `X` left means `X` is in use. */
export function collapseInputTwins<T extends { paths?: Json; components?: { schemas?: Schemas } }>(doc: T): T {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const outputOf = (name: string) => name.slice(0, -SUFFIX.length);
  const inputs = Object.keys(schemas).filter((name) => name.endsWith(SUFFIX) && name.length > SUFFIX.length);
  // Assume every input equal to its output, then drop those that differ under that assumption,
  // until none does: twins that refer to twins (an object of vocabularies) collapse together.
  const twins = new Map(inputs.filter((name) => outputOf(name) in schemas).map((name) => [name, outputOf(name)]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [input, output] of twins) {
      if (!deepEqual(renameRefs(schemas[input], twins), schemas[output])) {
        twins.delete(input);
        changed = true;
      }
    }
  }
  const renames = new Map(twins);
  for (const input of inputs) if (!(outputOf(input) in schemas)) renames.set(input, outputOf(input));
  if (renames.size === 0) return doc;
  const kept: Schemas = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (twins.has(name)) continue;
    kept[renames.get(name) ?? name] = renameRefs(schema, renames);
  }
  return { ...doc, paths: renameRefs(doc.paths, renames), components: { ...doc.components, schemas: kept } };
}
