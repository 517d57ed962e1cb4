/**
 * Drafting a letter: check the facts and the computations the letter's figures need (refusing with every
 * problem at once), run the calculator and the reconciliation, take the deadlines the letter starts from the
 * deadline tables, compose the letter, and render it to Markdown and plain text (PDF: `render/pdf.ts`).
 * @module
 */
import { isCivilDate, toDayNumber, type CivilDate } from '../calc/dates.ts';
import { whatPaidAheadPays } from '../calc/reconcile/explain.ts';
import { OutsideHolidayTablesError } from '../calc/deadlines/index.ts';
import { InputError } from '../calc/errors.ts';
import { pounds } from '../calc/money.ts';
import type { Balance, Bridge } from '../calc/reconcile/types.ts';
import type { TraceStep } from '../calc/trace.ts';
import { LETTERS } from './catalogue/index.ts';
import { deadlinesFor, LETTER_CLOCKS, NATIONS, postedArrival, replyDeadline, type Nation } from './deadlines.ts';
import { describeFact, factFields, type FactField } from './describe.ts';
import { LetterInputError, type LetterProblem } from './errors.ts';
import { CONTACT_CHANNELS } from './facts.ts';
import {
  allOverdue,
  compute,
  evidenceSourceWords,
  overdueBy,
  reachByOf,
  lineKind,
  namedParts,
  claimReadAsParts,
  leftOutWords,
  reconciliationStatement,
  type ComputationInputs,
  type Computed,
  type ComputedReconciliation,
} from './figures.ts';
import { count, joinAnd, longDate, SERVICE_NAMES } from './format.ts';
import { renderMarkdown } from './render/markdown.ts';
import { renderText } from './render/text.ts';
import type {
  Block,
  ComposeContext,
  ComputedInput,
  DraftedLetter,
  Figure,
  LetterDocument,
  LetterSpec,
  SendBy,
  SenderRole,
  StatementSummary,
} from './types.ts';

export interface DraftInput extends ComputationInputs {
  /** The letter type (`mandatory_reconsideration`) or its id (`L03`). */
  readonly type: string;
  readonly facts: unknown;
  readonly nation?: Nation;
  /** The date the letter is dated and sent. */
  readonly sentOn: CivilDate;
}

/** A letter type by its snake_case name or its id (L01–L24), or a clear refusal listing every valid type. */
export function findLetter(type: string): LetterSpec {
  const wanted = typeof type === 'string' ? type.trim() : '';
  const spec = LETTERS.find((l) => l.type === wanted || l.id === wanted.toUpperCase());
  if (!spec) {
    throw new InputError(
      'type',
      `${JSON.stringify(type)} is not a letter type. Choose one of: ${LETTERS.map((l) => `${l.type} (${l.id})`).join(', ')}`,
    );
  }
  return spec;
}

const INPUT_WORDS: Record<ComputedInput, string> = {
  calculation: 'a calculate_maintenance input with the right circumstances',
  cmsCalculation: 'a calculate_maintenance input with the circumstances CMS used, as its decision letter states them',
  reconciliation: 'a reconcile_ledger input: the decisions, CMS’s entries and your bank statement',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), 'facts');
}

/** The facts, parsed; or the problems with them, each missing one with what it is. */
function readFacts(spec: LetterSpec, raw: unknown): { facts?: Record<string, unknown>; problems: LetterProblem[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [{ field: 'facts', message: `must be an object with the ${spec.type} facts (list_letter_types lists them)` }],
    };
  }
  const fields = factFields(spec.facts);
  const problems: LetterProblem[] = [];
  const parsed = spec.facts.safeParse(raw);
  if (!parsed.success) {
    // A value of the wrong type also fails that type's own checks (an address given as text is "more than 7 lines"
    // by its length): only the wrong type is said.
    const wrongType = new Set(parsed.error.issues.filter((i) => i.code === 'invalid_type').map((i) => pathText(i.path)));
    for (const issue of parsed.error.issues) {
      const field = pathText(issue.path);
      if (issue.code !== 'invalid_type' && wrongType.has(field)) continue;
      // Left out: a required value (invalid_type) or one of a list (an enum: invalid_value) alike.
      const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(raw, issue.path) === undefined;
      const what = describeFact(
        fields,
        issue.path
          .map(String)
          .join('.')
          .replace(/\.(\d+)(?=\.|$)/g, '[$1]'),
      );
      const choices = issue.code === 'invalid_value' ? issue.values.map(String) : [];
      // An enum's values, unless its description already names them all.
      const oneOf = choices.length > 0 && !choices.every((c) => what?.includes(c)) ? `one of ${choices.join(', ')}` : '';
      // An object (or a list of objects) left out or given as something else: what it must hold, field by field.
      const shape = issue.code === 'invalid_type' ? shapeWords(fields, issue.path) : undefined;
      const missingWords = [what, shape ?? oneOf].filter(Boolean).join(': ');
      const given = valueAt(raw, issue.path);
      problems.push({
        field,
        message: missing
          ? `is missing${missingWords ? ` — ${missingWords}` : ''}`
          : shape
            ? `must be ${shape}, not ${Array.isArray(given) ? 'a list' : typeof given === 'string' ? 'text' : `a ${typeof given}`}`
            : issue.message,
      });
    }
  }
  // Cross-field facts zod cannot see while other fields fail: the sender's address, or that it is withheld.
  const sender = (raw as Record<string, unknown>)['sender'];
  if (sender && typeof sender === 'object') {
    const s = sender as Record<string, unknown>;
    if (s['address'] === undefined && s['addressWithheld'] === undefined) {
      problems.push({
        field: 'facts.sender.address',
        message:
          'is missing — your own postal address, one line each ending with the postcode; or set addressWithheld: true if it must not appear on the letter',
      });
    } else if (s['address'] !== undefined && s['addressWithheld'] === true) {
      problems.push({ field: 'facts.sender.addressWithheld', message: 'give your address or withhold it, not both' });
    }
  }
  return parsed.success ? { facts: parsed.data as Record<string, unknown>, problems } : { problems };
}

/**
 * What an object fact (or a list of objects) must hold, field by field: "an object with name and address (name:
 * The court’s name …; address: …)". A journey probe, story 5: `facts.court` left out was "is missing — The court the
 * appeal goes to", and given as text "Invalid input: expected object, received string": neither named court.name nor
 * court.address. Undefined for a fact that is neither.
 */
function shapeWords(fields: readonly FactField[], path: readonly PropertyKey[]): string | undefined {
  const at = path
    .map(String)
    .join('.')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]')
    .replace(/\[\d+\]/g, '[]');
  const field = fields.find((f) => f.field === at);
  if (!field || (field.type !== 'object' && field.type !== 'array')) return undefined;
  const inner = field.type === 'array' ? `${at}[].` : `${at}.`;
  const children = fields.filter((f) => f.field.startsWith(inner) && !f.field.slice(inner.length).includes('.'));
  if (children.length === 0) return undefined;
  const name = (c: FactField) => c.field.slice(inner.length);
  const each = children.map((c) => `${name(c)}${c.required ? '' : ' (optional)'}: ${c.description}`).join('; ');
  return `${field.type === 'array' ? 'a list of objects, each' : 'an object'} with ${joinAnd(children.map(name))} (${each})`;
}

function checkInputs(spec: LetterSpec, input: DraftInput, facts: Record<string, unknown> | undefined): LetterProblem[] {
  const problems: LetterProblem[] = [];
  for (const key of ['calculation', 'cmsCalculation', 'reconciliation'] as const) {
    const use = spec.inputs[key];
    const given = input[key] !== undefined;
    if (!use && given) {
      problems.push({
        field: key,
        message: `the ${spec.type} letter quotes no figures from ${key === 'cmsCalculation' ? 'CMS’s calculation' : `a ${key}`}; leave it out`,
      });
      continue;
    }
    if (!use || given) continue;
    const because = use.use === 'required' ? use.why : facts && use.requiredWhen?.(facts);
    if (because) {
      problems.push({
        field: key,
        message:
          `is missing — the letter quotes ${because}, and every figure must come from a computed result, never typed in. ` +
          `Give ${key} (${INPUT_WORDS[key]})`,
      });
    }
  }
  return problems;
}

/** A reconciliation as at more days than this before the letter's date is said to be old (about two months). */
const STALE_DAYS = 62;

/**
 * A letter that needs the balance one way (an overpayment to ask back, arrears to collect or to offer a plan for) where
 * the reconciliation shows the other: a refusal whatever the facts say.
 */
function positionProblems(spec: LetterSpec, r: ComputedReconciliation): LetterProblem[] {
  const needs = spec.reconciliationNeeds;
  const result = r.result;
  // Arrears worked out with payments set aside that may be maintenance (no bankFilter; calc/reconcile/payees.ts): a
  // letter accepting them, or asking CMS to collect them, would state as the evidence's fact that nothing was paid (a
  // journey probe's weekly payer was to sign "I accept that I owe £1,560.00 … paid £0.00" having paid every £60).
  const aside = result.setAside;
  if (needs?.position === 'arrears' && result.balance.position === 'arrears' && aside && aside.count > 0) {
    const payees = joinAnd(aside.payees.map((p) => `“${p.description}”`));
    return [
      {
        field: 'reconciliation.bankFilter',
        message:
          `is not given, and ${count(aside.count, 'payment')} to ${payees} totalling ${pounds(aside.total)}, whose amounts fit the schedule, ` +
          'were set aside as not maintenance payments, so the arrears this letter would state may not be owed. Reconcile again with ' +
          'bankFilter.descriptionContains naming the payee the maintenance went to (reconcile_case bankFilter): the payments are then counted, or left out, as you say',
      },
    ];
  }
  if (!needs?.position || result.balance.position === needs.position) return [];
  const b = result.balance;
  return [
    {
      field: 'reconciliation',
      message:
        needs.position === 'overpaid'
          ? `shows no overpayment (the balance worked out on ${b.asOf} is ${workedOut(b)}), so there is nothing to ask to have repaid` +
            (b.position === 'arrears' ? '. For arrears you accept, arrears_payment_plan offers a plan' : '')
          : result.side === 'receiving'
            ? `shows no arrears (the balance worked out on ${b.asOf} is ${workedOut(b)}), so there are no missed payments to ask CMS to collect`
            : `shows no arrears (the balance worked out on ${b.asOf} is ${workedOut(b)}), so there are no arrears to offer a plan for` +
              (b.position === 'overpaid' ? '. To ask for the overpayment back, use overpayment_refund' : ''),
    },
  ];
}

/**
 * Before the facts are read: where the letter needs the balance one way and the reconciliation given shows the other,
 * that refusal alone (a journey probe, F13: L19 asked for `preference` before saying there was nothing to refund). A
 * reconciliation that cannot be worked out is left to the checks after the facts, which name its problem.
 */
function earlyPositionProblems(spec: LetterSpec, input: DraftInput, sentOn: CivilDate): LetterProblem[] {
  if (!spec.reconciliationNeeds?.position || !input.reconciliation) return [];
  let r: ComputedReconciliation | undefined;
  try {
    r = overdueBy(compute({ reconciliation: input.reconciliation }, sentOn), sentOn).reconciliation;
  } catch {
    return [];
  }
  return r ? positionProblems(spec, r) : [];
}

function checkReconciliation(spec: LetterSpec, computed: Computed, facts: Record<string, unknown>, sentOn: CivilDate): LetterProblem[] {
  const needs = spec.reconciliationNeeds;
  const r = computed.reconciliation;
  if (!needs || !r) return [];
  const problems: LetterProblem[] = [];
  const result = r.result;
  // A deduction the reconciliation found still in time to reach CMS (by its date) whose time has run out by the
  // letter's: the letter says CMS's statement to that date could not yet show it and asks CMS to confirm it credited
  // (figures.ts `overdueBy`; a journey probe, story 5: refused here, the parent retyped CMS's figure dated today and the
  // letter said CMS gave it for a day it did not). Beside deductions still in time, or payments recorded after the
  // date, the letter's sentences would mix the two: whether CMS received it must then be checked as of a later date.
  const overdue = r.overdue ?? [];
  if (overdue.length > 0 && !allOverdue(r)) {
    const first = overdue[0]!;
    problems.push({
      field: 'reconciliation.schedule.asOf',
      message:
        `is ${longDate(result.asOf)}: ${overdue.length === 1 ? 'a deduction' : `${overdue.length} deductions`} from pay (the first of ${longDate(first.date)}, with until ${longDate(reachByOf(first))} to reach CMS) ${overdue.length === 1 ? 'was' : 'were'} still in time then, but not by this letter's date (${longDate(sentOn)}), beside other money then on its way to CMS that the letter would word the same way. ` +
        'Reconcile again as of a later date, with CMS’s statement to that date (reconcile_case with a later asOf and cmsClaim; or reconciliation.schedule.asOf), so that whether CMS received it is checked',
    });
  }
  if (needs.side && result.side !== needs.side) {
    problems.push({
      field: 'reconciliation.side',
      message: `must be "${needs.side}": the ${spec.type} letter is the ${needs.side} parent’s, and works from their bank statement; this reconciliation is from the ${result.side} parent’s side (a stored case’s side is the one it was made with)`,
    });
  }
  const lastLine = result.schedule.lines.at(-1);
  const service = lastLine?.service ?? result.schedule.decisions.filter((d) => !d.superseded).at(-1)?.service;
  if (needs.service && service !== undefined && service !== needs.service.is) {
    problems.push({
      field: 'reconciliation.schedule.service',
      message:
        `is ${SERVICE_NAMES[service]}${lastLine ? ` (for the instalment due on ${lastLine.dueDate})` : ''}: the ${spec.type} letter is for a case on ${SERVICE_NAMES[needs.service.is]}. ` +
        needs.service.otherwise,
    });
  }
  if (needs.cmsClaim && result.balance.cmsClaimed === undefined) {
    problems.push({
      field: 'reconciliation.cmsClaim',
      message: `is missing — the letter quotes the balance CMS claims; add cmsClaim { date, balance } from CMS’s letter or statement`,
    });
  }
  const disputed = needs.disputedBalance && (needs.disputedBalance.when?.(facts) ?? true) ? needs.disputedBalance : undefined;
  if ((needs.discrepancies || needs.position || disputed) && result.counts.bankTransactions === 0 && result.counts.evidence === 0) {
    problems.push({
      field: 'reconciliation.bankTransactions',
      message: 'is missing — the letter quotes what your bank statement shows; give the maintenance payments from it',
    });
  } else {
    // Payments checked against no line of CMS's account are not entries CMS got wrong: a dispute would say they are.
    const unchecked = needs.discrepancies ? result.findings.filter((f) => f.facts.reason === 'no_cms_record_given') : [];
    // Made just before the date, with none of CMS's entries after it given: whether CMS recorded them is not known yet.
    const recent = needs.discrepancies ? result.findings.filter((f) => f.facts.reason === 'too_recent_to_check') : [];
    // Beside an entry it got wrong, the letter disputes that one and asks CMS to confirm those (the schedule's words).
    const entries = result.findings.filter((f) => lineKind(f) === 'entry');
    if (unchecked.length === 0 && recent.length > 0 && entries.length === 0) {
      const n = recent.length;
      problems.push({
        field: 'reconciliation.cmsEntries',
        message:
          `has no entry after ${result.asOf}, so nothing shows whether CMS recorded the ${n === 1 ? 'payment' : `${n} payments`} made shortly before that date (${recent.map((f) => f.date).join(', ')}), and the ${spec.type} letter would call ${n === 1 ? 'it an entry' : 'them entries'} CMS got wrong. ` +
          'Give CMS’s entries after that date, or reconcile to an earlier date (asOf), then draft again',
      });
    } else if (unchecked.length > 0) {
      problems.push({
        field: 'reconciliation.cmsEntries',
        message:
          `has no line of CMS’s statement of account, so nothing shows whether CMS recorded the ${unchecked.length === 1 ? 'payment' : `${unchecked.length} payments`} the evidence shows, and the ${spec.type} letter would call ${unchecked.length === 1 ? 'it an entry' : 'them entries'} CMS got wrong. ` +
          'Ask CMS for its statement of account first (account_breakdown_request, or a subject access request), then reconcile against it',
      });
    } else if (
      needs.discrepancies &&
      result.findings.length > 0 &&
      result.findings.every((f) => f.kind === 'missed_payment_not_reported')
    ) {
      // On Direct Pay CMS records no payments: a shortfall nobody reported is news to CMS, not an entry it got wrong.
      // With none of CMS's entries given, whether anyone reported it nothing says. The receiving parent tells CMS of
      // them; the paying parent, whose shortfalls they are, can only ask what CMS's figure is made of (an audit found
      // him sent to the receiving parent's letter, which refuses him).
      const n = result.findings.length;
      const given = result.counts.cmsEntries > 0;
      const what = given
        ? `the ${n === 1 ? 'shortfall' : `${n} shortfalls`} it found ${n === 1 ? 'is a payment' : 'are payments'} nobody reported to CMS (on Direct Pay it records no payments), not entries on its record`
        : `the ${n === 1 ? 'instalment' : `${n} instalments`} it found not paid in full ${n === 1 ? 'is not an entry' : 'are not entries'} on CMS’s record (none of its entries was given, and on Direct Pay it records no payments)`;
      // She may have told CMS already: a report the case records that CMS's entries leave out is an error this letter
      // lists (calc's missed_payment_report_not_recorded; a journey probe, story 2, was sent to change service instead).
      const next =
        result.side === 'receiving'
          ? 'Tell CMS of them: direct_pay_to_collect_and_pay lists them and asks CMS to collect what is owed' +
            (given
              ? '. If you did report them and CMS did not record the reports, record each on the case (record_event, a call or letter_sent with details.missedPaymentReport) and reconcile again: this letter then lists them'
              : '')
          : 'To ask what CMS’s figure is made of, use account_breakdown_request: it asks for the entries behind it (on Direct Pay, the missed-payment reports its arrears come from)';
      problems.push({
        field: 'reconciliation',
        message: `found no entry to dispute: ${what}, so there is nothing for the ${spec.type} letter to list. ${next}`,
      });
    } else if (needs.discrepancies && result.findings.length > 0 && result.findings.every((f) => lineKind(f) !== 'entry')) {
      // Deductions not yet due to reach CMS, or payments it recorded after the date (with any unreported shortfalls):
      // CMS's record is not wrong on any of them.
      const recordedAfter = result.findings.some((f) => f.kind === 'payment_in_transit');
      problems.push({
        field: 'reconciliation',
        message: recordedAfter
          ? `found no entry to dispute: what it found is not an error on CMS’s record (${result.side === 'receiving' ? `payments CMS passed on before ${result.asOf} that reached you after it` : `payments made before ${result.asOf} that CMS recorded after it, deductions from pay still in time to reach it`}, or shortfalls nobody reported), ` +
            `so there is nothing for the ${spec.type} letter to list. Reconcile again as of a later date (asOf), so that CMS’s figure includes them`
          : overdue.length > 0
            ? `found no entry to dispute: what it found is not an error on CMS’s record (deductions from pay that had until ${longDate(reachByOf(overdue.at(-1)!))} to reach CMS, after the date of its figure, ${longDate(result.asOf)}, or shortfalls nobody reported), ` +
              `so there is nothing for the ${spec.type} letter to list. To check that CMS has credited them, reconcile again with CMS’s statement to a later date (asOf and cmsClaim)`
            : `found no entry to dispute: what it found is not an error on CMS’s record (deductions from pay the employer still has time to pay over, or shortfalls nobody reported), ` +
              `so there is nothing for the ${spec.type} letter to list. Reconcile again once the pay-over day has passed`,
      });
    } else if (needs.discrepancies && result.findings.length === 0) {
      const differs = result.balance.difference !== undefined && !result.balance.difference.isZero();
      // Money CMS received and has not passed on is not an entry it got wrong: the breakdown request asks for it.
      const held = result.bridge.notPassedOn;
      const why = held
        ? ` (what differs is ${pounds(held.amount)} CMS received from the paying parent and had not passed on by ${result.asOf}: account_breakdown_request asks CMS to pass it on)`
        : differs
          ? ' (only the balance differs: use account_breakdown_request)'
          : '';
      problems.push({
        field: 'reconciliation',
        message:
          `found no entry to dispute: CMS’s record agrees${differs ? ' entry by entry' : ''} with the ${evidenceSourceWords(r)} given and with the decisions` +
          `${why}${notChecked(r)}, so there is nothing for the ${spec.type} letter to list`,
      });
    }
    problems.push(...positionProblems(spec, r));
    if (disputed)
      problems.push(
        ...undisputedClaim(
          result.balance,
          disputed.beyondInTransit ? result.bridge : undefined,
          disputed.otherwise,
          allOverdue(r) ? { reachBy: reachByOf(overdue.at(-1)!), sentOn } : undefined,
          claimReadAsParts(r),
        ),
      );
  }
  return problems;
}

/** The evidence that would check a receipt by deduction CMS recorded, singular and plural. */
const CHECKED_BY: Readonly<Record<string, readonly [string, string]>> = {
  deo_receipt: ['payslip', 'payslips'],
  benefit_deduction_receipt: ['benefit statement', 'benefit statements'],
};

/**
 * The receipts by deduction no evidence given could check (taken as CMS recorded them), and why, as a refusal that
 * says CMS's record agrees adds it: "; two receipts by deduction were not checked, as no payslips cover their dates".
 */
function notChecked(r: ComputedReconciliation): string {
  const entries = r.result.matches.filter((m) => m.reason === 'not_checked').flatMap((m) => m.cmsEntryIds);
  const n = entries.length;
  if (n === 0) return '';
  const kinds = [...new Set(entries.map((id) => CHECKED_BY[r.cmsEntries.get(id)?.type ?? '']).filter((k) => k !== undefined))];
  const what = kinds.map((k) => k[n === 1 ? 0 : 1]).join(' or ');
  return `; ${count(n, 'receipt')} by deduction ${n === 1 ? 'was' : 'were'} not checked, as no ${what} ${n === 1 ? 'covers its date' : 'cover their dates'}`;
}

/** The balance worked out, in words: "arrears of £410.08", "an overpayment of £410.08" or "nothing owed". */
function workedOut(b: Balance): string {
  // Collection fees and enforcement charges beside maintenance are owed to the Secretary of State and are not arrears
  // (cms-accounts.md §4): the parts named, as the letters name them (figures.ts namedParts).
  const parts = b.position === 'arrears' ? namedParts(b) : undefined;
  const words =
    b.position === 'arrears'
      ? parts
        ? `${pounds(b.recomputed)} owed: ${parts}`
        : `arrears of ${pounds(b.recomputed)}`
      : b.position === 'overpaid'
        ? `an overpayment of ${pounds(b.recomputed.abs())}`
        : 'nothing owed';
  // Paid beyond what was due, towards an initial or backdated amount not yet due: not money to have back.
  return b.paidAhead
    ? `${words}: ${pounds(b.paidAhead)} was paid ahead of the payment plan, towards ${whatPaidAheadPays(b.paidAhead, b.paidAheadOfNext)}` +
        (b.notYetDue.isZero() ? '' : `, of which ${pounds(b.notYetDue)} is still to fall due`)
    : words;
}

/**
 * Why CMS's figure leaves nothing to dispute (an overpayment, no more than the balance worked out, or, given the
 * bridge, more only by deductions still in time to reach CMS), if it does. CMS's figure is its claim, or, when none
 * was given, what its entries add up to. `overdue`: every one of those deductions had run out of time to reach CMS by
 * the letter's date (figures.ts `allOverdue`), the last of them on `reachBy`; CMS's figure could not include them, and
 * by now should.
 */
function undisputedClaim(
  b: Balance,
  bridge: Bridge | undefined,
  otherwise: string,
  overdue?: { readonly reachBy: CivilDate; readonly sentOn: CivilDate },
  /** Where CMS's figure as given was read as some of its parts (figures.ts claimReadAsParts): `claimed` is the whole. */
  read?: ReturnType<typeof claimReadAsParts>,
): LetterProblem[] {
  const claimed = b.cmsClaimed ?? b.cmsEntriesTotal;
  const field = b.cmsClaimed ? 'reconciliation.cmsClaim' : 'reconciliation.cmsEntries';
  const what = b.cmsClaimed ? 'is' : 'add up to';
  if (claimed.lt(0)) {
    return [
      {
        field,
        message: `${what} an overpayment of ${pounds(claimed.abs())} on ${b.asOf}, not arrears, so there is no balance for CMS to enforce`,
      },
    ];
  }
  // Higher by more than what is on its way: by an error, or by what is owed later (which the letter words itself).
  if (claimed.gt(b.recomputed) && (bridge === undefined || bridge.differenceOnceArrived.gt(0) || bridge.owedLater?.gt(0))) return [];
  const worked = `the balance worked out from the decisions and your evidence (${workedOut(b)})`;
  const n = bridge?.inTransit.count ?? 0;
  const how =
    bridge && claimed.gt(b.recomputed)
      ? `more than ${worked} only by the ${pounds(bridge.inTransit.amount)} ${
          bridge.lines.some((l) => l.kind === 'payment_in_transit')
            ? `on its way to CMS at that date (paid before it and recorded by CMS after it${bridge.lines.some((l) => l.kind === 'deduction_in_transit') ? ', or deducted from pay and still in time to reach it' : ''})`
            : overdue
              ? `of ${n === 1 ? 'a deduction from pay that' : `${n} deductions from pay, the last of which`} had until ${longDate(overdue.reachBy)} to reach CMS, after that date`
              : `of ${n === 1 ? 'a deduction' : `${n} deductions`} from pay still in time to reach CMS (by the 19th of the month after the deduction)`
        }: CMS’s figure ${overdue ? 'could not include' : 'does not include'} ${n === 1 ? 'it' : 'them'}${overdue ? '' : ' yet'} and is not wrong about ${n === 1 ? 'it' : 'them'}, `
      : `no more than ${worked}, `;
  // Their time to reach CMS has run out since: whether CMS has them is for a later statement to show.
  const since =
    overdue && bridge && claimed.gt(b.recomputed)
      ? `. By this letter’s date (${longDate(overdue.sentOn)}) ${n === 1 ? 'its' : 'their'} time to reach CMS has run out: to check that CMS has credited ${n === 1 ? 'it' : 'them'}, reconcile again with CMS’s statement to a later date (asOf and cmsClaim)`
      : '';
  // The figure CMS gave, and what it was read as, with the whole it makes with the parts its entries hold beside it:
  // "is £674.00" called the whole CMS's claim, a figure it never gave.
  const figure =
    read && b.cmsClaimed
      ? `${read.given.value} on ${b.asOf}, read as CMS’s ${read.what} (${leftOutWords(read)}: ${pounds(claimed)} in all)`
      : `${pounds(claimed)} on ${b.asOf}`;
  return [{ field, message: `${what} ${figure}, ${how}${otherwise}${since}` }];
}

/** "Please reply by …" and how the sender wants the reply. */
function replyBlocks(spec: LetterSpec, facts: Record<string, unknown>, replyBy: ReturnType<typeof replyDeadline>): Block[] {
  const blocks: Block[] = [];
  if (replyBy) {
    blocks.push({
      kind: 'paragraph',
      text: `Please reply in writing by ${longDate(replyBy.date)}.${spec.replyBasis ? ` ${spec.replyBasis}` : ''}`,
    });
  }
  const sender = facts['sender'] as { email?: string; phone?: string; addressWithheld?: true };
  const channel = (facts['contactPreference'] as (typeof CONTACT_CHANNELS)[number] | undefined) ?? 'post';
  const how: Record<(typeof CONTACT_CHANNELS)[number], string> = {
    post: sender.addressWithheld
      ? holdsAddress(spec, facts)
        ? 'Please send your reply by post to the address you hold for me.'
        : `Please reply ${sender.email ? `by email to ${sender.email}` : `by phone on ${sender.phone}`}.`
      : 'Please send your reply by post to the address above.',
    email: `Please reply by email to ${sender.email}.`,
    phone: `Please phone me on ${sender.phone}, and confirm what we agree in writing.`,
    online_account: 'Please reply through my online account (My Child Maintenance Case).',
  };
  blocks.push({ kind: 'paragraph', text: how[channel] });
  return blocks;
}

function holdsAddress(spec: LetterSpec, facts: Record<string, unknown>): boolean {
  return typeof spec.recipientHoldsAddress === 'function' ? spec.recipientHoldsAddress(facts) : spec.recipientHoldsAddress;
}

function contactProblems(spec: LetterSpec, facts: Record<string, unknown>): LetterProblem[] {
  const sender = facts['sender'] as { email?: string; phone?: string; addressWithheld?: true };
  const channel = facts['contactPreference'] as string | undefined;
  const problems: LetterProblem[] = [];
  if (channel === 'email' && !sender.email)
    problems.push({ field: 'facts.sender.email', message: 'is missing — you asked for replies by email' });
  if (channel === 'phone' && !sender.phone)
    problems.push({ field: 'facts.sender.phone', message: 'is missing — you asked for replies by phone' });
  if (channel === 'online_account' && !holdsAddress(spec, facts)) {
    problems.push({
      field: 'facts.contactPreference',
      message: 'online_account works only for letters to CMS; choose post, email or phone',
    });
  }
  if (sender.addressWithheld && !holdsAddress(spec, facts) && !sender.email && !sender.phone) {
    problems.push({
      field: 'facts.sender.email',
      message:
        'is missing — with your address withheld, give an email address or a phone number so that the recipient (who does not hold your address) can reply',
    });
  }
  return problems;
}

function senderBlock(facts: Record<string, unknown>): string[] {
  const s = facts['sender'] as { name: string; address?: string[]; addressWithheld?: true; email?: string; phone?: string };
  return [
    s.name,
    ...(s.address ?? ['Address withheld for my safety']),
    ...(s.phone ? [`Phone: ${s.phone}`] : []),
    ...(s.email ? [`Email: ${s.email}`] : []),
  ];
}

function referenceLines(facts: Record<string, unknown>): string[] {
  const s = facts['sender'] as { dateOfBirth?: string; nationalInsuranceNumber?: string };
  const ref = facts['caseReference'] as string | undefined;
  return [
    ...(ref ? [`CMS case reference: ${ref}`] : []),
    ...(s.nationalInsuranceNumber ? [`National Insurance number: ${s.nationalInsuranceNumber}`] : []),
    ...(s.dateOfBirth ? [`Date of birth: ${longDate(s.dateOfBirth)}`] : []),
  ];
}

/**
 * Drafts a letter. Pure: the same input gives the same letter.
 *
 * @throws {InputError} for an unknown type, a bad date or nation, or a computation's bad input (naming the field).
 * @throws {LetterInputError} listing every missing or wrong fact and every missing computation at once.
 */
export function draftLetter(input: DraftInput): DraftedLetter {
  try {
    return draft(input);
  } catch (error) {
    throw error instanceof OutsideHolidayTablesError ? namedByItsFact(error, input) : error;
  }
}

/**
 * A date the bank holiday tables do not cover, named by what gave it (`facts.decision.letterDate`, `sentOn`), not by
 * calc's `date`, with what to do: most such dates are slips of the keyboard.
 */
function namedByItsFact(error: OutsideHolidayTablesError, input: DraftInput): OutsideHolidayTablesError {
  const field = pathOf(input.facts, error.date, 'facts') ?? (input.sentOn === error.date ? 'sentOn' : undefined);
  return new OutsideHolidayTablesError(
    error.date,
    field ?? 'date',
    '. Check the date, written YYYY-MM-DD; if it is right, work this time limit out by hand',
  );
}

/** Where in `value` the string `wanted` is, written as a field path (`facts.chasedOn[1]`), depth first. */
function pathOf(value: unknown, wanted: string, path: string): string | undefined {
  if (value === wanted) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOf(value[i], wanted, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = pathOf(v, wanted, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

function draft(input: DraftInput): DraftedLetter {
  const spec = findLetter(input.type);
  if (typeof input.sentOn !== 'string' || !isCivilDate(input.sentOn)) {
    throw new InputError('sentOn', `must be a real date written YYYY-MM-DD (got ${JSON.stringify(input.sentOn)})`);
  }
  const nation = input.nation ?? 'england_and_wales';
  if (!NATIONS.includes(nation)) throw new InputError('nation', `must be one of ${NATIONS.join(', ')}`);
  const sentOn = input.sentOn;

  // A refusal the facts given so far decide comes first, alone: nothing else is asked for a letter that cannot be sent.
  const raw = input.facts;
  if (spec.precheck && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const refused = spec.precheck(raw as Record<string, unknown>, sentOn, nation);
    if (refused?.length) throw new LetterInputError(spec.type, refused);
  }
  const wrongWay = earlyPositionProblems(spec, input, sentOn);
  if (wrongWay.length) throw new LetterInputError(spec.type, wrongWay);
  const read = readFacts(spec, input.facts);
  const problems = [...read.problems, ...checkInputs(spec, input, read.facts)];
  if (read.facts) {
    problems.push(...contactProblems(spec, read.facts));
    if (spec.check) problems.push(...spec.check(read.facts, sentOn, input, nation));
  }
  if (problems.length > 0 || !read.facts) throw new LetterInputError(spec.type, problems);
  const facts = read.facts;

  // A calculation without a date is for the decision's effective date, else the day the letter is sent.
  const decision = facts['decision'] as { effectiveDate?: string } | undefined;
  const computed = overdueBy(compute(input, decision?.effectiveDate ?? sentOn), sentOn);
  const reconProblems = checkReconciliation(spec, computed, facts, sentOn);
  if (reconProblems.length > 0) throw new LetterInputError(spec.type, reconProblems);

  const clockFrom = spec.clockFrom ? spec.clockFrom(facts, sentOn) : sentOn;
  const clockFacts = spec.clockFacts ? spec.clockFacts(facts) : {};
  // A request whose time runs from its receipt (a subject access or rectification request) is counted from the day a
  // letter posted on its date is taken to arrive, so that the date it asks for is never before the law's.
  const receivedOn = clockFrom === sentOn && LETTER_CLOCKS[spec.id].countsFromReceipt ? postedArrival(sentOn, nation) : undefined;
  const deadlines =
    clockFrom === undefined ? [] : deadlinesFor(spec.id, clockFrom, nation, { ...clockFacts, ...(receivedOn ? { receivedOn } : {}) });
  const replyBy = replyDeadline(spec.id, deadlines, sentOn);
  const senderRole: SenderRole = spec.sender === 'either' ? (facts['senderRole'] as SenderRole) : spec.sender;

  const figures: Figure[] = [];
  const warnings: string[] = [];
  const schedules: Block[] = [];
  let disputed: StatementSummary | undefined | null = null;
  const quote = (f: Figure): string => {
    const known = figures.find((x) => x.id === f.id);
    if (!known) figures.push(f);
    else if (known.value !== f.value) throw new Error(`figure ${f.id} quoted with two values`);
    return f.value;
  };
  const ctx: ComposeContext<Record<string, unknown>> = {
    facts,
    sentOn,
    nation,
    senderRole,
    computed,
    deadlines,
    ...(replyBy ? { replyBy } : {}),
    date: longDate,
    quote,
    disputedSchedule: () => {
      if (disputed !== null) return disputed;
      const r = computed.reconciliation;
      const built = r ? reconciliationStatement(r, quote, senderRole) : undefined;
      if (!built) return (disputed = undefined);
      schedules.push(built.table);
      return (disputed = built.summary);
    },
    warn: (message) => warnings.push(message),
  };
  const composition = spec.compose(ctx);
  // What the reconciliation warned of (a payment schedule's marks, no bank filter, a plan it had to assume) is for
  // the sender to check before sending a letter built on it: it goes with the letter's own notes.
  for (const w of computed.reconciliation?.result.warnings ?? []) if (!warnings.includes(w)) warnings.push(w);
  // A balance as at a day long before the letter's leaves out what fell due and what was paid since.
  const asOf = computed.reconciliation?.result.asOf;
  if (asOf !== undefined && toDayNumber(sentOn) - toDayNumber(asOf) > STALE_DAYS) {
    warnings.push(
      `The balance and entries this letter states are as at ${longDate(asOf)}, more than two months before its date (${longDate(sentOn)}): what fell due and what was paid since are not in them. To state the account as it is now, reconcile it again as of a later date.`,
    );
  }

  const mp = facts['copyToMp'] as { name: string; constituency: string } | undefined;
  const copies = mp ? [`${mp.name} MP (${mp.constituency})`] : [];
  const enclosures = [
    ...spec.enclosures,
    ...(composition.enclosures ?? []),
    ...((facts['extraEnclosures'] as string[] | undefined) ?? []),
  ].filter((e, i, all) => all.indexOf(e) === i);
  const recipientOverride = facts['recipientAddress'] as string[] | undefined;
  const to = composition.to ?? recipientOverride ?? spec.recipient;
  const sendBy: SendBy = {
    method: spec.sendBy.method,
    to: spec.sendBy.to ?? to,
    copies,
    notes: [
      ...spec.sendBy.notes,
      ...(copies.length ? [`Send a copy to ${joinAnd(copies)}, and say so at the foot of the letter (it does).`] : []),
    ],
  };

  // The statement's own lines and subtotals are in the statement, with their reasons; every other figure here.
  const working = figures.filter((f) => !f.id.startsWith('bridge_line_') && !f.id.startsWith('bridge_subtotal_'));
  if (working.length > 0) {
    schedules.push({
      kind: 'table',
      caption: 'How the figures in this letter were worked out',
      columns: ['Figure', 'Amount', 'How it was worked out', 'Rule or evidence'],
      widths: [2.2, 1.2, 4.4, 3],
      rows: working.map((f) => [f.label, f.value, f.source, f.citation]),
    });
  }

  const asks = composition.asks;
  const body: Block[] = [
    ...composition.body,
    ...(asks.length
      ? [
          { kind: 'heading' as const, text: 'What I am asking you to do' },
          { kind: 'list' as const, items: asks, ordered: true },
        ]
      : []),
    ...replyBlocks(spec, facts, replyBy),
  ];

  const salutation = composition.salutation ?? 'Dear Sir or Madam';
  const notes = notesFor(spec, facts, sendBy, deadlines, warnings, [
    ...(composition.notes ?? []),
    ...(receivedOn && deadlines.length > 0
      ? [
          `The dates above run from ${longDate(receivedOn)}, when a letter posted on ${longDate(sentOn)} is taken to arrive (the second working day after posting, CPR r.6.26): the time runs from the day the request is received. Sent online or by hand, it is received the day it goes, and the time ends a few days sooner.`,
        ]
      : []),
  ]);
  const document: LetterDocument = {
    id: spec.id,
    type: spec.type,
    title: spec.title,
    from: senderBlock(facts),
    date: longDate(sentOn),
    to,
    references: referenceLines(facts),
    subject: composition.subject,
    salutation: `${salutation},`,
    body,
    closing: salutation === 'Dear Sir or Madam' ? 'Yours faithfully,' : 'Yours sincerely,',
    signature: (facts['sender'] as { name: string }).name,
    enclosures,
    copies,
    schedules,
    notes,
  };

  const trace: TraceStep[] = [
    ...(['calculation', 'cmsCalculation', 'reconciliation'] as const).flatMap((key) =>
      (computed[key]?.result.trace ?? []).map((s) => ({ ...s, step: `${key}.${s.step}` })),
    ),
    ...figures.map((f) => ({
      step: `letter.${f.id}`,
      description: `${f.label}: ${f.value}. ${f.source}`,
      value: f.amount ?? f.value,
      citation: f.citation,
      ...(f.href ? { href: f.href } : {}),
    })),
  ];

  return {
    id: spec.id,
    type: spec.type,
    title: spec.title,
    sentOn,
    nation,
    document,
    markdown: renderMarkdown(document),
    text: renderText(document),
    figures,
    deadlines,
    enclosures,
    sendBy,
    warnings,
    trace,
  };
}

function notesFor(
  spec: LetterSpec,
  facts: Record<string, unknown>,
  sendBy: SendBy,
  deadlines: DraftedLetter['deadlines'],
  warnings: readonly string[],
  extra: readonly string[],
): Block[] {
  const sender = facts['sender'] as { addressWithheld?: true };
  const blocks: Block[] = [
    { kind: 'heading', text: 'Before you send it' },
    {
      kind: 'list',
      items: [
        'Read it through and check every figure and date against your own papers. Change anything that is not right before you sign.',
        'Sign and date it, and keep a copy of the letter and of everything you enclose.',
        'Send only the parts of bank statements, payslips or other papers that show the payments in question; black out other transactions and anything that shows where you live or work if that must stay private.',
        ...(sender.addressWithheld ? ['Your address is left off this letter. Check that nothing you enclose shows it either.'] : []),
        'Never put the other parent’s address, or anything that would show where they or the children live, in this letter or its enclosures.',
      ],
    },
    { kind: 'heading', text: 'How to send it' },
    {
      kind: 'list',
      items: [`${sendBy.method}.`, `Address: ${sendBy.to.join(', ')}.`, ...sendBy.notes],
    },
  ];
  if (deadlines.length > 0) {
    blocks.push(
      { kind: 'heading', text: 'Dates this letter starts' },
      {
        kind: 'list',
        // calc writes each basis as whole sentences.
        items: deadlines.map((d) => `${longDate(d.date)}: ${d.label}. ${d.basis} Source: ${d.citation}.`),
      },
    );
  }
  const more = [...warnings, ...extra];
  if (more.length > 0) blocks.push({ kind: 'heading', text: 'Please note' }, { kind: 'list', items: more });
  return blocks;
}
