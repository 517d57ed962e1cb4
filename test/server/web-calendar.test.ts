/**
 * The calendar link on the page, in a real browser (Debian's Chromium through playwright-core) against the real
 * app with a real PGlite store: a case with a payment dispute recorded, its id typed in, the download taken, and
 * the file read as iCalendar (ical.js) — one event per open deadline, on the dates calc/deadlines gives. Also the
 * same route over plain HTTP, and a case id that is not there refused next to its field.
 *
 * Skipped, with the reason, only when there is no Chromium and CI is not set; in CI it always runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deadlinesForEvent } from '../../calc/deadlines/index.ts';
import { recordCaseEvent } from '../../cases/index.ts';
import { todayInUk } from '../../server/today.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { startHttp, type RunningHttp } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NO_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;
if (NO_BROWSER) {
  process.stderr.write(`web-calendar.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
}

let store: CaseStore;
let server: RunningHttp;
let caseId: string;
/** The deadlines a payment dispute sent today starts (calc/deadlines, tested against its sources elsewhere). */
let expected: { id: string; date: string }[];

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
  server = await startHttp({ store: async () => store });
  const created = await store.createCase({ title: 'Calendar case', side: 'paying' });
  caseId = created.id;
  const today = todayInUk();
  await recordCaseEvent(store, caseId, { type: 'payments_disputed', date: today });
  expected = deadlinesForEvent('payments_disputed', today, 'england_and_wales').map((d) => ({ id: d.id, date: d.date }));
});
afterAll(async () => {
  await server?.close();
  await store?.close();
  cleanup();
});

const vevents = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');

describe('/api/v1/export-calendar', () => {
  test('gives the open deadlines as iCalendar', async () => {
    const response = await fetch(`${server.origin}/api/v1/export-calendar`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseId }),
    });
    expect(response.status).toBe(200);
    const out = (await response.json()) as { ics: string; deadlines: number; mimeType: string };
    expect(out.mimeType).toBe('text/calendar');
    expect(out.deadlines).toBe(expected.length);
    expect(
      vevents(out.ics)
        .map((v) => String(v.getFirstPropertyValue('dtstart')))
        .sort(),
    ).toEqual(expected.map((d) => d.date).sort());
  });
});

describe.skipIf(NO_BROWSER)(`the calendar link in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('typing a case id and pressing the button downloads the calendar file', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.origin}/`);

    // A case that is not there: refused next to the field, nothing downloaded.
    await page.fill('#cal-case', '0f8fad5b-d9cb-469f-a165-70867728950e');
    await page.click('#cal-submit');
    await expect.poll(() => page.locator('#cal-errors').isVisible()).toBe(true);
    expect(await page.locator('#cal-errors').innerText()).toContain('Case id');

    await page.fill('#cal-case', caseId);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#cal-submit')]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(vevents(ics)).toHaveLength(expected.length);
    expect(await page.locator('#cal-status').innerText()).toContain(`${expected.length} open deadline`);
    expect(await page.evaluate('({ local: localStorage.length, session: sessionStorage.length })')).toEqual({ local: 0, session: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
