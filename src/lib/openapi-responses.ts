// @fastify/swagger labels a response "Default Response" unless the route spells out a
// description. A response that returns a named schema is better described by that schema's own
// description, so the routes keep declaring `200: eventListSchema` and the document still says
// what the response is.
type Json = unknown;
type Media = { schema?: { $ref?: string } };
type Response = { description?: string; content?: Record<string, Media> };
type Document = { paths?: Record<string, Record<string, { responses?: Record<string, Response> }>>; components?: { schemas?: Record<string, Json> } };

const DEFAULT_DESCRIPTION = 'Default Response';
const PREFIX = '#/components/schemas/';

export function describeResponsesBySchema<T extends Document>(doc: T): T {
  const schemas = doc.components?.schemas ?? {};
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const response of Object.values(operation.responses ?? {})) {
        if (response.description !== DEFAULT_DESCRIPTION) continue;
        const ref = Object.values(response.content ?? {}).find((media) => media.schema?.$ref?.startsWith(PREFIX))?.schema?.$ref;
        const schema = ref ? (schemas[ref.slice(PREFIX.length)] as { description?: unknown } | undefined) : undefined;
        if (typeof schema?.description === 'string') response.description = schema.description;
      }
    }
  }
  return doc;
}
