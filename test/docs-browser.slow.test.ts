// /docs as a person sees it: Swagger UI in headless Chromium against a seeded server over real
// HTTP lists every operation, and a "Try it out" request for the Kyiv strike answers 200.
// Chromium: test/chromium.ts.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { CHROMIUM_PATH, launchChromium, SKIP_BROWSER, warnIfSkipped } from './chromium.js';
import { seeded } from './helpers.js';

warnIfSkipped('test/docs-browser.slow.test.ts');

type OpenApiDocument = { paths: Record<string, Record<string, { operationId: string; tags: string[] }>> };

describe.skipIf(SKIP_BROWSER)(`Swagger UI at /docs in headless Chromium (${CHROMIUM_PATH})`, () => {
  let app: FastifyInstance;
  let baseUrl: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent' }));
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('when /docs is opened, then every operation of the document is listed', async () => {
    const doc = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as OpenApiDocument;
    const expected = Object.values(doc.paths)
      .flatMap((item) => Object.values(item))
      .map((op) => `operations-${op.tags[0]}-${op.operationId}`)
      .sort();
    expect(expected).toContain('operations-events-listEvents');
    expect(expected).toContain('operations-events-getEvent');

    await page.goto(`${baseUrl}/docs`);
    await page.locator('#operations-events-getEvent').waitFor();
    await expect(page.locator('.info .title').innerText()).resolves.toContain('sitrep');
    const listed = await page.locator('.opblock[id^="operations-"]').evaluateAll((blocks) => blocks.map((block) => block.id));
    expect(listed.sort()).toEqual(expected);
  });

  it('when GET /v1/events/{id} is tried out with the Kyiv strike id, then the live response is 200 and names Kyiv', async () => {
    await page.goto(`${baseUrl}/docs`);
    const operation = page.locator('#operations-events-getEvent');
    await operation.locator('.opblock-summary').first().click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.locator('tr[data-param-name="id"] input').fill('evt_2025_07_04_kyiv_strike');
    await operation.getByRole('button', { name: 'Execute' }).click();

    const live = operation.locator('.live-responses-table');
    await expect(live.locator('.response .response-col_status').first().innerText()).resolves.toBe('200');
    await expect(live.locator('.response-col_description .highlight-code').first().innerText()).resolves.toContain('Kyiv');
    await expect(operation.locator('.request-url').innerText()).resolves.toContain(`${baseUrl}/v1/events/evt_2025_07_04_kyiv_strike`);

    const screenshot = join(tmpdir(), 'sitrep-docs-try-it-out.png');
    await page.screenshot({ path: screenshot, fullPage: false });
    expect(existsSync(screenshot)).toBe(true);
  });
});
