/**
 * CMS's balance on a statement of account, in the words CMS and similar statements print it (journey probe, story 1:
 * a statement whose summary printed "Balance you owe 1220.00" and whose balance column ended at £1,220.00 gave no
 * closing balance and no warning, so the reconciliation made CMS's figure up from its entries, to another day).
 * Each statement is drawn from the ground truth in test/fixtures/pdf/cms-balance-statement.ts: £0.00 brought in,
 * £1,300.00 of maintenance, £260.00 of fees and a £50.00 charge, £1,170.00 paid, so CMS's balance is £440.00.
 */
import { describe, expect, test } from 'vitest';
import { NO_CMS_BALANCE, parsePdf } from '../../statements/pdf/index.ts';
import { readSummary } from '../../statements/pdf/metadata.ts';
import type { ParseResult } from '../../statements/types.ts';
import {
  CLOSING,
  CMS_REFERENCE,
  ENTRIES,
  OPENING,
  PERIOD_END,
  PERIOD_START,
  SUMMARY,
  drawCmsStatement,
  runningBalances,
  type CmsSheetOptions,
} from '../fixtures/pdf/cms-balance-statement.ts';

const read = async (o: CmsSheetOptions): Promise<ParseResult> => parsePdf({ bytes: await drawCmsStatement(o) });
const entriesOf = (r: ParseResult) =>
  r.cmsEntries.map((e) => ({ date: e.date, type: e.type, amount: e.amount, description: e.description }));

test('the truth adds up: £0.00 + £1,300.00 + £260.00 + £50.00 − £1,170.00 = £440.00, the last running balance', () => {
  expect([SUMMARY.due, SUMMARY.fees, SUMMARY.enforcement, SUMMARY.received]).toEqual(['1300.00', '260.00', '50.00', '1170.00']);
  expect(CLOSING).toBe('440.00');
  expect(runningBalances().at(-1)).toBe(CLOSING);
});

describe('the summary names the balance in any of the words CMS uses', () => {
  test.each([
    'Closing balance',
    'Balance you owe',
    'Amount you owe',
    'Total you owe',
    'Balance owed',
    'Amount owed to you',
    'Arrears balance',
  ])('"%s 440.00" is CMS’s balance', async (label) => {
    const r = await read({ balanceLabel: label });
    expect(r.kind).toBe('cms_statement');
    expect(entriesOf(r)).toEqual(ENTRIES);
    expect(r.metadata).toMatchObject({
      caseReference: CMS_REFERENCE,
      periodStart: PERIOD_START,
      periodEnd: PERIOD_END,
      openingBalance: OPENING,
      closingBalance: CLOSING,
    });
    expect(r.checks.runningBalance).toBe('ok');
    expect(r.checks.totals).toBe('ok');
    expect(r.checks.totalsDetail).toContain('closing balance £440.00');
    expect(r.warnings).toEqual([]);
  });

  test('"Total owed 440.00" is both the balance and the total of the balances by component', async () => {
    const r = await read({ balanceLabel: 'Total owed' });
    expect(r.metadata.closingBalance).toBe(CLOSING);
    expect(r.metadata.balances).toEqual({ total: CLOSING });
    expect(r.warnings).toEqual([]);
  });

  test('with no running balance column, the summary’s "Balance you owe" alone gives the balance', async () => {
    const r = await read({ balanceLabel: 'Balance you owe', runningBalance: false });
    expect(r.metadata.closingBalance).toBe(CLOSING);
    expect(r.checks.runningBalance).toBe('not_available');
    expect(r.warnings).toEqual([]);
  });
});

describe('with no summary label, the running balance the table ends on is CMS’s balance, where the chain adds up', () => {
  test('every line’s balance follows from the one before: the last, £440.00, is read', async () => {
    const r = await read({});
    expect(entriesOf(r)).toEqual(ENTRIES);
    expect(r.metadata.closingBalance).toBe(CLOSING);
    expect(r.checks.runningBalance).toBe('ok');
    // Opening £0.00 + the 12 entries = £440.00: the balance read agrees with the entries.
    expect(r.checks.totalsDetail).toContain('closing balance £440.00');
    expect(r.warnings).toEqual([]);
  });

  test('a chain that breaks gives no balance, and the statement says it gives none', async () => {
    // Line 6 (the £50.00 charge of 14 October) printed as £99.00: the truth is £440.00 (0 + 390 − 390 + 390 + 50).
    const r = await read({ misprint: { 5: '99.00' } });
    expect(r.checks.runningBalance).toBe('failed');
    expect(r.checks.firstBreak).toEqual({ row: 5, date: '2024-10-14', expected: '440.00', printed: '99.00' });
    expect(r.metadata.closingBalance).toBeUndefined();
    expect(r.warnings).toContain(NO_CMS_BALANCE);
  });
});

describe('a statement that gives no balance at all says so', () => {
  test('no summary label and no balance column: no balance, and a warning', async () => {
    const r = await read({ runningBalance: false });
    expect(entriesOf(r)).toEqual(ENTRIES);
    expect(r.metadata.closingBalance).toBeUndefined();
    expect(r.metadata.balances).toBeUndefined();
    expect(r.warnings).toEqual([NO_CMS_BALANCE]);
  });

  test('a part owed to someone ("Balance owed to the Secretary of State 50.00") is not the balance', async () => {
    const r = await read({ runningBalance: false, extraSummary: ['Balance owed to the Secretary of State 50.00'] });
    expect(r.metadata.closingBalance).toBeUndefined();
    expect(r.warnings).toEqual([NO_CMS_BALANCE]);
  });
});

describe('readSummary: the balance wordings, and those that are not the balance', () => {
  test.each([
    ['Balance you owe 1,220.00', '1220'],
    ['Amount you owe: £1,220.00', '1220'],
    ['Total owed £1,220.00', '1220'],
    ['Balance owed 1,220.00', '1220'],
    ['Balance owed to you 1,220.00', '1220'],
    ['Arrears balance 1,220.00', '1220'],
    ['Balance you owe 25.00 CR', '-25'],
  ])('"%s" is the closing balance', (line, figure) => {
    expect(readSummary([line], 'cms').closing?.toString()).toBe(figure);
  });

  test.each(['Maintenance arrears balance 975.00', 'Balance owed to the Secretary of State 50.00', 'Amount you owe each month 390.00'])(
    '"%s" is not',
    (line) => {
      expect(readSummary([line], 'cms').closing).toBeUndefined();
    },
  );
});
