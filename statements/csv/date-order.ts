/**
 * Dates a spreadsheet saved again. Banks' exports write day and month with two digits each ("01/02/2024"); a file
 * opened and saved by a spreadsheet set to US dates writes them month first and unpadded ("1/2/2024"), and where every
 * day is 12 or less nothing in the file tells the two orders apart (a statement probe, 5 December 2026: a Monzo
 * export so saved was read with every day and month swapped, silently). Reckoner keeps reading day first, as UK
 * exports write, and says so; where a date can only be month first it advises the format that reads it.
 * @module
 */
import { compileDateFormat, type DateFormat } from './values.ts';

/** A numeric date whose day or month is a single digit: "1/2/2024", "12/3/24". */
const UNPADDED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T].*)?$/;

/** Month-first forms, for advice only: Reckoner never reads a date month first unless told to. */
export const MONTH_FIRST: readonly DateFormat[] = [compileDateFormat('M/D/YYYY'), compileDateFormat('M/D/YY')];

/** The first cell (with its line) written unpadded, where the layout's own dates are padded, or undefined. */
export function firstUnpadded(
  cells: readonly { readonly cell: string; readonly line: number }[],
): { cell: string; line: number } | undefined {
  return cells.find(({ cell }) => {
    const m = UNPADDED.exec(cell.trim().replace(/^'/, ''));
    return m !== null && (m[1]!.length === 1 || m[2]!.length === 1);
  });
}

/** The warning for a file whose dates were saved again unpadded, read day first. */
export function unpaddedWarning(issuer: string | undefined, cell: string, line: number): string {
  return (
    `The dates are written without leading zeros (line ${line}: "${cell.trim().slice(0, 20)}"), which ${issuer ? `${issuer}'s export` : 'a bank’s export'} does not do: ` +
    'the file was saved again by a spreadsheet, which may have written them month first (US order). They were read day first, as UK statements write them: ' +
    'check one whose day is 12 or less against your statement, and if it is month first send the file with csvMapping.dateFormat "M/D/YYYY".'
  );
}
