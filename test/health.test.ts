import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, getJson } from './helpers.js';

let app: FastifyInstance;
afterEach(async () => app?.close());

describe('health probes', () => {
  it('when the process is up, then /healthz answers ok', async () => {
    app = await buildTestApp();
    expect(await getJson(app, '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('when the database answers, then /readyz answers ok', async () => {
    app = await buildTestApp();
    expect(await getJson(app, '/readyz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('when the database is closed, then /readyz answers 503 problem+json', async () => {
    app = await buildTestApp();
    app.db.$client.close();
    const { status, headers, body } = await getJson(app, '/readyz');
    expect(status).toBe(503);
    expect(headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ status: 503, code: 'SITREP_NOT_READY' });
  });
});
