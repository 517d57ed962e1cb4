/**
 * The pieces a bundle section is written in, as data: the section builders say what to print, the PDF writer
 * (write.ts) says how. Text is plain; the writer maps it onto the PDF fonts.
 * @module
 */
import type { ChartModel } from '../../calc/chart/index.ts';
import type { SectionId } from './types.ts';

export type BundleBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean }
  | { readonly kind: 'subheading'; readonly text: string }
  /** Label and value pairs, e.g. the case's details on the cover. */
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      /** Relative widths, one per column. */
      readonly widths: readonly number[];
      readonly rows: readonly (readonly string[])[];
      /** Columns of figures, aligned right. */
      readonly right?: readonly number[];
      /** Rows printed bold (totals). */
      readonly bold?: readonly number[];
    }
  | { readonly kind: 'chart'; readonly model: ChartModel; readonly height: number };

export interface SectionContent {
  readonly id: SectionId;
  /** The heading printed at the top of the section's first page, and its entry in the index. */
  readonly title: string;
  readonly blocks: readonly BundleBlock[];
}
