// Builds the sitrep fastify app: infrastructure plugins first, then one plugin per resource.
// Never listens; src/server.ts does, and tests call inject() on what this returns.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { actorRoutes } from './modules/actors/actors.routes.js';
import { eventRoutes } from './modules/events/events.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { sourceRoutes } from './modules/sources/sources.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { timelineRoutes } from './modules/timeline/timeline.routes.js';
import dbPlugin from './plugins/db.js';
import errorsPlugin from './plugins/errors.js';
import etagPlugin from './plugins/etag.js';
import openapiPlugin from './plugins/openapi.js';
import responseCachePlugin from './plugins/response-cache.js';
import { seedDatabase } from '../seed/seed.js';

export type AppOptions = Pick<Config, 'databaseUrl' | 'logLevel'> & {
  /** Load the curated seed dataset after migrating (idempotent). */
  seed?: boolean;
  /** Memory for the response cache in MiB (default 32); 0 turns it off. */
  responseCacheMb?: number;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: options.logLevel } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(dbPlugin, { databaseUrl: options.databaseUrl });
  await app.register(openapiPlugin);
  await app.register(etagPlugin);
  await app.register(responseCachePlugin, { maxBytes: (options.responseCacheMb ?? 32) * 2 ** 20 });

  if (options.seed) {
    const summary = await seedDatabase(app.db);
    app.log.info({ seed: summary }, 'seed dataset loaded');
  }

  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(eventRoutes);
      await v1.register(actorRoutes);
      await v1.register(sourceRoutes);
      await v1.register(timelineRoutes);
      await v1.register(statsRoutes);
    },
    { prefix: '/v1' },
  );
  return app;
}
