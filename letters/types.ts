/**
 * The shapes of the letter catalogue and of a drafted letter: a letter type's specification (who sends it,
 * to whom, on what legal basis, which facts and computed figures it needs), and the document a draft
 * produces before it is rendered to Markdown, plain text or PDF.
 * @module
 */
import type * as z from 'zod';
import type { CivilDate } from '../calc/dates.ts';
import type { Reference } from '../calc/parameters.ts';
import type { TraceStep } from '../calc/trace.ts';
import type { Deadline, EventFacts, LetterId, Nation } from './deadlines.ts';
import type { Computed, ComputationInputs } from './figures.ts';

export type { Deadline, LetterId, Nation };

/** Who may send a letter of this type. */
export type SenderRole = 'paying' | 'receiving';
export type Sender = SenderRole | 'either';

/** The computed inputs a letter can quote figures from. */
export type ComputedInput = 'calculation' | 'cmsCalculation' | 'reconciliation';

/** How a letter type uses one computed input. */
export interface InputUse {
  /** `required`: the letter cannot be drafted without it; `optional`: figures are quoted when it is given. */
  readonly use: 'required' | 'optional';
  /** What the letter quotes from it, in words (shown by `list_letter_types` and in errors). */
  readonly why: string;
  /** For an optional input: the facts that make it required (e.g. an income change needs the new calculation). */
  readonly requiredWhen?: (facts: Record<string, unknown>) => string | undefined;
}

/** What a letter needs of a reconciliation, beyond being given one. */
export interface ReconciliationNeeds {
  /** The balance CMS claims (cmsClaim) must be given. */
  readonly cmsClaim?: boolean;
  /** At least one entry CMS got wrong (a finding) must have been found. */
  readonly discrepancies?: boolean;
  /** Whose bank statement it must be. */
  readonly side?: SenderRole;
  /**
   * The service the case must be on at the reconciliation's date (its last instalment's): a letter asking to move a
   * case from Direct Pay has nothing to ask on Collect and Pay. `otherwise` says what to do instead.
   */
  readonly service?: { readonly is: 'direct_pay' | 'collect_and_pay'; readonly otherwise: string };
  /** The recomputed balance must show this. */
  readonly position?: 'arrears' | 'overpaid';
  /**
   * CMS's claim must be arrears above the balance worked out, whatever that balance is (smaller arrears, nothing, an
   * overpayment): a letter about enforcement on a disputed balance needs something in CMS's figure to dispute.
   * `when` limits the need to some facts (a ground that disputes the balance); `otherwise` ends the refusal, saying
   * what the figures mean for this letter and what to do instead.
   */
  readonly disputedBalance?: {
    readonly when?: (facts: Record<string, unknown>) => boolean;
    readonly otherwise: string;
    /**
     * Deductions from pay still in time to reach CMS are not disputed (CMS's figure is right not to include them
     * yet): a figure higher than the balance worked out only by them leaves nothing to dispute. Leave unset for a
     * letter about money taken twice, where a deduction on its way is money already paid.
     */
    readonly beyondInTransit?: true;
  };
}

/** A figure a letter quotes: always from a computed result, with the rule or evidence behind it. */
export interface Figure {
  /** Stable id, e.g. `weekly_amount`, `cms_claimed_balance`, `bridge_line_1`. */
  readonly id: string;
  readonly label: string;
  /** Exactly as written in the letter, e.g. "£1,230.24", "-£94.63" (a signed line of a statement) or "27.6%". */
  readonly value: string;
  /** Money as JSON ("1230.24", "-94.63"), when the figure is money. */
  readonly amount?: string;
  /** The rule or the evidence behind it: the trace step or the reconciliation finding, in words. */
  readonly source: string;
  /** The legal source or the rule the figure rests on. */
  readonly citation: string;
  readonly href?: string;
}

/** One part of a letter's body. Text is plain: renderers escape it for their format. */
export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly ordered?: boolean }
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly columns: readonly string[];
      /** Relative widths of the columns (for the PDF), one per column. */
      readonly widths: readonly number[];
      readonly rows: readonly (readonly string[])[];
    };

/** How to send the letter: returned as data and printed on the notes page (not part of the letter). */
export interface SendBy {
  readonly method: string;
  /** The recipient's address, one line each. */
  readonly to: readonly string[];
  /** Who else should get a copy (e.g. your MP). */
  readonly copies: readonly string[];
  readonly notes: readonly string[];
}

/** A letter ready to render. */
export interface LetterDocument {
  readonly id: LetterId;
  readonly type: string;
  readonly title: string;
  /** Sender's block: name, then address lines (or the note that it is withheld), then contact details. */
  readonly from: readonly string[];
  readonly date: string;
  /** Recipient's block, one line each. */
  readonly to: readonly string[];
  /** Reference lines under the addresses, e.g. "CMS case reference: 121…". */
  readonly references: readonly string[];
  readonly subject: string;
  readonly salutation: string;
  readonly body: readonly Block[];
  readonly closing: string;
  readonly signature: string;
  readonly enclosures: readonly string[];
  readonly copies: readonly string[];
  /** Schedules printed after the letter: the reconciliation statement, how the figures were worked out. */
  readonly schedules: readonly Block[];
  /** Notes for the sender, printed after the letter and marked as not to be sent. */
  readonly notes: readonly Block[];
}

/** The lines of a reconciliation statement that move CMS's figure one way. */
export interface EachWaySummary {
  /** Lines in this direction (entries CMS got wrong, and any not-yet-due or unexplained line). */
  readonly count: number;
  /** How many of them are entries CMS got wrong. */
  readonly entries: number;
  /** How many of them are Direct Pay shortfalls nobody reported to CMS (not entries on its record). */
  readonly unreported: number;
  /** Their total as written (no sign): the bridge's own total, never added up in letters/. */
  readonly total: string;
}

/**
 * What the reconciliation statement printed with a letter shows, for the letter's sentences: every amount is a
 * figure already quoted, as written.
 */
export interface StatementSummary {
  /**
   * Entries CMS got wrong, each a line of the statement: the findings, but for Direct Pay shortfalls nobody reported,
   * deductions not yet due to reach CMS and payments checked against no line of CMS's account, which are not errors
   * on its record.
   */
  readonly count: number;
  /** The statement's line numbers (from 1) of the entries CMS got wrong. */
  readonly entryLines: readonly number[];
  /**
   * Of the entries, the lines of payments CMS records passing on to the receiving parent that did not reach them in
   * full (their bank shows none, or less).
   */
  readonly passedOnLines: readonly number[];
  /** The statement's line numbers of Direct Pay shortfalls nobody reported to CMS. */
  readonly unreportedLines: readonly number[];
  /**
   * The statement's line numbers of what was on its way to CMS at the date (not errors on its record): deductions from
   * pay not yet due to reach it, and payments made before the date that it recorded after it.
   */
  readonly inTransitLines: readonly number[];
  /** Of those, the payments CMS recorded after the date. */
  readonly inTransitPaymentLines: readonly number[];
  /** Lines of the statement in all: the findings, and any not-yet-due or unexplained line. */
  readonly lines: number;
  /** Findings that change no figure (a payment recorded on the wrong date only). */
  readonly unchanged: number;
  /** CMS's figure less the correct one, net, as written without its sign; absent when they agree. */
  readonly net?: string;
  readonly way: 'too_high' | 'too_low' | 'agrees';
  /** The lines that make CMS's figure too high (the paying parent's favour), and too low. */
  readonly tooHigh?: EachWaySummary;
  readonly tooLow?: EachWaySummary;
}

/** The context a letter type composes its text from. */
export interface ComposeContext<F> {
  readonly facts: F;
  readonly sentOn: CivilDate;
  readonly nation: Nation;
  readonly senderRole: SenderRole;
  readonly computed: Computed;
  readonly deadlines: readonly Deadline[];
  /** The deadline the letter asks the recipient to meet, if any. */
  readonly replyBy?: Deadline;
  /** A date as the letter writes it: "4 March 2026". */
  date(d: CivilDate): string;
  /** Quotes a figure: records it for the figures list and the working schedule, and returns its text. */
  quote(figure: Figure): string;
  /**
   * Adds the reconciliation statement to the letter as a schedule, once: from CMS's figure, each line (date, what
   * CMS recorded, what my evidence shows, its signed effect, why), the totals each way, the net effect, and the
   * correct balance. Returns what it shows — the number of entries, the net difference and the lines each way —
   * as quoted figures; undefined when the reconciliation's bridge has no line (or none was given).
   */
  disputedSchedule(): StatementSummary | undefined;
  warn(message: string): void;
}

/** What a letter type writes. */
export interface Composition {
  readonly subject: string;
  readonly body: readonly Block[];
  /** What the sender asks the recipient to do (printed as a numbered list under "What I am asking you to do"). */
  readonly asks: readonly string[];
  /** Enclosures that depend on the facts, added to the letter type's own. */
  readonly enclosures?: readonly string[];
  /** Overrides the recipient block (e.g. the MP's name). */
  readonly to?: readonly string[];
  readonly salutation?: string;
  /** Extra notes for the sender (not sent). */
  readonly notes?: readonly string[];
}

export interface LetterSpec<S extends z.ZodObject = z.ZodObject> {
  readonly id: LetterId;
  /** snake_case name, e.g. `mandatory_reconsideration`. */
  readonly type: string;
  readonly title: string;
  readonly whenToUse: string;
  readonly sender: Sender;
  /** The default recipient, one line each (the facts may name another). */
  readonly recipient: readonly string[];
  readonly legalBasis: readonly Reference[];
  /** The facts the letter needs (zod); every field described. */
  readonly facts: S;
  readonly inputs: Partial<Record<ComputedInput, InputUse>>;
  readonly reconciliationNeeds?: ReconciliationNeeds;
  /** Ids of the figures the letter quotes when its inputs are given (for the catalogue). */
  readonly figures: readonly string[];
  readonly enclosures: readonly string[];
  readonly sendBy: Omit<SendBy, 'to' | 'copies'> & { readonly to?: readonly string[] };
  /** A copy to the sender's MP is apt (the facts may name the MP). */
  readonly copyToMp: boolean;
  /**
   * The date the letter's deadlines are counted from (calc/deadlines LETTER_CLOCKS says what it means for each
   * letter: the decision letter's date for a reconsideration, the reconsideration notice's for an appeal …);
   * the day it is sent when absent; undefined from the function when the letter starts no clock in this case.
   */
  readonly clockFrom?: (facts: z.infer<S>, sentOn: CivilDate) => CivilDate | undefined;
  /** Why the recipient should reply by the reply-by date, in the letter's words (the date comes from the deadline tables). */
  readonly replyBasis?: string;
  /**
   * A fact a stored case must not fill in for these facts (as the caller gave them), because the value the case holds
   * would say the wrong thing here, with why: the caller must give it. A change of address: the case holds the old one.
   */
  readonly notFromCase?: (given: Readonly<Record<string, unknown>>) => { readonly field: string; readonly why: string } | undefined;
  /**
   * A refusal that the facts given so far already decide, whatever the rest of them: checked on the raw facts before
   * they are read, so that nothing else is asked for first (a journey probe, F9: L03 asked for decision.type, grounds
   * and the calculation, three calls, before saying the 30 days had passed). Undefined or empty: no such refusal.
   */
  readonly precheck?: (
    raw: Readonly<Record<string, unknown>>,
    sentOn: CivilDate,
    nation: Nation,
  ) => readonly { field: string; message: string }[] | undefined;
  /** Checks across facts and dates that zod cannot see; each problem names its field. */
  readonly check?: (
    facts: z.infer<S>,
    sentOn: CivilDate,
    inputs: ComputationInputs,
    nation: Nation,
  ) => readonly { field: string; message: string }[];
  /** What the deadline rules need to know beyond the clock's date (a default decision, an appellant abroad). */
  readonly clockFacts?: (facts: z.infer<S>) => EventFacts;
  /**
   * The recipient already holds the sender's address (CMS, DWP), so a letter with the address withheld can
   * still be answered by post; other recipients need an email address or phone number instead.
   */
  readonly recipientHoldsAddress: boolean | ((facts: z.infer<S>) => boolean);
  readonly compose: (ctx: ComposeContext<z.infer<S>>) => Composition;
}

/** A drafted letter. */
export interface DraftedLetter {
  readonly id: LetterId;
  readonly type: string;
  readonly title: string;
  readonly sentOn: CivilDate;
  readonly nation: Nation;
  readonly document: LetterDocument;
  readonly markdown: string;
  readonly text: string;
  readonly figures: readonly Figure[];
  readonly deadlines: readonly Deadline[];
  readonly enclosures: readonly string[];
  readonly sendBy: SendBy;
  readonly warnings: readonly string[];
  readonly trace: readonly TraceStep[];
}
