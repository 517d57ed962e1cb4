/**
 * The sentences several letters share about the balance: what CMS says it is, what it is when worked out from
 * the decisions and the evidence of payment, the net difference, and — with the reconciliation statement printed
 * at the end of the letter — how many entries make CMS's figure too high and how many too low, by how much each
 * way, in whose favour, and on which parts of the balance. Every amount is a figure the reconciliation computed;
 * nothing is added up here.
 * @module
 */
import { splitWords } from '../../calc/reconcile/explain.ts';
import {
  balanceAfterFee,
  balanceBeforeFee,
  heldAndOnItsWay,
  notAllHisArrears,
  onlyPassOnsNotArrived,
  balanceDifference,
  claimedBalance,
  cmsEntriesTotal,
  componentDifferences,
  claimedComponent,
  claimWords,
  componentName,
  correctBalanceWords,
  directPayArrears,
  directPayFeeLine,
  entriesAgainst,
  entriesWords,
  inTransitFigure,
  inTransitFrom,
  evidenceSourceWords,
  favourWords,
  netWay,
  inTransitCounts,
  inTransitPaymentsWords,
  notPassedOnFigure,
  onlyLinesOf,
  ownEntries,
  aheadPays,
  allOverdue,
  overdueList,
  paidAheadBy,
  differenceBesideNotYetDue,
  receiptsList,
  receivingFeePercent,
  recomputedBalance,
  structuralLine,
  tooRecentFigures,
  type ComputedReconciliation,
} from '../figures.ts';
import { count, joinAnd, longDate, type Position } from '../format.ts';
import type { ComposeContext, EachWaySummary, SenderRole, StatementSummary } from '../types.ts';

type Ctx = Pick<ComposeContext<unknown>, 'quote' | 'date' | 'senderRole'>;
type StatementCtx = Ctx & Pick<ComposeContext<unknown>, 'disputedSchedule'>;

/** Whom the letter is to: CMS itself ("you say"), or someone else ("the Child Maintenance Service says"). */
export type Addressee = 'cms' | 'other';

const capital = (s: string): string => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** Both CMS's figure and the correct one are overpayments, where "too high" would mislead. */
function bothOverpaid(r: ComputedReconciliation): boolean {
  return r.result.bridge.from.lt(0) && r.result.bridge.to.lt(0);
}

/**
 * How far CMS's figure is out, after "your figure": "is £42.78 too high"; between two overpayments, "understates
 * the overpayment by £42.78" (a figure too high there is an overpayment too small).
 */
export function outBy(r: ComputedReconciliation, net: string, way: 'too_high' | 'too_low'): string {
  if (bothOverpaid(r)) return `${way === 'too_high' ? 'understates' : 'overstates'} the overpayment by ${net}`;
  return `is ${net} too ${way === 'too_high' ? 'high' : 'low'}`;
}

/** What CMS says the balance is, in the sender's words; undefined without a claim. */
export function claimSentence(ctx: Ctx, r: ComputedReconciliation, to: Addressee = 'cms'): string | undefined {
  const claimed = claimedBalance(r);
  const c = r.result.balance.cmsClaimed;
  if (!claimed || c === undefined) return undefined;
  return `${to === 'cms' ? 'You say' : 'The Child Maintenance Service says'} that on ${ctx.date(r.result.asOf)} the account shows ${claimWords(ctx.quote(claimed), r, ctx.quote, to === 'cms' ? 'your' : 'its')}.`;
}

/** The true balance, and how far CMS's figure is from it, net. */
export function recomputedSentence(ctx: Ctx, r: ComputedReconciliation, to: Addressee = 'cms', when = 'on that date'): string {
  const b = r.result.balance;
  // CMS's figure read as its maintenance arrears (calc's claimReadAsParts): what is compared is its balance in all, the
  // fees and charges its entries hold with it, not the figure it gave.
  const figure = `${to === 'cms' ? 'Your' : 'Its'} ${r.result.bridge.claimReadAsParts ? 'balance in all' : 'figure'}`;
  const own = `Worked out from the decisions on my case and my ${evidenceSourceWords(r)}, the account shows ${ownedWords(ctx, r)} ${when}${feeWords(ctx, r, to)}.`;
  const held = notPassedOnSentence(ctx, r, to);
  if (b.difference === undefined) return held ? `${own} ${held}` : own;
  const diff = balanceDifference(r);
  if (!diff) return `${own} ${figure} agrees with it.`;
  // Higher only by payments it recorded after the date (not by deductions, which each letter words itself): right.
  const bridge = r.result.bridge;
  // Lower only by a credit it keeps for what was paid ahead of the plan, which the worked-out balance sets against what
  // is not yet due: a difference of basis.
  if (onlyLinesOf(r, 'paid_ahead')) {
    return `${own} ${figure} keeps as a credit ${ctx.quote(diff)} ${paidAheadBy(r)} ahead of the payment plan; worked out, that pays ${aheadPays(r, bridge.lines.find((l) => l.kind === 'paid_ahead')!.amount.abs())}, so the two agree.`;
  }
  if (
    bridge.differenceOnceArrived.isZero() &&
    bridge.owedLater === undefined &&
    inTransitCounts(r).payments > 0 &&
    inTransitCounts(r).deductions === 0
  ) {
    return r.result.side === 'receiving'
      ? `${own} ${figure} is lower only by what reached me after that date.`
      : `${own} ${figure} is higher only by what ${to === 'cms' ? 'you' : 'it'} recorded after that date.`;
  }
  // CMS's figure lower only by what it holds: right as the paying parent's arrears, which is what it counts.
  const onlyHeld =
    held !== undefined && netWay(r) === 'too_low' && r.result.bridge.notPassedOn!.amount.eq(r.result.bridge.difference.abs());
  if (onlyHeld) {
    return `${own} ${held} ${figure} is right as the paying parent’s arrears, and lower than what I am owed by exactly that money.`;
  }
  // Lower only by payments it records passing on to me that never reached me: not "too low" as his arrears (if he paid
  // them, they are not his arrears); the lines ask it to trace them.
  if (netWay(r) === 'too_low' && onlyPassOnsNotArrived(r)) {
    return `${own} ${figure} is lower than what I am owed by ${ctx.quote(diff)}, ${to === 'cms' ? 'which you record' : 'which it records'} passing on to me and which never reached me.`;
  }
  // Lower only by what it holds and by what it passed on before the date that reached me after it: neither an error.
  if (held !== undefined && netWay(r) === 'too_low' && heldAndOnItsWay(r)) {
    return `${own} ${held} ${figure} is right as the paying parent’s arrears, and lower than what I am owed only by that money and by what reached me after that date.`;
  }
  // Higher by what was paid just before the date, with none of its entries after it given: it may have recorded it
  // after the date, as it does a payment on its way, so that part is not said to be wrong (a meaning probe of 6 December
  // 2026: "Your figure is £520.00 too high. Both items make your figure too high", one of them paid the day before).
  const recent = bridge.owedLater === undefined && bridge.inTransit.count === 0 && !held ? tooRecentFigures(r) : undefined;
  if (recent) {
    const your = to === 'cms' ? 'Your' : 'Its';
    const it = recent.count === 1 ? 'it' : 'them';
    const paid = `what I paid shortly before that date (${ctx.quote(recent.figure)})`;
    const ask =
      to === 'cms'
        ? `please confirm that you have recorded ${it}`
        : `whether the Child Maintenance Service has recorded ${it}, nothing I have been given shows`;
    return recent.beside
      ? `${own} ${your} figure ${outBy(r, ctx.quote(recent.beside.figure), recent.beside.way)} beside ${paid}, which the entries I have been given do not reach: ${ask}.`
      : `${own} ${your} figure is higher only by ${paid}, which the entries I have been given do not reach: ${ask}.`;
  }
  // Higher by liability it counts that has accrued and is not yet due: owed later, not an error; the rest is what is
  // out (a meaning probe, 6 December 2026: "Your figure is £122.00 too high", £104.00 of it still to fall due).
  if (bridge.differenceBesideNotYetDue !== undefined && !held) {
    const beside = differenceBesideNotYetDue(r);
    const your = to === 'cms' ? 'Your' : 'Its';
    // What is on its way is no error either (calc leaves it out of the figure beside): said with it.
    const onItsWay = bridge.inTransit.count > 0 ? `, and what is on its way to ${to === 'cms' ? 'you' : 'it'}` : '';
    return beside
      ? `${own} ${your} figure ${outBy(r, ctx.quote(beside.figure), beside.way)} beside what has accrued under the decisions and is not yet due${onItsWay}.`
      : `${own} ${your} figure is higher only by what has accrued under the decisions and is not yet due${onItsWay}.`;
  }
  return `${own} ${figure} ${outBy(r, ctx.quote(diff), netWay(r)!)}.${held ? ` ${held}` : ''}`;
}

/**
 * Money CMS received from the paying parent and had not passed on by the date (calc/reconcile/held.ts): the paying
 * parent paid it, so it is not his arrears, though it is owed to her. Undefined when there is none.
 */
export function notPassedOnSentence(ctx: Ctx, r: ComputedReconciliation, to: Addressee = 'cms'): string | undefined {
  const figure = notPassedOnFigure(r);
  if (!figure) return undefined;
  const you = to === 'cms' ? 'you' : 'the Child Maintenance Service';
  return (
    `Of what I am owed, ${ctx.quote(figure)} is money ${you} received from the paying parent (${receiptsList(r)}) and had not passed on to me by ` +
    `${ctx.date(r.result.asOf)}. The paying parent paid it, so it is not arrears.`
  );
}

/**
 * The balance worked out, in words: "arrears of £410.08"; but where nothing of it is maintenance, what it is made of
 * ("£50.00 owed in enforcement charges, to the Secretary of State, and no maintenance arrears"): fees and charges are
 * not arrears of maintenance (cms-accounts.md §4; MCP audit 2 found "arrears of £50.00" for a DEO's charge alone).
 */
function ownedWords(ctx: Ctx, r: ComputedReconciliation): string {
  return correctBalanceWords(ctx.quote(recomputedBalance(r)), r);
}

/**
 * Which basis a receiving parent's balance is on, where CMS's 4% collection fee makes the two differ
 * (cms-accounts.md §4), with the other: on her gross figures (CMS's figure given before the fee), what would reach
 * her after it, which is what her bank shows; on her net figures (what reaches her), the maintenance before the fee,
 * as CMS counts arrears (unless some of it is money CMS holds). Empty otherwise.
 */
function feeWords(ctx: Ctx, r: ComputedReconciliation, to: Addressee): string {
  const after = balanceAfterFee(r);
  const before = balanceBeforeFee(r);
  if (!after && !before) return '';
  const pct = receivingFeePercent(r);
  const fee = to === 'cms' ? `your ${pct}% collection fee` : `the Child Maintenance Service’s ${pct}% collection fee`;
  const { net, gross } = r.result.balance.bothBases!;
  if (after) {
    const reaching = net.gt(0)
      ? `${ctx.quote(after)} would reach me`
      : net.lt(0)
        ? `an overpayment of ${ctx.quote(after)}`
        : 'nothing would be owed';
    return ` (the maintenance before ${fee}, as ${to === 'cms' ? 'your' : 'its'} figure is; after the fee, ${reaching})`;
  }
  // The figure before the fee is quoted without its sign: where it goes the other way from the balance, words say so.
  const beforeIt = gross.isZero()
    ? 'nothing owed'
    : gross.lt(0) && !net.lt(0)
      ? `an overpayment of ${ctx.quote(before!)}`
      : gross.gt(0) && net.lt(0)
        ? `${ctx.quote(before!)} owed`
        : ctx.quote(before!);
  // Money CMS holds is owed to her but is not the paying parent's arrears: the figure before the fee is then not those.
  return net.gt(0)
    ? ` (what reaches me after ${fee}; ${beforeIt} before it${notAllHisArrears(r) ? '' : `, as ${to === 'cms' ? 'you count' : 'it counts'} arrears`})`
    : ` (in what reached me after ${fee}; ${beforeIt} before it, as ${to === 'cms' ? 'you keep' : 'it keeps'} the account)`;
}

/** Both, when there is a claim; the true balance alone otherwise; then what of it built up on Direct Pay, if any. */
export function balanceSentences(ctx: Ctx, r: ComputedReconciliation, to: Addressee = 'cms'): string[] {
  const claim = claimSentence(ctx, r, to);
  const balance = claim ? `${claim} ${recomputedSentence(ctx, r, to)}` : recomputedSentence(ctx, r, to, `on ${ctx.date(r.result.asOf)}`);
  const directPay = directPayArrearsSentence(ctx, r, to);
  return directPay ? [balance, directPay] : [balance];
}

/**
 * A receiving parent's arrears from the Direct Pay months of a case CMS has since moved to Collect and Pay: counted
 * without CMS's 4% collection fee, and what would reach her if CMS takes it from them when it collects them, which
 * is not settled (calc/reconcile/moved-arrears.ts; docs/legal-notes.md): a letter to CMS asks it to say (MCP audit F6).
 */
export function directPayArrearsSentence(ctx: Pick<Ctx, 'quote' | 'date'>, r: ComputedReconciliation, to: Addressee): string | undefined {
  const d = directPayArrears(r);
  if (!d) return undefined;
  const pct = receivingFeePercent(r);
  const built =
    `Of those arrears, ${ctx.quote(d.owed)} built up while the case was on Direct Pay, before it moved to Collect and Pay on ` +
    `${ctx.date(d.movedOn)}, and ${to === 'cms' ? 'I have counted' : 'are counted with'} no collection fee on them.`;
  return to === 'cms'
    ? `${built} If you take your ${pct}% collection fee from them when you collect them, ${ctx.quote(d.fee)} would be taken and ${ctx.quote(d.wouldReach)} would reach me: please tell me whether you will, and under which regulation.`
    : `${built} If the Child Maintenance Service takes its ${pct}% collection fee from them when it collects them, ${ctx.quote(d.fee)} would be taken and ${ctx.quote(d.wouldReach)} would reach me; whether it may is not settled.`;
}

/**
 * What the lines one way are called: entries when every one is an entry CMS got wrong, shortfalls nobody reported
 * when every one is a Direct Pay shortfall CMS was never told of (not an entry on its record), items otherwise.
 */
function linesNoun(e: EachWaySummary, entriesGiven: boolean): [one: string, many: string] {
  if (e.entries === e.count) return ['entry', 'entries'];
  // With none of CMS's entries given, nothing shows whether a shortfall was reported.
  if (e.unreported === e.count && !entriesGiven) return ['instalment not paid in full', 'instalments not paid in full'];
  if (e.unreported === e.count) return ['shortfall nobody reported', 'shortfalls nobody reported'];
  return ['item', 'items'];
}

/** "two entries", "one item": the lines one way, counted. */
function linesWords(e: EachWaySummary, entriesGiven: boolean): string {
  return count(e.count, ...linesNoun(e, entriesGiven));
}

/**
 * Prints the reconciliation statement at the end of the letter and says what it shows, in the sender's voice:
 * the lines that make CMS's figure too high and too low (each way's count and total, and in whose favour), the net
 * effect, any part CMS's own entries do not explain or that is not yet due, and the parts of the balance
 * (maintenance, collection fees, enforcement charges) that differ. Without a claim it starts with what CMS's own
 * entries add up to. Empty when the reconciliation has nothing to set out.
 */
export function statementSentences(
  ctx: StatementCtx,
  r: ComputedReconciliation,
  to: Addressee = 'cms',
  /** Whether the letter has already said what the deductions still in time to reach CMS are (notEntries, inTransitWords). */
  inTransitSaid = false,
): string[] {
  const s = ctx.disputedSchedule();
  if (!s) return [];
  const result = r.result;
  const claim = result.bridge.fromLabel === 'cms_claim';
  // "your figure" (the balance CMS gave), or the balance its entries give when it gave none.
  const yours = to === 'cms' ? 'your' : 'the Child Maintenance Service’s';
  const figure = claim ? `${yours} figure` : `the balance ${yours} entries give`;
  const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
  const given = result.counts.cmsEntries > 0;
  const out: string[] = [];

  if (!claim) {
    const total = cmsEntriesTotal(r);
    out.push(
      `${capital(ownEntries(r, to === 'cms' ? 'your' : 'the Child Maintenance Service’s'))} add up to ${entriesWords(ctx.quote(total), r)} on ${ctx.date(result.asOf)}${
        s.net && s.way !== 'agrees' ? `: that balance ${outBy(r, s.net, s.way)}` : ', the same as the correct balance'
      }.`,
    );
  }

  const high = s.tooHigh;
  const low = s.tooLow;
  const favour = (way: 'too_high' | 'too_low') => favourWords(way, ctx.senderRole);
  if (high && low) {
    out.push(
      `${capital(linesWords(high, given))} ${verb(high.count, 'makes', 'make')} ${figure} too high, by ${high.total}${high.count > 1 ? ' in all' : ''}, in ${favour('too_high')}; ${linesWords(low, given)} ${verb(low.count, 'makes', 'make')} it too low, by ${low.total}${low.count > 1 ? ' in all' : ''}, in ${favour('too_low')}. ${
        s.net
          ? `Taken together, ${figure} ${outBy(r, s.net, s.way === 'too_low' ? 'too_low' : 'too_high')}, net.`
          : `Taken together they cancel out, so the balance is right though the entries are not.`
      }`,
    );
  } else if (high || low) {
    const one = (high ?? low)!;
    const way = high ? 'too_high' : 'too_low';
    out.push(
      `${one.count === 1 ? capital(linesWords(one, given)) : one.count === 2 ? `Both ${linesNoun(one, given)[1]}` : `All ${linesWords(one, given)}`} ${verb(one.count, 'makes', 'make')} ${figure} too ${way === 'too_high' ? 'high' : 'low'}, by ${one.total}${one.count > 1 ? ' in all' : ''}, in ${favour(way)}.`,
    );
  }
  if (bothOverpaid(r) && (high || low)) {
    out.push(
      `(Here, as in the statement, a balance is what the paying parent owes, so an overpayment counts below nothing: an entry that makes ${figure} too high makes the overpayment look smaller.)`,
    );
  }
  if (s.unchanged > 0) {
    out.push(
      `${capital(count(s.unchanged, 'more entry', 'more entries'))} ${verb(s.unchanged, 'has', 'have')} the wrong date only and ${verb(s.unchanged, 'changes', 'change')} no figure, but the record should still be put right.`,
    );
  }

  // Deductions still in time to reach CMS are in neither way's count (calc's tallies leave them out): said here.
  const transit = inTransitFigure(r);
  if (transit && !inTransitSaid) {
    const n = result.bridge.inTransit.count;
    const them = n === 1 ? 'it' : 'them';
    const you = to === 'cms' ? 'you' : 'the Child Maintenance Service';
    // Payments recorded after the date among them: said as such, not as deductions.
    const payments = inTransitPaymentsWords(r, you);
    out.push(
      allOverdue(r)
        ? `${capital(yours)} statement to ${ctx.date(result.asOf)} could not yet show ${overdueList(r, you)} (${linesRef(s.inTransitLines)}): ` +
            `${figure} is not wrong about ${them}, but the correct balance counts ${them} as paid; ` +
            (to === 'cms'
              ? `please confirm that ${n === 1 ? 'it has' : 'they have'} been credited.`
              : `whether ${n === 1 ? 'it has' : 'they have'} been credited since, nothing I have been given shows.`)
        : payments && result.side === 'receiving'
          ? `${payments} (${linesRef(s.inTransitLines)}, ${ctx.quote(transit)}): ${figure} counts ${them} as passed on and is not wrong about ${them}, but the correct balance does not count ${them} yet.`
          : payments
            ? `${payments} (${linesRef(s.inTransitLines)}, ${ctx.quote(transit)}): ${figure} does not include ${them} yet and is not wrong about ${them}, but the correct balance counts ${them} as paid.`
            : `${n === 1 ? 'A deduction' : capital(count(n, 'deduction'))} from my ${inTransitFrom(r)} (${linesRef(s.inTransitLines)}, ${ctx.quote(transit)}) ${n === 1 ? 'is' : 'are'} still in time to reach ${you}: ` +
              `${figure} does not include ${them} yet and is not wrong about ${them}, but the correct balance counts ${them} as paid.`,
    );
  }
  const split = result.bridge.lines.find((l) => l.kind === 'unexplained' && l.amount.isZero());
  if (split) {
    out.push(
      `${capital(figure)} is what ${entriesAgainst(r, to === 'cms' ? 'your' : 'its', ctx.quote, false)}, but it puts ${splitWords(split.effects)} than they do: its total is right, its parts are not.`,
    );
  }
  const unexplained = structuralLine(r, 'unexplained');
  if (unexplained && !given) {
    // Not one of the items counted above (calc leaves it out of both ways' tallies): the rest of the difference.
    const none = `I have been given none of ${to === 'cms' ? 'your' : 'CMS’s'} entries, so nothing shows how ${high || low ? 'it' : figure} is arrived at.`;
    out.push(
      high || low
        ? `The rest is not an item: ${figure} is ${ctx.quote(unexplained.figure)} ${unexplained.way === 'too_high' ? 'higher' : 'lower'} than ${high && low ? 'those items' : `${verb((high ?? low)!.count, 'that item', 'those items')}`} alone would make it, and ${none}`
        : none,
    );
  } else if (unexplained) {
    // Lower by exactly the 4% on a receiving parent's arrears from Direct Pay (calc words the line so): say so, and ask.
    const directPay = directPayFeeLine(r) && directPayArrears(r);
    const against = `${figure} is ${ctx.quote(unexplained.figure)} ${unexplained.way === 'too_high' ? 'higher' : 'lower'} than ${entriesAgainst(r, to === 'cms' ? 'your' : 'its', ctx.quote)}`;
    out.push(
      directPay
        ? `One of these items is not an entry: ${against}, which is ${to === 'cms' ? 'your' : 'its'} ${receivingFeePercent(r)}% collection fee on the ${ctx.quote(directPay.owed)} of arrears that built up on Direct Pay, taken from them. ` +
            (to === 'cms'
              ? 'Whether you may take it from them is not settled: please tell me under which regulation you do.'
              : 'Whether it may take it from them is not settled.')
        : `One of these items is not an entry: ${against}, and nothing in the entries I have been given explains it.`,
    );
  }
  const notYetDue = structuralLine(r, 'accrued_not_yet_due');
  if (notYetDue) {
    out.push(
      `${ctx.quote(notYetDue.figure)} of ${figure} has accrued under the decisions but is not yet due: the payment plan collects it in later instalments, so it is not arrears.`,
    );
  }

  // The parts of the balance, where it matters: CMS gave them, or more than maintenance is out. A difference nothing
  // explains has no parts when CMS gave a total only: then only the lines its entries explain are split. With none of
  // CMS's entries, only a part it gave can be set against one worked out, and enforcement charges cannot be: they
  // are known only from its entries (calc/reconcile/charges.ts), so CMS is asked for theirs.
  if (!given) out.push(...uncheckedChargesSentence(ctx, r, to));
  const allParts = given ? componentDifferences(r) : componentDifferences(r).filter((p) => p.cms && p.component !== 'enforcement_charges');
  const claimedParts = allParts.some((p) => p.cms !== undefined);
  const explainedOnly = given && unexplained !== undefined && !claimedParts;
  // Beside what has accrued and is not yet due, which is no part's error (the line says what it is).
  const besideNotYetDue = notYetDue !== undefined && !claimedParts;
  const parts = explainedOnly || besideNotYetDue ? componentDifferences(r, { explainedOnly, besideNotYetDue }) : allParts;
  // Out only by what was on its way to CMS: no part of its figure is wrong (a payment recorded after the date was
  // "the maintenance is £216.67 too high and the collection fees are £43.33 too high").
  const onlyOnItsWay =
    result.bridge.differenceOnceArrived.isZero() &&
    result.bridge.owedLater === undefined &&
    result.bridge.inTransit.count > 0 &&
    !claimedParts;
  // Out only by a credit kept for what was paid ahead, a difference of basis: no part of its figure is wrong either (a
  // Collect and Pay credit was "the maintenance is £216.67 too low and the collection fees are £43.33 too low").
  const onlyBasis = onlyLinesOf(r, 'paid_ahead') && !claimedParts;
  // Part of it paid just before the date, which CMS may have recorded after it: its parts are not said to be wrong.
  const besideTooRecent = tooRecentFigures(r) !== undefined && !claimedParts;
  if (
    !onlyOnItsWay &&
    !onlyBasis &&
    !besideTooRecent &&
    (parts.length > 1 || claimedParts || (given && parts.some((p) => p.component !== 'maintenance')))
  ) {
    const words = parts.map((p) => {
      const name = componentName(p.component);
      const be = p.component === 'maintenance' ? 'is' : 'are';
      const given = p.cms
        ? ` (${to === 'cms' ? 'you give' : 'it gives'} ${partWords(ctx.quote(p.cms), p.cmsPosition!)}; worked out, ${p.component === 'maintenance' ? 'it is' : 'they are'} ${partWords(ctx.quote(p.correct), p.correctPosition)})`
        : '';
      return `the ${name} ${be} ${ctx.quote(p.figure)} too ${p.way === 'too_high' ? 'high' : 'low'}${given}`;
    });
    out.push(
      explainedOnly
        ? `By part of the balance, in the lines the entries explain, ${joinAnd(words)}; the ${ctx.quote(unexplained.figure)} nothing explains is not split by part.`
        : `By part of the balance, ${joinAnd(words)}.`,
    );
  }

  if (balanceAfterFee(r) && (high || low)) {
    out.push(
      `Each line’s effect is in the same terms as ${figure}: the maintenance before ${to === 'cms' ? 'your' : 'its'} ${receivingFeePercent(r)}% collection fee, which is more than what reaches my bank after it.`,
    );
  }
  if (balanceBeforeFee(r) && (high || low)) {
    out.push(
      `Each line’s effect is in the same terms as ${figure}: what reaches my bank after ${to === 'cms' ? 'your' : 'its'} ${receivingFeePercent(r)}% collection fee, which is less than the maintenance before it.`,
    );
  }
  out.push(
    `The reconciliation statement at the end of this letter goes from ${figure} to the correct balance line by line, with what ${to === 'cms' ? 'you' : 'it'} recorded, what my evidence shows and why, for each.`,
  );
  return out;
}

/**
 * With none of CMS's entries given, the enforcement charges its figure holds cannot be checked (each stands on its
 * entry: the action, its day, the arrears then): said as such, and asked for, not set against none worked out.
 */
function uncheckedChargesSentence(ctx: Ctx, r: ComputedReconciliation, to: Addressee): string[] {
  const given = r.result.bridge.components.find((c) => c.component === 'enforcement_charges')?.from;
  const charges = claimedComponent(r, 'enforcement_charges');
  if (!charges || !given || given.isZero()) return [];
  return [
    to === 'cms'
      ? `You give ${ctx.quote(charges)} of enforcement charges; without your entries I cannot check them, so please tell me which enforcement action each charge is for and the day you took it.`
      : `The Child Maintenance Service gives ${ctx.quote(charges)} of enforcement charges; without its entries they cannot be checked.`,
  ];
}

/**
 * A part of the balance, quoted without its sign: "£69.33" owed, "overpaid by £0.03" (a part can be in credit while
 * the balance is not: an audit found "you give £69.33; worked out, they are £0.03" for a part 3p overpaid, which read
 * as £69.36 too high of £0.03 owed).
 */
function partWords(value: string, position: Position): string {
  return position === 'overpaid' ? `overpaid by ${value}` : value;
}

/** "line 2", "lines 1, 3 and 4": lines of the reconciliation statement by number. */
export function linesRef(numbers: readonly number[]): string {
  return `${numbers.length === 1 ? 'line' : 'lines'} ${joinAnd(numbers.map(String))}`;
}

/**
 * For a letter that lists the entries CMS got wrong: the Direct Pay shortfalls nobody reported that its statement
 * also sets out are not entries on CMS's record (on Direct Pay it records no payments and learns of a missed
 * payment only when one is reported: cms-accounts.md §1), but the correct balance includes them. A receiving parent
 * reports them by a letter to CMS itself (`reports: 'reports'`); undefined when there are none.
 */
function unreportedSentence(ctx: Pick<ComposeContext<unknown>, 'senderRole'>, s: StatementSummary, reports: Reports): string | undefined {
  const n = s.unreportedLines.length;
  if (n === 0) return undefined;
  const which = `${count(n, 'instalment')} not paid in full that nobody reported to you (${linesRef(s.unreportedLines)})`;
  const what = `${n === 1 ? 'it is not an entry' : 'they are not entries'} on your record, but the correct balance includes ${n === 1 ? 'it' : 'them'}`;
  return ctx.senderRole === 'receiving' && reports === 'reports'
    ? `The statement also sets out ${which}: ${what}, and I report ${n === 1 ? 'it' : 'them'} to you now as ${n === 1 ? 'a missed payment' : 'missed payments'}.`
    : `The statement also sets out ${which}: ${what}.`;
}

/**
 * For a letter that lists the entries CMS got wrong: the deductions from pay its statement sets out that the employer
 * still has time to pay over (by the 19th of the month after: SI 1992/1989 reg 14(1)) are not errors on CMS's record,
 * but the correct balance counts them as paid; undefined when there are none.
 */
function inTransitSentence(r: ComputedReconciliation, s: StatementSummary, role: SenderRole): string | undefined {
  const n = s.inTransitLines.length;
  if (n === 0) return undefined;
  // Their time ran out before the letter's date: CMS's statement could not show them, and CMS is asked to confirm them.
  if (allOverdue(r)) {
    return (
      `The statement also sets out ${overdueList(r, 'you')} (${linesRef(s.inTransitLines)}): your statement to ${longDate(r.result.asOf)} could not yet show ${n === 1 ? 'it' : 'them'}. ` +
      `${n === 1 ? 'It is not an error' : 'They are not errors'} on your record, and the correct balance counts ${n === 1 ? 'it' : 'them'} as paid; please confirm that ${n === 1 ? 'it has' : 'they have'} been credited.`
    );
  }
  const p = s.inTransitPaymentLines.length;
  // A receiving parent's: payments CMS passed on before the date that reached her after it.
  if (p > 0 && role === 'receiving') {
    return (
      `The statement also sets out ${p === 1 ? 'a payment' : count(p, 'payment')} you passed on before the date of your figure that reached me after it (${linesRef(s.inTransitLines)}): ` +
      `${n === 1 ? 'it is not an error' : 'they are not errors'} on your record, but the correct balance does not count ${n === 1 ? 'it' : 'them'} yet.`
    );
  }
  // Payments made before the date and recorded by CMS after it: on their way, not deductions.
  if (p > 0) {
    return (
      `The statement also sets out ${p === 1 ? 'a payment' : count(p, 'payment')} I made before the date of your figure that you recorded after it` +
      `${p === n ? '' : `, and ${n - p === 1 ? 'a deduction' : count(n - p, 'deduction')} from my pay that my employer still has time to pay over to you`} (${linesRef(s.inTransitLines)}): ` +
      `${n === 1 ? 'it is not an error' : 'they are not errors'} on your record, but the correct balance counts ${n === 1 ? 'it' : 'them'} as paid.`
    );
  }
  return (
    `The statement also sets out ${n === 1 ? 'a deduction' : `${count(n, 'deduction')}`} from my pay that my employer still has time to pay over to you (${linesRef(s.inTransitLines)}): ` +
    `${n === 1 ? 'it is not an error' : 'they are not errors'} on your record, but the correct balance counts ${n === 1 ? 'it' : 'them'} as paid.`
  );
}

/**
 * For a letter that lists the entries CMS got wrong: the ask to confirm the deductions whose time to reach CMS ran out
 * after the date of its figure and before the letter's (`allOverdue`) have been credited; none otherwise.
 */
export function overdueAsk(r: ComputedReconciliation, s: StatementSummary): string[] {
  const n = s.inTransitLines.length;
  if (n === 0 || !allOverdue(r)) return [];
  return [
    `Confirm that the ${n === 1 ? 'deduction' : 'deductions'} from my ${inTransitFrom(r)} on ${linesRef(s.inTransitLines)} of the schedule, which your statement to ${longDate(r.result.asOf)} could not yet show, ${n === 1 ? 'has' : 'have'} been credited to my account.`,
  ];
}

/**
 * For a receiving parent's letter that lists the entries CMS got wrong: the payments CMS records passing on to them
 * that did not arrive in full. If the paying parent paid them to CMS, what did not arrive is not the paying parent's
 * arrears but money CMS must trace (its record shows it sent it); undefined when there are none.
 */
function passedOnSentence(s: StatementSummary): string | undefined {
  const n = s.passedOnLines.length;
  if (n === 0) return undefined;
  return (
    `${capital(linesRef(s.passedOnLines))} ${n === 1 ? 'is a payment' : 'are payments'} you record passing on to me that did not reach my account in full. ` +
    `If the paying parent paid ${n === 1 ? 'it' : 'them'} to you, what did not reach me is not the paying parent’s arrears: ${n === 1 ? 'it is' : 'they are'} money you must trace and pay to me.`
  );
}

/**
 * What a letter listing the entries CMS got wrong says after counting them: the lines that are not entries (Direct
 * Pay shortfalls nobody reported, deductions still in time to reach CMS) and the payments CMS must trace, as one
 * text; which entries to correct ("each of your entries in the schedule (line 2)" when other lines are set out too);
 * and the sender's note, given to `warn`.
 */
export function notEntries(
  ctx: Pick<ComposeContext<unknown>, 'senderRole' | 'warn'>,
  r: ComputedReconciliation,
  s: StatementSummary,
  reports: Reports,
): { readonly text: string; readonly correct: string; readonly unreported: boolean; readonly passedOn: boolean } {
  const unreported = unreportedSentence(ctx, s, reports);
  const inTransit = inTransitSentence(r, s, ctx.senderRole);
  const passedOn = passedOnSentence(s);
  const note = unreportedNote(ctx, s, reports);
  if (note) ctx.warn(note);
  return {
    text: [unreported, inTransit, passedOn].map((x) => (x ? ` ${x}` : '')).join(''),
    correct: unreported || inTransit ? `each of your entries in the schedule (${linesRef(s.entryLines)})` : 'each entry in the schedule',
    unreported: unreported !== undefined,
    passedOn: passedOn !== undefined,
  };
}

/** The sender's note on those shortfalls: what the letter tells CMS of them, and what else to do. */
function unreportedNote(ctx: Pick<ComposeContext<unknown>, 'senderRole'>, s: StatementSummary, reports: Reports): string | undefined {
  const n = s.unreportedLines.length;
  if (n === 0) return undefined;
  const which = `${capitalLines(s.unreportedLines)} of the reconciliation statement ${n === 1 ? 'is a shortfall' : 'are shortfalls'} nobody had reported to CMS`;
  if (ctx.senderRole === 'receiving') {
    const collect = 'direct_pay_to_collect_and_pay asks it to move the case to Collect and Pay';
    return reports === 'reports'
      ? `${which}: the letter reports ${n === 1 ? 'it' : 'them'}. To have CMS collect what is owed, ${collect}.`
      : `${which}, and this letter does not report ${n === 1 ? 'it' : 'them'} (it goes to DWP’s data protection team, not to CMS): to report ${n === 1 ? 'it' : 'them'} and have CMS collect what is owed, ${collect}.`;
  }
  return `${which}: the letter tells CMS of ${n === 1 ? 'it' : 'them'}, and the correct balance it gives includes ${n === 1 ? 'it' : 'them'}. Check ${n === 1 ? 'it' : 'them'} against your own records of payment before you send it.`;
}

/** Whether a letter goes to CMS itself, so that a receiving parent's letter reports the shortfalls it sets out. */
export type Reports = 'reports' | 'does_not_report';

const capitalLines = (numbers: readonly number[]): string => capital(linesRef(numbers));
