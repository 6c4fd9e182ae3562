// Compresses answers with brotli or gzip, as `Accept-Encoding` asks, through @fastify/compress:
// JSON, the file formats (streamed exports stay streams: the coder sits in the pipe, so memory
// stays flat), the OpenAPI document and /docs. Registered before any route, since it attaches to
// each route as it is added. Settings and the decision live in src/lib/compression.ts.
import compress from '@fastify/compress';
import fp from 'fastify-plugin';
import { BROTLI_STREAM_OPTIONS, COMPRESSION_THRESHOLD, ENCODINGS, GZIP_OPTIONS, compressible } from '../lib/compression.js';

export default fp(
  async (app) => {
    await app.register(compress, {
      encodings: [...ENCODINGS],
      threshold: COMPRESSION_THRESHOLD,
      // Also used for bodies coded whole, where the flush mode does not apply.
      brotliOptions: BROTLI_STREAM_OPTIONS,
      zlibOptions: GZIP_OPTIONS,
      customTypes: compressible,
      // Request bodies are small JSON: none is inflated, so writes are read exactly as before.
      globalDecompression: false,
    });
  },
  { name: 'compression' },
);
