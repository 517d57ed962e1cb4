/**
 * The chart section: the chart as vector graphics, a key to reading it, and its text alternative.
 * @module
 */
import { chartText } from '../../chart/text.ts';
import type { SectionContent } from '../blocks.ts';
import type { BundleContext } from '../context.ts';
import { longDate } from '../../format.ts';
import { SECTION_TITLES } from '../purpose.ts';

/** Height of the chart on an A4 page, in points. */
const HEIGHT = 440;

export function chartSection(c: BundleContext): SectionContent {
  return {
    id: 'chart',
    title: SECTION_TITLES.chart,
    blocks: [
      {
        kind: 'paragraph',
        text:
          'The upper panel shows the balance at the end of each period, worked out from my evidence (solid line, filled circles) and from CMS’s records of what it charged and what it recorded as paid (dashed line, open diamonds). The lower panel shows, for each period, what fell due (dotted line, open circles), what my evidence shows paid (solid line, filled squares) and what CMS recorded as paid (dashed line, open triangles).' +
          // calc/chart marks the Direct Pay periods, where CMS records no payments: that line is not drawn there.
          (c.chart.summary?.directPay
            ? ' On Direct Pay CMS records no payments, so the line of what CMS recorded is not drawn for those periods.'
            : '') +
          // calc/chart marks the periods before a balance CMS brings forward, where its records are not known.
          (c.chart.cmsBalance.notKnownBefore
            ? ` CMS’s statement brings its balance forward from ${longDate(c.chart.cmsBalance.notKnownBefore)}: its records before then are not known, so its balance line starts on that day, and the line of what it recorded as paid with the first period that starts after it.`
            : ''),
      },
      { kind: 'chart', model: c.chart, height: HEIGHT },
      { kind: 'subheading', text: 'What the chart shows' },
      { kind: 'paragraph', text: chartText(c.chart) },
      { kind: 'paragraph', text: `Every figure the chart draws is in the table “${SECTION_TITLES.schedule}”, period by period.` },
    ],
  };
}
