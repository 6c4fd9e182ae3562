// How request bodies are read. Only JSON, in UTF-8, is accepted (415 otherwise, where fastify
// would read text/plain too and ignore a declared charset). Strings must be well-formed Unicode
// without control characters: a lone surrogate would be stored as U+FFFD and a NUL breaks CSV
// and search, so both are refused with a 400 naming the field rather than silently mangled.
// Prototype poisoning (`__proto__`, `constructor.prototype`) is refused as fastify does.
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import secureJson from 'secure-json-parse';
import { invalidParameter, ProblemError, problemResponses } from '../lib/problem.js';

// C0 controls other than tab, line feed and carriage return, and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function charsetOf(request: FastifyRequest): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
}

export default fp(
  async (app) => {
    // Every route that reads a body may refuse it as too large, of the wrong type, or malformed.
    app.addHook('onRoute', (route) => {
      if (!route.schema?.body || !route.schema.response) return;
      route.schema.response = { ...problemResponses(400, 413, 415), ...(route.schema.response as object) };
    });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const charset = charsetOf(request);
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
        done(new ProblemError('SITREP_UNSUPPORTED_MEDIA_TYPE', `Bodies must be JSON in UTF-8; this one declares charset=${charset}.`), undefined);
        return;
      }
      if (body === '') {
        done(new ProblemError('SITREP_BAD_REQUEST', 'The request body is empty; send a JSON object.'), undefined);
        return;
      }
      try {
        const parsed = secureJson.parse(body as string, (key, value) => {
          if (typeof value === 'string' && (!value.isWellFormed() || CONTROL.test(value))) {
            throw invalidParameter('body', key || '(root)', 'must be well-formed Unicode text without control characters');
          }
          return value;
        }, { protoAction: 'error', constructorAction: 'error' });
        done(null, parsed);
      } catch (error) {
        if (error instanceof ProblemError) done(error, undefined);
        else done(new ProblemError('SITREP_BAD_REQUEST', `The request body is not valid JSON: ${(error as Error).message}`), undefined);
      }
    });
  },
  { name: 'json-body' },
);
