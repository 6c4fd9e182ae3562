// The server writes answers with JSON.stringify; the tests' apps check each against its schema
// (src/lib/response-serializer.ts). The check must refuse what the schema would change, or the
// unchecked server could send fields or key orders the OpenAPI document does not describe.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from '../src/lib/response-serializer.js';

const schema = z.object({ id: z.string(), count: z.number().int() });
const route = { schema, method: 'GET', url: '/v1/things/:id', httpStatus: '200' };

describe('response serializer', () => {
  test('an answer that is what its schema writes is written as it is, checked or not', () => {
    const data = { id: 'a', count: 2 };
    expect(responseSerializer(true)(route)(data)).toBe('{"id":"a","count":2}');
    expect(responseSerializer(false)(route)(data)).toBe('{"id":"a","count":2}');
  });

  test('checked, an extra field, a value the schema refuses, or keys in another order fail', () => {
    const check = responseSerializer(true)(route);
    expect(() => check({ id: 'a', count: 2, secret: 'x' })).toThrow(/not what its schema writes/);
    expect(() => check({ count: 2, id: 'a' })).toThrow(/not what its schema writes/);
    expect(() => check({ id: 'a', count: 2.5 })).toThrow();
  });
});
