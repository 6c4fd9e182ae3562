// A download of a whole export that is still in progress never blocks an editor: a write made
// while a client streams every event answers 201, and the export still completes.
import { request as httpRequest } from 'node:http';
import { expect, test } from 'vitest';
import { createApiKey } from '../src/modules/keys/keys.repository.js';
import { createEvent, eventInput } from './factories.js';
import { freshApp } from './helpers.js';

test('when a client is half-way through streaming an export, then a write still succeeds and the export completes', async () => {
  // No overload refusals: arranging 10,000 events blocks the loop for a moment.
  const app = await freshApp({ http: { maxEventLoopDelayMs: 0 } });
  for (let i = 0; i < 10_000; i += 1) createEvent(app.db, { startAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace('.000', ''), title: `Event ${i} ${'x'.repeat(1_000)}` });
  const key = createApiKey(app.db, { name: 'desk', role: 'editor' }).key;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };

  // Read the first chunk, then stop reading: the server's stream stays open mid-export.
  let received = 0;
  let resume!: () => void;
  const finished = new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/v1/events.ndjson' }, (res) => {
      res.once('data', (chunk: Buffer) => {
        received += chunk.length;
        res.pause();
        resume = () => {
          res.on('data', (more: Buffer) => (received += more.length));
          res.resume();
        };
        started();
      });
      res.on('end', () => resolve(received));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
  let started!: () => void;
  await new Promise<void>((r) => (started = r));

  const write = await app.inject({ method: 'POST', url: '/v1/events', headers: { authorization: `Bearer ${key}` }, payload: eventInput() });
  resume();
  const bytes = await finished;

  expect(write.statusCode, write.body).toBe(201);
  expect(bytes).toBeGreaterThan(10_000 * 1_000);
});
