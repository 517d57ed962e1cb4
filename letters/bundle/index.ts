/**
 * The evidence bundle: one ordered PDF for CMS, the Independent Case Examiner, an MP or a tribunal, from the
 * case's reconciliation, letters, events, deadlines and documents. Nothing is computed here: every figure is
 * quoted from calc's results.
 * @module
 */
export { renderEvidenceBundle } from './render.ts';
export { PURPOSES, SECTION_TITLES, type PurposeSpec } from './purpose.ts';
export {
  BUNDLE_DOCUMENT_KINDS,
  BUNDLE_PURPOSES,
  SECTION_IDS,
  type BundleCase,
  type BundleDeadlines,
  type BundleDocument,
  type BundleDocumentKind,
  type BundleEvent,
  type BundleLetter,
  type BundlePurpose,
  type BundleSection,
  type EvidenceBundle,
  type EvidenceBundleInput,
  type Ledger,
  type RowLocation,
  type SectionId,
} from './types.ts';
