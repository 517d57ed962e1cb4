/**
 * The chart drawn (letters/chart): the SVG is well-formed XML with a title, a description and one line per series,
 * told apart without colour; the text alternative and the table in words hold the figures. The model is the
 * real reconciliation's (fixture.ts); every figure below is worked out by hand there and in
 * test/calc/chart/model.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { CHART_SERIES, SERIES_PANEL, reconciliationChart } from '../../../calc/chart/index.ts';
import {
  CHART_TITLE,
  chartSvg,
  chartTable,
  chartTableText,
  chartText,
  layoutChart,
  SERIES_STYLES,
  xmlEscape,
} from '../../../letters/chart/index.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { MOVED_RECEIVING_INPUT, RESULT } from './fixture.ts';
import { xmlProblems } from './helpers.ts';

const model = reconciliationChart(RESULT);

describe('SVG', () => {
  const svg = chartSvg(model);

  test('is well-formed XML with one <svg> root, role="img", a <title> and a <desc> it is labelled by', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('role="img" aria-labelledby="reckoner-chart-title reckoner-chart-desc"');
    expect(svg).toContain(`<title id="reckoner-chart-title">${xmlEscape(CHART_TITLE)}</title>`);
    expect(svg).toContain(`<desc id="reckoner-chart-desc">${xmlEscape(chartText(model))}</desc>`);
  });

  test('one line per series, five in all, each with a marker on each of the four periods', () => {
    expect(svg.match(/<polyline /g)).toHaveLength(CHART_SERIES.length);
    for (const id of CHART_SERIES) {
      const group = new RegExp(
        `<g data-series="${id}">\\n<polyline points="([^"]+)"[^>]*/>\\n((?:<(?:circle|polygon)[^>]*/>\\n)*)</g>`,
      ).exec(svg);
      expect(group, id).not.toBeNull();
      expect(group![1]!.split(' '), id).toHaveLength(4);
      expect(group![2]!.trim().split('\n'), id).toHaveLength(4);
    }
  });

  test('the axes are labelled in pounds and months, and the legend names every line', () => {
    for (const label of ['£0', '£100', '£200', '£300', '£400', 'Jan 2024', 'Feb 2024', 'Mar 2024', 'Apr 2024'])
      expect(svg).toContain(`>${label}</text>`);
    for (const label of [
      'Due under the decisions',
      'Paid, as the evidence shows',
      'Recorded by CMS as paid',
      'Balance from the evidence',
      'Balance from CMS’s records',
    ]) {
      expect(svg).toContain(`>${label}</text>`);
    }
  });

  test('readable in greyscale: within a panel no two lines share both dash pattern and marker', () => {
    for (const panel of ['balances', 'amounts'] as const) {
      const looks = CHART_SERIES.filter((s) => SERIES_PANEL[s] === panel).map(
        (s) => `${SERIES_STYLES[s].dash.join(',')}|${SERIES_STYLES[s].marker}`,
      );
      expect(new Set(looks).size, panel).toBe(looks.length);
    }
    // The dash patterns are drawn, not just declared.
    expect(svg).toContain('stroke-dasharray="6 3"');
    expect(svg).toContain('stroke-dasharray="1.5 2.5"');
  });

  test('the well-formedness check itself catches what it should', () => {
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg a="1 & 2"/>')).not.toEqual([]);
    expect(xmlProblems('<svg a=1/>')).not.toEqual([]);
    expect(xmlProblems('<svg/><svg/>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a &lt; b</text></svg>')).toEqual([]);
  });

  test('text is escaped, and the same model gives the same markup', () => {
    const odd = chartSvg(model, { title: 'Smith & Jones <2024>', idPrefix: 'c2' });
    expect(xmlProblems(odd)).toEqual([]);
    expect(odd).toContain('<title id="c2-title">Smith &amp; Jones &lt;2024&gt;</title>');
    expect(chartSvg(model)).toBe(svg);
  });

  test('a point is placed where calc/chart puts it: the April period at the right edge, £112.00 at 0.28 of the way up', () => {
    const g = layoutChart(model, { x: 0, y: 0, width: 500, height: 400 });
    const balances = g.panels.find((p) => p.id === 'balances')!;
    const line = balances.series.find((s) => s.id === 'balance')!;
    const { plot } = balances;
    // x: 8 points inside the frame's right edge (the inset), as the first is 8 inside its left;
    // y: plot.y + plot.height − 0.28 × plot.height.
    expect(line.points[3]!.x).toBeCloseTo(plot.x + plot.width - 8, 1);
    expect(line.points[0]!.x).toBeCloseTo(plot.x + 8, 1);
    expect(line.points[3]!.y).toBeCloseTo(plot.y + plot.height * (1 - 0.28), 1);
  });
});

describe('the text alternative', () => {
  test('the sentences hold the totals, the balances and the widest gap', () => {
    // Totals: due 4 × £312.00 = £1,248.00; paid 3 × £312.00 + £200.00 = £1,136.00; CMS £312.00 × 2 + £300.00 = £924.00;
    // £1,136.00 − £924.00 = £212.00; balances £112.00 and £324.00, £212.00 apart; widest £312.00 at 31 March.
    expect(chartText(model)).toBe(
      'The chart covers 4 periods, from 1 January 2024 to 30 April 2024. ' +
        'In that time £1,248.00 fell due and £1,136.00 was paid, as the evidence shows; CMS recorded £924.00 as paid, £212.00 less than the evidence shows. ' +
        'At the end, the balance worked out from the evidence is £112.00 owed by the paying parent; worked out from CMS’s records it is £324.00 owed by the paying parent. ' +
        'CMS’s record of payments puts the balance £212.00 higher than the evidence does. ' +
        'The two balances were furthest apart, by £312.00, at the end of the period to 31 March 2024.',
    );
  });

  test('the table in words: one row a period, a column a line', () => {
    const t = chartTable(model);
    expect(t.columns).toEqual([
      'Period',
      'Due under the decisions',
      'Paid, as the evidence shows',
      'Recorded by CMS as paid',
      'Balance from the evidence',
      'Balance from CMS’s records',
    ]);
    expect(t.rows).toEqual([
      ['1 January 2024 to 31 January 2024', '£312.00', '£312.00', '£312.00', '£0.00', '£0.00'],
      ['1 February 2024 to 29 February 2024', '£312.00', '£312.00', '£312.00', '£0.00', '£0.00'],
      ['1 March 2024 to 31 March 2024', '£312.00', '£312.00', '£0.00', '£0.00', '£312.00'],
      ['1 April 2024 to 30 April 2024', '£312.00', '£200.00', '£300.00', '£112.00', '£324.00'],
    ]);
    expect(chartTableText(model)[3]).toBe(
      '1 April 2024 to 30 April 2024: Due under the decisions £312.00; Paid, as the evidence shows £200.00; Recorded by CMS as paid £300.00; Balance from the evidence £112.00; Balance from CMS’s records £324.00.',
    );
  });

  test('from the receiving side the evidence is what was received', () => {
    const receiving = reconciliationChart({ ...RESULT, side: 'receiving' });
    expect(chartSvg(receiving)).toContain('>Received, as the evidence shows</text>');
    expect(chartText(receiving)).toContain('£1,248.00 fell due and £1,136.00 was received, as the evidence shows');
    expect(chartTable(receiving).columns[2]).toBe('Received, as the evidence shows');
  });

  test('an empty chart says so, and its SVG is still well-formed', () => {
    const empty = reconciliationChart({ periods: [], side: 'paying', asOf: '2024-05-01' });
    expect(chartText(empty)).toBe('The chart is empty: there are no periods to show.');
    expect(xmlProblems(chartSvg(empty))).toEqual([]);
  });
});

describe('a case moved from Direct Pay to Collect and Pay', () => {
  // fixture.ts MOVED_RECEIVING_INPUT: January and February on Direct Pay, where CMS records no payments; March and
  // April on Collect and Pay, CMS recording £249.60 passed on in each.
  const moved = reconciliationChart(reconcile(MOVED_RECEIVING_INPUT));

  test('what CMS recorded is drawn only for the periods on Collect and Pay: its line starts at March', () => {
    const svg = chartSvg(moved);
    expect(xmlProblems(svg)).toEqual([]);
    const group = /<g data-series="recorded_by_cms">\n((?:<polyline [^>]*\/>\n)*)((?:<(?:circle|polygon)[^>]*\/>\n)*)<\/g>/.exec(svg);
    expect(group).not.toBeNull();
    // One stretch of two points (March and April), and a marker on each: none in January or February.
    const lines = group![1]!.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(/points="([^"]+)"/.exec(lines[0]!)![1]!.split(' ')).toHaveLength(2);
    expect(group![2]!.trim().split('\n')).toHaveLength(2);
    // The other lines still run through all four periods.
    expect(/<g data-series="paid">\n<polyline points="([^"]+)"/.exec(svg)![1]!.split(' ')).toHaveLength(4);
  });

  test('the table in words says CMS records no payments on Direct Pay, and the panel says to whom the balance is owed', () => {
    expect(chartTable(moved).rows.map((r) => r[3])).toEqual([
      '— (Direct Pay: CMS records no payments)',
      '— (Direct Pay: CMS records no payments)',
      '£249.60',
      '£249.60',
    ]);
    expect(chartSvg(moved)).toContain('>Running balance at the end of each period (above £0: owed to the receiving parent)</text>');
  });
});
