/**
 * Entries dated outside the period a CMS document prints (a payment posted late, a charge for an earlier
 * month): kept, since the document prints them and its balance counts them, but flagged on the entry and in a
 * warning that names the date and the period, so that whoever reconciles checks which period each belongs to.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import type { CmsRow } from './cms.ts';

export interface PrintedPeriod {
  readonly start?: CivilDate;
  readonly end?: CivilDate;
}

/**
 * The entries, each dated outside the printed period marked `outsidePeriod: true`, and one warning per printed
 * line (a schedule line gives several entries). A document that prints no period flags nothing.
 */
export function flagOutsidePeriod(entries: readonly CmsRow[], period: PrintedPeriod, what: string, warnings: string[]): CmsRow[] {
  const { start, end } = period;
  if (start === undefined || end === undefined) return [...entries];
  const warned = new Set<string>();
  return entries.map((e) => {
    if (e.date >= start && e.date <= end) return e;
    const at = `${e.source.page ?? ''}:${e.source.line}`;
    if (!warned.has(at)) {
      warned.add(at);
      const where = e.source.page === undefined ? '' : `Page ${e.source.page}, line ${e.source.line}: `;
      warnings.push(
        `${where}the entry "${e.description}" is dated ${e.date}, ${e.date < start ? 'before' : 'after'} the ${what} period ${start} to ${end}; it is kept as printed and marked outsidePeriod. Check which period it belongs to.`,
      );
    }
    return { ...e, outsidePeriod: true };
  });
}
