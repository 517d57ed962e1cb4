/**
 * Stage 6 of reconciliation: the bridge. From CMS's figure to the recomputed one, one line per finding with its
 * signed effect, a line for what has accrued but is not yet due where CMS's ledger already charges it and CMS's figure
 * counts it (not where its figure is the arrears due under the payment plan, which leaves it out) — the figure the
 * balance says is not yet due, with the rounding of the plan's fee on each collection its own line beside it — and whatever
 * remains — CMS's figure against its own entries — as its own line. The lines add up to the difference exactly,
 * by construction and checked: CMS's entries less the recomputed balance must equal the findings' effects, or the
 * reconciliation has a fault and says so rather than print a bridge that does not add up.
 * @module
 */
import { fromPence, type Dec } from '../money.ts';
import type { Balances, Parts } from './balances.ts';
import { addEffects, effectTotal, NO_EFFECT, type Effect } from './draft.ts';
import type { CivilDate } from '../dates.ts';
import {
  explainBroughtForward,
  explainNotPassedOn,
  explainNotYetDue,
  explainPaidAhead,
  explainPlanFeeRounding,
  explainPaidAheadDiffers,
  explainUnexplained,
  uncheckedReason,
  whatPaidAheadPays,
} from './explain.ts';
import type { HeldByCms } from './held.ts';
import type { Claim } from './read.ts';
import type { Basis, Bridge, BridgeLine, BridgeLineKind, ByComponent, Component, Finding } from './types.ts';
import { COMPONENTS } from './types.ts';

const byComponent = (e: Effect): ByComponent<Dec> => ({
  maintenance: fromPence(e.maintenance),
  collectionFees: fromPence(e.fees),
  enforcementCharges: fromPence(e.charges),
});
const minus = (a: Parts, b: Parts): Effect => ({
  maintenance: a.maintenance - b.maintenance,
  fees: a.fees - b.fees,
  charges: a.charges - b.charges,
});
const equal = (a: Effect, b: Effect) => a.maintenance === b.maintenance && a.fees === b.fees && a.charges === b.charges;

/** The lines for what CMS's figure counts that is owed later: what is not yet due, and the rounding of the plan's fee. */
const LATER: ReadonlySet<BridgeLineKind> = new Set(['accrued_not_yet_due', 'plan_fee_rounding']);
/** The lines of what is on its way to CMS at the date: CMS's figure does not include it yet, and is not wrong about it. */
const ON_ITS_WAY: ReadonlySet<BridgeLineKind> = new Set(['deduction_in_transit', 'payment_in_transit']);

/**
 * CMS's claim, part by part, against its entries on a basis: each part CMS gave; a part it did not give is taken to
 * be what its entries say, and the rest of a total it gave goes to the first part it did not give.
 */
function claimedOn(claim: Claim, entries: Parts): Effect {
  const m = claim.maintenance ?? entries.maintenance;
  const f = claim.collectionFees ?? entries.fees;
  const c = claim.enforcementCharges ?? entries.charges;
  const rest = claim.total === undefined ? 0 : claim.total - (m + f + c);
  return claim.maintenance === undefined
    ? { maintenance: m + rest, fees: f, charges: c }
    : claim.collectionFees === undefined
      ? { maintenance: m, fees: f + rest, charges: c }
      : { maintenance: m, fees: f, charges: c + rest };
}

/** How far CMS's claim is from its entries on a basis: the pence its parts are out by, each part counted. */
function distance(claim: Claim, entries: Parts): number {
  const d = minus(claimedOn(claim, entries), entries);
  return Math.abs(d.maintenance) + Math.abs(d.fees) + Math.abs(d.charges);
}

export function buildBridge(
  balances: Balances,
  findings: readonly (Finding & { readonly pence: Effect })[],
  claim: Claim | undefined,
  /** Whether any of CMS's entries was given: with none, its figure cannot be traced to them at all. */
  entriesGiven = true,
  /** Receiving side: each reading of what CMS received and had not passed on by the date (held.ts). */
  held: { readonly readings: readonly HeldByCms[]; readonly asOf: CivilDate; readonly basis: Basis },
  /**
   * With a balance brought forward on D: what the records make owed at the end of D − 1 as due less paid (whole pence),
   * for its line's words; where the lines from D on take part of it (a payment before D that CMS recorded on or after
   * D, say), its words say how much.
   */
  owedThen?: { readonly carried: number; readonly due: number; readonly paid: number },
): Bridge {
  const bf = balances.broughtForward;
  const explained = findings.reduce(
    (a, f) => addEffects(a, f.pence),
    addEffects(addEffects(balances.notYetDueInCms, balances.aheadDiffers), bf?.effect ?? NO_EFFECT),
  );
  const gap = minus(balances.cmsEntries, balances.recomputed);
  if (!equal(explained, gap)) {
    throw new Error(
      `reconciliation does not balance: CMS's entries less the recomputed balance is ${JSON.stringify(gap)} but the findings explain ${JSON.stringify(explained)}`,
    );
  }
  const lines: BridgeLine[] = [];
  // CMS's balance brought forward against what the records make owed the day before: the first line, before those
  // for its entries from that day on. None where the two agree.
  if (bf && !equal(bf.effect, NO_EFFECT)) {
    const worked = owedThen ? owedThen.carried + owedThen.due - owedThen.paid : undefined;
    lines.push({
      kind: 'balance_brought_forward',
      date: bf.date,
      amount: fromPence(effectTotal(bf.effect)),
      effects: byComponent(bf.effect),
      description: explainBroughtForward({
        date: bf.date,
        cms: fromPence(bf.cms),
        owed: fromPence(bf.owed),
        ...(owedThen
          ? {
              due: fromPence(owedThen.carried + owedThen.due),
              ...(owedThen.carried ? { carried: fromPence(owedThen.carried) } : {}),
              paid: fromPence(owedThen.paid),
              laterPart: fromPence(worked! - bf.owed),
            }
          : {}),
      }),
    });
  }
  lines.push(
    ...findings.map((f) => ({
      kind: f.kind,
      findingId: f.id,
      date: f.date,
      amount: f.effect,
      effects: f.effects,
      description: f.explanation,
    })),
  );
  // The part of the payments in question that pays what is not yet due, not the balance now (balances.ts).
  if (!equal(balances.aheadDiffers, NO_EFFECT)) {
    const amount = fromPence(effectTotal(balances.aheadDiffers));
    const onRecord = effectTotal(balances.cmsRecordAhead);
    lines.push({
      kind: 'paid_ahead_differs',
      amount,
      effects: byComponent(balances.aheadDiffers),
      description: explainPaidAheadDiffers(amount, fromPence(onRecord), fromPence(onRecord - effectTotal(balances.aheadDiffers))),
    });
  }
  const entries = balances.cmsEntries;
  const notYetDue = balances.notYetDueInCms;
  // Where CMS's entries charge each period as it accrues, they hold liability the payment plan has not yet made due
  // (notYetDue). CMS can state its figure on either basis (cms-accounts.md §3: the initial or backdated amount is
  // collected through the plan, and "a parent who pays every plan instalment is not in arrears, though liability has
  // accrued that is not yet due"):
  // - all accrued: its entries as they stand. Its figure then counts what is not yet due, and that is a line.
  // - due under the plan: its entries less what is not yet due. Its figure already leaves that out, rightly, and no
  //   line is needed for it: a line saying CMS counted it, with an "unexplained" line taking it back, would tell CMS
  //   something false (MCP audit 2, finding 1: £665.06 = £864.09 of entries − £199.03 not yet due).
  // CMS's figure is on the basis it is nearer to, part by part: equal to one, nothing is left over; equal to neither,
  // the smaller remainder is the line its entries do not explain; a tie keeps its entries as they stand.
  const planDue = minus(entries, notYetDue);
  const onPlan = claim !== undefined && !equal(notYetDue, NO_EFFECT) && distance(claim, planDue) < distance(claim, entries);
  const base = onPlan ? planDue : entries;
  if (!onPlan && !equal(notYetDue, NO_EFFECT)) {
    // Where the plan works the paying parent's fee on each collection, what is not yet due counts the fee so (the
    // schedule's and the balance's figure); CMS's entries charge it period by period: two lines, so that what is not
    // yet due is one figure wherever it is said. Before (journey probe, story 4), the one line said £185.66 beside the
    // balance's "a further £185.71 has accrued but is not yet due".
    const rounding: Effect = { ...NO_EFFECT, fees: -balances.feeOnCollectionsInCms };
    const later = minus(notYetDue, rounding);
    if (!equal(later, NO_EFFECT)) {
      lines.push({
        kind: 'accrued_not_yet_due',
        amount: fromPence(effectTotal(later)),
        effects: byComponent(later),
        description: explainNotYetDue(fromPence(effectTotal(later))),
      });
    }
    if (!equal(rounding, NO_EFFECT)) {
      lines.push({
        kind: 'plan_fee_rounding',
        amount: fromPence(effectTotal(rounding)),
        effects: byComponent(rounding),
        description: explainPlanFeeRounding(fromPence(effectTotal(rounding))),
      });
    }
  }
  // What CMS claims against what its entries add up to (on the basis chosen): by component where it gave them, else
  // all together.
  // Paying side: CMS's figure keeping what was paid ahead of the plan as a credit, where the recomputed balance sets it
  // against what is not yet due (balances.ts): a difference of basis, its own line, in nobody's favour.
  const aheadBase = minus(base, balances.cmsAhead);
  const keptAhead = claim !== undefined && !equal(balances.cmsAhead, NO_EFFECT) && distance(claim, aheadBase) < distance(claim, base);
  const compared = keptAhead ? aheadBase : base;
  if (keptAhead) {
    const negated = minus(NO_EFFECT, balances.cmsAhead);
    const kept = fromPence(effectTotal(balances.cmsAhead));
    // Of it, what pays the instalments due just after the date, paid before they fell due (balances.ts aheadOfNext).
    const early = Math.min(effectTotal(balances.aheadOfNext), effectTotal(balances.cmsAhead));
    const next = early > 0 ? { amount: fromPence(early), dueDates: balances.dueSoonDates } : undefined;
    lines.push({
      kind: 'paid_ahead',
      amount: fromPence(effectTotal(negated)),
      effects: byComponent(negated),
      description: next ? explainPaidAhead(kept, whatPaidAheadPays(kept, next)) : explainPaidAhead(kept),
    });
  }
  const claimed = claim ? claimedOn(claim, compared) : undefined;
  let unexplained = claimed ? minus(claimed, compared) : NO_EFFECT;
  const from = claimed ? effectTotal(claimed) : effectTotal(entries);
  // On the receiving side, CMS's figure lower than its entries by exactly what it received from the paying parent and
  // had not passed on: its figure is his arrears, which count that money as paid. The line says so, in nobody's favour.
  const kept = unexplained.maintenance < 0 ? held.readings.find((h) => h.amount === -unexplained.maintenance) : undefined;
  if (kept) {
    unexplained = { ...unexplained, maintenance: 0 };
    const receipts = kept.receipts.map((x) => ({
      cmsEntryId: x.cmsEntryId,
      date: x.date,
      amount: fromPence(x.pence),
      notPassedOn: fromPence(x.notPassedOn),
      part: x.part,
    }));
    lines.push({
      kind: 'received_not_passed_on',
      amount: fromPence(-kept.amount),
      effects: byComponent({ maintenance: -kept.amount, fees: 0, charges: 0 }),
      description: explainNotPassedOn(fromPence(kept.amount), receipts, held.asOf, held.basis),
    });
  }
  if (!equal(unexplained, NO_EFFECT)) {
    const amount = fromPence(effectTotal(unexplained));
    lines.push({
      kind: 'unexplained',
      amount,
      effects: byComponent(unexplained),
      description: explainUnexplained(
        amount,
        fromPence(effectTotal(entries)),
        fromPence(from),
        balances.cmsFilledIn !== 0,
        byComponent(unexplained),
        entriesGiven,
        onPlan ? { notYetDue: fromPence(effectTotal(notYetDue)), entriesDue: fromPence(effectTotal(planDue)) } : undefined,
      ),
    });
  }

  const pence = (d: Dec) => d.times(100).toNumber();
  // Payments CMS has no record of in what was given, where what was given could not show it (none of its account, or
  // none after the date for one made just before it): not shown to be errors of CMS's record.
  const unchecked = findings.filter((f) => f.kind === 'payment_missing_from_cms' && uncheckedReason(f.facts.reason));
  const uncheckedIds = new Set(unchecked.map((f) => f.id));
  const notCheckedLines = lines.filter((l) => l.findingId !== undefined && uncheckedIds.has(l.findingId));
  // Of those, one made just before the date may be on its way, as a payment CMS records after it is: CMS's figure is
  // then not wrong about it, so it is in nobody's favour (a meaning probe of 6 December 2026: a letter said "Both items
  // make your figure too high, by £520.00", one of them such a payment). One made long before, where none of CMS's
  // account was given, still makes its figure too high: it was paid, whatever CMS recorded.
  const maybeOnItsWay = new Set(unchecked.filter((f) => f.facts.reason === 'too_recent_to_check').map((f) => f.id));
  const tooRecentLines = notCheckedLines.filter((l) => maybeOnItsWay.has(l.findingId!));
  const totalOf = (ls: readonly BridgeLine[]) => ls.reduce((a, l) => a + pence(l.amount), 0);
  const subtotals = new Map<BridgeLineKind, { count: number; amount: number }>();
  const forPaying = { lines: [] as number[], amount: 0 };
  const forReceiving = { lines: [] as number[], amount: 0 };
  for (const [i, l] of lines.entries()) {
    const s = subtotals.get(l.kind) ?? { count: 0, amount: 0 };
    subtotals.set(l.kind, { count: s.count + 1, amount: s.amount + pence(l.amount) });
    // With none of CMS's entries, what they do not explain is all that nothing shows: not a line that makes CMS's
    // figure wrong either way, so in nobody's favour (a letter said "one item makes it too low, by £586.00, in the
    // other parent's favour" for the remainder of a figure no entry was given for).
    if (l.kind === 'unexplained' && !entriesGiven) continue;
    if (l.findingId !== undefined && maybeOnItsWay.has(l.findingId)) continue;
    // A deduction still in time to reach CMS: its figure does not include it yet, and is not wrong about it. Money
    // CMS received and has not passed on: the paying parent paid it, so it is not his arrears, and CMS owes it to her.
    if (
      l.kind === 'deduction_in_transit' ||
      l.kind === 'payment_in_transit' ||
      l.kind === 'received_not_passed_on' ||
      l.kind === 'paid_ahead' ||
      l.kind === 'paid_ahead_differs' ||
      l.kind === 'plan_fee_rounding' ||
      // Liability CMS's figure counts that has accrued and is not yet due is owed, later: its figure is not wrong about
      // it, in nobody's favour (a meaning probe of 6 December 2026: "Both items make your figure too high, by £122.00
      // in all, in my favour", £104.00 of it the initial amount still to fall due).
      l.kind === 'accrued_not_yet_due'
    )
      continue;
    const a = pence(l.amount);
    const side = a > 0 ? forPaying : a < 0 ? forReceiving : undefined;
    if (side) {
      side.lines.push(i);
      side.amount += a;
    }
  }
  const to = effectTotal(balances.recomputed);
  // What is not yet due, with the rounding of the plan's fee beside it: what CMS's figure counts that is owed later.
  const laterLines = lines.filter((l) => LATER.has(l.kind));
  const later = laterLines.reduce((a, l) => a + pence(l.amount), 0);
  // On its way to CMS at the date: deductions still in time to be paid over, and payments it recorded after the date.
  const deductions = subtotals.get('deduction_in_transit');
  const payments = subtotals.get('payment_in_transit');
  const transit =
    deductions || payments
      ? { count: (deductions?.count ?? 0) + (payments?.count ?? 0), amount: (deductions?.amount ?? 0) + (payments?.amount ?? 0) }
      : undefined;
  // How far CMS's figure is out once what is on its way has arrived, beside what is owed later.
  const outOnceArrived = from - to - (transit?.amount ?? 0) - later;
  const sum = lines.reduce((a, l) => a + pence(l.amount), 0);
  if (sum !== from - to) throw new Error(`the bridge does not add up: its lines come to ${sum} pence, the difference is ${from - to}`);
  const componentKeys = { maintenance: 'maintenance', collection_fees: 'fees', enforcement_charges: 'charges' } as const;
  const effectOn = (l: BridgeLine, component: Component): Dec =>
    component === 'maintenance'
      ? l.effects.maintenance
      : component === 'collection_fees'
        ? l.effects.collectionFees
        : l.effects.enforcementCharges;
  const h = balances.cms;
  const historic =
    h.opening !== 0 || h.writtenOff !== 0 || h.secretaryOfState !== 0 || balances.opening !== 0 || balances.writtenOff !== 0
      ? { openingBalance: fromPence(h.opening), writtenOff: fromPence(h.writtenOff), secretaryOfState: fromPence(h.secretaryOfState) }
      : undefined;
  return {
    from: fromPence(from),
    fromLabel: claim ? 'cms_claim' : 'cms_entries',
    ...(kept
      ? {
          notPassedOn: {
            amount: fromPence(kept.amount),
            receipts: kept.receipts.map((x) => ({
              cmsEntryId: x.cmsEntryId,
              date: x.date,
              amount: fromPence(x.pence),
              notPassedOn: fromPence(x.notPassedOn),
            })),
          },
        }
      : {}),
    ...(onPlan ? { notYetDueLeftOut: { amount: fromPence(effectTotal(notYetDue)), entriesDue: fromPence(effectTotal(planDue)) } } : {}),
    ...(bf
      ? { broughtForward: { date: bf.date, cms: fromPence(bf.cms), owed: fromPence(bf.owed), difference: fromPence(bf.cms - bf.owed) } }
      : {}),
    ...(historic ? { historic } : {}),
    to: fromPence(to),
    difference: fromPence(from - to),
    lines,
    subtotals: [...subtotals.entries()].map(([kind, s]) => ({ kind, count: s.count, amount: fromPence(s.amount) })),
    inTransit: { count: transit?.count ?? 0, amount: fromPence(transit?.amount ?? 0) },
    ...(notCheckedLines.length > 0 ? { notChecked: { count: notCheckedLines.length, amount: fromPence(totalOf(notCheckedLines)) } } : {}),
    ...(tooRecentLines.length > 0
      ? {
          tooRecent: {
            count: tooRecentLines.length,
            amount: fromPence(totalOf(tooRecentLines)),
            differenceBeside: fromPence(from - to - totalOf(tooRecentLines)),
          },
        }
      : {}),
    // Neither what is on its way nor what is owed later is an error of CMS's: each figure of what is out leaves out both
    // (a meaning probe of 6 December 2026: "Your figure is £721.30 too high beside what has accrued and is not yet due",
    // £360.65 of it a deduction still in time to reach CMS; "Once it arrives, CMS's figure is £555.19 too high", £194.54
    // of it not yet due).
    differenceOnceArrived: fromPence(outOnceArrived),
    ...(laterLines.length > 0 ? { differenceBesideNotYetDue: fromPence(outOnceArrived), owedLater: fromPence(later) } : {}),
    components: COMPONENTS.map((component) => {
      const k = componentKeys[component];
      const given =
        component === 'maintenance'
          ? claim?.maintenance
          : component === 'collection_fees'
            ? claim?.collectionFees
            : claim?.enforcementCharges;
      const toC = balances.recomputed[k];
      return {
        component,
        ...(given !== undefined ? { from: fromPence(given) } : {}),
        to: fromPence(toC),
        amount: fromPence(lines.reduce((a, l) => a + pence(effectOn(l, component)), 0)),
        explained: fromPence(lines.reduce((a, l) => (l.kind === 'unexplained' ? a : a + pence(effectOn(l, component))), 0)),
        besideNotYetDue: fromPence(
          lines.reduce((a, l) => (LATER.has(l.kind) || ON_ITS_WAY.has(l.kind) ? a : a + pence(effectOn(l, component))), 0),
        ),
      };
    }),
    inPayingParentsFavour: { count: forPaying.lines.length, lines: forPaying.lines, amount: fromPence(forPaying.amount) },
    inReceivingParentsFavour: { count: forReceiving.lines.length, lines: forReceiving.lines, amount: fromPence(-forReceiving.amount) },
  };
}
