/**
 * The deadline timeline as of the bundle's date: the replies CMS or DWP owed that have not come, the parent's own
 * time limits that have passed (where the purpose needs them: purpose.ts `ownLimitsPassed`), what comes next, and
 * what was met; each with the rule it is counted by and its source (calc/deadlines writes them, to the parent; they
 * are printed in the parent's own voice).
 * @module
 */
import type { Deadline } from '../../../calc/deadlines/index.ts';
import { inFirstPerson, longDate } from '../../format.ts';
import type { SectionContent } from '../blocks.ts';
import type { BundleDeadlines, BundlePurpose } from '../types.ts';
import type { BundleContext } from '../context.ts';
import { PURPOSES, SECTION_TITLES } from '../purpose.ts';
import { shortDate } from '../words.ts';

/** The deadlines that have passed, as a bundle for `purpose` prints them. */
export interface PassedDeadlines {
  /** Replies CMS or DWP owed that have not come (calc/deadlines kind `reply_due`): passed without being met. */
  readonly missed: readonly Deadline[];
  /** The parent's own last days that have passed, where the purpose says them (neutrally); else none. */
  readonly lapsed: readonly Deadline[];
}

/**
 * What has passed, split by whose it was. Only a reply CMS or DWP owed is a deadline "passed without being met"; a
 * last day of the parent's own (to ask for a reconsideration, to appeal) is theirs, said neutrally or left out as the
 * purpose decides; the parent's own reminders to chase or escalate are advice to them and are not listed.
 */
export function passedDeadlines(d: BundleDeadlines | undefined, purpose: BundlePurpose): PassedDeadlines {
  const overdue = d?.overdue ?? [];
  return {
    missed: overdue.filter((x) => x.kind === 'reply_due'),
    lapsed: PURPOSES[purpose].ownLimitsPassed === 'neutral' ? overdue.filter((x) => x.kind === 'last_day') : [],
  };
}

export function deadlinesSection(c: BundleContext): SectionContent {
  const title = SECTION_TITLES.deadlines;
  const d = c.input.deadlines;
  const passed = passedDeadlines(d, c.input.purpose);
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
        ...passed.missed.map((x) => row('Overdue', x)),
        ...passed.lapsed.map((x) => row('Passed', x)),
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
        text: `As at ${longDate(c.input.generatedOn)}: the replies owed to me that are overdue, ${passed.lapsed.length ? 'the time limits of my own that have passed, ' : ''}the deadlines still to come (the next one first), and those met by a later reply or step.`,
      },
      {
        kind: 'table',
        columns: ['Status', 'Date', 'What', 'How it is counted', 'Source'],
        // The date column holds the longest short date ("30 Sep 2024") on one line.
        widths: [0.9, 1.3, 2.2, 3.4, 2.2],
        rows,
      },
    ],
  };
}
