// Liveness and readiness probes for orchestrators and uptime checks.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemError, problemResponses } from '../../lib/problem.js';
import { noQueryParameters } from '../../lib/query.js';

const statusSchema = z
  .object({ status: z.literal('ok') })
  .meta({ id: 'HealthStatus', description: 'The probe passed.', examples: [{ status: 'ok' }] });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      // A probe's answer is about this moment: never kept by a cache between it and the prober.
      config: { cachePolicy: 'no-store' },
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Check that the process is up',
        description: 'The liveness probe: answers `{"status":"ok"}` while the process runs, without touching the database.',
        querystring: noQueryParameters,
        response: { 200: statusSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { cachePolicy: 'no-store' },
      schema: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary: 'Check that the database answers',
        description: 'The readiness probe: answers `{"status":"ok"}` when a query to the database succeeds, and a 503 problem when it does not.',
        querystring: noQueryParameters,
        response: { 200: statusSchema, ...problemResponses(503) },
      },
    },
    async (request) => {
      try {
        await app.store.ping();
      } catch (err) {
        request.log.error({ err }, 'readiness check failed');
        throw new ProblemError('SITREP_NOT_READY', 'The database does not answer.');
      }
      return { status: 'ok' as const };
    },
  );
};
