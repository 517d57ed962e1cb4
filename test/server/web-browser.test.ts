/**
 * The advice-line page in a real browser (Debian's Chromium through playwright-core) against the real app
 * on a real socket: known answers typed in with the keyboard, errors next to their fields, the shared-care
 * table, the deadline helper, Clear, nothing kept in the browser, and the access-token path. Any console
 * error, page error, CSP violation or request to another origin fails the test.
 *
 * Skipped, with the reason, only when there is no Chromium and CI is not set; in CI it always runs.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { formatMoney } from '../../calc/money.ts';
import { calculateMaintenance } from '../../calc/scheme-2012/calculate.ts';
import { DATE, startHttp, type RunningHttp } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NO_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;
if (NO_BROWSER) {
  process.stderr.write(`web-browser.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
}

/** The whole token as an adviser pastes it (organisation:principal:secret); the secret is 32+ characters. */
const TOKEN = 'advice-line:desk-1:advice-line-s3cret-0123456789abcdef';

/** One page in a fresh browser context, with everything that must not happen collected as `problems`. */
interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  /** Console errors this test expects (e.g. the 400 the browser logs for a refused input). */
  readonly allowed: RegExp[];
}

describe.skipIf(NO_BROWSER)(`the page in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let open: RunningHttp;
  let secured: RunningHttp;
  let session: Session | undefined;

  beforeAll(async () => {
    [browser, open, secured] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM }),
      startHttp(),
      startHttp({ apiTokens: [TOKEN] }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([open?.close(), secured?.close()]);
  });

  async function visit(server: RunningHttp, options: { allow?: RegExp[]; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1000, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    const s: Session = { context, page, problems: [], allowed: options.allow ?? [] };
    session = s;
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') s.problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => s.problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(`${server.origin}/`)) s.problems.push(`request to another origin: ${r.url()}`);
    });
    // Chromium logs CSP violations to the console too; this makes sure none slips through unnoticed.
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    );
    await page.goto(`${server.origin}/`);
    return page;
  }

  afterEach(async () => {
    const s = session;
    session = undefined;
    if (!s) return;
    await s.context.close();
    const unexpected = s.problems.filter((p) => !s.allowed.some((a) => a.test(p)));
    expect(unexpected).toEqual([]);
  });

  /** The body calculate-maintenance gets for `input`, answered by the API itself: for comparing with the page. */
  async function api(server: RunningHttp, route: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${server.origin}/api/v1/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  const text = (page: Page, selector: string) => page.locator(selector).innerText();
  // Code that runs in the page is written as a string where it names browser globals: this project's
  // tsconfig has no DOM types (nothing outside this file runs in a browser).
  const focused = (page: Page) => page.evaluate<string>("document.activeElement ? document.activeElement.id : ''");

  async function expectNothingKept(page: Page): Promise<void> {
    const kept = await page.evaluate('({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie })');
    expect(kept).toEqual({ local: 0, session: 0, cookie: '' });
    expect(await page.context().cookies()).toEqual([]);
  }

  test('£1,000 a week, 2 children: £152.00, basic plus rate, with a trace that cites the Act', async () => {
    const page = await visit(open);
    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '1000');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.click('text=Add a child for receiving parent 1');
    await page.click('#calculate');
    // CSA 1991 Sch 1 para 2(1)–(2): 800 × 16% + 200 × 12% = 128 + 24 = £152 (test/server/helpers.ts EXAMPLES.basicPlus).
    await expect.poll(() => text(page, '#weekly-amount')).toBe('£152.00');
    expect(await text(page, '#rate-name')).toContain('basic plus rate');
    // Monthly: 152 × 52 ÷ 12 = 658.666… → £658.67 (CSCER 1992 reg 4); yearly 152 × 52 = £7,904.00.
    const frequencies = await text(page, '#calc-result');
    expect(frequencies).toContain('£658.67');
    expect(frequencies).toContain('£7,904.00');

    // The trace is folded away, then shows every step the API gave, each with its source.
    const trace = page.locator('details.trace');
    expect(await trace.getAttribute('open')).toBeNull();
    await trace.locator('summary').click();
    const answer = await api(open, 'calculate-maintenance', {
      date: DATE,
      payingParent: { income: { amount: '1000', period: 'week' } },
      receivingParents: [{ children: [{}, {}] }],
      collection: 'direct_pay',
    });
    expect(answer['weeklyAmount']).toBe('152.00');
    await expect.poll(() => trace.locator('li').count()).toBe((answer['trace'] as unknown[]).length);
    const step = trace.locator('li[data-step="rate_basic_plus"]');
    const link = step.locator('a');
    expect(await link.innerText()).toContain('Child Support Act 1991 Sch 1 para 2');
    expect(await link.getAttribute('href')).toBe('https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/paragraph/2');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('with the keyboard alone: £173 a week, 2 children, 1 relevant other child → reduced rate £22.00', async () => {
    const page = await visit(open);
    await page.fill('#calc-date', DATE);
    await page.focus('#income-amount');
    await page.keyboard.type('173');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('income-period');
    await page.keyboard.press('ArrowDown'); // from "Choose…" (there is no default) to "a week"
    expect(await page.locator('#income-period').inputValue()).toBe('week');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('benefit');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('relevant-other');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toMatch(/^Less common/); // the folded extras
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('rp-0-child-0-nights');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('rp-0-child-0-nights-per'); // nights a week or a year
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('rp-0-add-child');
    await page.keyboard.press('Enter');
    // Adding a child takes the focus to the new child's nights.
    expect(await focused(page)).toBe('rp-0-child-1-nights');
    await page.keyboard.press('Enter'); // submits the form
    // GOV.UK calculator test "example on p23" (EXAMPLES.reducedRate): 7 + 73 × 21.2% = 22.476 → £22.
    await expect.poll(() => text(page, '#weekly-amount')).toBe('£22.00');
    expect(await text(page, '#rate-name')).toContain('reduced rate');
  });

  test('a negative income: the server’s message next to the income field and in the summary', async () => {
    const page = await visit(open, { allow: [/status of 400/] });
    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '-5');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.click('#calculate');
    const refused = (await api(open, 'calculate-maintenance', {
      date: DATE,
      payingParent: { income: { amount: '-5', period: 'week' } },
      receivingParents: [{ children: [{}] }],
    })) as { error: { details: { field: string; message: string }[] } };
    expect(refused.error.details).toEqual([{ field: 'payingParent.income.amount', message: expect.any(String) }]);
    const message = refused.error.details[0]!.message;
    expect(message).toMatch(/must not be negative/);

    const summary = page.locator('#calc-errors');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await focused(page)).toBe('calc-errors');
    expect(await summary.innerText()).toContain(`Gross income: ${message}`);
    const income = page.locator('#income-amount');
    expect(await income.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await income.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await text(page, `#${errorId}`)).toBe(`Error: ${message}`);
    // The error sits right by the field: the element just before the input.
    expect(await income.evaluate((el) => el.previousElementSibling?.id)).toBe(errorId);
    expect(await text(page, '#calc-headline')).toContain('No figures yet');

    await summary.locator('a').click();
    expect(await focused(page)).toBe('income-amount');
    await page.fill('#income-amount', '1000');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.click('#calculate');
    // One child at £1,000: 800 × 12% + 200 × 9% = 96 + 18 = £114 (Sch 1 para 2(1)–(2)); the errors go.
    await expect.poll(() => text(page, '#weekly-amount')).toBe('£114.00');
    expect(await summary.isVisible()).toBe(false);
    expect(await income.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('.field-error').count()).toBe(0);
  });

  test('400 nights names the child: the error sits by that child’s field', async () => {
    const page = await visit(open, { allow: [/status of 400/] });
    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '500');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.click('text=Add a child for receiving parent 1');
    await page.fill('#rp-0-child-1-nights', '400');
    await page.selectOption('#rp-0-child-1-nights-per', 'year');
    await page.click('#calculate');
    // The schema's limit: "nightsPerYear must be at most 366: a year has no more nights".
    await expect.poll(() => text(page, '#calc-errors')).toContain('Receiving parent 1, child 2: nights: nightsPerYear must be at most 366');
    expect(await page.locator('#rp-0-child-1-nights').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#rp-0-child-0-nights').getAttribute('aria-invalid')).toBeNull();
  });

  test('two receiving parents with shared care: £50.00 and £27.14, £77.14 in all', async () => {
    const page = await visit(open);
    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '600');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.fill('#rp-0-child-0-nights', '175');
    await page.selectOption('#rp-0-child-0-nights-per', 'year');
    await page.click('text=Add a child for receiving parent 1');
    await page.click('#add-parent');
    expect(await focused(page)).toBe('rp-1-child-0-nights');
    await page.keyboard.type('104');
    await page.selectOption('#rp-1-child-0-nights-per', 'year');
    await page.click('#calculate');
    // EXAMPLES.twoReceivingParents, as test/server/http-api.test.ts works it: basic 600 × 19% = £114, shared
    // 76 / 38 (para 6); A: 76 × (1 − 1/4) = 57, less £7 for the 175-night child (para 7(6)) = £50;
    // B: 38 × (1 − 2/7) = 27.142… → £27.14 (para 7(4)); 50 + 27.14 = £77.14.
    await expect.poll(() => text(page, '#weekly-amount')).toBe('£77.14');
    expect(await text(page, '[data-parent-amount="0"]')).toBe('£50.00');
    expect(await text(page, '[data-parent-amount="1"]')).toBe('£27.14');
  });

  test('Collect and Pay: the fees the API returns are shown', async () => {
    const page = await visit(open);
    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '500');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.fill('#rp-0-child-0-nights', '52');
    await page.selectOption('#rp-0-child-0-nights-per', 'year');
    await page.check('#collection-cp');
    await page.click('#calculate');
    // 500 × 12% = £60; 52 nights → 1/7: 60 × 6/7 = £51.43 (EXAMPLES.collectAndPay).
    await expect.poll(() => text(page, '#weekly-amount')).toBe('£51.43');
    // Fees Regulations 2014 reg 7: 51.43 × 20% = 10.286 → £10.29, so £61.72; 51.43 × 4% = 2.057 → £2.06, so £49.37.
    const tables = page.locator('.collect-and-pay table');
    expect(await tables.count()).toBe(2);
    expect(await tables.nth(0).locator('tr[data-frequency="weekly"]').innerText()).toMatch(/£51\.43\s+£10\.29\s+£61\.72/);
    expect(await tables.nth(1).locator('tr[data-frequency="weekly"]').innerText()).toMatch(/£51\.43\s+£2\.06\s+£49\.37/);
  });

  test('what a shared-care change does: the weekly amount at each band, from one API call per band', async () => {
    const page = await visit(open);
    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '500');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.fill('#rp-0-child-0-nights', '52');
    await page.selectOption('#rp-0-child-0-nights-per', 'year');
    await page.selectOption('#sc-child', '0:0');
    await page.click('#sc-show');
    const rows = page.locator('#sc-result tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    const row = (nights: number) => page.locator(`#sc-result tbody tr[data-nights="${nights}"]`);
    const amountAt = async (nights: number) => (await row(nights).locator('td').last().innerText()).trim();

    // By hand (golden E11, test/calc/scheme-2012/golden.test.ts): 500 × 12% = £60; 52–103 nights takes off
    // one-seventh: 60 × 6/7 = 51.428… → £51.43; 175 or more: 60 × 1/2 − 7 = £23.00.
    expect(await amountAt(52)).toBe('£51.43');
    expect(await amountAt(175)).toBe('£23.00');
    // Every band against the calculator itself.
    for (const nights of [0, 52, 104, 156, 175]) {
      const expected = calculateMaintenance({
        date: DATE,
        payingParent: { grossWeeklyIncome: '500' },
        receivingParents: [{ children: [{ nightsPerYear: nights }] }],
      });
      expect(await amountAt(nights), `${nights} nights`).toBe(`£${formatMoney(expected.weeklyAmount)}`);
    }
    expect(await row(104).innerText()).toContain('2/7 (two-sevenths)');
    // The band the child is in now is marked in words, not colour alone.
    expect(await row(52).innerText()).toContain('(now)');
    expect(await page.locator('#sc-result tr.current').count()).toBe(1);
  });

  test('the deadline helper: an SAR received 5 April 2025 is due 6 May 2025, after the bank holiday', async () => {
    const page = await visit(open);
    await expect.poll(() => page.locator('#dl-letter option[value="L01"]').count()).toBe(1);
    await page.selectOption('#dl-letter', 'L01');
    expect(await text(page, '#dl-date-hint')).toContain('the day DWP receives the request');
    await page.fill('#dl-date', '2025-04-05');
    await page.click('#dl-submit');
    // test/calc/deadlines/deadlines.test.ts: one month after 5 April 2025 is Monday 5 May, the early May bank
    // holiday (England and Wales), so the next working day, Tuesday 6 May 2025 (UK GDPR Art 12(3)).
    const due = page.locator('li[data-deadline="sar_reply_due"]');
    await expect.poll(() => due.count()).toBe(1);
    expect(await due.innerText()).toContain('Tuesday 6 May 2025 (2025-05-06)');
    expect(await due.innerText()).toContain('Early May bank holiday');
    expect(await due.locator('a').innerText()).toContain('UK GDPR Art 12(3)');

    // Something that happened: a stage-1 complaint sent Friday 20 December 2024. deadlines.test.ts counts 15
    // working days past Christmas, Boxing Day and New Year's Day: Wednesday 15 January 2025.
    await page.check('#dl-mode-event');
    expect(await page.locator('#dl-letter-field').isHidden()).toBe(true);
    await page.selectOption('#dl-event', 'complaint_sent');
    await page.fill('#dl-date', '2024-12-20');
    await page.click('#dl-submit');
    const response = page.locator('li[data-deadline="complaint_response_due"]');
    await expect.poll(() => response.count()).toBe(1);
    expect(await response.innerText()).toContain('Wednesday 15 January 2025 (2025-01-15)');
  });

  test('the letter catalogue: every letter with what it is for; a letter’s button fills the deadline helper', async () => {
    const page = await visit(open);
    const catalogue = (await api(open, 'list-letter-types', {})) as { letters: { id: string; title: string; whenToUse: string }[] };
    expect(catalogue.letters).toHaveLength(24);
    const items = page.locator('#letters-list > li');
    await expect.poll(() => items.count()).toBe(24);
    const l03 = catalogue.letters.find((l) => l.id === 'L03')!;
    const item = page.locator('li[data-letter-id="L03"]');
    expect(await item.locator('summary').innerText()).toBe(`L03 ${l03.title}`);
    await item.locator('summary').click();
    expect(await item.innerText()).toContain(l03.whenToUse);

    await page.fill('#letters-search', 'reconsideration');
    const matching = catalogue.letters.filter((l) => `${l.id} ${l.title} ${l.whenToUse}`.toLowerCase().includes('reconsideration'));
    await expect.poll(() => items.count()).toBe(matching.length);
    expect(await text(page, '#letters-count')).toBe(`Showing ${matching.length} of 24 letters.`);

    await item.locator('button[data-letter="L03"]').click();
    expect(await page.locator('#dl-letter').inputValue()).toBe('L03');
    expect(await focused(page)).toBe('dl-date');
  });

  test('Clear wipes every field and result; nothing is kept in storage or cookies', async () => {
    const page = await visit(open);
    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '30000');
    await page.selectOption('#income-period', 'year');
    await page.fill('#relevant-other', '1');
    await page.click('#less-common summary');
    await page.fill('#pension-amount', '100');
    await page.selectOption('#pension-period', 'week');
    await page.fill('#rp-0-child-0-nights', '52');
    await page.selectOption('#rp-0-child-0-nights-per', 'year');
    await page.click('#add-parent');
    await page.fill('#rp-1-child-0-nights', '104');
    await page.selectOption('#rp-1-child-0-nights-per', 'year');
    await page.click('#calculate');
    await expect.poll(() => page.locator('#weekly-amount').count()).toBe(1);
    await page.click('#sc-show');
    await expect.poll(() => page.locator('#sc-result tbody tr').count()).toBe(5);
    await page.fill('#dl-date', '2025-04-05');
    await page.click('#dl-submit');
    await expect.poll(() => page.locator('#dl-result li').count()).toBeGreaterThan(0);
    await page.fill('#letters-search', 'complaint');
    await expectNothingKept(page);

    await page.click('#clear-all');
    const state = {
      typed: (
        await page
          .locator('input[type="text"], input[type="search"], input[type="password"]')
          .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value))
      ).filter((v) => v !== ''),
      children: await page.locator('input[data-nights]').count(),
      results: await Promise.all(
        ['calc-headline', 'calc-result', 'sc-headline', 'sc-result', 'dl-headline', 'dl-result'].map((id) =>
          page.locator(`#${id}`).innerText(),
        ),
      ),
      period: await page.locator('#income-period').inputValue(),
      lessCommonOpen: (await page.locator('#less-common').getAttribute('open')) !== null,
      letters: await page.locator('#letters-list > li').count(),
    };
    expect(state).toEqual({
      typed: [],
      children: 1,
      results: ['', '', '', '', '', ''],
      period: '', // no default: the next caller's period is chosen afresh
      lessCommonOpen: false,
      letters: 24,
    });
    expect(await focused(page)).toBe('income-amount');
    await expectNothingKept(page);
  });

  test('an answer that arrives after Clear is dropped, not shown', async () => {
    const page = await visit(open);
    // Hold the answer back until after Clear has been pressed.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/calculate-maintenance', async (route) => {
      await held;
      await route.continue();
    });
    await page.fill('#income-amount', '1000');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.click('#calculate');
    await page.click('#clear-all');
    const answered = page.waitForResponse('**/api/v1/calculate-maintenance');
    release();
    await answered;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    expect(await text(page, '#calc-headline')).toBe('');
    expect(await page.locator('#weekly-amount').count()).toBe(0);
  });

  test('at 320px wide nothing runs off the side, even with the widest tables', async () => {
    const page = await visit(open, { width: 320 });
    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '1000');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.check('#collection-cp');
    await page.click('#calculate');
    await expect.poll(() => page.locator('.collect-and-pay').count()).toBe(1);
    await page.click('#sc-show');
    await expect.poll(() => page.locator('#sc-result tbody tr').count()).toBe(5);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    // Every control has a label the browser associates with it.
    const unlabelled = await page
      .locator('input, select')
      .evaluateAll((controls) =>
        controls.filter((el) => !(el as { labels?: { length: number } }).labels?.length).map((el) => el.id || el.getAttribute('name')),
      );
    expect(unlabelled).toEqual([]);
  });

  test('with API tokens the page asks for one, keeps it in memory only, and works once it is given', async () => {
    const page = await visit(secured, { allow: [/status of 401/] });
    // Loading the letters meets the 401, so the page asks at once.
    const panel = page.locator('#token-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await focused(page)).toBe('token-input');
    expect(await page.locator('#token-input').getAttribute('type')).toBe('password');

    await page.keyboard.type('wrong-token');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, '#token-message')).toContain('not accepted');
    expect(await panel.isVisible()).toBe(true);

    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.isVisible()).toBe(false);
    await expect.poll(() => page.locator('#letters-list > li').count()).toBe(24);

    await page.fill('#calc-date', DATE);
    await page.fill('#income-amount', '1000');
    await page.selectOption('#income-period', 'week'); // no default period any more: the adviser chooses
    await page.click('text=Add a child for receiving parent 1');
    await page.click('#calculate');
    // 800 × 16% + 200 × 12% = £152 (CSA 1991 Sch 1 para 2(1)–(2)); asked once, the token is used again.
    await expect.poll(() => text(page, '#weekly-amount')).toBe('£152.00');
    expect(await panel.isVisible()).toBe(false);

    await expectNothingKept(page);
    expect(await page.locator('#token-input').inputValue()).toBe('');
    expect(await page.content()).not.toContain(TOKEN);
    // Memory only: a reload forgets it, and the page asks again.
    await page.reload();
    await expect.poll(() => page.locator('#token-panel').isVisible()).toBe(true);
  });
});
