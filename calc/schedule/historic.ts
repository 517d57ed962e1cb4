/**
 * Balances carried from before the schedule and taken off it: the arrears a CSA case carried to CMS when it closed
 * (the opening balance), arrears written off, and the part of the arrears owed to the Secretary of State. Each is
 * its own figure with its own trace step, never merged into what the decisions make due.
 *
 * Rules (and where they come from):
 * - A CSA (1993 or 2003 scheme) case closed under the case-closure regulations; arrears on it stay owed and are
 *   collected by CMS (SI 2014/1386). Reckoner takes the arrears carried over at the figure stated, on the closure
 *   date, and every decision of the schedule must take effect on or after it (the opening balance stands for
 *   everything before).
 * - Arrears may be written off (1991 Act s.41E; SI 2009/3151 Part 4B, regs 13F–13H): they stop being owed. A
 *   write-off is not a payment. The write-off exercise for CSA arrears from December 2018 uses the same power.
 * - Arrears owed to different persons are separate amounts (SI 2009/3151 reg 13F): arrears owed to the Secretary
 *   of State are owed by the paying parent but not to the receiving parent.
 * @module
 */
import { compareDates, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { nonNegativeMoney } from '../input.ts';
import { CREDITORS } from '../ledger/entries.ts';
import { formatMoney, money as readMoney, pounds, roundPenny, ZERO, type Dec as Decimal, type MoneyInput } from '../money.ts';
import type { Reference } from '../parameters.ts';
import type { Trace } from '../trace.ts';
import { checkDate } from './decisions.ts';
import { SCHEDULE_STEP } from './steps.ts';
import { CSA_START, WRITE_OFF_REASONS, type Historic, type ResolvedDecision, type ScheduleInput, type WriteOffReason } from './types.ts';

/** Most write-offs one schedule takes. */
export const MAX_WRITE_OFFS = 100;

export const HISTORIC_LAW = {
  openingBalance: {
    title:
      'Child Support (Ending Liability in Existing Cases and Transition to New Calculation Rules) Regulations 2014 (SI 2014/1386): a CSA case closes and its arrears stay owed, collected by CMS; taken at the figure stated',
    href: 'https://www.legislation.gov.uk/uksi/2014/1386/contents',
  },
  s41e: {
    title: 'Child Support Act 1991 s.41E; SI 2009/3151 Part 4B regs 13F–13H (arrears written off are no longer owed; not a payment)',
    href: 'https://www.legislation.gov.uk/ukpga/1991/48/section/41E',
  },
  write_off_exercise: {
    title:
      'Child Support Act 1991 s.41E; SI 2009/3151 Part 4B as extended in December 2018 for CSA arrears (the write-off exercise; House of Commons Library briefing CBP-7776)',
    href: 'https://commonslibrary.parliament.uk/research-briefings/cbp-7776/',
  },
  secretaryOfState: {
    title:
      'SI 2009/3151 reg 13F (arrears payable to different persons are separate amounts): arrears owed to the Secretary of State are not owed to the receiving parent',
    href: 'https://www.legislation.gov.uk/uksi/2009/3151/part/4B',
  },
} as const satisfies Record<string, Reference>;

function money(field: string, value: MoneyInput): Decimal {
  try {
    return readMoney(value);
  } catch (e) {
    throw new InputError(field, (e as Error).message);
  }
}

const text = (field: string, v: unknown): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > 300) throw new InputError(field, 'must be text of at most 300 characters');
  return v.trim() || undefined;
};

/**
 * Reads the opening balance and the write-offs, checks them against the decisions, and writes their trace steps.
 * Undefined when neither was given.
 *
 * @throws {InputError} for bad input, naming the field.
 */
export function readHistoric(
  input: ScheduleInput,
  decisions: readonly ResolvedDecision[],
  asOf: CivilDate,
  totalDue: Decimal,
  trace: Trace,
): Historic | undefined {
  const o = input.openingBalance;
  const w = input.writeOffs;
  if (o === undefined && (w === undefined || w.length === 0)) return undefined;
  let openingBalance: Historic['openingBalance'];
  if (o !== undefined) {
    if (o === null || typeof o !== 'object') throw new InputError('openingBalance', 'must be an object with date and amount');
    const date = checkDate('openingBalance.date', o.date);
    if (compareDates(date, CSA_START) < 0)
      throw new InputError('openingBalance.date', `must be on or after ${CSA_START}, when the CSA began`);
    if (compareDates(date, asOf) > 0) throw new InputError('openingBalance.date', `${date} is after asOf (${asOf})`);
    const early = decisions.find((d) => compareDates(d.effectiveDate, date) < 0);
    if (early) {
      const index = input.decisions.findIndex((d, i) => (d.id ?? `decision_${i + 1}`) === early.id);
      throw new InputError(
        `decisions[${index}].effectiveDate`,
        `${early.effectiveDate} is before the opening balance's date ${date}, which stands for everything owed before it; give decisions from ${date} on, or leave openingBalance out and give the whole history`,
      );
    }
    const amount = roundPenny(money('openingBalance.amount', o.amount));
    const sos =
      o.secretaryOfState === undefined ? ZERO : roundPenny(nonNegativeMoney('openingBalance.secretaryOfState', o.secretaryOfState));
    if (sos.gt(amount.abs()) || (sos.gt(0) && amount.lte(0))) {
      throw new InputError('openingBalance.secretaryOfState', `${pounds(sos)} is more than the arrears carried over (${pounds(amount)})`);
    }
    const source = text('openingBalance.source', o.source);
    openingBalance = { date, amount, secretaryOfState: sos, ...(source ? { source } : {}) };
  }
  if (w !== undefined && !Array.isArray(w)) throw new InputError('writeOffs', 'must be a list of { date, amount, reason }');
  if (w !== undefined && w.length > MAX_WRITE_OFFS)
    throw new InputError('writeOffs', `at most ${MAX_WRITE_OFFS} write-offs in one schedule`);
  const writeOffs = (w ?? [])
    .map((x, i) => {
      const field = `writeOffs[${i}]`;
      if (x === null || typeof x !== 'object') throw new InputError(field, 'must be an object with date and amount');
      const date = checkDate(`${field}.date`, x.date);
      if (compareDates(date, CSA_START) < 0) throw new InputError(`${field}.date`, `must be on or after ${CSA_START}, when the CSA began`);
      const amount = roundPenny(nonNegativeMoney(`${field}.amount`, x.amount));
      if (amount.isZero()) throw new InputError(`${field}.amount`, 'must be more than £0.00; leave the write-off out otherwise');
      const reason: WriteOffReason = x.reason ?? 's41e';
      if (!WRITE_OFF_REASONS.includes(reason)) throw new InputError(`${field}.reason`, `must be one of ${WRITE_OFF_REASONS.join(', ')}`);
      const creditor = x.creditor ?? 'receiving_parent';
      if (!CREDITORS.includes(creditor)) throw new InputError(`${field}.creditor`, `must be one of ${CREDITORS.join(', ')}`);
      const source = text(`${field}.source`, x.source);
      return { id: `write_off_${i + 1}`, date, amount, reason, creditor, ...(source ? { source } : {}) };
    })
    .filter((x) => compareDates(x.date, asOf) <= 0)
    .sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id));

  const zero = ZERO;
  const writtenOff = writeOffs.reduce((a, x) => a.plus(x.amount), zero);
  const sosWrittenOff = writeOffs.filter((x) => x.creditor === 'secretary_of_state').reduce((a, x) => a.plus(x.amount), zero);
  const sosOpening = openingBalance?.secretaryOfState ?? zero;
  if (sosWrittenOff.gt(sosOpening) && sosOpening.gt(0)) {
    throw new InputError(
      'writeOffs',
      `${pounds(sosWrittenOff)} of the Secretary of State's arrears written off, but only ${pounds(sosOpening)} was owed`,
    );
  }
  const secretaryOfState = sosOpening.minus(sosWrittenOff).lt(0) ? zero : sosOpening.minus(sosWrittenOff);
  const owed = (openingBalance?.amount ?? zero).plus(totalDue).minus(writtenOff);

  if (openingBalance) {
    trace.add(
      SCHEDULE_STEP.openingBalance,
      `Opening balance ${pounds(openingBalance.amount)} carried over on ${openingBalance.date}${openingBalance.source ? ` (${openingBalance.source})` : ''}` +
        (openingBalance.secretaryOfState.gt(0)
          ? `, of which ${pounds(openingBalance.secretaryOfState)} is owed to the Secretary of State`
          : '') +
        ': taken as stated, apart from what the decisions make due',
      formatMoney(openingBalance.amount),
      HISTORIC_LAW.openingBalance,
    );
  }
  for (const x of writeOffs) {
    trace.add(
      SCHEDULE_STEP.writeOff,
      `${pounds(x.amount)} of the ${x.creditor === 'secretary_of_state' ? "Secretary of State's" : "receiving parent's"} arrears written off on ${x.date}` +
        `${x.reason === 'write_off_exercise' ? ' in the CSA arrears write-off exercise' : ' (1991 Act s.41E)'}${x.source ? ` (${x.source})` : ''}: no longer owed, and not a payment`,
      formatMoney(x.amount.negated()),
      HISTORIC_LAW[x.reason],
    );
  }
  if (secretaryOfState.gt(0) || sosWrittenOff.gt(0)) {
    trace.add(
      SCHEDULE_STEP.secretaryOfState,
      `Arrears owed to the Secretary of State: ${pounds(sosOpening)}${sosWrittenOff.gt(0) ? ` − ${pounds(sosWrittenOff)} written off` : ''} = ${pounds(secretaryOfState)}; owed by the paying parent, not to the receiving parent`,
      formatMoney(secretaryOfState),
      HISTORIC_LAW.secretaryOfState,
    );
  }
  return { ...(openingBalance ? { openingBalance } : {}), writeOffs, writtenOff, secretaryOfState, owed };
}
