// How answers become JSON. Checking each answer against its zod schema (zod's encode walks every
// field) cost more than the SQL that built it: a fifth of an uncached 50-event page. So the server
// writes answers with JSON.stringify alone, and apps built with `checkResponses` (every test's)
// encode through the schema and refuse any answer the encoding would change: a field the schema
// does not list, a value it does not allow, keys in another order. What passes there is written
// byte for byte the same by the unchecked serializer.
import type { FastifySchemaCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';

type SerializerCompiler = (route: Parameters<FastifySchemaCompiler<unknown>>[0] & { httpStatus?: string; contentType?: string }) => (data: unknown) => string;

const plain: SerializerCompiler = () => (data) => JSON.stringify(data);

const checked: SerializerCompiler = (route) => {
  const encode = (serializerCompiler as unknown as SerializerCompiler)(route);
  return (data) => {
    const encoded = encode(data);
    const written = JSON.stringify(data);
    if (encoded !== written) {
      let at = 0;
      while (at < encoded.length && encoded[at] === written[at]) at++;
      throw new Error(
        `${route.method} ${route.url}: the answer is not what its schema writes, from character ${at}: ` +
          `schema ${JSON.stringify(encoded.slice(Math.max(0, at - 60), at + 60))}, answer ${JSON.stringify(written.slice(Math.max(0, at - 60), at + 60))}`,
      );
    }
    return written;
  };
};

export function responseSerializer(check: boolean): SerializerCompiler {
  return check ? checked : plain;
}
