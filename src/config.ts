// The environment, parsed once at start-up with zod. An invalid value stops the process with one
// line naming the variable, rather than surfacing later as a confusing runtime error.
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // Path of the SQLite file, or `:memory:` for a throwaway database.
  DATABASE_URL: z.string().min(1).default('./data/sitrep.db'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // Memory for answers kept by the response cache (src/plugins/response-cache.ts); 0 turns it off.
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  responseCacheMb: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset, as most shells and .env tools intend.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`Invalid environment variable ${name}=${JSON.stringify(env[name])}: ${issue.message}`);
  }
  const { PORT, HOST, DATABASE_URL, LOG_LEVEL, RESPONSE_CACHE_MB } = parsed.data;
  return { port: PORT, host: HOST, databaseUrl: DATABASE_URL, logLevel: LOG_LEVEL, responseCacheMb: RESPONSE_CACHE_MB };
}
