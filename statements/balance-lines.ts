/**
 * Lines of a statement that give a balance, not a transaction: the opening balance (brought forward), the
 * closing one (carried forward) and a totals line, in the words UK banks print them. Shared by the PDF reader
 * (balance lines in the table) and the CSV reader (balance rows in the export).
 * @module
 */

/** A balance line that is not a transaction. */
export type MarkerKind = 'open' | 'close' | 'total';

const OPEN_RE = new RegExp(
  '^(?:' +
    [
      String.raw`start(?:ing)? balance`,
      String.raw`(?:statement |your )?opening balance`,
      String.raw`(?:balance )?brought (?:forward|fwd)`,
      String.raw`balance (?:b\/?fwd|b\/f|forward|fwd)`,
      String.raw`b\/f|b\/fwd`,
      String.raw`(?:previous|last) (?:statement )?balance`,
      String.raw`balance (?:from|on) (?:your )?(?:previous |last )?statement\b.*`,
      String.raw`balance at (?:the )?(?:start|beginning) of (?:the |this )?(?:statement period|statement|period|month)`,
    ].join('|') +
    ')$',
  'i',
);
const CLOSE_RE = new RegExp(
  '^(?:' +
    [
      String.raw`end(?:ing)? balance`,
      String.raw`(?:statement |your )?closing balance`,
      String.raw`(?:balance )?carried (?:forward|fwd)`,
      String.raw`balance (?:c\/?fwd|c\/f|to carry forward)`,
      String.raw`c\/f|c\/fwd`,
      String.raw`new balance`,
      String.raw`balance at (?:the )?end of (?:the |this )?(?:statement period|statement|period|month)`,
    ].join('|') +
    ')$',
  'i',
);
const TOTAL_RE = /^(?:totals?|total payments|statement totals|balance totals|total to pay)\b/i;

/** What balance line a description is, by its words alone; undefined for any other line. */
export function markerKind(description: string): MarkerKind | undefined {
  const d = description.trim();
  if (OPEN_RE.test(d)) return 'open';
  if (CLOSE_RE.test(d)) return 'close';
  if (TOTAL_RE.test(d)) return 'total';
  return undefined;
}
