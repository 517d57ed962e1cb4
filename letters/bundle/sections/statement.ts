/**
 * The reconciliation statement: from CMS's figure, line by line, to the correct balance, with the totals each way
 * and the net. The same table the letters print (letters/figures.ts `reconciliationStatement`), so a bundle and a
 * letter never disagree.
 * @module
 */
import { claimWords, cmsFigure, correctBalanceWords, entriesWords, recomputedBalance } from '../../figures.ts';
import { longDate } from '../../format.ts';
import type { SectionContent } from '../blocks.ts';
import type { BundleContext } from '../context.ts';
import { SECTION_TITLES } from '../purpose.ts';

/** No., Date, What CMS recorded, What my evidence shows, Effect on CMS's figure, Why. */
const STATEMENT_WIDTHS = [0.6, 1.9, 2.2, 2.2, 1.3, 2.8];

/** CMS's figure in words: its claim (figures.ts claimWords), or what its entries add up to, part by part (entriesWords). */
function cmsWords(c: BundleContext): string {
  const value = cmsFigure(c.computed).value;
  return c.computed.result.bridge.fromLabel === 'cms_claim' ? claimWords(value, c.computed) : entriesWords(value, c.computed);
}

export function statementSection(c: BundleContext): SectionContent {
  const title = SECTION_TITLES.statement;
  const result = c.computed.result;
  const statement = c.statement;
  if (!statement) {
    const asOf = longDate(result.asOf);
    return {
      id: 'statement',
      title,
      blocks: [
        {
          kind: 'paragraph',
          // Each part named where fees or charges are owed beside maintenance (cms-accounts.md §4: they are not arrears):
          // CMS's claim as the letters word it, or what its entries add up to part by part, and the balance worked out.
          text: `There is nothing to reconcile: CMS’s figure for ${asOf}, ${cmsWords(c)}, is the balance worked out from the records, ${correctBalanceWords(recomputedBalance(c.computed).value, c.computed)}, and no entry is in dispute.`,
        },
      ],
    };
  }
  const { table } = statement;
  const n = table.rows.length;
  return {
    id: 'statement',
    title,
    blocks: [
      {
        kind: 'paragraph',
        text: 'Each line is an entry CMS recorded wrongly, or a part of its figure the entries do not explain, with its effect on CMS’s figure: + makes CMS’s figure higher than it should be, - lower. The totals each way, the net effect and the correct balance follow the lines.',
      },
      {
        kind: 'table',
        columns: table.columns,
        // The letters' widths, with room for the longest date ("30 September 2024") on one line.
        widths: STATEMENT_WIDTHS.length === table.columns.length ? STATEMENT_WIDTHS : table.widths,
        rows: table.rows,
        right: [4],
        // The opening figure, and the net effect and the correct balance it ends at.
        bold: [0, n - 2, n - 1],
      },
    ],
  };
}
