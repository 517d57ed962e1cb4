/**
 * The deadline timeline as of the bundle's date: what has passed without being met, what comes next, and what
 * was met; each with the rule it is counted by and its source (calc/deadlines writes them, to the parent; they
 * are printed in the parent's own voice).
 * @module
 */
import type { Deadline } from '../../../calc/deadlines/index.ts';
import { inFirstPerson, longDate } from '../../format.ts';
import type { SectionContent } from '../blocks.ts';
import type { BundleContext } from '../context.ts';
import { SECTION_TITLES } from '../purpose.ts';
import { shortDate } from '../words.ts';

export function deadlinesSection(c: BundleContext): SectionContent {
  const title = SECTION_TITLES.deadlines;
  const d = c.input.deadlines;
  const row = (status: string, x: Deadline) => [status, shortDate(x.date), inFirstPerson(x.label), inFirstPerson(x.basis), x.citation];
  const rows = d
    ? [
        ...d.overdue.map((x) => row('Overdue', x)),
        ...d.next.map((x, i) => row(i === 0 ? 'Next' : 'Coming', x)),
        ...d.met.map((x) => row('Met', x)),
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
