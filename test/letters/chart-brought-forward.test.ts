/**
 * The chart drawn where CMS brings a balance forward from inside the periods (test/calc/reconcile/brought-forward.ts,
 * worked out in test/calc/chart/model.test.ts): CMS's line starts on 1 June 2025 at £260.00, four points (1 June, 6
 * June, 6 July, 6 August), and the legend, the text alternative and the table say its balance before then is not
 * known. Before, its line had eight points, the first four at £0, the table said "£0.00" in those periods, and the
 * text said "The two balances were furthest apart, by £260.00, at the end of the period to 5 April 2025".
 *
 * What CMS recorded as paid is not known before 1 June either: its line is drawn through the three periods that start
 * after it (6 June, 6 July, 6 August, £260.00 each), its legend and the table say so. Before, it was drawn through all
 * eight periods, the first five at £0, and the text said CMS recorded "£780.00 as paid, £1,040.00 less than the
 * evidence shows" (£1,820.00 paid in all: 7 × £260.00; £780.00 recorded: 3 × £260.00).
 */
import { describe, expect, test } from 'vitest';
import { reconciliationChart } from '../../calc/chart/index.ts';
import { reconcile } from '../../calc/reconcile/reconcile.ts';
import { chartSvg, chartTable, chartText } from '../../letters/chart/index.ts';
import type { CmsEntryInput } from '../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import { collectAndPay } from '../calc/reconcile/brought-forward.ts';
import { xmlProblems } from './bundle/helpers.ts';

const model = reconciliationChart(reconcile(collectAndPay('260.00', '260.00')));

describe('a chart whose CMS balance is not known before a balance brought forward', () => {
  const svg = chartSvg(model);

  test('CMS’s balance line has four points, from 1 June; what CMS recorded as paid three, from 6 June; the others eight', () => {
    expect(xmlProblems(svg)).toEqual([]);
    const lines = /<g data-series="([^"]+)">\n<polyline points="([^"]+)"/g;
    const counts = Object.fromEntries([...svg.matchAll(lines)].map((m) => [m[1], m[2]!.split(' ').length]));
    expect(counts).toEqual({ balance: 8, balance_per_cms: 4, due: 8, paid: 8, recorded_by_cms: 3 });
  });

  test('what CMS recorded as paid is drawn at 6 June, 6 July and 6 August 2025, each at £260.00', () => {
    // Same x as the evidence's line at those periods (points 6 to 8 of 8), and the same height as £260.00 paid: CMS's
    // £260.00 received in each matches the £260.00 the bank shows.
    const polyline = (id: string) => new RegExp(`<g data-series="${id}">\n<polyline points="([^"]+)"`).exec(svg)![1]!.split(' ');
    expect(polyline('recorded_by_cms')).toEqual(polyline('paid').slice(5));
    expect(model.points.filter((p) => p.cmsRecordKnown).map((p) => [p.periodStart, p.values.recorded_by_cms])).toEqual([
      ['2025-06-06', 26000],
      ['2025-07-06', 26000],
      ['2025-08-06', 26000],
    ]);
  });

  test('its legend says it is not known before 1 June 2025', () => {
    expect(svg).toContain('>Recorded by CMS as paid (not known before 1 June 2025)</text>');
  });

  test('the legend says it is not known before 1 June 2025', () => {
    expect(svg).toContain('>Balance from CMS’s records (not known before 1 June 2025)</text>');
  });

  test('the text alternative says so, and compares the balances from then on only', () => {
    const words = chartText(model);
    expect(words).toContain(
      'CMS’s balance before 1 June 2025, the day it brings its balance forward from, is not known: its line starts there, and the two balances are compared from then on.',
    );
    expect(words).toContain('From then on the two balances are the same.');
    expect(words).not.toContain('furthest apart');
  });

  test('the text alternative sets CMS’s record of payments against the evidence from 6 June only', () => {
    // 3 × £260.00 = £780.00 recorded, 3 × £260.00 = £780.00 paid in those periods.
    const words = chartText(model);
    expect(words).toContain(
      'CMS’s record of payments before 1 June 2025 is not known: in the 3 periods from 6 June 2025, CMS recorded £780.00 as paid, the same as the evidence shows for them (£780.00).',
    );
    expect(words).not.toContain('£1,040.00 less');
  });

  test('the table says "Not known" in the four periods before it, and £260.00 after', () => {
    const t = chartTable(model);
    const col = t.columns.indexOf('Balance from CMS’s records');
    expect(t.rows.map((r) => r[col])).toEqual([
      ...Array(4).fill('Not known (before CMS’s balance brought forward)'),
      ...Array(4).fill('£260.00'),
    ]);
  });

  test('the table says "Not known" for what CMS recorded in the five periods that start before it, and £260.00 after', () => {
    const t = chartTable(model);
    const col = t.columns.indexOf('Recorded by CMS as paid');
    expect(t.rows.map((r) => r[col])).toEqual([
      ...Array(5).fill('Not known (the period starts before CMS’s balance brought forward)'),
      ...Array(3).fill('£260.00'),
    ]);
  });
});

describe('where CMS’s balance brought forward differs from what was owed the day before', () => {
  // Owed at the end of 31 May 2025: 5 × £260.00 due (January to May) − 4 × £260.00 paid (March missed) = £260.00.
  /** The chart's words on the gap: from "CMS’s records put the balance" to the sentence on what is not known. */
  const gapSentence = (input: ReconcileInput) => {
    const words = chartText(reconciliationChart(reconcile(input)));
    return words.slice(words.indexOf('CMS’s records put the balance'), words.indexOf(' CMS’s balance before 1 June 2025'));
  };
  /** The account without CMS's record of the £260.00 received on 6 July (the bank shows it paid). */
  const withoutJulyReceipt = (input: ReconcileInput): ReconcileInput => ({
    ...input,
    cmsEntries: (input.cmsEntries ?? []).filter((e) => e.id !== 'received-2025-07-06'),
  });
  const extraCharge: CmsEntryInput = { id: 'charge-2025-07-10', date: '2025-07-10', type: 'liability', amount: '100.00' };

  test('a balance brought forward £260.00 too high is named as the whole gap, not put down to what CMS charged', () => {
    // CMS: £520.00 brought forward, then 520.00 + 260.00 − 260.00 each month = £520.00; the evidence £260.00. Before,
    // the text said the difference "is in what CMS charged and adjusted", though CMS's entries from 1 June agree.
    expect(gapSentence(collectAndPay('520.00', '520.00'))).toBe(
      'CMS’s records put the balance £260.00 higher than the evidence does, all of it arising before its statement starts: the balance CMS brought forward on 1 June 2025, £520.00 owed by the paying parent, where the decisions and the payments make £260.00 owed by the paying parent at the end of the day before.',
    );
  });

  test('a balance brought forward of nothing is £260.00 lower', () => {
    expect(gapSentence(collectAndPay('0.00', '0.00'))).toBe(
      'CMS’s records put the balance £260.00 lower than the evidence does, all of it arising before its statement starts: the balance CMS brought forward on 1 June 2025, nothing owed (£0.00), where the decisions and the payments make £260.00 owed by the paying parent at the end of the day before.',
    );
  });

  test('with a payment CMS did not record, each part is named with the way it moves the balance', () => {
    // 260.00 from the balance brought forward + 260.00 not recorded on 6 July = £520.00 higher.
    expect(gapSentence(withoutJulyReceipt(collectAndPay('520.00', '780.00')))).toBe(
      'CMS’s records put the balance £520.00 higher than the evidence does. The balance CMS brought forward on 1 June 2025, £520.00 owed by the paying parent, where the decisions and the payments make £260.00 owed by the paying parent at the end of the day before, puts it £260.00 higher; and its record of payments puts it £260.00 higher.',
    );
  });

  test('parts that pull apart are named each with its way, and what CMS charged besides', () => {
    // Nothing brought forward (260.00 lower), the 6 July receipt not recorded (260.00 higher), a £100.00 charge on 10
    // July that nothing fell due for (100.00 higher): −260.00 + 260.00 + 100.00 = £100.00 higher.
    expect(gapSentence(withoutJulyReceipt(collectAndPay('0.00', '100.00', [extraCharge])))).toBe(
      'CMS’s records put the balance £100.00 higher than the evidence does. The balance CMS brought forward on 1 June 2025, nothing owed (£0.00), where the decisions and the payments make £260.00 owed by the paying parent at the end of the day before, puts it £260.00 lower; its record of payments puts it £260.00 higher; and what CMS charged and adjusted, set against what fell due under the decisions and the payment plan, puts it £100.00 higher.',
    );
  });
});
