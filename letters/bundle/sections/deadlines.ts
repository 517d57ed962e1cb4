/**
 * The deadline timeline as of the bundle's date: what has passed without being met, what comes next, and what
 * was met; each with the rule it is counted by and its source (calc/deadlines writes them, to the parent; they
 * are printed in the parent's own voice).
 * @module
 */
import type { Deadline } from '../../../calc/deadlines/index.ts';
import { inFirstPerson, longDate } from '../../format.ts';
import type { SectionContent } from '../blocks.ts';
import type { BundleDeadlines } from '../types.ts';
import type { BundleContext } from '../context.ts';
import { SECTION_TITLES } from '../purpose.ts';
import { shortDate } from '../words.ts';

export function deadlinesSection(c: BundleContext): SectionContent {
  const title = SECTION_TITLES.deadlines;
  const d = c.input.deadlines;
  const row = (status: string, x: Deadline, more = '') => [
    status,
    shortDate(x.date),
    inFirstPerson(x.label),
    `${inFirstPerson(x.basis)}${more}`,
    x.citation,
  ];
  // Met by a letter sent in time but posted too close to the last day: the day it is taken to arrive, said plainly.
  const arrived = (x: BundleDeadlines['met'][number]) =>
    x.arrival ? ` Sent in time by post, but taken to arrive on ${longDate(x.arrival.date)} (CPR r.6.26), after the last day.` : '';
  const rows = d
    ? [
        ...d.overdue.map((x) => row('Overdue', x)),
        ...d.next.map((x, i) => row(i === 0 ? 'Next' : 'Coming', x)),
        ...d.met.map((x) => row(x.arrival ? 'Met when sent' : 'Met', x, arrived(x))),
      ]
    : [];
  if (rows.length === 0) return { id: 'deadlines', title, blocks: [{ kind: 'paragraph', text: 'No deadlines are recorded on the case.' }] };
  return {
    id: 'deadlines',
    title,
    blocks: [
      {
        kind: 'paragraph',
        text: `As at ${longDate(c.input.generatedOn)}: the deadlines that have passed without being met, those still to come (the next one first), and those met by a later reply or step.`,
      },
      {
        kind: 'table',
        columns: ['Status', 'Date', 'What', 'How it is counted', 'Source'],
        widths: [0.9, 1.1, 2.2, 3.6, 2.2],
        rows,
      },
    ],
  };
}
