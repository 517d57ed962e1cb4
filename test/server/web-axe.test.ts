/**
 * The page checked by axe-core in a real browser (Debian's Chromium through playwright-core) at 1280 and 375 px: the
 * calculator as it loads, and a case with data (a CMS statement PDF from the ground truth, the bank CSV of
 * test/fixtures/payments-dispute.ts, a decision, its reconciliation with the chart, a drafted letter and the
 * timeline). No violation of serious or critical impact is allowed.
 *
 * axe goes in through page.evaluate (the DevTools protocol), not a <script> tag: the page's CSP allows scripts from
 * its own origin only, and it stays that way for this test too.
 *
 * Skipped, with the reason, only when there is no Chromium and CI is not set; in CI it always runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { renderTruth } from '../fixtures/pdf/generate.ts';
import { BANK_CSV, CMS_STATEMENT, CSV_MAPPING } from '../fixtures/payments-dispute.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';
import { startHttp, type RunningHttp } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NO_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;
if (NO_BROWSER) {
  process.stderr.write(`web-axe.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 20_000 });

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let store: CaseStore;
let server: RunningHttp;
let browser: Browser;
let caseId: string;

async function api(route: string, body: unknown): Promise<Record<string, any>> {
  const response = await fetch(`${server.origin}/api/v1/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, any>;
  if (!response.ok) throw new Error(`${route}: ${JSON.stringify(json)}`);
  return json;
}

/** axe's serious and critical violations on the page as it is now, each as "rule: help (targets)". */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>("typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  const { passed, violations } = await page.evaluate<{ passed: number; violations: Violation[] }>(
    'axe.run(document).then((r) => ({ passed: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) })) }))',
  );
  // axe really looked: rules such as labels, contrast and landmarks pass on any page that has them.
  expect(passed).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(NO_BROWSER)(`axe-core in Chromium (${CHROMIUM})`, () => {
  beforeAll(async () => {
    store = await openStore({ dataDir: await freshDataDir() });
    [server, browser] = await Promise.all([startHttp({ store: async () => store }), chromium.launch({ executablePath: CHROMIUM })]);
    // A case with data, made over the API (the journey test makes one through the page).
    caseId = (
      await api('create-case', {
        title: 'Payments dispute',
        side: 'paying',
        service: 'collect_and_pay',
        reference: CMS_STATEMENT.caseReference,
        firstDueDate: '2023-10-05',
        parties: [
          { role: 'paying_parent', name: 'Sam Example', address: '1 Test Street\nTestville\nTE1 1ST' },
          { role: 'receiving_parent', name: 'Alex Example', addressWithheld: true, address: 'Hidden Road, Secretown, SE1 1RT' },
        ],
      })
    ).id as string;
    await api('add-decision', { caseId, decision: { effectiveDate: '2023-10-05', letterDate: '2023-09-20', weeklyAmount: '64.62' } });
    const pdf = Buffer.from(await renderTruth(CMS_STATEMENT)).toString('base64');
    await api('import-document', { caseId, contentBase64: pdf, filename: 'cms-statement.pdf' });
    await api('import-document', {
      caseId,
      contentBase64: Buffer.from(BANK_CSV).toString('base64'),
      filename: 'bank.csv',
      csvMapping: CSV_MAPPING,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    cleanup();
  });

  for (const width of [1280, 375]) {
    test(`at ${width} px: the calculator, then a case with data, have no serious or critical violations`, { timeout: 90_000 }, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.goto(`${server.origin}/`);
      await poll(() => page.locator('#letters-list > li').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);

      // The case, with everything drawn: people, decisions, documents, reconciliation and chart, a letter, deadlines.
      await page.click('#cases-open');
      await poll(() => page.locator(`.cases-list button[data-case="${caseId}"]`).count()).toBe(1);
      await page.click(`.cases-list button[data-case="${caseId}"]`);
      await poll(() => page.locator('#case-title').count()).toBe(1);
      await page.click('[data-action="reconcile"]');
      await poll(() => page.locator('img[data-chart]').count()).toBe(1);
      await page.locator('#case-letters ~ div select[name="type"]').selectOption('payment_dispute');
      await page.click('[data-action="draft"]');
      await poll(() => page.locator('.letter-text').count()).toBe(1);
      for (const details of await page.locator('#case-view details').all()) await details.evaluate((d) => d.setAttribute('open', ''));
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
