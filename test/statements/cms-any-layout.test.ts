/**
 * CMS documents in any plausible layout (issue 14, item 3 and the CMS part of item 6): statements of account,
 * arrears breakdowns and payment schedules with their columns in another order and under other headings, the
 * case reference printed in groups, the issuer named in other words, and entries outside the printed period
 * flagged. Each document is drawn from its ground truth (test/fixtures/pdf/cms-layouts/truth.ts) and must parse
 * to it exactly, field by field, with each entry's place taken from where the generator drew it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { accountKey, fingerprintRows } from '../../statements/fingerprint.ts';
import { cmsHeaderAccepts } from '../../statements/pdf/cms-header.ts';
import { cmsDocumentKind, isCmsDocument } from '../../statements/pdf/cms-detect.ts';
import { scheduleStatus } from '../../statements/pdf/cms-instalments.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import { readParticulars } from '../../statements/pdf/metadata.ts';
import type { Field } from '../../statements/pdf/table.ts';
import type { ParseResult, SourceLocation } from '../../statements/types.ts';
import { renderLayout } from '../fixtures/pdf/cms-layouts/render.ts';
import {
  ALL_CMS_LAYOUTS,
  CMS_LAYOUTS,
  scheduleDateAmount,
  statementEntries,
  type CmsLayoutTruth,
} from '../fixtures/pdf/cms-layouts/truth.ts';

/** The entries the truth states, each with the place the generator drew its line at. */
function expectedEntries(t: CmsLayoutTruth, places: readonly SourceLocation[]) {
  if (t.kind === 'cms_statement') return statementEntries(t).map((e, i) => ({ ...e, source: places[i]! }));
  return t.entries.map(({ line, ...e }) => ({ ...e, source: places[line]! }));
}

const at = (places: readonly SourceLocation[]) => (row: number) => `Page ${places[row]!.page}, line ${places[row]!.line}`;
const withoutFingerprint = <T extends { fingerprint: string }>(rows: readonly T[]) => rows.map(({ fingerprint: _f, ...r }) => r);

function expectTruth(result: ParseResult, t: CmsLayoutTruth, places: readonly SourceLocation[]): void {
  expect(result.kind).toBe(t.kind);
  expect(result.format).toBe('pdf');
  expect(result.metadata).toEqual(t.metadata);
  const { totalsDetail, ...checks } = result.checks;
  expect(checks).toEqual(t.checks);
  if (t.checks.totals !== 'not_available') expect(totalsDetail).toEqual(expect.any(String));
  expect(withoutFingerprint(result.cmsEntries)).toEqual(expectedEntries(t, places));
  expect(result.transactions).toEqual([]);
  expect(result.warnings).toEqual(t.warnings(at(places)));
}

test('three or more layouts of each CMS document, each a different column order or wording', () => {
  expect(CMS_LAYOUTS.statements.length).toBeGreaterThanOrEqual(3);
  expect(CMS_LAYOUTS.arrearsBreakdowns.length).toBeGreaterThanOrEqual(3);
  expect(CMS_LAYOUTS.schedules.length).toBeGreaterThanOrEqual(3);
  const headings = ALL_CMS_LAYOUTS.map((t) => t.cols.map((c) => c.label).join(' / '));
  expect(new Set(headings).size).toBe(headings.length);
});

describe.each(ALL_CMS_LAYOUTS.map((t) => [t.name, t] as const))('%s', (_name, truth) => {
  let result: ParseResult;
  let places: SourceLocation[];
  beforeAll(async () => {
    const drawn = await renderLayout(truth);
    places = drawn.places;
    result = await parsePdf({ bytes: drawn.bytes });
  });

  test('parses to the ground truth exactly: metadata, checks, every field of every entry, its page and line, the warnings', () => {
    expectTruth(result, truth, places);
  });

  test('the same parse when every word is a separate text item', async () => {
    const split = await renderLayout(truth, { splitWords: true });
    expect(split.places).toEqual(places);
    const again = await parsePdf({ bytes: split.bytes });
    expectTruth(again, truth, places);
    expect(again.cmsEntries.map((e) => e.fingerprint)).toEqual(result.cmsEntries.map((e) => e.fingerprint));
  });

  test('fingerprints follow the shared recipe, are unique, and leave out the place, the status and the period flag', () => {
    const prints = result.cmsEntries.map((e) => e.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    const recipe = fingerprintRows(
      expectedEntries(truth, places).map((e) => ({ date: e.date, amount: e.amount, direction: e.type, description: e.description })),
      accountKey(truth.metadata),
    );
    expect(prints).toEqual(recipe);
  });
});

describe('entries outside the printed period', () => {
  test('each layout that prints one flags exactly the entries dated outside it, and only those', async () => {
    let flagged = 0;
    for (const t of ALL_CMS_LAYOUTS) {
      const { bytes } = await renderLayout(t);
      const r = await parsePdf({ bytes });
      const start = t.metadata.periodStart!;
      const end = t.metadata.periodEnd!;
      for (const e of r.cmsEntries) {
        const out = e.date < start || e.date > end;
        expect(e.outsidePeriod === true, `${t.name} ${e.date}`).toBe(out);
        if (out) {
          flagged++;
          expect(r.warnings.some((w) => w.includes(`dated ${e.date},`) && w.includes(`period ${start} to ${end}`))).toBe(true);
        }
      }
    }
    // Computed from the truths: one each in five statements/breakdowns, and two entries of one schedule line.
    expect(flagged).toBe(7);
  });

  test('a schedule that prints no period flags nothing (its period is its first and last due dates)', async () => {
    const { bytes } = await renderLayout(CMS_LAYOUTS.schedules[0]);
    const r = await parsePdf({ bytes });
    expect(r.cmsEntries.filter((e) => e.outsidePeriod)).toEqual([]);
  });
});

describe('a schedule of single amounts with a status', () => {
  test('every line is maintenance due on its date; "Paid" and "Missed" never become payments or reports', async () => {
    const { bytes } = await renderLayout(CMS_LAYOUTS.schedules[0]);
    const r = await parsePdf({ bytes });
    expect(r.kind).toBe('cms_payment_schedule');
    expect(new Set(r.cmsEntries.map((e) => e.type))).toEqual(new Set(['liability']));
    expect(r.cmsEntries.map((e) => e.status)).toEqual(['paid', 'paid', 'part_paid', 'missed', 'due', 'due']);
    expect(r.metadata.paymentPlan).toBeUndefined();
  });

  test.each([
    ['Paid', 'paid'],
    ['paid in full', 'paid'],
    ['Part paid', 'part_paid'],
    ['Part-paid', 'part_paid'],
    ['Partially paid', 'part_paid'],
    ['Missed', 'missed'],
    ['Not paid', 'missed'],
    ['Overdue', 'missed'],
    ['Due', 'due'],
    ['Not yet due', 'due'],
    ['Upcoming', 'due'],
    ['Cancelled', undefined],
  ] as const)('status "%s" is %s', (text, status) => {
    expect(scheduleStatus(text)).toBe(status);
  });
});

describe('case references printed with spaces, hyphens, and under other labels', () => {
  test.each([
    ['Case reference 1212 3456 7890'],
    ['Case ref: 121 234 567 890'],
    ['Case ref. 121234567890'],
    ['Case number 1212 3456 7890'],
    ['Case no. 1212-3456-7890'],
    ['CMS reference: 1212 3456 7890'],
    ['CMS ref 121 234 567 890'],
    ['CMS case number: 1212 3456 7890'],
    ['Our reference 1212-3456-7890'],
    ['Our ref: 121 234 567 890'],
    ['Scheme reference 1212 3456 7890'],
    ['Mr Example Payer   Case reference 1212 3456 7890   Date 3 May 2024'],
  ])('"%s"', (line) => {
    expect(readParticulars([line], { caseReference: true }).caseReference).toBe('121234567890');
  });

  test('the reference printed on the line under its label (a box)', () => {
    expect(readParticulars(['Case number', '1212 3456 7890'], { caseReference: true }).caseReference).toBe('121234567890');
    expect(readParticulars(['CMS reference:', '121 234 567 890', 'Mr Example Payer'], { caseReference: true }).caseReference).toBe(
      '121234567890',
    );
  });

  test('eleven or thirteen digits are not a reference; nor is a number without a label', () => {
    expect(readParticulars(['Case reference 1212 3456 789'], { caseReference: true }).caseReference).toBeUndefined();
    expect(readParticulars(['Case reference 1212345678901'], { caseReference: true }).caseReference).toBeUndefined();
    expect(readParticulars(['1212 3456 7890'], { caseReference: true }).caseReference).toBeUndefined();
  });
});

describe('is it a CMS document?', () => {
  test.each([
    [['Child Maintenance Service', 'Case reference 1212 3456 7890']],
    [['Child Maintenance', 'Service', 'Statement', 'Case ref: 121 234 567 890']],
    [['CMS', 'Statement of account', 'Our reference 1212-3456-7890']],
    [['child maintenance service', 'CMS reference 121234567890']],
    [['Child Maintenance Group', 'Case number 1212 3456 7890']],
    [['Child Maintenance Service, Mail Handling Site A', 'Your arrears breakdown', '1212 3456 7890']],
    [['www.gov.uk/child-maintenance-service', 'Case no. 1212 3456 7890']],
    // The issuer's name only in a logo image: a case reference label with a CMS-shaped number.
    [['Statement of account', 'Case reference 1212 3456 7890']],
  ])('yes: %j', (lines) => {
    expect(isCmsDocument(lines)).toBe(true);
  });

  test.each([
    [['Barclays Bank UK PLC', 'Your transactions', 'Account name MX TEST PARENT', 'Sort code 20-00-00 Account number 90000042']],
    [['Child Maintenance Service', 'Your child maintenance calculation']],
    [['Example Community Savings Bank', 'Case number 9876 5432 1098']],
    [['Example Community Savings Bank', 'Reference 1212 3456 7890']],
    [['cms', 'Case number 9876 5432 1098']],
  ])('no: %j', (lines) => {
    expect(isCmsDocument(lines)).toBe(false);
  });
});

describe('a CMS document whose issuer is not in its text (a logo drawn as an image)', () => {
  const [soa] = CMS_LAYOUTS.statements;
  const withoutIssuer = (t: typeof soa, drop: RegExp): typeof soa => ({ ...t, head: t.head.filter((l) => !drop.test(l)) });

  test('a case reference label with a CMS-shaped number is enough: the same parse as with the logo', async () => {
    const t = withoutIssuer(soa, /Child Maintenance Service/);
    const { bytes, places } = await renderLayout(t);
    expectTruth(await parsePdf({ bytes }), t, places);
  });

  test('a schedule of dates and amounts only is read as one when the caller says so, and otherwise says why it was not', async () => {
    // A CMS document whose columns (Date / Amount) say neither statement nor schedule.
    const { bytes, places } = await renderLayout(scheduleDateAmount);
    const plain = await parsePdf({ bytes });
    expect(plain.kind).toBe('bank_statement');
    expect(plain.warnings).toContainEqual(
      expect.stringMatching(/^This document names the Child Maintenance Service .* hint "cms_payment_schedule"/),
    );
    // Before: read as a bank statement of six payments in even with the hint, and a warning that it was.
    expectTruth(await parsePdf({ bytes, hint: 'cms_payment_schedule' }), scheduleDateAmount, places);
  });

  test('with no issuer and no reference it is not read as a CMS document, even when the caller says so (a warning)', async () => {
    const t = withoutIssuer(soa, /Child Maintenance Service|CMS reference/);
    const { bytes } = await renderLayout(t);
    const hinted = await parsePdf({ bytes, hint: 'cms_statement' });
    expect(hinted.kind).toBe('bank_statement');
    expect(hinted.cmsEntries).toEqual([]);
    expect(hinted.warnings).toContainEqual(expect.stringMatching(/^You said this is a CMS statement, but it reads as a bank statement/));
  });
});

describe('what a CMS header row needs', () => {
  const f = (...fields: Field[]) => new Set(fields);
  test.each([
    [f('date', 'description', 'due', 'paid', 'balance'), true, 'statement'],
    [f('date', 'type', 'due', 'in', 'balance'), true, 'statement'],
    [f('date', 'description', 'in', 'out', 'balance'), true, 'statement'],
    [f('date', 'description', 'due', 'paid', 'arrears'), true, 'statement'],
    [f('date', 'amount', 'status'), true, 'schedule'],
    [f('date', 'due', 'status'), true, 'schedule'],
    [f('date', 'total', 'ongoing', 'arrears', 'fee'), true, 'schedule'],
    [f('date', 'ongoing', 'fee'), true, 'schedule'],
    [f('date', 'amount', 'balance'), false, 'statement'],
    [f('date', 'description', 'amount'), false, undefined],
    [f('description', 'due', 'paid', 'balance'), false, 'statement'],
    [f('date', 'status', 'description'), false, 'schedule'],
  ] as const)('%j: accepted %s, read as %s', (fields, accepted, kind) => {
    expect(cmsHeaderAccepts(fields)).toBe(accepted);
    expect(cmsDocumentKind(fields)).toBe(kind);
  });
});
