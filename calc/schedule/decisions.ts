/**
 * The decisions of a schedule, checked and put in effective-date order, each with its weekly amount (stated, or
 * worked out from the circumstances) and its shares; of two with the same effective date, the later letter stands.
 * @module
 */
import { compareDates, isCivilDate, type CivilDate } from '../dates.ts';
import { InputError } from '../errors.ts';
import { nonNegativeMoney } from '../input.ts';
import { formatMoney, pounds, roundPenny } from '../money.ts';
import type { Reference } from '../parameters.ts';
import { calculateMaintenance, COLLECTION_SERVICES } from '../scheme-2012/calculate.ts';
import { SCHEME_START } from '../scheme-2012/parameters.ts';
import type { Trace } from '../trace.ts';
import { CSA_START, type ResolvedDecision, type ScheduleInput } from './types.ts';
import { SCHEDULE_STEP } from './steps.ts';

const STATED_BEFORE_2012: Reference = {
  title:
    'Child Support Act 1991 s.17(4) (a decision takes effect from its effective date); the 1993 and 2003 schemes are taken at the weekly amount the decision states (Reckoner does not calculate them)',
  href: 'https://www.legislation.gov.uk/ukpga/1991/48/section/17',
};

const EFFECTIVE_DATE: Reference = {
  title: 'Child Support Act 1991 s.17(4); SI 2012/2677 reg 15 (a decision takes effect from its effective date)',
  href: 'https://www.legislation.gov.uk/uksi/2012/2677/regulation/15',
};

/** A date the user gave, checked. */
export function checkDate(field: string, value: unknown): CivilDate {
  if (typeof value !== 'string' || !isCivilDate(value)) {
    throw new InputError(field, `must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** Decisions in effective-date order, each with its weekly amount and shares; same-day duplicates resolved. */
export function resolveDecisions(input: ScheduleInput, trace: Trace): ResolvedDecision[] {
  if (!input.decisions || input.decisions.length === 0) {
    throw new InputError('decisions', 'give at least one decision, each with an effective date and a weekly amount or a calculation');
  }
  const defaultService = input.service ?? 'direct_pay';
  const seen = new Set<string>();
  const resolved = input.decisions.map((d, i): ResolvedDecision & { index: number; statesService: boolean } => {
    const field = `decisions[${i}]`;
    const effectiveDate = checkDate(`${field}.effectiveDate`, d.effectiveDate);
    if (compareDates(effectiveDate, CSA_START) < 0) {
      throw new InputError(
        `${field}.effectiveDate`,
        `${effectiveDate} is before the Child Support Agency began (${CSA_START}); no child support decision takes effect before then`,
      );
    }
    // The 1993 and 2003 schemes are not calculated here: their decisions are taken at the weekly amount they state.
    const historic = compareDates(effectiveDate, SCHEME_START) < 0;
    if (historic && d.calculation !== undefined) {
      throw new InputError(
        `${field}.calculation`,
        `${effectiveDate} is before the 2012 scheme began (${SCHEME_START}), and a schedule works amounts out under the 2012 scheme only (the 1993 scheme is never calculated; calculate_maintenance with scheme "2003" checks a 2003-scheme amount); give weeklyAmount instead, the weekly amount the CSA decision letter states`,
      );
    }
    const letterDate = d.letterDate === undefined ? undefined : checkDate(`${field}.letterDate`, d.letterDate);
    const id = d.id ?? `decision_${i + 1}`;
    if (seen.has(id)) throw new InputError(`${field}.id`, `"${id}" is used twice; give each decision a different id`);
    seen.add(id);
    // A calculation that says how the case is collected is taken at its word.
    const stated = d.calculation?.collection;
    if (d.service !== undefined && stated !== undefined && d.service !== stated) {
      throw new InputError(`${field}.service`, `says ${d.service} but its calculation says ${stated}; give one`);
    }
    const statesService = (d.service ?? stated) !== undefined;
    // A decision that does not say is collected as the one before it (set below, in date order).
    const service = d.service ?? stated ?? defaultService;
    if (!COLLECTION_SERVICES.includes(service))
      throw new InputError(`${field}.service`, `must be one of ${COLLECTION_SERVICES.join(', ')}`);
    if ((d.weeklyAmount === undefined) === (d.calculation === undefined)) {
      throw new InputError(field, 'give either weeklyAmount or calculation (not both, not neither)');
    }
    if (d.weeklyAmount !== undefined) {
      const weekly = roundPenny(nonNegativeMoney(`${field}.weeklyAmount`, d.weeklyAmount));
      return {
        index: i,
        statesService,
        id,
        effectiveDate,
        letterDate,
        service,
        weeklyAmount: weekly,
        shares: [{ receivingParentId: d.receivingParentId ?? 'receiving_parent_1', weekly }],
        superseded: false,
      };
    }
    let result;
    try {
      result = calculateMaintenance({ ...d.calculation!, date: d.calculation!.date ?? effectiveDate });
    } catch (e) {
      if (e instanceof InputError) throw e.within(`${field}.calculation`);
      throw e;
    }
    return {
      index: i,
      statesService,
      id,
      effectiveDate,
      letterDate,
      service,
      weeklyAmount: result.weeklyAmount,
      rate: result.rate,
      shares: result.receivingParents.map((rp) => ({ receivingParentId: rp.id, weekly: rp.weeklyAmount })),
      superseded: false,
    };
  });

  // Effective date first; for the same effective date the later letter stands.
  resolved.sort(
    (a, b) =>
      compareDates(a.effectiveDate, b.effectiveDate) || compareDates(a.letterDate ?? '', b.letterDate ?? '') || a.id.localeCompare(b.id),
  );
  // A decision's service holds from it on: one that does not name its service is collected as the decision before it
  // (the first as the schedule's service). A case moved to Collect and Pay by one decision stays there for the next
  // review's, which need not say so again; before, such a decision went back to Direct Pay.
  let carried = defaultService;
  const inDateOrder = resolved.map((d) => {
    if (d.statesService) carried = d.service;
    return d.statesService ? d : { ...d, service: carried };
  });
  const out: ResolvedDecision[] = [];
  for (let i = 0; i < inDateOrder.length; i++) {
    const d = inDateOrder[i]!;
    const next = inDateOrder[i + 1];
    const { index: _index, statesService: _states, ...decision } = d;
    if (next && next.effectiveDate === d.effectiveDate) {
      if ((next.letterDate ?? '') === (d.letterDate ?? '')) {
        throw new InputError(
          `decisions[${next.index}]`,
          `${d.id} and ${next.id} both take effect on ${d.effectiveDate}${d.letterDate ? ` with letters dated ${d.letterDate}` : ''}; give the letter dates so the later one can stand, or remove one`,
        );
      }
      out.push({ ...decision, superseded: true });
      continue;
    }
    out.push(decision);
  }
  for (const d of out) {
    trace.add(
      SCHEDULE_STEP.decision,
      `${d.id}: ${pounds(d.weeklyAmount)} a week from ${d.effectiveDate}${compareDates(d.effectiveDate, SCHEME_START) < 0 ? ' (CSA scheme, as stated)' : ''}${d.rate ? ` (${d.rate.replace('_', ' ')} rate, calculated)` : ''}` +
        `${d.letterDate ? `, letter dated ${d.letterDate}` : ''}, ${d.service.replace(/_/g, ' ')}` +
        (d.superseded ? ' — replaced by a later letter with the same effective date' : ''),
      d.superseded ? '0.00' : formatMoney(d.weeklyAmount),
      compareDates(d.effectiveDate, SCHEME_START) < 0 ? STATED_BEFORE_2012 : EFFECTIVE_DATE,
    );
  }
  return out;
}
