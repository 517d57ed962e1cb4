/**
 * The chart drawn where CMS brings a balance forward from inside the periods (test/calc/reconcile/brought-forward.ts,
 * worked out in test/calc/chart/model.test.ts): CMS's line starts on 1 June 2025 at £260.00, four points (1 June, 6
 * June, 6 July, 6 August), and the legend, the text alternative and the table say its balance before then is not
 * known. Before, its line had eight points, the first four at £0, the table said "£0.00" in those periods, and the
 * text said "The two balances were furthest apart, by £260.00, at the end of the period to 5 April 2025".
 */
import { describe, expect, test } from 'vitest';
import { reconciliationChart } from '../../calc/chart/index.ts';
import { reconcile } from '../../calc/reconcile/reconcile.ts';
import { chartSvg, chartTable, chartText } from '../../letters/chart/index.ts';
import { collectAndPay } from '../calc/reconcile/brought-forward.ts';
import { xmlProblems } from './bundle/helpers.ts';

const model = reconciliationChart(reconcile(collectAndPay('260.00', '260.00')));

describe('a chart whose CMS balance is not known before a balance brought forward', () => {
  const svg = chartSvg(model);

  test('CMS’s line has four points, from 1 June; the others eight', () => {
    expect(xmlProblems(svg)).toEqual([]);
    const lines = /<g data-series="([^"]+)">\n<polyline points="([^"]+)"/g;
    const counts = Object.fromEntries([...svg.matchAll(lines)].map((m) => [m[1], m[2]!.split(' ').length]));
    expect(counts).toEqual({ balance: 8, balance_per_cms: 4, due: 8, paid: 8, recorded_by_cms: 8 });
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

  test('the table says "Not known" in the four periods before it, and £260.00 after', () => {
    const t = chartTable(model);
    const col = t.columns.indexOf('Balance from CMS’s records');
    expect(t.rows.map((r) => r[col])).toEqual([
      ...Array(4).fill('Not known (before CMS’s balance brought forward)'),
      ...Array(4).fill('£260.00'),
    ]);
  });
});
