/**
 * The deadline timeline as of the bundle's date: the replies CMS or DWP owed that have not come, the parent's own
 * time limits that have passed (where the purpose needs them: purpose.ts `ownLimits`), what comes next (for a
 * complaint, the ICE or an MP, only what CMS or DWP must do), and what was met; each with the rule it is counted by
 * and its source (calc/deadlines writes them, to the parent; they are printed in the parent's own voice).
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
    lapsed: PURPOSES[purpose].ownLimits === 'neutral' ? overdue.filter((x) => x.kind === 'last_day') : [],
  };
}

/** What is still to come, as a bundle for `purpose` prints it. */
export interface ComingDeadlines {
  /** Listed, soonest first: the first is "Next". */
  readonly listed: readonly Deadline[];
  /** How many of the parent's own limits and reminders still to come are left out (purpose.ts `ownLimits`). */
  readonly own: number;
}

/**
 * What is still to come. Where the purpose leaves the parent's own limits out (a complaint, the ICE, an MP), only a
 * reply CMS or DWP owes is listed: her own last day (a late reconsideration's outer limit) or reminder beside CMS's
 * replies would read as something CMS must do, or has missed (an MCP audit).
 */
export function comingDeadlines(d: BundleDeadlines | undefined, purpose: BundlePurpose): ComingDeadlines {
  const next = d?.next ?? [];
  const listed = PURPOSES[purpose].ownLimits === 'omit' ? next.filter((x) => x.kind === 'reply_due') : next;
  return { listed, own: next.length - listed.length };
}

/** Said where the parent's own limits still to come are left out, so that the list is not taken for all of them. */
const OWN_NOT_LISTED =
  'My own time limits and reminders still to come are not listed: they are mine to act on, not something CMS or DWP must do.';

export function deadlinesSection(c: BundleContext): SectionContent {
  const title = SECTION_TITLES.deadlines;
  const d = c.input.deadlines;
  const passed = passedDeadlines(d, c.input.purpose);
  const coming = comingDeadlines(d, c.input.purpose);
  const ownLeftOut = coming.own > 0 ? ` ${OWN_NOT_LISTED}` : '';
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
        ...coming.listed.map((x, i) => row(i === 0 ? 'Next' : 'Coming', x)),
        ...d.met.map((x) => row(x.arrival ? 'Met when sent' : 'Met', x, arrived(x))),
      ]
    : [];
  if (rows.length === 0) {
    const none =
      d && d.overdue.length + d.next.length + d.met.length > 0
        ? `No reply from CMS or DWP is overdue or still to come.${ownLeftOut}`
        : 'No deadlines are recorded on the case.';
    return { id: 'deadlines', title, blocks: [{ kind: 'paragraph', text: none }] };
  }
  // Where only what CMS or DWP must do is listed as still to come, the words say so.
  const toCome =
    PURPOSES[c.input.purpose].ownLimits === 'omit'
      ? 'the replies CMS or DWP still owes (the next one first), and the deadlines met by a later reply or step'
      : 'the deadlines still to come (the next one first), and those met by a later reply or step';
  return {
    id: 'deadlines',
    title,
    blocks: [
      {
        kind: 'paragraph',
        text: `As at ${longDate(c.input.generatedOn)}: the replies owed to me that are overdue, ${passed.lapsed.length ? 'the time limits of my own that have passed, ' : ''}${toCome}.${ownLeftOut}`,
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
