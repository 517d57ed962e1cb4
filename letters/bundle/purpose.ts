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
}

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
   * The parent's own time limits that have passed (a last day to ask for a reconsideration they did not use): left
   * out, or listed under a neutral "Passed" beside the deadlines CMS or DWP missed. Never "passed without being met":
   * only a reply CMS or DWP owed is that. The parent's own reminders (chase, escalate, look again) are advice to
   * them, not evidence, and are never listed as passed.
   */
  readonly ownLimitsPassed: 'omit' | 'neutral';
  ask(f: AskFigures): string;
}

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
    ownLimitsPassed: 'neutral',
    ask: (f) =>
      f.agrees
        ? `I ask CMS to look again at its decision and to correct each entry listed under ${DISPUTES}; the balance on ${f.asOf} is ${f.correct}.`
        : `I ask CMS to look again at its decision and at the account, to correct each entry listed under ${DISPUTES}, and to put the balance on ${f.asOf} right at ${f.correct} instead of ${f.cms}.`,
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
    ownLimitsPassed: 'omit',
    ask: (f) =>
      `I ask CMS to correct each entry listed under ${DISPUTES}, to put the balance on ${f.asOf} right at ${f.correct}${f.agrees ? '' : ` instead of ${f.cms}`}, to explain in writing how the errors were made, and to put right any loss they caused.`,
  },
  ice: {
    kicker: 'Evidence for the Independent Case Examiner',
    title: 'My complaint about the Child Maintenance Service: the evidence',
    order: ['correspondence', 'deadlines', 'statement', 'disputes', 'chart', 'schedule', 'enclosures'],
    footer: 'Evidence for the Independent Case Examiner',
    history: true,
    details: true,
    // The ICE examines CMS's handling of the case: as for a complaint.
    ownLimitsPassed: 'omit',
    ask: (f) =>
      `I ask the Independent Case Examiner to examine how CMS has handled my account and my complaint, and to recommend that CMS correct each entry listed under ${DISPUTES}, put the balance on ${f.asOf} right at ${f.correct}${f.agrees ? '' : ` instead of ${f.cms}`}, and put right any loss its errors caused.`,
  },
  mp: {
    kicker: 'A summary for my Member of Parliament',
    title: 'My child maintenance account: a summary',
    order: ['statement', 'disputes', 'chart', 'correspondence', 'deadlines', 'schedule', 'enclosures'],
    footer: 'Summary and evidence for my MP',
    history: true,
    details: false,
    // An MP is asked to raise CMS's handling: as for a complaint.
    ownLimitsPassed: 'omit',
    ask: (f) =>
      `I ask you to raise my case with the Child Maintenance Service and ask it to put the balance on ${f.asOf} right at ${f.correct}${f.agrees ? '' : ` instead of ${f.cms}`}. If CMS does not put it right, I ask you to consider referring my complaint to the Parliamentary and Health Service Ombudsman.`,
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
    ownLimitsPassed: 'neutral',
    ask: (f) =>
      f.agrees
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
