/**
 * The sentences several letters share about the balance: what CMS says it is, what it is when worked out
 * from the decisions and the bank statement, and how far apart the two are.
 * @module
 */
import { balanceDifference, claimedBalance, recomputedBalance, type ComputedReconciliation } from '../figures.ts';
import type { ComposeContext } from '../types.ts';

type Ctx = Pick<ComposeContext<unknown>, 'quote' | 'date' | 'senderRole'>;

/** Whom the letter is to: CMS itself ("you say"), or someone else ("the Child Maintenance Service says"). */
export type Addressee = 'cms' | 'other';

/** "arrears of £410.08", "an overpayment of £12.00", "nothing owed (£0.00)". */
function position(value: string, kind: 'arrears' | 'overpaid' | 'settled'): string {
  return kind === 'arrears' ? `arrears of ${value}` : kind === 'overpaid' ? `an overpayment of ${value}` : `nothing owed (${value})`;
}

/** What CMS says the balance is, in the sender's words; undefined without a claim. */
export function claimSentence(ctx: Ctx, r: ComputedReconciliation, to: Addressee = 'cms'): string | undefined {
  const claimed = claimedBalance(r);
  const c = r.result.balance.cmsClaimed;
  if (!claimed || c === undefined) return undefined;
  const kind = c.gt(0) ? 'arrears' : c.lt(0) ? 'overpaid' : 'settled';
  return `${to === 'cms' ? 'You say' : 'The Child Maintenance Service says'} that on ${ctx.date(r.result.asOf)} the account shows ${position(ctx.quote(claimed), kind)}.`;
}

/** The true balance, and how far CMS's figure is from it. */
export function recomputedSentence(ctx: Ctx, r: ComputedReconciliation, to: Addressee = 'cms'): string {
  const b = r.result.balance;
  const own = `Worked out from the decisions on my case and my bank statements, the account shows ${position(ctx.quote(recomputedBalance(r)), b.position)} on that date.`;
  const diff = balanceDifference(r);
  if (!diff || b.difference === undefined) return own;
  return `${own} ${to === 'cms' ? 'Your' : 'Its'} figure is ${ctx.quote(diff)} too ${b.difference.gt(0) ? 'high' : 'low'}.`;
}

/** Both, when there is a claim; the true balance alone otherwise. */
export function balanceSentences(ctx: Ctx, r: ComputedReconciliation, to: Addressee = 'cms'): string[] {
  const claim = claimSentence(ctx, r, to);
  const own = recomputedSentence(ctx, r, to);
  return claim ? [`${claim} ${own}`] : [own.replace(' on that date', ` on ${ctx.date(r.result.asOf)}`)];
}
