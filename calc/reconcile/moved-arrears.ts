/**
 * Arrears that built up on Direct Pay, on a case CMS has since moved to Collect and Pay: what of the receiving
 * parent's balance they are, and what would reach her if CMS collects them and takes its 4% (MCP audit F6: her "net"
 * figure applied no 4% to them, and said nothing of it).
 *
 * Whether the receiving parent's 4% is taken from such arrears is not settled in anything Reckoner has seen (see
 * docs/legal-notes.md, "Direct Pay arrears collected on Collect and Pay"). The Fees Regulations charge her 4% of "any
 * payment of child support maintenance in relation to which there are arrangements for collection, which [CMS] has
 * collected" (the NI twin, SR 2014/182 reg 3(3); the GB text of SI 2014/612 reg 7 was not seen), which may reach
 * arrears collected after the move; GOV.UK speaks of a fee on each "regular child maintenance payment". So the
 * balance stays as it is (no 4% on Direct Pay arrears), and the reconciliation states the rule and what 4% of them
 * would be.
 *
 * Reckoner's rule for which arrears are the Direct Pay ones: the balance the evidence shows owed at the end of the
 * day before the move (the plan's instalments due on Direct Pay less what was paid), no more than the maintenance
 * owed now, gross of the 4% (payments since the move taken as paying what fell due since it first). CMS may
 * attribute payments as it thinks fit (SI 2009/3151 reg 4), so this is the most of them that can still be owed.
 * @module
 */
import { fromDayNumber, toDayNumber, type CivilDate } from '../dates.ts';
import { fromPence, pounds, wholePenceOf } from '../money.ts';
import type { Reference } from '../parameters.ts';
import { LAW } from '../scheme-2012/law.ts';
import { feeOf } from './credits.ts';
import type { Books } from './read.ts';
import type { Bridge } from './types.ts';

/** The Direct Pay arrears still owed on a moved case, in whole pence. */
export interface MovedArrears {
  /** The first day on Collect and Pay. */
  readonly movedOn: CivilDate;
  /** Owed at the end of the day before the move. */
  readonly atMove: number;
  /** Of them, still owed now (gross: no 4% has been taken from them). */
  readonly owed: number;
  /** The receiving parent's percentage on the reconciliation date. */
  readonly percent: number;
  /** That percentage of `owed`, half a penny up. */
  readonly fee: number;
  /** owed − fee: what would reach her if CMS collects them all and takes its 4%. */
  readonly wouldReach: number;
}

export const MOVED_ARREARS_STEP = 'direct_pay_arrears_fee';

/** The rule's sources: the regulation as Reckoner has it, and the note that says what is not settled. */
export const MOVED_ARREARS_RULE: Reference = {
  title:
    `${LAW.collectionFees.title} (the receiving parent’s 4% of a payment CMS collects; whether it is taken from arrears that built up on Direct Pay is not settled: ` +
    'docs/legal-notes.md); Reckoner rule for which arrears are the Direct Pay ones',
  href: LAW.collectionFees.href,
};

/**
 * The Direct Pay arrears of a receiving parent's case that is on Collect and Pay on the reconciliation date, having
 * been on Direct Pay before; undefined on any other case, or when none are owed. `balanceOn(day)` is the balance the
 * evidence shows at the end of a day (plan due less paid); `grossNow` the maintenance owed now, gross of the 4%.
 */
export function movedArrearsOf(books: Books, balanceOn: (day: number) => number, grossNow: number): MovedArrears | undefined {
  if (books.side !== 'receiving') return undefined;
  const decisions = books.schedule.decisions.filter((d) => !d.superseded);
  const last = decisions.length - 1;
  if (last < 1 || books.fees.serviceOn(books.asOfDay) !== 'collect_and_pay') return undefined;
  // The first decision of the run on Collect and Pay that is in force on the reconciliation date.
  let first = -1;
  for (let i = 0; i <= last; i++) {
    const d = decisions[i]!;
    if (toDayNumber(d.effectiveDate) > books.asOfDay) break;
    if (d.service !== 'collect_and_pay') first = -1;
    else if (first < 0) first = i;
  }
  if (first < 1) return undefined;
  const movedDay = toDayNumber(decisions[first]!.effectiveDate);
  const percent = books.fees.pctOn(books.asOfDay);
  if (percent === 0) return undefined;
  const atMove = balanceOn(movedDay - 1);
  const owed = Math.min(atMove, grossNow);
  if (owed <= 0) return undefined;
  const fee = feeOf(owed, percent);
  return { movedOn: fromDayNumber(movedDay), atMove, owed, percent, fee, wouldReach: owed - fee };
}

/** The rule in words, with the figures: for the warnings and the trace. */
export function movedArrearsWords(m: MovedArrears): string {
  const p = (x: number) => pounds(fromPence(x));
  const still = m.owed === m.atMove ? '' : ` (${p(m.atMove)} when it moved, no more than the ${p(m.owed)} owed now)`;
  return (
    `Arrears that built up on Direct Pay, before the case moved to Collect and Pay on ${m.movedOn}, are shown without the ${m.percent}%: ${p(m.owed)}${still}. ` +
    `If CMS collects them and takes its ${m.percent}% from them, ${p(m.fee)} would be taken (${m.percent}% of ${p(m.owed)}) and ${p(m.wouldReach)} would reach you; ` +
    'whether the 4% applies to arrears from Direct Pay is not settled, so ask CMS'
  );
}

/** The step's arithmetic in words: which arrears, and what 4% of them leaves. */
export function movedArrearsStep(m: MovedArrears): string {
  const p = (x: number) => pounds(fromPence(x));
  const owedThen = `${p(m.atMove)} owed at the end of ${fromDayNumber(toDayNumber(m.movedOn) - 1)}, the day before the case moved to Collect and Pay`;
  const which = m.owed === m.atMove ? owedThen : `${owedThen}, no more than the ${p(m.owed)} owed now`;
  return (
    `Arrears from Direct Pay still owed ${p(m.owed)} (${which}), in the balance without the ${m.percent}%; ` +
    `if CMS takes its ${m.percent}% when it collects them: ${p(m.owed)} − ${m.percent}% (${p(m.fee)}) = ${p(m.wouldReach)} would reach the receiving parent`
  );
}

/**
 * The bridge with its line for what CMS's entries do not explain worded as the 4% on the Direct Pay arrears, where
 * CMS's figure (on her net basis) is lower than its entries by exactly that much: its figure then takes the 4% from
 * them, as Reckoner's balance does not, and whether it may is not settled. Any other bridge as it is.
 */
export function withMovedArrearsFee(bridge: Bridge, m: MovedArrears): Bridge {
  const i = bridge.lines.findIndex((l) => l.kind === 'unexplained' && wholePenceOf(l.amount) === -m.fee);
  if (i < 0) return bridge;
  const line = bridge.lines[i]!;
  const p = (x: number) => pounds(fromPence(x));
  const entries = fromPence(wholePenceOf(bridge.from) + m.fee);
  const description =
    `CMS's figure (${pounds(bridge.from)}) is ${p(m.fee)} lower than its own entries add up to (${pounds(entries)}): ` +
    `that is ${m.percent}% of the ${p(m.owed)} of arrears that built up on Direct Pay before the case moved to Collect and Pay on ${m.movedOn} ` +
    `(${p(m.owed)} × ${m.percent} ÷ 100 = ${p(m.fee)}, half a penny up), as if CMS takes its ${m.percent}% from them when it collects them. ` +
    'Whether it may is not settled (see the note on them), so ask CMS which rule it applies.';
  return { ...bridge, lines: bridge.lines.map((l, j) => (j === i ? { ...line, description } : l)) };
}
