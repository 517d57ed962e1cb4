/**
 * What changes with the bundle's purpose: the cover's title and request, the order of the sections after the
 * cover and the index, and the footer. The evidence is the same; each reader is shown first what they decide on:
 * CMS the statement, the Independent Case Examiner the handling of the case, an MP a plain summary, a tribunal a
 * paginated and indexed bundle in the usual order.
 * @module
 */
import type { BundlePurpose, SectionId } from './types.ts';

/** The figures a request quotes, as written. */
export interface AskFigures {
  readonly asOf: string;
  /** "arrears of £19,968.00". */
  readonly correct: string;
  /** CMS's figure, the same way. */
  readonly cms: string;
  /** CMS's figure and the correct one are the same. */
  readonly agrees: boolean;
  /**
   * Where CMS's figure counts what has accrued under the decisions and is not yet due under the payment plan (calc's
   * bridge.differenceBesideNotYetDue; cms-accounts.md §3): that part is owed, later, and is no error, so the request
   * never asks CMS to take it off. `later_only`: nothing else is out (`overdue`: and nothing is overdue); `beside`: its
   * figure is `by` too high or too low beside it. Absent: its figure and the correct one are on the same basis.
   */
  readonly notYetDue?:
    | { readonly kind: 'later_only'; readonly overdue: boolean }
    | { readonly kind: 'beside'; readonly by: string; readonly way: 'too_high' | 'too_low' };
  /** Whether any entry is in dispute (the section “The entries in dispute” lists one); taken as so where not said. */
  readonly disputed?: boolean;
}

/**
 * What to do with the balance, as a verb phrase ("put the balance on … right at … instead of …"). Where CMS's figure
 * counts what has accrued and is not yet due, only the part that is wrong is asked to be corrected, or, where none
 * is, that CMS confirm what its figure counts (a journey probe, story 3: a bundle for the ICE asked CMS to put a right
 * figure of £371.18 "right at nothing owed (£0.00)", cancelling what the parent would owe over the next instalments).
 */
export function balanceAsk(f: AskFigures): string {
  const n = f.notYetDue;
  if (n?.kind === 'beside') {
    return `${n.way === 'too_high' ? `take ${n.by} off` : `add ${n.by} to`} its figure of ${f.cms} on ${f.asOf}, the part of it that is wrong (what it counts that has accrued and is not yet due under the payment plan is owed, later, and is not in dispute)`;
  }
  if (n?.kind === 'later_only') {
    return `confirm in writing that its figure of ${f.cms} on ${f.asOf} counts what has accrued and is not yet due under the payment plan, ${n.overdue ? `and that what is overdue is ${f.correct}` : 'and that nothing is overdue'}`;
  }
  return `put the balance on ${f.asOf} right at ${f.correct}${f.agrees ? '' : ` instead of ${f.cms}`}`;
}

/** "correct each entry listed under …, " where an entry is in dispute or CMS's figure is on the same basis; else ''. */
const entriesAsk = (f: AskFigures, lead: string): string =>
  f.disputed !== false || !f.notYetDue ? `${lead}correct each entry listed under ${DISPUTES}, ` : '';

export interface PurposeSpec {
  /** The line above the cover's title: who the bundle is for. */
  readonly kicker: string;
  readonly title: string;
  /** The sections after the cover and the index, in order. */
  readonly order: readonly SectionId[];
  /** Printed in every footer before the page number. */
  readonly footer: string;
  /** Whether the cover tells the story of the letters and deadlines so far. */
  readonly history: boolean;
  /** Whether the cover lists the case's details (an MP's summary keeps to plain words). */
  readonly details: boolean;
  /**
   * The parent's own time limits (a last day to ask for a reconsideration, to appeal) and reminders (chase, escalate,
   * look again). `omit`: left out, passed or still to come, so that what is overdue and what is next is only what CMS
   * or DWP must do (the deadlines section says that her own still to come are not listed). `neutral`: a last day that
   * has passed is listed under "Passed" beside the replies CMS or DWP missed, and what is still to come is listed
   * with the rest. Never "passed without being met": only a reply CMS or DWP owed is that; her reminders are advice
   * to her, not evidence, and are never listed as passed.
   */
  readonly ownLimits: 'omit' | 'neutral';
  ask(f: AskFigures): string;
  /**
   * For a receiving parent, the request that CMS trace the payments it records passing on to her that did not arrive
   * in full (`lines`: "line 1", as the statement numbers them), as her payment dispute asks it (letters/catalogue/
   * account.ts); absent where this reader cannot be asked for it.
   */
  traceAsk?(lines: string): string;
}

/**
 * What the payment dispute asks of CMS for those payments ("Trace each payment on line 1 of the schedule: tell me the
 * date, the amount and the account you sent it to, and pay me what did not arrive"), said of CMS rather than to it.
 */
const trace = (lines: string) =>
  `trace each payment on ${lines} of the reconciliation statement, tell me the date, the amount and the account it sent it to, and pay me what did not arrive`;

const DISPUTES = '“The entries in dispute”';

export const PURPOSES: Readonly<Record<BundlePurpose, PurposeSpec>> = {
  mandatory_reconsideration: {
    kicker: 'Evidence for a mandatory reconsideration by the Child Maintenance Service',
    title: 'Evidence for my request for a mandatory reconsideration',
    order: ['statement', 'disputes', 'schedule', 'chart', 'correspondence', 'deadlines', 'enclosures'],
    footer: 'Mandatory reconsideration evidence',
    history: false,
    details: true,
    // Whether the request is in time is CMS's first question: a last day that has passed is said, neutrally.
    ownLimits: 'neutral',
    ask: (f) =>
      f.notYetDue
        ? `I ask CMS to look again at its decision and at the account, ${entriesAsk(f, 'to ')}and to ${balanceAsk(f)}.`
        : f.agrees
          ? `I ask CMS to look again at its decision and to correct each entry listed under ${DISPUTES}; the balance on ${f.asOf} is ${f.correct}.`
          : `I ask CMS to look again at its decision and at the account, to correct each entry listed under ${DISPUTES}, and to ${balanceAsk(f)}.`,
    traceAsk: (lines) => `I also ask CMS to ${trace(lines)}.`,
  },
  complaint: {
    kicker: 'Evidence for a complaint to the Child Maintenance Service',
    title: 'Evidence for my complaint about my child maintenance account',
    order: ['disputes', 'statement', 'correspondence', 'deadlines', 'chart', 'schedule', 'enclosures'],
    footer: 'Complaint evidence',
    history: true,
    details: true,
    // A complaint is about CMS's handling: the parent's own unused options are no part of it, and beside CMS's
    // unanswered letters they would read as her failures (an MCP audit).
    ownLimits: 'omit',
    ask: (f) =>
      `I ask CMS ${entriesAsk(f, 'to ')}to ${balanceAsk(f)}, ${f.notYetDue?.kind === 'later_only' && f.disputed === false ? 'and to put right any loss its handling of my account caused.' : 'to explain in writing how the errors were made, and to put right any loss they caused.'}`,
    traceAsk: (lines) => `I also ask CMS to ${trace(lines)}.`,
  },
  ice: {
    kicker: 'Evidence for the Independent Case Examiner',
    title: 'My complaint about the Child Maintenance Service: the evidence',
    order: ['correspondence', 'deadlines', 'statement', 'disputes', 'chart', 'schedule', 'enclosures'],
    footer: 'Evidence for the Independent Case Examiner',
    history: true,
    details: true,
    // The ICE examines CMS's handling of the case: as for a complaint.
    ownLimits: 'omit',
    ask: (f) =>
      `I ask the Independent Case Examiner to examine how CMS has handled my account and my complaint, and to recommend that CMS ${entriesAsk(f, '')}${balanceAsk(f)}, and put right any loss ${f.notYetDue?.kind === 'later_only' && f.disputed === false ? 'its handling of my account' : 'its errors'} caused.`,
    traceAsk: (lines) => `I also ask the Independent Case Examiner to recommend that CMS ${trace(lines)}.`,
  },
  mp: {
    kicker: 'A summary for my Member of Parliament',
    title: 'My child maintenance account: a summary',
    order: ['statement', 'disputes', 'chart', 'correspondence', 'deadlines', 'schedule', 'enclosures'],
    footer: 'Summary and evidence for my MP',
    history: true,
    details: false,
    // An MP is asked to raise CMS's handling: as for a complaint.
    ownLimits: 'omit',
    ask: (f) =>
      `I ask you to raise my case with the Child Maintenance Service and ask it to ${balanceAsk(f)}. If CMS does not put it right, I ask you to consider referring my complaint to the Parliamentary and Health Service Ombudsman.`,
    traceAsk: (lines) => `I also ask you to ask CMS to ${trace(lines)}.`,
  },
  tribunal: {
    kicker: 'First-tier Tribunal (Social Security and Child Support)',
    title: 'Bundle of evidence for the tribunal',
    order: ['statement', 'schedule', 'disputes', 'chart', 'correspondence', 'deadlines', 'enclosures'],
    footer: 'Bundle for the tribunal',
    history: false,
    details: true,
    // The tribunal decides whether an appeal or the reconsideration before it was in time: a last day that has
    // passed is said, neutrally.
    ownLimits: 'neutral',
    // No request to trace a payment CMS records passing on: the tribunal hears appeals against decisions, and there
    // is no appeal against an arrears figure as such (as the payment dispute says). The cover still says the money is
    // CMS's to trace.
    ask: (f) =>
      f.notYetDue?.kind === 'beside'
        ? `I ask the tribunal to take these figures into account in deciding my appeal: worked out from the decisions and my evidence of payment, the balance on ${f.asOf} is ${f.correct}; CMS’s figure of ${f.cms} is ${f.notYetDue.by} too ${f.notYetDue.way === 'too_high' ? 'high' : 'low'} beside what has accrued and is not yet due under the payment plan, which is owed later.`
        : f.notYetDue?.kind === 'later_only'
          ? `I ask the tribunal to take these figures into account in deciding my appeal: the balance on ${f.asOf} is ${f.correct}; CMS’s figure of ${f.cms} counts as well what has accrued and is not yet due under the payment plan, and on that basis it agrees.`
          : f.agrees
            ? `I ask the tribunal to take these figures into account in deciding my appeal: the balance on ${f.asOf} is ${f.correct}.`
            : `I ask the tribunal to take these figures into account in deciding my appeal: worked out from the decisions and my evidence of payment, the balance on ${f.asOf} is ${f.correct}, not ${f.cms} as CMS records it.`,
  },
};

/** Each section's heading, which is also its entry in the index. */
export const SECTION_TITLES: Readonly<Record<Exclude<SectionId, 'cover'>, string>> = {
  index: 'Index',
  statement: 'Reconciliation statement: from CMS’s figure to the correct balance',
  schedule: 'Period by period: due, paid, recorded by CMS, and the balances',
  disputes: 'The entries in dispute',
  chart: 'Chart: what fell due, what was paid, and the two balances',
  correspondence: 'Letters sent and replies received',
  deadlines: 'Deadlines: overdue, next and met',
  enclosures: 'Enclosures: the documents relied on',
};
