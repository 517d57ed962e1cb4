/**
 * Letters from a stored case: the facts the case holds (the sender from the case's own party, the CMS reference,
 * the side, the decision challenged, dates of events already recorded, the letters sent, what happened when:
 * cases/chronology.ts) and the figures from its records (CMS's calculation from the latest decision, the
 * reconciliation of the latest run) are filled in; the caller gives only what the case does not hold, and a
 * refusal lists exactly that. A draft is kept as a new version; marking it sent records the event of its sending
 * with the deadlines calc computes — that is what starts its clocks.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import {
  arrivalWarnings,
  LETTER_CLOCKS,
  POSTED_METHODS,
  postedArrival,
  sentLaterWarning,
  eventForLetter,
  eventsThatMeet,
  type Deadline,
  type EventType,
  type LetterId,
  type Nation,
} from '../calc/deadlines/index.ts';
import { InputError } from '../calc/errors.ts';
import type { CmsClaimInput } from '../calc/reconcile/types.ts';
import { groupedCount } from '../calc/money.ts';
import type { CalculationInput } from '../letters/figures.ts';
import {
  draftLetter,
  factFields,
  findLetter,
  LETTER_SENT_KINDS,
  LetterInputError,
  renderPdf,
  type DraftedLetter,
  type LetterSpec,
} from '../letters/index.ts';
import {
  LETTER_CONTENT_MAX_CHARS,
  type CaseRecords,
  type CaseStore,
  type EventRecord,
  type LetterRecord,
  type LetterSending,
  type LetterSummary,
  type Party,
} from '../store/types.ts';
import { chronologyFromCase, sentLetters } from './chronology.ts';
import { claimFromDocuments } from './claim.ts';
import { caseNation, caseTimeline, eventReceipt, eventWithDeadlines, storedCaseTimeline } from './events.ts';
import { currentReconciliation } from './reconcile.ts';
import { nextTurn } from './turns.ts';

/** What a caller gives for a letter from a case: the type, and only what the case does not hold. */
export interface CaseLetterRequest {
  readonly type: string;
  /** Facts the case does not hold, or that should differ from it (they win over the case's). */
  readonly facts?: Record<string, unknown>;
  /** The right circumstances, when the letter sets them beside CMS's (CMS's come from the latest decision). */
  readonly calculation?: CalculationInput;
  /** CMS's circumstances, when they are not those of the case's latest decision. */
  readonly cmsCalculation?: CalculationInput;
  readonly nation?: Nation;
  /** The date on the letter (default today). */
  readonly sentOn?: CivilDate;
}

/** A letter drafted from a case, and what the case supplied. */
export interface CaseLetter {
  readonly letter: DraftedLetter;
  /** The facts and figures that came from the case, by name (`sender`, `caseReference`, `reconciliation` …). */
  readonly fromCase: readonly string[];
}

type Facts = Record<string, unknown>;

/** The case's own person: the paying or receiving parent, as the case's side says. */
function ownParty(records: CaseRecords): Party | undefined {
  const role = records.case.side === 'paying' ? 'paying_parent' : 'receiving_parent';
  return records.parties.find((p) => p.role === role);
}

/** An address kept as text, as letter lines: one per line or comma, empty ones dropped. */
export function addressLines(address: string): string[] {
  return address
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * The sender as a letter takes it, from the case's own party; a withheld address stays withheld. The date of birth
 * and National Insurance number only for a letter that asks for them (`identity`): no other letter prints them.
 */
function senderFromParty(p: Party, identity: boolean): Facts {
  const lines = p.address ? addressLines(p.address) : [];
  return {
    name: p.name,
    ...(p.addressWithheld ? { addressWithheld: true } : lines.length >= 2 ? { address: lines } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(identity && p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    ...(identity && p.nationalInsuranceNumber ? { nationalInsuranceNumber: p.nationalInsuranceNumber } : {}),
  };
}

/** The sender's facts a letter needs to find the sender's records (a subject access request, an ICE referral). */
const IDENTITY_FACTS = ['sender.dateOfBirth', 'sender.nationalInsuranceNumber'];
/** The sender's facts a case keeps with its party (set_party), so that a letter missing one says where to keep it. */
const KEPT_WITH_PARTY = [...IDENTITY_FACTS, 'sender.address', 'sender.email', 'sender.phone'];

/** The latest event of a type, by date. */
function latest(events: readonly EventRecord[], type: EventType): EventRecord | undefined {
  return events.filter((e) => e.type === type).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
}

/** Date facts some letters take, from the events already recorded. */
const DATES_FROM_EVENTS: Readonly<Record<string, EventType>> = {
  sarSentOn: 'sar_sent',
  chasedOn: 'sar_chased',
  replyReceivedOn: 'sar_reply_received',
  complaintDate: 'complaint_sent',
  replyDate: 'complaint_reply_received',
  finalResponseDate: 'ice_eligible',
  mrnDate: 'mr_notice_received',
  firstAwareOn: 'grievance_noticed',
  servedOn: 'lsdo_served',
};

/**
 * Dates one letter takes from the case's events under a name other letters use otherwise: a deduction from earnings
 * order's appeal counts from the order, whose clock the case timeline starts at deo_served (the representations on a
 * lump sum order have an orderDate too, which is that order's).
 */
const LETTER_DATES_FROM_EVENTS: Readonly<Partial<Record<string, Readonly<Record<string, EventType>>>>> = {
  deduction_order_appeal: { orderDate: 'deo_served' },
};

/** The dates this letter takes from the case's events, by fact. */
const datesFromEvents = (spec: LetterSpec): Readonly<Record<string, EventType>> => ({
  ...DATES_FROM_EVENTS,
  ...LETTER_DATES_FROM_EVENTS[spec.type],
});

/** The value at a dotted path ("sender.address") in the facts given, if any. */
function valueAt(facts: Readonly<Record<string, unknown>>, path: string): unknown {
  let at: unknown = facts;
  for (const key of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** The letters that ask CMS for an answer about the balance, as a letter lists them among the disputes pending. */
const DISPUTING_LETTERS: readonly string[] = [
  'account_breakdown_request',
  'payment_dispute',
  'mandatory_reconsideration',
  'complaint',
  'complaint_escalation',
  'ice_referral',
];

/**
 * The case's letters of those kinds sent by `asOf` that no recorded reply has answered yet (no reply deadline of
 * their sending met), oldest first, as `pendingDisputes` takes them.
 */
function pendingFromCase(records: CaseRecords, asOf: CivilDate): Facts[] {
  const met = caseTimeline(records.events, asOf, records.decisions).met.filter((d) => d.kind === 'reply_due');
  return sentLetters(records, asOf)
    .filter((l) => DISPUTING_LETTERS.includes(l.type))
    .filter((l) => {
      const sending = records.events.find((e) => e.letterId === l.id);
      return !sending || !met.some((d) => d.startedBy.eventId === sending.id);
    })
    .map((l) => ({ date: l.sentOn, kind: l.type }));
}

/**
 * Every letter the case has sent by `asOf`, oldest first, as `priorContacts` takes them (a kind the list has no name
 * for is "other"), at most the 40 it takes: the latest.
 */
function contactsFromCase(records: CaseRecords, asOf: CivilDate): Facts[] {
  const kinds: readonly string[] = LETTER_SENT_KINDS;
  return sentLetters(records, asOf)
    .slice(-40)
    .map((l) => ({ date: l.sentOn, kind: kinds.includes(l.type) ? l.type : 'other' }));
}

/**
 * The event that records each enforcement action's order being served, for the day an action was taken; an enforcement
 * step the case records in its own words (a warning letter, a referral) is the letter's "other" action.
 */
const ACTION_EVENTS: Readonly<Record<string, EventType>> = {
  deduction_from_earnings_order: 'deo_served',
  lump_sum_deduction_order: 'lsdo_served',
  other: 'enforcement',
};

/**
 * The enforcement action a letter is about and its day: the one the caller names, dated by the case's record of it; or,
 * with none named, the latest step the case records (a journey probe of 6 December 2026: the step recorded on the
 * case had to be named and dated again for the letter).
 */
function enforcementAction(events: readonly EventRecord[], named: unknown): { action: string; date: CivilDate } | undefined {
  if (named !== undefined) {
    const served = typeof named === 'string' ? ACTION_EVENTS[named] : undefined;
    const e = served ? latest(events, served) : undefined;
    return e && { action: named as string, date: e.date };
  }
  let found: { action: string; date: CivilDate } | undefined;
  for (const [action, type] of Object.entries(ACTION_EVENTS)) {
    const e = latest(events, type);
    if (e && (!found || e.date > found.date)) found = { action, date: e.date };
  }
  return found;
}

/**
 * The facts the case holds that this letter takes (only keys its facts schema has). `given`, the caller's facts, says
 * which of the case's records some of them come from (a pause request's action: the order served).
 */
export function factsFromCase(spec: LetterSpec, records: CaseRecords, asOf?: CivilDate, given: Facts = {}): Facts {
  const fields = factFields(spec.facts);
  const keys = new Set(fields.map((f) => f.field));
  const facts: Facts = {};
  const party = ownParty(records);
  const identity = fields.some((f) => f.required && IDENTITY_FACTS.includes(f.field));
  if (keys.has('sender') && party) facts['sender'] = senderFromParty(party, identity);
  if (keys.has('caseReference') && records.case.reference) facts['caseReference'] = records.case.reference;
  if (keys.has('senderRole')) facts['senderRole'] = records.case.side;
  // How often an arrears plan would be paid: as the case's maintenance is (the caller may offer another).
  if (keys.has('frequency') && records.case.frequency) facts['frequency'] = records.case.frequency;
  if (keys.has('decision')) {
    // The decision challenged: the latest one with a letter date. Its kind the caller says (decision.type).
    const d = [...records.decisions].filter((x) => x.letterDate).sort((a, b) => (a.letterDate! < b.letterDate! ? 1 : -1))[0];
    if (d) facts['decision'] = { letterDate: d.letterDate, effectiveDate: d.effectiveDate };
  }
  for (const [key, type] of Object.entries(datesFromEvents(spec))) {
    const e = keys.has(key) ? latest(records.events, type) : undefined;
    if (e) facts[key] = e.date;
  }
  // A pause request's action and its day: the case's record of the order served (cases/letters.ts enforcementAction).
  const action = keys.has('actionDate') ? enforcementAction(records.events, given['action']) : undefined;
  if (action) {
    if (keys.has('action') && given['action'] === undefined) facts['action'] = action.action;
    facts['actionDate'] = action.date;
  }
  if (keys.has('pendingDisputes') && asOf !== undefined) {
    const pending = pendingFromCase(records, asOf);
    if (pending.length > 0) facts['pendingDisputes'] = pending;
  }
  // The contacts with CMS a complaint (priorContacts) or a letter to an MP (contacts) lists: the letters the case sent.
  for (const key of ['priorContacts', 'contacts']) {
    const contacts = keys.has(key) && asOf !== undefined ? contactsFromCase(records, asOf) : [];
    if (contacts.length > 0) facts[key] = contacts;
  }
  if (keys.has('chronology') && asOf !== undefined) {
    const chronology = chronologyFromCase(records, asOf);
    if (chronology.length > 0) facts['chronology'] = chronology;
  }
  // The day DWP is taken to have received the case's subject access request, by the rule its timeline counts with
  // (eventReceipt: a day of receipt kept wins; by email, online or by hand, the day it went; by post, or not said how,
  // the second working day after), so that a chase drafted from the case is refused, and allowed, on the days the
  // timeline says. Only for a letter that also takes sarSentOn (the chase, L24): there sarReceivedOn is the day DWP
  // received that request. The rectification request (L21) has a sarReceivedOn too, but it is the day the parent
  // received DWP's records in answer, which the request's sending does not tell: it comes from the caller.
  if (keys.has('sarReceivedOn') && keys.has('sarSentOn')) {
    const sar = latest(records.events, 'sar_sent');
    const receipt = sar && eventReceipt(sar);
    if (receipt) facts['sarReceivedOn'] = receipt.date;
  }
  return facts;
}

const isPlainObject = (x: unknown): x is Facts => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The case's facts with the caller's over them; objects (the sender, the decision) merge key by key. */
function merge(fromCase: Facts, given: Facts): Facts {
  const out: Facts = { ...fromCase };
  for (const [k, v] of Object.entries(given)) {
    const base = out[k];
    const both = isPlainObject(base) && isPlainObject(v);
    out[k] = both ? { ...(base as Facts), ...(v as Facts) } : v;
  }
  return out;
}

/** CMS's circumstances as the case's latest decision with a calculation holds them. */
/**
 * Whether a claim the reconciliation ran with is the one a statement prints: the same day and figures (a basis given
 * besides, which the statement does not print, completes it: cases/reconcile.ts claimWith).
 */
function sameFigure(printed: CmsClaimInput | undefined, used: CmsClaimInput | undefined): boolean {
  if (printed === undefined || used === undefined) return false;
  const { basis: _basis, ...figures } = used;
  return JSON.stringify(printed) === JSON.stringify(figures);
}

function latestCalculation(records: CaseRecords): CalculationInput | undefined {
  const d = [...records.decisions].filter((x) => x.calculation).sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : -1))[0];
  return d?.calculation as CalculationInput | undefined;
}

/** Drafts a letter from the case's records, filling in what the case holds. */
export function draftFromRecords(records: CaseRecords, request: CaseLetterRequest, today: CivilDate): CaseLetter {
  const spec = findLetter(request.type);
  // A letter only one parent sends (a DEO appeal, a request to move to Collect and Pay) is not drafted on the other's case.
  if (spec.sender !== 'either' && records.case.side !== spec.sender) {
    throw new LetterInputError(spec.type, [
      {
        field: 'type',
        message:
          `the ${spec.type} letter is sent by the ${spec.sender} parent, and this case is the ${records.case.side} parent’s (its side is set when it is made). ` +
          'list_letter_types gives each letter’s sender; choose one the case’s own parent sends',
      },
    ]);
  }
  const caseFacts = factsFromCase(spec, records, request.sentOn ?? today, request.facts ?? {});
  // A fact the case holds that would say the wrong thing in this letter (a change of address: the old address) must
  // come from the caller.
  const mustGive = spec.notFromCase?.(request.facts ?? {});
  if (mustGive && valueAt(request.facts ?? {}, mustGive.field) === undefined) {
    throw new LetterInputError(spec.type, [{ field: `facts.${mustGive.field}`, message: `is missing — ${mustGive.why}` }]);
  }
  // A fact the caller gave in full (a date, a list such as a chronology) is theirs; an object the case holds part of
  // (the sender) is merged, and still came from the case.
  const given = (k: string) => request.facts !== undefined && k in request.facts && !isPlainObject(request.facts[k]);
  // A request the caller dates otherwise is not the case's: the case's day of receipt is not that request's.
  if (given('sarSentOn') && !given('sarReceivedOn') && request.facts!['sarSentOn'] !== caseFacts['sarSentOn']) {
    delete caseFacts['sarReceivedOn'];
  }
  const fromCase = Object.keys(caseFacts).filter((k) => !given(k));
  const facts = merge(caseFacts, request.facts ?? {});
  const sentOn = request.sentOn ?? today;
  const cmsCalculation = request.cmsCalculation ?? (spec.inputs.cmsCalculation ? latestCalculation(records) : undefined);
  if (cmsCalculation && !request.cmsCalculation) fromCase.push('cmsCalculation');
  const reconciliation = spec.inputs.reconciliation ? currentReconciliation(records, today, sentOn) : undefined;
  if (reconciliation) fromCase.push('reconciliation');
  // CMS's claim as the statement of account the case holds prints it: that is where CMS stated it.
  const claimed = reconciliation?.input.cmsClaim;
  const asksWhere = claimed !== undefined && facts['statedIn'] === undefined && factFields(spec.facts).some((f) => f.field === 'statedIn');
  if (asksWhere && sameFigure(claimFromDocuments(records)?.claim, claimed)) {
    facts['statedIn'] = 'statement_of_account';
    fromCase.push('statedIn');
  }
  try {
    const letter = draftLetter({
      type: spec.type,
      facts,
      sentOn,
      nation: request.nation ?? caseNation(records.events),
      ...(request.calculation ? { calculation: request.calculation } : {}),
      ...(cmsCalculation ? { cmsCalculation } : {}),
      ...(reconciliation ? { reconciliation: reconciliation.input } : {}),
    });
    // A date given that the case records otherwise: the letter counts from the one given, and its deadlines then
    // differ from the case timeline's (a journey test: an appeal's "last day 8 December" beside the case's 25th).
    const dates = datesFromEvents(spec);
    const differing = Object.keys(dates).filter((k) => given(k) && caseFacts[k] !== undefined && request.facts![k] !== caseFacts[k]);
    const warnings = differing.map(
      (k) =>
        `facts.${k} is ${String(request.facts![k])}, but the case records ${dates[k]!.replace(/_/g, ' ')} on ${String(caseFacts[k])}: the letter counts from the date given, and its dates differ from the case timeline's. If the case's date is right, leave ${k} out and the letter takes it from the case.`,
    );
    const mismatch = decisionMismatch(records, facts, letter.figures);
    if (mismatch) warnings.push(mismatch);
    // A request for a deduction from earnings order on a case that records one served (a journey test).
    const order = spec.type === 'deo_request' ? latest(records.events, 'deo_served') : undefined;
    if (order) {
      warnings.push(
        `The case records a deduction from earnings order served on ${order.date}: check whether it is still in force before asking for one.`,
      );
    }
    return { letter: warnings.length ? { ...letter, warnings: [...letter.warnings, ...warnings] } : letter, fromCase };
  } catch (error) {
    if (error instanceof LetterInputError) throw whatIsMissing(spec, error, fromCase, reconciliation !== undefined, records);
    throw error;
  }
}

/**
 * Where the weekly amount worked out from CMS's circumstances (cmsCalculation) is not the one the case's decision
 * states: the letter would tell CMS its decision says the other (a journey test: "against £92.00 in your decision"
 * where the case's decision states £120.00). Undefined when they agree, or either is not known.
 */
function decisionMismatch(records: CaseRecords, facts: Facts, figures: readonly { id: string; amount?: string }[]): string | undefined {
  const decision = isPlainObject(facts['decision']) ? (facts['decision'] as { letterDate?: unknown; effectiveDate?: unknown }) : undefined;
  const stored = decision
    ? records.decisions.find(
        (d) => d.letterDate === decision.letterDate && (decision.effectiveDate === undefined || d.effectiveDate === decision.effectiveDate),
      )
    : undefined;
  const worked = figures.find((f) => f.id === 'cms_weekly_amount')?.amount;
  if (!stored?.weeklyAmount || worked === undefined || stored.weeklyAmount === worked) return undefined;
  return (
    `CMS's circumstances as given (cmsCalculation) work out at £${worked} a week, but the case's decision ${stored.label} (dated ${stored.letterDate}) states £${stored.weeklyAmount}: ` +
    `the letter says your decision's amount is £${worked}. Check the circumstances given as CMS's against its decision letter.`
  );
}

/**
 * A refusal that says what the case supplied, so the caller sends only the rest; for a missing fact of the sender's
 * own that the case can keep (a date of birth, a National Insurance number), how to keep it there once.
 */
function whatIsMissing(
  spec: LetterSpec,
  error: LetterInputError,
  fromCase: readonly string[],
  reconciled: boolean,
  records: CaseRecords,
): LetterInputError {
  const party = ownParty(records);
  const keepIt = party
    ? `; keep it with the case (set_party with partyId ${party.id}) and every letter drafted from the case takes it from there, or give it in facts`
    : `; the case has no ${records.case.side} parent: add them with set_party (role ${records.case.side}_parent) and every letter drafted from the case takes their details from there, or give it in facts`;
  const problems = error.problems.map((p) => {
    // Only where the case could not reconcile at all; a reconciliation the letter refuses says why itself.
    if (p.field === 'reconciliation' && !reconciled) {
      return { ...p, message: 'the case has no CMS decisions to reconcile: add them with add_decision' };
    }
    const missingOwn = KEPT_WITH_PARTY.some((f) => p.field === `facts.${f}`) && p.message.startsWith('is missing');
    return missingOwn ? { ...p, message: `${p.message}${keepIt}` } : p;
  });
  const supplied = fromCase.length ? ` (the case supplied ${fromCase.join(', ')})` : '';
  const [first, ...rest] = problems;
  return new LetterInputError(spec.title, [{ ...first!, message: `${first!.message}${supplied}` }, ...rest]);
}

/** Drafts a letter from a stored case (nothing kept). */
export async function draftCaseLetter(store: CaseStore, caseId: string, request: CaseLetterRequest, today: CivilDate): Promise<CaseLetter> {
  const records = await store.caseRecords(caseId);
  // Reading the case and drafting from it are each a long step on a large case: the event loop turns between them.
  await nextTurn();
  return draftFromRecords(records, request, today);
}

/**
 * What is kept of a letter, as JSON text: the draft as written, and what it was drafted from (figures are not
 * re-typed). Text, so that its length is known before it is kept, without writing it out again.
 */
function letterContentJson(drafted: CaseLetter, request: CaseLetterRequest): string {
  const l = drafted.letter;
  return JSON.stringify({
    request: {
      type: request.type,
      ...(request.facts ? { facts: request.facts } : {}),
      ...(request.nation ? { nation: request.nation } : {}),
    },
    fromCase: drafted.fromCase,
    letter: {
      id: l.id,
      type: l.type,
      title: l.title,
      sentOn: l.sentOn,
      nation: l.nation,
      markdown: l.markdown,
      text: l.text,
      document: l.document,
      figures: l.figures,
      deadlines: l.deadlines,
      enclosures: l.enclosures,
      sendBy: l.sendBy,
      warnings: l.warnings,
    },
  });
}

/** The kept letter's catalogue id, title and document, from its content. */
export function keptLetter(record: LetterRecord): { id: LetterId; title: string; document: DraftedLetter['document']; facts: Facts } {
  const letter = record.content['letter'] as { id: LetterId; title: string; document: DraftedLetter['document'] } | undefined;
  if (!letter?.document)
    throw new InputError('letterId', 'this letter was kept by an older Reckoner without its document; draft it again with save_letter');
  const request = record.content['request'] as { facts?: Facts } | undefined;
  return { id: letter.id, title: letter.title, document: letter.document, facts: request?.facts ?? {} };
}

/** Drafts a letter from the case and keeps it as a draft (a new version of its type); gives the PDF too. */
export async function saveCaseLetter(
  store: CaseStore,
  caseId: string,
  request: CaseLetterRequest,
  today: CivilDate,
): Promise<{ record: LetterRecord; drafted: CaseLetter; pdf: Uint8Array }> {
  // Draft first: a letter that cannot be drafted keeps nothing.
  const drafted = await draftCaseLetter(store, caseId, request, today);
  const json = letterContentJson(drafted, request);
  const chars = json.length;
  if (chars > LETTER_CONTENT_MAX_CHARS) {
    throw new InputError(
      'type',
      `this ${drafted.letter.title} is ${groupedCount(chars)} characters with its figures, more than the ${groupedCount(LETTER_CONTENT_MAX_CHARS)} a kept letter may hold; ` +
        'send the dispute as two letters, each over part of the years: reconcile_case with asOf at a date between them, save ' +
        'this letter, then reconcile_case with from that date for the second',
    );
  }
  const record = await store.saveLetter(caseId, { type: drafted.letter.type, content: JSON.parse(json) as Record<string, unknown> });
  return { record, drafted, pdf: await renderPdf(drafted.letter.document) };
}

/**
 * Marks a kept letter sent, on the day and by the means given, and records the event of its sending (one
 * transaction), with the deadlines calc computes from that day: this is what starts the letter's clocks.
 */
export async function markCaseLetterSent(
  store: CaseStore,
  caseId: string,
  letterId: string,
  sending: LetterSending,
  options: { readonly nation?: Nation; readonly today?: CivilDate } = {},
): Promise<{ letter: LetterSummary; event: EventRecord; pdf: Uint8Array; warnings: string[] }> {
  const record = await store.letter(caseId, letterId);
  const kept = keptLetter(record);
  // The day it went starts its clocks: a day before the letter was written, or one still to come, is a slip.
  const dated = (record.content['letter'] as { sentOn?: CivilDate } | undefined)?.sentOn;
  if (dated !== undefined && sending.sentOn < dated) {
    throw new InputError('sentOn', `is before the letter's own date (${dated}); give the day it was actually sent, YYYY-MM-DD`);
  }
  if (options.today !== undefined && sending.sentOn > options.today) {
    throw new InputError('sentOn', `is after today (${options.today}); mark the letter sent on the day it goes, not before`);
  }
  // What the sending records turns on two letters' facts: L13 is the address-change report only for an address,
  // L24 is the ICO complaint at its second stage.
  const type = eventForLetter(kept.id, {
    ...(kept.id === 'L13' ? { addressChange: kept.facts['change'] === 'address' } : {}),
    ...(kept.id === 'L24' ? { icoComplaint: kept.facts['stage'] === 'ico_complaint' } : {}),
  });
  // The nation named now, else the letter's (drafted with the case's), else the case's own.
  const nation =
    options.nation ?? (record.content['letter'] as { nation?: Nation } | undefined)?.nation ?? caseNation(await store.events(caseId));
  // A request whose time runs from its receipt (a subject access or rectification request), posted, is taken to
  // arrive on the second working day after posting (CPR r.6.26): its month runs from then.
  const receivedOn =
    LETTER_CLOCKS[kept.id].countsFromReceipt && sending.method !== undefined && POSTED_METHODS.includes(sending.method)
      ? postedArrival(sending.sentOn, nation)
      : undefined;
  const facts = {
    ...(kept.facts['livesOutsideUk'] === true ? { livesOutsideUk: true } : {}),
    ...(receivedOn ? { receivedOn } : {}),
  };
  const event = eventWithDeadlines({
    type,
    date: sending.sentOn,
    summary: `${kept.id} ${kept.title}`,
    details: { letterType: record.type, version: record.version, ...(sending.method ? { method: sending.method } : {}) },
    letterId,
    nation,
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
  });
  const done = await store.markLetterSent(caseId, letterId, sending, event);
  // A last day this sending meets by its date may still be missed by its arrival, when it went by post: those on the
  // case's timeline, and those the letter's own facts set (a day of service no event recorded), each once.
  const met = (await storedCaseTimeline(store, caseId, sending.sentOn)).met.filter((d) => d.metBy?.eventId === done.event.id);
  const own = ((record.content['letter'] as { deadlines?: Deadline[] } | undefined)?.deadlines ?? []).filter(
    (d) => eventsThatMeet(d).includes(type) && sending.sentOn <= d.date && !met.some((m) => m.id === d.id && m.date === d.date),
  );
  // Sent after its date, the reply date the letter asks for (from its date) and the one tracked (from the sending) differ.
  // The tracked one runs from the day the recorded event is taken to arrive, when its time runs from receipt and that
  // is later than the sending: posted, or sent with no method given (then taken as posted, and the warning says so).
  const asked = (record.content['letter'] as { deadlines?: Deadline[] } | undefined)?.deadlines ?? [];
  const receipt = eventReceipt(done.event);
  const countedFrom =
    receipt === undefined || receipt.date === sending.sentOn ? 'sending' : receipt.how === 'assumed_posted' ? 'assumed_arrival' : 'arrival';
  const later =
    dated === undefined ? undefined : sentLaterWarning(kept.id, asked, done.event.deadlines, dated, sending.sentOn, countedFrom);
  return {
    ...done,
    pdf: await renderPdf(kept.document),
    warnings: [...arrivalWarnings([...met, ...own], sending.sentOn, sending.method, nation), ...(later ? [later] : [])],
  };
}
