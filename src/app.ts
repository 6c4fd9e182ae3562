// Builds the sitrep fastify app: infrastructure plugins first, then one plugin per resource.
// Never listens; src/server.ts does, and tests call inject() on what this returns.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { actorRoutes } from './modules/actors/actors.routes.js';
import { actorWriteRoutes } from './modules/actors/actors.write.routes.js';
import { eventRoutes } from './modules/events/events.routes.js';
import { eventWriteRoutes } from './modules/events/events.write.routes.js';
import { figureRoutes } from './modules/figures/figures.routes.js';
import { historyRoutes } from './modules/history/history.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { sourceRoutes } from './modules/sources/sources.routes.js';
import { sourceWriteRoutes } from './modules/sources/sources.write.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { timelineRoutes } from './modules/timeline/timeline.routes.js';
import { keyRoutes } from './modules/keys/keys.routes.js';
import authPlugin from './plugins/auth.js';
import dbPlugin from './plugins/db.js';
import errorsPlugin from './plugins/errors.js';
import etagPlugin from './plugins/etag.js';
import openapiPlugin from './plugins/openapi.js';
import writeLockPlugin from './plugins/write-lock.js';
import { seedDatabase } from '../seed/seed.js';

export type AppOptions = Pick<Config, 'databaseUrl' | 'logLevel'> & {
  /** Load the curated seed dataset after migrating (idempotent). */
  seed?: boolean;
  /** Every /v1 request needs an API key, reads included (default false: reads are open). */
  requireKeyForReads?: boolean;
  /** Where log lines go (stdout by default); tests read them from here. */
  logStream?: { write(line: string): void };
};

// API keys must never reach the logs, whatever a serializer or a debug line includes.
const REDACTED_PATHS = ['req.headers.authorization', 'headers.authorization', 'request.headers.authorization', 'authorization'];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, ...(options.logStream ? { stream: options.logStream } : {}) },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(dbPlugin, { databaseUrl: options.databaseUrl });
  await app.register(openapiPlugin);
  await app.register(etagPlugin);
  await app.register(authPlugin, { requireKeyForReads: options.requireKeyForReads ?? false });
  await app.register(writeLockPlugin);

  if (options.seed) {
    const summary = await seedDatabase(app.db);
    app.log.info({ seed: summary }, 'seed dataset loaded');
  }

  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(eventRoutes);
      await v1.register(eventWriteRoutes);
      await v1.register(actorRoutes);
      await v1.register(actorWriteRoutes);
      await v1.register(sourceRoutes);
      await v1.register(sourceWriteRoutes);
      await v1.register(timelineRoutes);
      await v1.register(statsRoutes);
      await v1.register(figureRoutes);
      await v1.register(historyRoutes);
      await v1.register(keyRoutes);
    },
    { prefix: '/v1' },
  );
  return app;
}
