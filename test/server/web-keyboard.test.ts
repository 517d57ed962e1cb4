/**
 * The cases with the keyboard alone, in a real browser (Debian's Chromium through playwright-core) against the real
 * app with a PGlite store: from the top of the page, Tab and Enter (and typing into the fields) start a case and add
 * a CMS decision to it; the store then holds exactly what was typed. No mouse, no element clicked or filled by the
 * test.
 *
 * Skipped, with the reason, only when there is no Chromium and CI is not set; in CI it always runs.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { startHttp, type RunningHttp } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NO_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;
if (NO_BROWSER) {
  process.stderr.write(`web-keyboard.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
}

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 20_000 });

let store: CaseStore;
let server: RunningHttp;
let browser: Browser;

/** Presses Tab until the focused element matches `selector`; fails if it is not reached within `most` presses. */
async function tabTo(page: Page, selector: string, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`))
      return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedText = (page: Page) => page.evaluate<string>('document.activeElement ? document.activeElement.textContent.trim() : ""');

describe.skipIf(NO_BROWSER)(`the cases with the keyboard alone in Chromium (${CHROMIUM})`, () => {
  beforeAll(async () => {
    store = await openStore({ dataDir: await freshDataDir() });
    [server, browser] = await Promise.all([startHttp({ store: async () => store }), chromium.launch({ executablePath: CHROMIUM })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    cleanup();
  });

  test('start a case and add a decision with Tab and Enter', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${server.origin}/`);

    // The second skip link goes straight to the cases.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Skip to the cases');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('cases-open');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate<string>('document.activeElement.id')).toBe('cases-list-heading');

    // The form to start a case: title, side (the paying parent, as it is), reference, then the paying parent's name.
    await tabTo(page, 'form[aria-label="Start a case"] [name="title"]');
    await page.keyboard.type('Keyboard case');
    await tabTo(page, 'form[aria-label="Start a case"] [name="reference"]', 12);
    await page.keyboard.type('121456789012');
    await tabTo(page, 'form[aria-label="Start a case"] [name="payingName"]', 12);
    await page.keyboard.type('Sam Example');
    await tabTo(page, 'form[aria-label="Start a case"] button[type="submit"]', 12);
    await page.keyboard.press('Enter');
    // The case opens and its heading takes the focus.
    await poll(() => page.evaluate<string>('document.activeElement.id')).toBe('case-title');
    expect(await focusedText(page)).toBe('Case: Keyboard case');

    // Open "Add a CMS decision" and fill it in.
    await tabTo(page, '#case-view summary');
    while ((await focusedText(page)) !== 'Add a CMS decision') await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, 'form[aria-label="Add a CMS decision"] [name="effectiveDate"]', 12);
    // A date field takes its parts in the order of the browser's own locale (which the context's locale does not set).
    const order = await page.evaluate<string[]>(
      "new Intl.DateTimeFormat().formatToParts(new Date(2023, 9, 5)).filter((p) => p.type !== 'literal').map((p) => p.type)",
    );
    await page.keyboard.type(order.map((part) => ({ day: '05', month: '10', year: '2023' })[part] ?? '').join(''));
    await tabTo(page, 'form[aria-label="Add a CMS decision"] [name="weeklyAmount"]', 12);
    await page.keyboard.type('64.62');
    await tabTo(page, 'form[aria-label="Add a CMS decision"] button[type="submit"]', 12);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('tr[data-decision]').count()).toBe(1);
    expect(await page.locator('#status').innerText()).toBe('Decision decision_1 added.');
    // The focus stays where the adviser was, ready for the next decision.
    expect(await focusedText(page)).toBe('Add the decision');

    // What the store holds is what was typed.
    const { cases } = await store.listCases({ limit: 10, offset: 0 });
    expect(cases.map((c) => [c.title, c.reference, c.side])).toEqual([['Keyboard case', '121456789012', 'paying']]);
    const detail = await store.getCase(cases[0]!.id);
    expect(detail.parties.map((p) => [p.role, p.name])).toEqual([['paying_parent', 'Sam Example']]);
    expect(detail.decisions.map((d) => [d.label, d.effectiveDate, d.weeklyAmount])).toEqual([['decision_1', '2023-10-05', '64.62']]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
