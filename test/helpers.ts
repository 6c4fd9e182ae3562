// Each test builds its own app on its own in-memory database, migrated from the committed
// migrations; nothing is shared between tests.
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { expect, onTestFinished } from 'vitest';
import { seedDatabase } from '../seed/seed.js';
import { buildApp, type AppOptions } from '../src/app.js';
import { createApiKey } from '../src/modules/keys/keys.repository.js';

export const SHARED_DIR = resolve(import.meta.dirname, '../../shared');
export const ARTICLE_PATH = resolve(SHARED_DIR, 'source-article.txt');
export const AIR_FORCE_CSV = resolve(SHARED_DIR, 'data/missile_attacks_daily.csv');

export async function buildTestApp(options: { seed?: boolean; http?: AppOptions['http'] } = {}): Promise<FastifyInstance> {
  // The overload guard measures the machine, not the code: a test run sharing two cores with other
  // work would get 503s. Tests of the guard set it themselves.
  const http = { maxEventLoopDelayMs: 0, ...options.http };
  const app = await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', http });
  if (options.seed) await seedDatabase(app.db);
  await app.ready();
  return app;
}

/** Loads the curated seed dataset into the app's database, as src/server.ts does at start-up. */
export async function seeded(app: FastifyInstance): Promise<FastifyInstance> {
  await seedDatabase(app.db);
  return app;
}

/** GETs a URL through inject() and returns status, headers and parsed JSON body. */
export async function getJson<T = any>(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers });
  const body = response.body ? (JSON.parse(response.body) as T) : (undefined as T);
  return { status: response.statusCode, headers: response.headers, body };
}

/** Follows next_cursor from `url` until the last page; returns every item in order. */
export async function collectPages<T = any>(app: FastifyInstance, url: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  let next: string | null = url;
  while (next) {
    const { status, body }: { status: number; body: { data: T[]; next_cursor: string | null } } = await getJson(app, next);
    if (status !== 200) throw new Error(`GET ${next} answered ${status}: ${JSON.stringify(body)}`);
    items.push(...body.data);
    pages += 1;
    const separator = url.includes('?') ? '&' : '?';
    next = body.next_cursor ? `${url}${separator}cursor=${encodeURIComponent(body.next_cursor)}` : null;
    if (pages > 10_000) throw new Error('pagination does not end');
  }
  return { items, pages };
}

/** An app on a fresh database that closes itself when the current test ends. */
export async function freshApp(options: { seed?: boolean; http?: AppOptions['http'] } = {}): Promise<FastifyInstance> {
  const app = await buildTestApp(options);
  onTestFinished(() => app.close());
  return app;
}

export type Params = Record<string, string | number | string[]>;

/** `path?…`, repeating a parameter once for each item of an array value. */
export function urlOf(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Asserts an RFC 9457 problem answer: status, content type, code and, if given, the parameter named first. */
export function expectProblem(
  response: { status: number; headers: Record<string, unknown>; body: any },
  status: number,
  code: string,
  parameter?: string,
) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(response.body.status).toBe(status);
  expect(response.body.code).toBe(code);
  if (parameter !== undefined) expect(response.body.errors?.[0]?.name).toBe(parameter);
}

/** A working API key of this role, created as `npm run keys:create` does. */
export function apiKey(app: FastifyInstance, role: 'editor' | 'admin' = 'editor', name = `test ${role}`): string {
  return createApiKey(app.db, { name, role }).key;
}

export type SendOptions = { key?: string; body?: unknown; headers?: Record<string, string> };

/** Sends a request through inject() with an optional bearer key and JSON body; parses the answer. */
export async function send<T = any>(app: FastifyInstance, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options: SendOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const response = await app.inject({ method, url, headers, ...(options.body === undefined ? {} : { payload: options.body as object }) });
  const body = response.body ? (JSON.parse(response.body) as T) : (undefined as T);
  return { status: response.statusCode, headers: response.headers, body };
}

/**
 * An Air Force CSV `time_start` cell as a Kyiv time, read independently of the importer: a date
 * alone is that local day's start; the file also writes `2023-05-16 3:30` and leaves a trailing
 * space once.
 */
export function kyivTime(cell: string): DateTime {
  const text = cell.trim().replace(/ (\d):/, ' 0$1:');
  const time = DateTime.fromSQL(text.length === 10 ? `${text} 00:00` : text, { zone: 'Europe/Kyiv' });
  if (!time.isValid) throw new Error(`unreadable time_start ${JSON.stringify(cell)}`);
  return time;
}
