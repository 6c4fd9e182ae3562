// API keys: the CLI, the admin routes, and what a key may do. Each test has its own database.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { apiKeys } from '../src/db/schema.js';
import { apiKey, expectProblem, freshApp, send } from './helpers.js';

const run = promisify(execFile);

describe('keys CLI', () => {
  test('when keys:create, keys:list and keys:revoke run, then the printed key works until revoked and only its hash is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-keys-'));
    const env = { ...process.env, DATABASE_URL: join(dir, 'keys.db') };
    const cli = (...args: string[]) => run('node', ['--import', 'tsx', 'tools/keys.ts', ...args], { env });
    try {
      const created = await cli('create', '--name', 'Night desk', '--role', 'editor');
      const key = created.stdout.trim();
      expect(key).toMatch(/^sitrep_key_[0-9a-f]{12}_/);
      const id = key.slice('sitrep_'.length, 'sitrep_key_'.length + 12);

      const listed = await cli('list');
      expect(listed.stdout).toContain(`${id}\teditor\tactive`);
      expect(listed.stdout).not.toContain(key);

      const app = await buildApp({ databaseUrl: env.DATABASE_URL, logLevel: 'silent' });
      try {
        const stored = app.db.select().from(apiKeys).all();
        expect(JSON.stringify(stored)).not.toContain(key.slice(-20));
        expect((await send(app, 'POST', '/v1/events', { key, body: {} })).status).toBe(400);
        await cli('revoke', id);
        expectProblem(await send(app, 'POST', '/v1/events', { key, body: {} }), 401, 'SITREP_UNAUTHORIZED');
      } finally {
        await app.close();
      }
      expect((await cli('list')).stdout).toMatch(new RegExp(`${id}\\teditor\\trevoked `));
      await expect(cli('create', '--name', 'x', '--role', 'owner')).rejects.toThrow(/--role must be one of: editor, admin/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('/v1/keys', () => {
  test('when an admin creates a key, then it is answered once and works, the list shows it without a secret, and revoking stops it', async () => {
    const app = await freshApp();
    const admin = apiKey(app, 'admin');

    const created = await send(app, 'POST', '/v1/keys', { key: admin, body: { name: 'Wire desk', role: 'editor' } });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/v1/keys/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'Wire desk', role: 'editor', revoked_at: null });
    const editor: string = created.body.key;

    const list = await send(app, 'GET', '/v1/keys', { key: admin });
    expect(list.status).toBe(200);
    expect(list.body.data.map((k: { name: string }) => k.name)).toEqual(['test admin', 'Wire desk']);
    expect(JSON.stringify(list.body)).not.toContain(editor);
    expect(list.body.data[1]).not.toHaveProperty('key');

    expect((await send(app, 'POST', '/v1/events', { key: editor, body: {} })).status).toBe(400);
    expect((await send(app, 'DELETE', `/v1/keys/${created.body.id}`, { key: admin })).status).toBe(204);
    expectProblem(await send(app, 'POST', '/v1/events', { key: editor, body: {} }), 401, 'SITREP_UNAUTHORIZED');
    const after = await send(app, 'GET', '/v1/keys', { key: admin });
    expect(after.body.data[1].revoked_at).toMatch(/Z$/);
  });

  test.each([
    ['GET', '/v1/keys'],
    ['POST', '/v1/keys'],
    ['DELETE', '/v1/keys/key_000000000000'],
  ] as const)('when %s %s is sent with an editor key, then 403; with none, 401 with a Bearer challenge', async (method, url) => {
    const app = await freshApp();
    const body = method === 'POST' ? { name: 'x', role: 'editor' } : undefined;
    expectProblem(await send(app, method, url, { key: apiKey(app, 'editor'), body }), 403, 'SITREP_FORBIDDEN');
    const anonymous = await send(app, method, url, { body });
    expectProblem(anonymous, 401, 'SITREP_UNAUTHORIZED');
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  test('when an admin revokes an unknown key, then 404', async () => {
    const app = await freshApp();
    expectProblem(await send(app, 'DELETE', '/v1/keys/key_000000000000', { key: apiKey(app, 'admin') }), 404, 'SITREP_NOT_FOUND');
  });

  test('when a key is created with a role that does not exist, then 400 names role', async () => {
    const app = await freshApp();
    expectProblem(await send(app, 'POST', '/v1/keys', { key: apiKey(app, 'admin'), body: { name: 'x', role: 'owner' } }), 400, 'SITREP_INVALID_PARAMETER', 'role');
  });
});

describe('authentication', () => {
  test('when a read is sent without a key, then it is answered; with a malformed or unknown key, then 401', async () => {
    const app = await freshApp();
    expect((await send(app, 'GET', '/v1/events')).status).toBe(200);
    expectProblem(await send(app, 'GET', '/v1/events', { headers: { authorization: 'Basic abc' } }), 401, 'SITREP_UNAUTHORIZED');
    const forged = apiKey(app).replace(/.{4}$/, 'AAAA');
    expectProblem(await send(app, 'GET', '/v1/events', { key: forged }), 401, 'SITREP_UNAUTHORIZED');
  });

  test('when REQUIRE_KEY_FOR_READS is on, then /v1 reads need a valid key of any role and health and docs stay open', async () => {
    const app = await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', requireKeyForReads: true });
    try {
      expectProblem(await send(app, 'GET', '/v1/events'), 401, 'SITREP_UNAUTHORIZED');
      expect((await send(app, 'GET', '/v1/events', { key: apiKey(app, 'editor') })).status).toBe(200);
      expect((await send(app, 'GET', '/healthz')).status).toBe(200);
      expect((await send(app, 'GET', '/openapi.json')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  test('when requests carry keys, then no key appears in the logs, even at trace level', async () => {
    const lines: string[] = [];
    const app = await buildApp({ databaseUrl: ':memory:', logLevel: 'trace', logStream: { write: (line) => void lines.push(line) } });
    try {
      const key = apiKey(app, 'editor');
      await send(app, 'GET', '/v1/events', { key });
      await send(app, 'POST', '/v1/events', { key, body: { title: 1 } });
      await send(app, 'GET', '/v1/events', { key: `${key}x` });
      app.log.info({ headers: { authorization: `Bearer ${key}` } }, 'a careless line');
      const log = lines.join('');
      expect(log).toContain('authenticated');
      expect(log).toContain('[redacted]');
      expect(log).not.toContain(key.slice('sitrep_key_000000000000_'.length));
    } finally {
      await app.close();
    }
  });
});
