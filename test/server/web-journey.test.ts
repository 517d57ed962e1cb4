/**
 * An adviser's whole journey on the page, in a real browser (Debian's Chromium through playwright-core) against the
 * real app on a real socket with a PGlite store: one calculation → "Cases" → start a case → a CMS decision (first
 * refused, the error by its field) → a CMS statement PDF (rendered from the ground truth
 * test/fixtures/pdf/truth/cms-statement-of-account.json) chosen with the file input, and the bank CSV of
 * test/fixtures/payments-dispute.ts dropped (its columns named from its header) → a CMS entry typed in twice (kept once)
 * and a piece of evidence → reconcile (the bridge on the page is the API's reconcile_case, figure for figure; the
 * chart drawn, with its words) → a payment_dispute letter: what is missing, then the preview, the kept PDF downloaded
 * and read back, marked sent (its deadlines on the timeline), CMS's reply recorded (the deadline it answers is met) →
 * the evidence bundle downloaded → Clear. Nothing is left in the browser's storage; screenshots at 1280 and 375 px go
 * to test-artifacts/ (not committed). A second test: a shared server with two organisations' tokens.
 *
 * Skipped, with the reason, only when there is no Chromium and CI is not set; in CI it always runs.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deadlinesForEvent } from '../../calc/deadlines/index.ts';
import { todayInUk } from '../../server/today.ts';
import { extractPdfText } from '../../statements/pdf/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { renderTruth } from '../fixtures/pdf/generate.ts';
import { BANK_CSV, CMS_STATEMENT, CSV_MAPPING } from '../fixtures/payments-dispute.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { startHttp, type RunningHttp } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NO_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;
if (NO_BROWSER) {
  process.stderr.write(`web-journey.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
}

const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);
const ADDRESS = '1 Test Street\nTestville\nTE1 1ST';
const WITHHELD = 'Hidden Road, Secretown, SE1 1RT';

/** Money as the API writes it ("-1348.12") as the page shows it ("-£1,348.12"): the characters rearranged, nothing computed. */
function gbp(money: string): string {
  const [, sign, whole, pence] = /^(-?)(\d+)\.(\d\d)$/.exec(money)!;
  return `${sign}£${Number(whole).toLocaleString('en-GB')}.${pence}`;
}

let store: CaseStore;
let server: RunningHttp;
let browser: Browser;

/** Two organisations on one shared server, each with its token (organisation:principal:secret). */
const TOKEN_A = 'advice-a:desk-1:advice-a-s3cret-0123456789abcdef';
const TOKEN_B = 'advice-b:desk-1:advice-b-s3cret-0123456789abcdef';

/** Waits for a value (a long wait allowed: a PDF is parsed or drawn on the way); it is not a timing test. */
const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 20_000 });

async function api(route: string, body: unknown, on = server, token?: string): Promise<Record<string, any>> {
  const response = await fetch(`${on.origin}/api/v1/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, any>;
  if (!response.ok) throw new Error(`${route}: ${JSON.stringify(json)}`);
  return json;
}

/** Takes the download a click starts and gives back its bytes. */
async function downloadOf(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

describe.skipIf(NO_BROWSER)(`an adviser's journey in Chromium (${CHROMIUM})`, () => {
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

  test('calculation → case → statements → reconciliation → letter → bundle, nothing kept', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (
        !r
          .url()
          .replace(/^blob:/, '')
          .startsWith(`${server.origin}/`)
      ) {
        problems.push(`request to another origin: ${r.url()}`);
      }
    });
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    );
    await page.goto(`${server.origin}/`);

    // 1. One calculation through the calculator, as it stands: £1,000 a week, one child. CSA 1991 Sch 1 para 2(1)–(2):
    //    800 × 12% + 200 × 9% = 96 + 18 = £114.00 (test/server/web-browser.test.ts works the same example).
    await page.fill('#income-amount', '1000');
    await page.selectOption('#income-period', 'week');
    await page.click('#calculate');
    await poll(() => page.locator('#calculator').innerText()).toContain('£114.00');

    // 2. The cases are loaded only now; start one. The paying parent's address is left out, to see the letter ask for it.
    expect(await page.evaluate<number>("performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/cases.js')).length")).toBe(
      0,
    );
    await page.click('#cases-open');
    await poll(() => page.locator('#cases-root [role="status"]').first().innerText()).toBe('No cases yet: start one below.');
    const create = page.locator('form[aria-label="Start a case"]');
    await create.locator('[name="title"]').fill('Payments dispute');
    await create.locator('[name="reference"]').fill(CMS_STATEMENT.caseReference!);
    await create.locator('[name="service"]').selectOption('collect_and_pay');
    await create.locator('[name="firstDueDate"]').fill('2023-10-05');
    await create.locator('[name="payingName"]').fill('Sam Example');
    await create.locator('[name="receivingName"]').fill('Alex Example');
    await create.locator('[name="receivingAddress"]').fill(WITHHELD);
    await create.locator('[name="receivingWithheld"]').check();
    await create.locator('button[type="submit"]').click();
    await poll(() => page.locator('#case-title').innerText()).toBe('Case: Payments dispute');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('case-title');
    const caseId = (await page.locator('article[data-case-id]').getAttribute('data-case-id'))!;
    expect(await page.locator('[data-party="receiving_parent"] .address').innerText()).toBe('Address: withheld');
    expect(await page.locator('#cases-root').innerText()).not.toContain('Hidden Road');
    await poll(() => page.locator(`.cases-list li[data-case-id="${caseId}"]`).count()).toBe(1);

    // 3. The CMS decision (the weekly amount its letter states).
    const decision = page.locator('form[aria-label="Add a CMS decision"]');
    await page.click('text=Add a CMS decision');
    // Sent without its effective date first: the API's refusal sits by that field and in the summary, which takes the focus.
    await decision.locator('[name="weeklyAmount"]').fill('64.62');
    await decision.locator('button[type="submit"]').click();
    const effective = decision.locator('[name="effectiveDate"]');
    await poll(() => effective.getAttribute('aria-invalid')).toBe('true');
    const refusal = decision.locator('.error-summary');
    expect(await refusal.innerText()).toMatch(/^The decision could not be added\nEffective date: /);
    expect(await page.evaluate<boolean>('document.activeElement.classList.contains("error-summary")')).toBe(true);
    await decision.locator('[name="effectiveDate"]').fill('2023-10-05');
    await decision.locator('[name="letterDate"]').fill('2023-09-20');
    await decision.locator('[name="weeklyAmount"]').fill('64.62');
    await decision.locator('button[type="submit"]').click();
    await poll(() => page.locator('tr[data-decision]').count()).toBe(1);
    expect(await effective.getAttribute('aria-invalid')).toBeNull();
    expect(await refusal.isVisible()).toBe(false);
    expect(await page.locator('tr[data-decision]').innerText()).toMatch(/decision_1\s+2023-10-05\s+2023-09-20\s+£64\.62/);

    // 4. The CMS statement PDF through the file input, held on its way so the progress bar can be seen.
    const pdf = Buffer.from(await renderTruth(CMS_STATEMENT));
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/import-document', async (route) => {
      await held;
      await route.continue();
    });
    await page.setInputFiles('.drop-zone input[type="file"]', { name: 'cms-statement.pdf', mimeType: 'application/pdf', buffer: pdf });
    const pdfItem = page.locator('li[data-file="cms-statement.pdf"]');
    await poll(() => pdfItem.locator('progress').count()).toBe(1);
    expect(await pdfItem.innerText()).toMatch(/(Sending|Reading) cms-statement\.pdf/);
    release();
    await poll(() => pdfItem.locator('[data-imported]').count()).toBe(1);
    await page.unroute('**/api/v1/import-document');
    // The truth has 19 rows; import_document's counts, as the page shows them.
    expect(await pdfItem.innerText()).toContain(`${CMS_STATEMENT.rows.length} new CMS entries, 0 already in the case`);

    // The bank CSV dropped on the area: a layout Reckoner does not know, so it asks for the columns, guessed from the header.
    const dropped = await page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(BANK_CSV)}], 'bank.csv', { type: 'text/csv' })); return dt; })()`,
    );
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: dropped });
    const csvItem = page.locator('li[data-file="bank.csv"]');
    // Whether Reckoner knows this layout is the parser's business (its list of banks grows): asked the same question
    // without the page, the API says whether the page must ask for the columns.
    const known = (
      await fetch(`${server.origin}/api/v1/parse-statement?filename=bank.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: BANK_CSV,
      })
    ).ok;
    if (!known) {
      const columns = csvItem.locator('form');
      await poll(() => columns.count()).toBe(1);
      for (const [key, column] of Object.entries(CSV_MAPPING)) expect(await columns.locator(`[name="${key}"]`).inputValue()).toBe(column);
      await columns.locator('button[type="submit"]').click();
    }
    await poll(() => csvItem.locator('[data-imported]').count()).toBe(1);
    expect(await csvItem.innerText()).toContain('6 new bank transactions, 0 already in the case');
    await poll(() => page.locator('tr[data-document]').count()).toBe(2);
    // The list of cases shows list_cases' counts, read again after each change.
    await poll(() => page.locator(`.cases-list li[data-case-id="${caseId}"]`).innerText()).toContain('2 documents');
    await poll(() => page.locator('[data-count="cmsEntries"]').innerText()).toContain(`${CMS_STATEMENT.rows.length} CMS entries`);

    // A line typed from a CMS letter, sent twice: kept once (add_cms_entries keeps each line once by its content).
    await page.click('text=Add a CMS entry typed from a letter');
    const entry = page.locator('form[aria-label="Add a CMS entry"]');
    const typeEntry = async () => {
      await entry.locator('[name="type"]').selectOption('collection_fee');
      await entry.locator('[name="date"]').fill('2024-03-20');
      await entry.locator('[name="amount"]').fill('4.00');
      await entry.locator('[name="description"]').fill('Collection fee (letter of 20 March 2024)');
      await entry.locator('button[type="submit"]').click();
    };
    await typeEntry();
    await poll(() => entry.locator('[role="status"]').innerText()).toBe('Added: 1 new line.');
    await typeEntry();
    await poll(() => entry.locator('[role="status"]').innerText()).toBe('Already in the case: nothing added.');
    await poll(() => page.locator('[data-count="cmsEntries"]').innerText()).toContain(`${CMS_STATEMENT.rows.length + 1} CMS entries`);
    // A payment the bank statement does not show, declared with its receipt.
    await page.click('text=Add payslip, benefit or payment evidence');
    const evidence = page.locator('form[aria-label="Add evidence"]');
    await evidence.locator('[name="type"]').selectOption('declared_payment');
    await evidence.locator('[name="date"]').fill('2024-03-25');
    await evidence.locator('[name="amount"]').fill('20.00');
    await evidence.locator('[name="description"]').fill('Cash, receipt signed');
    await evidence.locator('button[type="submit"]').click();
    await poll(() => evidence.locator('[role="status"]').innerText()).toBe('Added: 1 new piece of evidence.');
    await poll(() => page.locator('[data-count="evidence"]').innerText()).toMatch(/^1 piece of/);
    // Line by line, from the resource reckoner://cases/{id}/entries: the 19 printed lines, each with the page and line
    // it is printed on, and the typed one; then the declared payment.
    const cmsRows = page.locator('[data-lines] table').first().locator('tbody tr');
    await poll(() => cmsRows.count()).toBe(CMS_STATEMENT.rows.length + 1);
    const wheres = await cmsRows.locator('td:last-child').allInnerTexts();
    expect(wheres.filter((w) => w === 'typed in')).toHaveLength(1);
    expect(wheres.filter((w) => /^page \d+, line \d+$/.test(w))).toHaveLength(CMS_STATEMENT.rows.length);
    const typedRow = cmsRows.filter({ hasText: 'typed in' });
    expect(await typedRow.innerText()).toContain('£4.00');
    const evidenceRows = page.locator('[data-lines] table').nth(1).locator('tbody tr');
    await poll(() => evidenceRows.count()).toBe(1);
    expect(await evidenceRows.innerText()).toMatch(/£20\.00[\s\S]*Cash, receipt signed/);

    // 5. Reconcile: the bridge on the page is reconcile_case's for the same case, line for line.
    await page.click('[data-action="reconcile"]');
    await poll(() => page.locator('tr[data-bridge="to"]').count()).toBe(1);
    const rec = await api('reconcile-case', { caseId });
    expect(rec.bridge.from).toBe(CMS_STATEMENT.summary.closing); // CMS's claim, read from the statement
    const cell = (selector: string) => page.locator(`${selector} td`).innerText();
    expect(await cell('tr[data-bridge="from"]')).toBe(gbp(rec.bridge.from));
    expect(await cell('tr[data-bridge="to"]')).toBe(gbp(rec.bridge.to));
    expect(await cell('tr[data-bridge="difference"]')).toBe(gbp(rec.bridge.difference));
    const lines = page.locator('tr[data-bridge="line"]');
    expect(await lines.count()).toBe(rec.bridge.subtotals.length);
    for (const s of rec.bridge.subtotals as { kind: string; count: number; amount: string }[]) {
      const row = page.locator(`tr[data-kind="${s.kind}"]`);
      expect(await row.locator('td').innerText()).toBe(gbp(s.amount));
      expect(await row.locator('th').innerText()).toMatch(new RegExp(`^${s.count} `));
    }
    // The chart: the resource's SVG drawn, with its text alternative beside it.
    const chart = page.locator('img[data-chart]');
    await poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('[data-chart-text]').innerText()).toMatch(/^The chart covers \d+ periods?/);
    expect(await chart.getAttribute('aria-describedby')).toBe(await page.locator('[data-chart-text]').getAttribute('id'));

    // 6. The payment dispute letter: first what is missing (the sender's address), then the draft.
    await page.locator('#case-letters ~ div select[name="type"]').selectOption('payment_dispute');
    await page.click('[data-action="draft"]');
    const address = page.locator('[data-fact="facts.sender.address"]');
    await poll(() => address.count()).toBe(1);
    expect(await page.locator('.missing-facts').innerText()).toContain('is missing — your own postal address');
    expect(await page.evaluate<string>('document.activeElement.dataset.fact')).toBe('facts.sender.address');
    await address.fill(ADDRESS);
    await page.click('[data-action="draft"]');
    const preview = page.locator('.letter-text');
    await poll(() => preview.count()).toBe(1);
    const facts = { sender: { address: ADDRESS.split('\n') } };
    const draft = await api('draft-letter', { caseId, type: 'payment_dispute', facts });
    expect(await preview.innerText()).toBe(draft.text);
    expect(draft.text).toContain('Sam Example');
    expect(draft.text).not.toContain('Hidden Road');
    // The figure the letter quotes for the recomputed balance is reconcile_case's.
    expect(draft.text).toContain(gbp(rec.bridge.to));

    await page.click('[data-action="save-letter"]');
    const pdfButton = page.locator('.letter-kept [data-download]');
    await poll(() => pdfButton.count()).toBe(1);
    const letterPdf = await downloadOf(page, '.letter-kept [data-download]');
    expect(letterPdf.name).toMatch(/^L04-payment-dispute-.*\.pdf$/);
    expect(letterPdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const letterText = await extractPdfText(new Uint8Array(letterPdf.bytes));
    expect(letterText).toContain(gbp(rec.bridge.to));
    expect(letterText).not.toContain('Hidden Road');

    // Marked sent today: the deadlines calc counts for a payment dispute (calc/deadlines is tested against its sources).
    const today = todayInUk();
    await page.click('[data-action="mark-sent"]');
    await poll(() => page.locator('.letter-kept [role="status"]').innerText()).toContain(`Marked sent on ${today}`);
    const expected = deadlinesForEvent('payments_disputed', today, 'england_and_wales');
    const next = page.locator('[data-timeline="next"] li[data-deadline]');
    await poll(() => next.count()).toBe(expected.length);
    for (const d of expected)
      expect(await page.locator(`[data-timeline="next"] li[data-deadline="${d.id}"]`).innerText()).toContain(`(${d.date})`);

    // CMS's reply arrives today: recorded, it meets the reply deadline it answers.
    await page.click('text=Record what happened');
    const happened = page.locator('form[aria-label="Record what happened"]');
    await happened.locator('[name="type"]').selectOption('dispute_reply_received');
    await happened.locator('[name="date"]').fill(today);
    await happened.locator('button[type="submit"]').click();
    await poll(() => page.locator('[data-timeline="met"] li[data-deadline="dispute_reply_due"]').count()).toBe(1);
    expect(await page.locator('[data-timeline="next"] li[data-deadline="dispute_reply_due"]').count()).toBe(0);
    const timeline = (await api('get-case', { caseId })).timeline as Record<'next' | 'overdue' | 'met', { id: string }[]>;
    for (const group of ['next', 'overdue', 'met'] as const) {
      expect(
        await page
          .locator(`[data-timeline="${group}"] li[data-deadline]`)
          .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-deadline'))),
      ).toEqual(timeline[group].map((d) => d.id));
    }

    // 7. The evidence bundle for the ICE, downloaded: a PDF holding the bridge's figures.
    await page.locator('form[aria-label="Build the evidence bundle"] select').selectOption('ice');
    await page.click('[data-action="bundle"]');
    await poll(() => page.locator('.bundle-result [data-download]').count()).toBe(1);
    const bundle = await downloadOf(page, '.bundle-result [data-download]');
    expect(bundle.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const bundleText = await extractPdfText(new Uint8Array(bundle.bytes));
    expect(bundleText).toContain(gbp(rec.bridge.from));
    expect(bundleText).toContain(gbp(rec.bridge.to));
    expect(await page.locator('[data-bundle-pages]').getAttribute('data-bundle-pages')).toBe(String(bundleText.split('\n\f\n').length));

    // Nothing typed is kept by the browser.
    const kept = await page.evaluate(
      '(async () => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, idb: (await indexedDB.databases()).length }))()',
    );
    expect(kept).toEqual({ local: 0, session: 0, cookie: '', idb: 0 });
    expect(await context.cookies()).toEqual([]);

    // Screenshots for people to look at (test-artifacts/ is not committed); at 375 px nothing runs off the side.
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('journey-1280.png', ARTIFACTS).pathname, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: new URL('journey-375.png', ARTIFACTS).pathname, fullPage: true });

    // Clear: the case goes from the page with everything typed into it.
    await page.click('#clear-all');
    expect(await page.locator('#cases-root').innerText()).toBe('');
    expect(await page.locator('#cases-root *').count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });
  test('a reconsideration posted the day before its last day shows when it is taken to arrive', { timeout: 60_000 }, async () => {
    // The decision letter is dated Monday 2 March 2026: the 30 days end on Wednesday 1 April 2026 (CSMCR 2012 reg 14).
    // Posted Tuesday 31 March, a first-class letter is taken to arrive on the second working day after, Thursday
    // 2 April (CPR r.6.26): the timeline counts the last day met by the sending, and says when it arrives.
    const created = await api('create-case', { title: 'Posted late', side: 'paying' });
    await api('record-event', { caseId: created.id, type: 'decision_letter_received', date: '2026-03-02' });
    await api('record-event', { caseId: created.id, type: 'mr_sent', date: '2026-03-31', details: { method: 'post' } });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.origin}/`);
    await page.click('#cases-open');
    await page.click(`button[data-case="${created.id}"]`);
    const item = page.locator('[data-timeline="met"] li[data-deadline="mr_last_day"]');
    await poll(() => item.count()).toBe(1);
    expect(await item.locator('.arrival').getAttribute('data-arrival')).toBe('2026-04-02');
    expect(await item.locator('.arrival').innerText()).toContain(
      'taken to arrive on the second working day after posting, Thursday 2 April 2026 (CPR r.6.26), after the last day, Wednesday 1 April 2026',
    );
    await context.close();
  });
  test(
    'on a shared server the cases ask for the token once, and show only that organisation’s cases, at 320 px',
    { timeout: 60_000 },
    async () => {
      const shared = await startHttp({ store: async () => store, apiTokens: [TOKEN_A, TOKEN_B] });
      try {
        const mine = await api('create-case', { title: 'Organisation A case', side: 'paying' }, shared, TOKEN_A);
        await api('create-case', { title: 'Organisation B case', side: 'receiving' }, shared, TOKEN_B);
        await api('add-decision', { caseId: mine.id, decision: { effectiveDate: '2023-10-05', weeklyAmount: '64.62' } }, shared, TOKEN_A);

        const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await page.goto(`${shared.origin}/`);
        // Loading the letter catalogue meets the 401 first; the one token given then serves the cases too.
        await poll(() => page.locator('#token-panel').isVisible()).toBe(true);
        await page.fill('#token-input', TOKEN_A);
        await page.keyboard.press('Enter');
        await poll(() => page.locator('#token-panel').isVisible()).toBe(false);
        await page.click('#cases-open');
        await poll(() => page.locator('.cases-list > li').count()).toBe(1);
        expect(await page.locator('.cases-list').innerText()).toContain('Organisation A case');
        expect(await page.locator('.cases-list').innerText()).not.toContain('Organisation B case');
        expect(await page.locator('#token-panel').isVisible()).toBe(false);

        // The case, its reconciliation and its chart (read from /mcp with the same token).
        await page.click(`button[data-case="${mine.id}"]`);
        await poll(() => page.locator('#case-title').count()).toBe(1);
        await page.click('[data-action="reconcile"]');
        const chart = page.locator('img[data-chart]');
        await poll(() => chart.count()).toBe(1);
        await poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
        const kept = await page.evaluate('({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie })');
        expect(kept).toEqual({ local: 0, session: 0, cookie: '' });
        expect(await page.content()).not.toContain(TOKEN_A);
        expect(problems).toEqual([]);
        await context.close();
      } finally {
        await shared.close();
      }
    },
  );
});
