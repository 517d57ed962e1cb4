/**
 * What an evidence bundle is made from, and what rendering one gives back. Everything printed comes from this
 * input: the figures from the reconciliation (calc/reconcile), the deadlines from the case timeline
 * (calc/deadlines), the rest from the case's records. No address is ever taken: the bundle goes to third parties,
 * and a parent's address may be withheld from the other parent.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import type { Deadline, EventType } from '../../calc/deadlines/index.ts';
import type { ReconcileInput, Reconciliation, Side } from '../../calc/reconcile/reconcile.ts';
import type { CollectionService } from '../../calc/scheme-2012/calculate.ts';
import type { LetterMethod } from '../../store/types.ts';

/** Whom the bundle is for: it sets the cover's wording and the order of the sections. */
export const BUNDLE_PURPOSES = ['mandatory_reconsideration', 'complaint', 'ice', 'mp', 'tribunal'] as const;
export type BundlePurpose = (typeof BUNDLE_PURPOSES)[number];

/** The sections a bundle can hold. */
export const SECTION_IDS = [
  'cover',
  'index',
  'statement',
  'schedule',
  'disputes',
  'chart',
  'correspondence',
  'deadlines',
  'enclosures',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The case, in the words the cover uses. Names only: never an address. */
export interface BundleCase {
  /** The CMS case reference, as CMS prints it. */
  readonly reference?: string;
  /** Whose bundle it is: the paying or the receiving parent's. */
  readonly side: Side;
  readonly service: CollectionService;
  /** The parent whose bundle it is, by name. */
  readonly parentName?: string;
  /** The other parent (or parents), by name. */
  readonly otherParentNames?: readonly string[];
  /** Tribunal bundles: the appeal's reference (SC…), when the tribunal has given one. */
  readonly appealReference?: string;
}

/** A letter the parent sent (the case's stored letters). */
export interface BundleLetter {
  /** The letter catalogue's id (not printed). */
  readonly type: string;
  /** Its title as the catalogue or the parent names it, e.g. "Request for a mandatory reconsideration". */
  readonly title: string;
  readonly sentOn: CivilDate;
  /** How it went, in the store's words (store/types.ts LETTER_METHODS). */
  readonly method?: LetterMethod;
  /** The case event marking it sent recorded (e.g. `payments_disputed`): that event is not listed a second time. */
  readonly event?: EventType;
}

/** Something that happened on the case (the case's stored events): a reply arrived, a decision, a referral. */
export interface BundleEvent {
  readonly type: EventType;
  readonly date: CivilDate;
  /** The parent's own note of it, printed as written. */
  readonly summary?: string;
  /**
   * Recorded as the answer to an earlier event of the case (the event's `answers`): a decision letter so recorded is
   * a reply; one not so recorded is not (words.ts `isReply`).
   */
  readonly recordedAsReply?: boolean;
}

/** What kind of document the parent holds. */
export const BUNDLE_DOCUMENT_KINDS = [
  'bank_statement',
  'cms_statement',
  'cms_payment_schedule',
  'cms_letter',
  'payslip',
  'benefit_statement',
  'receipt',
  'other',
] as const;
export type BundleDocumentKind = (typeof BUNDLE_DOCUMENT_KINDS)[number];

/** A document of the parent's that the bundle encloses and cites. */
export interface BundleDocument {
  /** The store's document id (not printed): rows point at it. */
  readonly id: string;
  readonly filename?: string;
  readonly kind: BundleDocumentKind;
}

/** Which list of the reconciliation input a row is in. */
export type Ledger = 'bank' | 'cms' | 'evidence';

/** Where a row given to the reconciliation is printed in the parent's documents. */
export interface RowLocation {
  readonly ledger: Ledger;
  /** The row's id as given in the reconciliation input (`bankTransactions[].id`, `cmsEntries[].id`, `evidence[].id`). */
  readonly id: string;
  readonly documentId: string;
  /** The page (absent for a CSV or other file without pages) and the line on it, both counted from 1. */
  readonly source?: { readonly page?: number; readonly line: number };
}

/** The deadlines of the case as of the bundle's date, as calc/deadlines `timeline` gives them. */
export interface BundleDeadlines {
  readonly overdue: readonly Deadline[];
  readonly next: readonly Deadline[];
  /** Met; a last day met by a letter posted too close to it carries the day it is taken to arrive (cases/events.ts). */
  readonly met: readonly (Deadline & { readonly arrival?: { readonly date: CivilDate } })[];
}

export interface EvidenceBundleInput {
  readonly purpose: BundlePurpose;
  /** The day the bundle is made: printed on the cover and set as the PDF's creation date. */
  readonly generatedOn: CivilDate;
  readonly case: BundleCase;
  /**
   * The reconciliation input and its result (calc/reconcile `reconcile(input)`). The input gives the rows the
   * statement describes; every row needs an `id` for the enclosure list to cite it.
   */
  readonly reconciliation: { readonly input: ReconcileInput; readonly result: Reconciliation };
  readonly deadlines?: BundleDeadlines;
  readonly letters?: readonly BundleLetter[];
  readonly events?: readonly BundleEvent[];
  readonly documents?: readonly BundleDocument[];
  /** Where the rows are in the documents (any rows; the bundle cites those the findings and matches rest on). */
  readonly rows?: readonly RowLocation[];
}

/** A section of the rendered bundle and the page it starts on (1-based). */
export interface BundleSection {
  readonly id: SectionId;
  readonly title: string;
  readonly page: number;
}

export interface EvidenceBundle {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly sections: readonly BundleSection[];
}
