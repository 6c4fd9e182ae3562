// /docs as a person sees it: Swagger UI in headless Chromium against a seeded server over real
// HTTP lists every operation, and a "Try it out" request for the Kyiv strike answers 200.
// Needs Debian's chromium (`apt-get install chromium`; or CHROMIUM_PATH); playwright-core only
// drives it and never downloads a browser. Without Chromium the test is skipped, except under CI,
// where .ci/run installs it and its absence is a failure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { seeded } from './helpers.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
const INSTALL_HINT = 'install it with `apt-get install chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary';

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`test/docs-browser.slow.test.ts skipped: no Chromium at ${CHROMIUM_PATH}; ${INSTALL_HINT}.`);
}

// Flags for a closed network: no background fetches to Google's hosts, no QUIC, no sync.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type OpenApiDocument = { paths: Record<string, Record<string, { operationId: string; tags: string[] }>> };

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)(`Swagger UI at /docs in headless Chromium (${CHROMIUM_PATH})`, () => {
  let app: FastifyInstance;
  let baseUrl: string;
  let profileDir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI is set but there is no Chromium at ${CHROMIUM_PATH}: ${INSTALL_HINT} (.ci/run does).`);
    app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent' }));
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    profileDir = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
    // A persistent context is how playwright takes a --user-data-dir: a fresh, empty profile.
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1600 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
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
