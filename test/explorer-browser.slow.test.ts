// The explorer at / as a reporter uses it, in headless Chromium over real HTTP, on the seed plus the
// Air Force file's rows from 30 June to 1 August 2025: filter to Kyiv city for July 2025 and check
// the chart against /v1/stats/munitions, the map against /v1/events.geojson, the strike's launched
// figure against its four sources, the shared URL, the event page's corrections, the keyboard,
// a phone's width and the console. Screenshots of each view go to a temporary folder (their
// paths are printed) and must not be blank. Chromium: test/chromium.ts.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { importAirForce } from '../tools/importer/import-airforce.js';
import { launchChromium, SKIP_BROWSER, warnIfSkipped } from './chromium.js';
import { AIR_FORCE_CSV, apiKey, kyivTime, seeded, send, SHARED_DIR } from './helpers.js';

warnIfSkipped('test/explorer-browser.slow.test.ts');

const CATALOGUE = resolve(SHARED_DIR, 'data/missiles_and_uavs.csv');
const STRIKE = 'evt_2025_07_04_kyiv_strike';
const STRIKE_SOURCES = ['src_source_article', 'src_time', 'src_uaf_post_2025_07_04', 'src_ukraine_military'];
const KYIV_JULY = { from: '2025-07-01', to: '2025-07-31', tz: 'Europe/Kyiv', admin1: 'Kyiv city' };

type Row = Record<string, string>;
const query = (params: Record<string, string>) => new URLSearchParams(params).toString().replaceAll('+', '%20');
const number = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

describe.skipIf(SKIP_BROWSER)('the explorer at / in headless Chromium', () => {
  let app: FastifyInstance;
  let base: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let julyRows: Row[];
  const consoleErrors: string[] = [];
  const shots = mkdtempSync(join(tmpdir(), 'sitrep-explorer-'));

  /** A screenshot of what the page shows now; it must hold more than a blank page's bytes. */
  async function screenshot(name: string, options: { fullPage?: boolean; of?: string } = {}): Promise<void> {
    const path = join(shots, `${name}.png`);
    if (options.of) await page.locator(options.of).screenshot({ path });
    else await page.screenshot({ path, fullPage: options.fullPage ?? false });
    console.log(`explorer screenshot: ${path}`);
    expect(statSync(path).size, `${name}.png`).toBeGreaterThan(30_000);
  }

  async function open(path: string): Promise<void> {
    await page.goto(`${base}${path}`);
    await page.locator('body[data-ready="true"]').waitFor();
  }

  function watch(target: Page): void {
    target.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${target.url()}: ${message.text()}`);
    });
    target.on('pageerror', (error) => consoleErrors.push(`${target.url()}: ${error.message}`));
  }

  beforeAll(async () => {
    app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent' }));
    // The file's rows around July 2025 (by their own Kyiv-time start), imported as the CLI does.
    const rows = parse(readFileSync(AIR_FORCE_CSV, 'utf8'), { columns: true }) as Row[];
    const around = rows.filter((row) => {
      const start = kyivTime(row.time_start!);
      return start >= DateTime.fromISO('2025-06-30', { zone: 'Europe/Kyiv' }) && start < DateTime.fromISO('2025-08-02', { zone: 'Europe/Kyiv' });
    });
    julyRows = around.filter((row) => kyivTime(row.time_start!).toFormat('yyyy-MM') === '2025-07');
    importAirForce(app.db, { attacksCsv: stringify(around, { header: true, columns: Object.keys(rows[0]!) }), catalogueCsv: readFileSync(CATALOGUE, 'utf8') });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium({ width: 1280, height: 1000 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    watch(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('when / is opened, then the default view is July 2025 in Kyiv time, and its monthly chart total is the file\'s July sum', async () => {
    await open('/?bucket=month');
    await expect(page.locator('#filter-from').inputValue()).resolves.toBe('2025-07-01');
    await expect(page.locator('#filter-tz').inputValue()).resolves.toBe('Europe/Kyiv');
    const launched = await page.locator('#munitions-table tr[data-label="2025-07"] td[data-key="launched"]').innerText();
    // Computed from the raw CSV, not by the API: every July row by its own time_start in Kyiv time.
    const expected = julyRows.reduce((sum, row) => sum + (row.launched?.trim() ? Number(row.launched) : 0), 0);
    expect(number(launched)).toBe(expected);
    await screenshot('default-view');
  });

  it('when a reporter filters to Kyiv city for July 2025, then the chart\'s monthly total equals /v1/stats/munitions and the map has one marker per located event', async () => {
    await open('/');
    await page.locator('#filter-admin1').fill('Kyiv city');
    await Promise.all([page.waitForURL(/admin1=Kyiv/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('#chart-bucket').selectOption('month');
    const cell = page.locator('#munitions-table tr[data-label="2025-07"] td[data-key="launched"]');
    await cell.waitFor();

    const stats = (await (await fetch(`${base}/v1/stats/munitions?${query({ ...KYIV_JULY, bucket: 'month' })}`)).json()) as { data: { label: string; total: { launched: number; intercepted: number } }[] };
    expect(stats.data.map((row) => row.label)).toEqual(['2025-07']);
    expect(number(await cell.innerText())).toBe(stats.data[0]!.total.launched);
    expect(number(await page.locator('#munitions-table tr[data-label="2025-07"] td[data-key="intercepted"]').innerText())).toBe(stats.data[0]!.total.intercepted);
    expect(stats.data[0]!.total.launched).toBeGreaterThan(550);

    const map = (await (await fetch(`${base}/v1/events.geojson?${query({ from: KYIV_JULY.from, to: KYIV_JULY.to, tz: KYIV_JULY.tz, admin1: KYIV_JULY.admin1 })}`)).json()) as { features: { id: string; geometry: unknown }[] };
    const located = map.features.filter((feature) => feature.geometry).map((feature) => feature.id).sort();
    expect(located.length).toBeGreaterThan(1);
    const markers = await page.locator('svg.map a.marker').evaluateAll((links) => links.map((link) => link.getAttribute('data-event')).sort());
    expect(markers).toEqual(located);
    // Each marker is drawn inside the frame, at a circle with a radius.
    const circles = await page.locator('svg.map a.marker circle').evaluateAll((shapes) => shapes.map((shape) => Number(shape.getAttribute('r'))));
    expect(circles.every((r) => r > 0)).toBe(true);
    await screenshot('kyiv-july-2025');
    await screenshot('kyiv-july-2025-map', { of: '#map' });
  });

  it('when the strike\'s launched figure is clicked, then the four sources are shown side by side with their quotes, and TIME\'s 478 stands beside the Air Force\'s 270', async () => {
    await open(`/?${query(KYIV_JULY)}`);
    await page.locator(`li.entry[data-event="${STRIKE}"] button[data-figure="launched"]`).click();
    const dialog = page.locator('dialog#provenance');
    await dialog.locator('section.claims[data-family="munitions"]').waitFor();
    const sources = await dialog.locator('.source-column').evaluateAll((columns) => columns.map((column) => column.getAttribute('data-source')).sort());
    expect(sources).toEqual(STRIKE_SOURCES);
    await expect(dialog.locator('.source-column[data-source="src_time"] blockquote').innerText()).resolves.toContain('Ukraine intercepted 478');
    await expect(dialog.locator('.source-column[data-source="src_source_article"] blockquote').first().innerText()).resolves.toContain('539 drones plus 11 missiles');
    await expect(dialog.locator('.source-column[data-source="src_uaf_post_2025_07_04"] .locator').first().innerText()).resolves.toContain('missile_attacks_daily.csv');
    // The shot-down row is marked as a disagreement, with both numbers in it.
    const shotDown = dialog.locator('table.comparison tr', { hasText: 'Shot down' });
    await expect(shotDown.getAttribute('class')).resolves.toBe('differ');
    const values = await shotDown.locator('td').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-value')));
    expect(values).toContain('478');
    expect(values).toContain('270');
    await screenshot('strike-claims');
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);

    // The map's marker for the strike opens the same claims.
    await page.locator(`svg.map a.marker[data-event="${STRIKE}"]`).dispatchEvent('click');
    await dialog.locator('section.claims[data-family="munitions"]').waitFor();
    await expect(dialog.locator('.source-column').count()).resolves.toBe(4);
    await page.keyboard.press('Escape');
  });

  it('when a day\'s bar on the chart is clicked, then that day\'s figures are shown by source, with the events they come from', async () => {
    await open('/?bucket=day');
    const over = page.locator('#chart-munitions .u-over');
    const box = (await over.boundingBox())!;
    // 4 July is the fourth of 31 days; the bar stands over the middle of its day.
    const x = box.x + box.width * (3.5 / 31);
    await page.mouse.move(x, box.y + box.height - 4);
    await page.mouse.click(x, box.y + box.height - 4);
    const dialog = page.locator('dialog#provenance');
    await dialog.locator('.bucket-events li').first().waitFor();
    await expect(dialog.locator('#provenance-title').innerText()).resolves.toBe('Launched and stopped, 2025-07-04');
    const statsLink = await dialog.getByRole('link', { name: 'Statistics API' }).getAttribute('href');
    const stats = (await (await fetch(`${base}${statsLink}`)).json()) as { data: { total: { launched: number }; by_source: { source: { id: string } }[] }[] };
    // The dialog's summary is the chart's bar: the same figure as the table's row for the day.
    const bar = await page.locator('#munitions-table tr[data-label="2025-07-04"] td[data-key="launched"]').textContent();
    expect(stats.data[0]!.total.launched).toBe(number(bar!));
    await expect(dialog.locator('table.comparison tbody tr').count()).resolves.toBe(stats.data[0]!.by_source.length);
    await page.keyboard.press('Escape');
  });

  it('when a view\'s URL is opened in a new page, then the same view is shown', async () => {
    await open(`/?${query(KYIV_JULY)}`);
    await page.locator('#chart-bucket').selectOption('week');
    await page.locator('input[name="map-size"][value="killed"]').check();
    await page.locator('svg.map a.marker').first().waitFor();
    const shared = page.url();
    expect(shared).toContain('bucket=week');
    expect(shared).toContain('size=killed');
    const before = {
      table: await page.locator('#munitions-table tbody').innerText(),
      markers: await page.locator('svg.map a.marker').count(),
      radii: await page.locator('svg.map a.marker circle').evaluateAll((shapes) => shapes.map((shape) => shape.getAttribute('r'))),
    };
    const other = await browser.context.newPage();
    watch(other);
    await other.goto(shared);
    await other.locator('body[data-ready="true"]').waitFor();
    await expect(other.locator('#filter-admin1').inputValue()).resolves.toBe('Kyiv city');
    await expect(other.locator('#chart-bucket').inputValue()).resolves.toBe('week');
    await expect(other.locator('#munitions-table tbody').innerText()).resolves.toBe(before.table);
    await expect(other.locator('svg.map a.marker').count()).resolves.toBe(before.markers);
    await expect(other.locator('svg.map a.marker circle').evaluateAll((shapes) => shapes.map((shape) => shape.getAttribute('r')))).resolves.toEqual(before.radii);
    // The export links are the exact API URLs of the view.
    await expect(other.locator('#link-csv').getAttribute('href')).resolves.toBe(`/v1/events.csv?${query({ from: KYIV_JULY.from, to: KYIV_JULY.to, tz: KYIV_JULY.tz, admin1: KYIV_JULY.admin1 })}`);
    await other.close();
  });

  it('when the oblast layer is chosen, then each unit with figures is shaded, Kyiv city among them', async () => {
    await open(`/?${query({ from: KYIV_JULY.from, to: KYIV_JULY.to, tz: KYIV_JULY.tz })}&layer=admin1`);
    await page.locator('svg.map a.unit').first().waitFor();
    const units = await page.locator('svg.map a.unit').evaluateAll((links) => links.map((link) => link.getAttribute('data-admin1')));
    expect(units).toContain('UA-30');
    const stats = (await (await fetch(`${base}/v1/stats/munitions.geojson?${query({ from: KYIV_JULY.from, to: KYIV_JULY.to, tz: KYIV_JULY.tz, group_by: 'admin1', bucket: 'all' })}`)).json()) as { features: { geometry: unknown }[] };
    expect(units.length).toBe(stats.features.filter((feature) => feature.geometry).length);
    await screenshot('oblast-layer', { of: '#map' });
  });

  it('when an injured figure is corrected, then the event page shows the change, its reason and its sources', async () => {
    const key = apiKey(app);
    const url = '/v1/casualty-reports/cas_kyiv_body_injured';
    const current = await send(app, 'GET', url);
    const fixed = await send(app, 'PATCH', url, { key, body: { low: 26, best: 26, as_reported: '26 injured', reason: 'Kyiv city administration raised the count' }, headers: { 'if-match': current.headers.etag as string } });
    expect(fixed.status).toBe(200);

    await open(`/?event=${STRIKE}`);
    await expect(page.locator('#event-title').innerText()).resolves.toContain('Kyiv');
    await page.locator('ol.corrections li').first().waitFor();
    const change = page.locator('ol.corrections > li', { hasText: 'Kyiv city administration raised the count' });
    await expect(change.locator('li[data-field="best"]').innerText()).resolves.toMatch(/injured \(civilian, best\): 23 → 26/);
    await expect(page.locator('section.claims[data-family="munitions"] .source-column').count()).resolves.toBe(4);
    await expect(page.locator('section.claims[data-family="casualties"]').innerText()).resolves.toContain('26 injured');
    await screenshot('event-page', { fullPage: true });
  });

  it('when the page\'s URL or the API refuses a parameter, then the page says which and why', async () => {
    // Its own page: Chromium logs each refused request as a console error, which is the point here.
    const refused = await browser.context.newPage();
    const logged: string[] = [];
    refused.on('console', (message) => message.type() === 'error' && logged.push(message.text()));
    await refused.goto(`${base}/?form=2025-07-01`);
    await expect(refused.locator('.problem').innerText()).resolves.toMatch(/form.*not a parameter/s);
    await refused.goto(`${base}/?place=Atlantis`);
    await refused.locator('body[data-ready="true"]').waitFor();
    await expect(refused.locator('#timeline .problem').innerText()).resolves.toMatch(/place.*Atlantis.*matches no place/s);
    expect(logged.every((line) => line.includes('400 (Bad Request)'))).toBe(true);
    await refused.close();
  });

  it('when only the keyboard is used, then Tab reaches every control, and Enter on a figure opens its claims and Escape returns focus', async () => {
    await open(`/?${query(KYIV_JULY)}`);
    // A group of radio buttons is one stop for Tab (arrow keys move within it), so it counts once.
    const controls = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary, [tabindex="0"]')];
      all.forEach((element, i) => (element.dataset.control = element instanceof HTMLInputElement && element.type === 'radio' ? `radio:${element.name}` : String(i)));
      return [...new Set(all.filter((element) => element.getClientRects().length > 0 && !element.closest('dialog')).map((element) => element.dataset.control))];
    });
    expect(controls.length).toBeGreaterThan(40);
    const reached = new Set<string>();
    for (let i = 0; i < controls.length * 2 + 10 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.control ?? null);
      if (id !== null) reached.add(id);
    }
    expect(controls.filter((id) => !reached.has(id!))).toEqual([]);

    const figure = page.locator(`li.entry[data-event="${STRIKE}"] button[data-figure="launched"]`);
    await figure.focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog#provenance .source-column').first().waitFor();
    await page.keyboard.press('Escape');
    await expect(figure.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  });

  it('when it is opened on a phone, then nothing is wider than the screen', async () => {
    const phone = await browser.context.newPage();
    watch(phone);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}/?${query(KYIV_JULY)}`);
    await phone.locator('body[data-ready="true"]').waitFor();
    await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    const path = join(shots, 'phone.png');
    await phone.screenshot({ path });
    console.log(`explorer screenshot: ${path}`);
    expect(statSync(path).size).toBeGreaterThan(30_000);
    await phone.close();
  });

  it('then no page logged an error to the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
