/**
 * The entries in dispute: each finding with its date, what CMS recorded, what the evidence shows and where to
 * find it in the enclosed documents, its effect on CMS's figure and in whose favour, and why. The cells are the
 * statement's own (letters/figures.ts), the sentence is calc's (`explainFinding`, in the parent's voice).
 * @module
 */
import { explainFinding } from '../../../calc/reconcile/reconcile.ts';
import type { Finding } from '../../../calc/reconcile/types.ts';
import { cmsCell, evidenceCell, lineKind, signedPounds } from '../../figures.ts';
import type { SectionContent } from '../blocks.ts';
import type { BundleContext } from '../context.ts';
import { SECTION_TITLES } from '../purpose.ts';
import { FAVOUR_WORDS, shortDate } from '../words.ts';

export function disputesSection(c: BundleContext): SectionContent {
  const { result } = c.computed;
  const title = SECTION_TITLES.disputes;
  if (result.findings.length === 0) return { id: 'disputes', title, blocks: [{ kind: 'paragraph', text: 'No entry is in dispute.' }] };
  const rows = result.findings.map((f) => {
    const places = [
      ...f.cmsEntryIds.map((id) => c.locate('cms', id)),
      ...f.bankTransactionIds.map((id) => c.locate('bank', id)),
      ...f.evidenceIds.map((id) => c.locate('evidence', id)),
    ].flatMap((l) => (l ? [l.where] : []));
    return [
      String(c.lineOf(f.id) ?? ''),
      shortDate(f.date),
      cmsCell(c.computed, f),
      evidenceCell(f),
      places.length ? places.join('; ') : 'Not in the enclosed documents',
      `${signedPounds(f.effect)}, ${favourWords(f)}`,
      explainFinding(f, result.side, 'i'),
    ];
  });
  return {
    id: 'disputes',
    title,
    blocks: [
      {
        kind: 'paragraph',
        text:
          'Each entry below is one CMS recorded wrongly or did not record, with what my evidence shows and where it is in the enclosed documents. The line numbers are those of the reconciliation statement; + means the entry makes CMS’s figure higher than it should be, - lower.' +
          (result.findings.some((f) => notAnError(f) !== undefined)
            ? ' A line marked as on its way at the date, or as not checked, is here because the statement has it; it is not said to be an error.'
            : ''),
      },
      {
        kind: 'table',
        columns: ['Line', 'Date', 'What CMS recorded', 'What my evidence shows', 'Where to find it', 'Effect on CMS’s figure', 'Why'],
        widths: [0.75, 1.3, 1.9, 1.9, 2.1, 1.5, 2.6],
        rows,
      },
    ],
  };
}

/**
 * What a line is, where it is in nobody's favour as calc's tallies count them: on its way at the date (a deduction
 * still in time to reach CMS, a payment it recorded or passed on after the date), or made just before the date with
 * none of CMS's entries after it given, so that it may be on its way too. Before, each read by the sign of its effect
 * ("in the paying parent's favour"), beside a statement that counted it in neither.
 */
function notAnError(f: Finding): string | undefined {
  if (lineKind(f) === 'in_transit') return 'on its way at the date: not an error';
  if (f.facts.reason === 'too_recent_to_check') return 'not checked: CMS may have recorded it after the date';
  return undefined;
}

function favourWords(f: Finding): string {
  return notAnError(f) ?? FAVOUR_WORDS[f.favours];
}
