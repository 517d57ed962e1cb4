/**
 * Stage 2 of reconciliation: CMS's record of payments against the evidence of them. Payments and refunds are
 * paired with bank rows and declared payments (calc/reconcile/match.ts); what is left over on CMS's side is a
 * duplicate or a payment no evidence shows; what is left over on the evidence side is a payment CMS did not
 * record, or (for a parent with two cases) one CMS put on the other case, or — on Direct Pay, where CMS records
 * no payments — simply a payment, weighed against the instalments and the missed-payment reports in stage 3.
 * @module
 */
import type { CmsEntry } from '../ledger/entries.ts';
import { fromPence, poundsOfPence } from '../money.ts';
import { maintenancePayees, setAsidePayees, type MaintenancePayees } from './payees.ts';
import { creditMinus, creditOf, negate, NO_CREDIT, type Credit, type Written } from './credits.ts';
import { accountsOf, type FindingDraft, type MatchDraft } from './draft.ts';
import { COPY_DAYS, lowerBound, matchPayments, recordingLag, type Item, type Pairing } from './match.ts';
import type { Books, PaidItem } from './read.ts';
import type { FindingFacts, SetAside } from './types.ts';

export interface PaymentsResult {
  readonly findings: FindingDraft[];
  readonly matches: MatchDraft[];
  /** Evidence of payment no CMS record accounts for, that counts as maintenance: for stage 3 (Direct Pay) or a finding. */
  readonly unrecorded: PaidItem[];
  /** What each counted payment is worth on the balance, and CMS's record of payments, in whole pence by component. */
  readonly paid: readonly { readonly item: PaidItem; readonly credit: Credit }[];
  readonly recorded: readonly { readonly entry: CmsEntry; readonly credit: Credit }[];
  /** How many days after the evidence CMS dates its records, as a rule (match.ts recordingLag): 0 where none shows. */
  readonly lag: number;
  /**
   * Without a filter: the regular payments whose amounts fit the schedule that were still set aside as not maintenance
   * (payees.ts setAsidePayees); undefined where there are none.
   */
  readonly setAside?: SetAside;
}

const cmsFact = (e: CmsEntry) => ({
  type: e.type,
  date: e.date,
  amount: fromPence(e.pence),
  ...(e.description ? { description: e.description } : {}),
});

/** A CMS payment record's sign: a refund is money back to the paying parent. */
const signed = (e: CmsEntry): number => (e.type === 'refund' ? -e.pence : e.pence);
/** A paid item's sign: on the paying side, money coming in is a refund. */
const paidSigned = (books: Books, i: PaidItem): number =>
  i.source === 'bank' && books.side === 'paying' && i.row.direction === 'in' ? -i.row.pence : i.row.pence;

export function reconcilePayments(books: Books, instalmentAmounts: ReadonlyMap<number, readonly number[]>): PaymentsResult {
  const { fees, basis, windowDays, maxDays } = books;
  const findings: FindingDraft[] = [];
  const matches: MatchDraft[] = [];
  const records = books.payments;
  const paidItems = books.paid;

  const itemOf = (e: CmsEntry, index: number): Item => ({
    index,
    day: e.day,
    pence: e.pence,
    kind: e.type === 'refund' ? 'refund' : 'payment',
    reference: e.reference === '' ? '' : normalise(e.reference),
    type: e.type,
  });
  const cmsItems: Item[] = records.map(itemOf);
  const bankItems: Item[] = paidItems.map((p, index) => ({
    index,
    day: p.row.day,
    pence: p.row.pence,
    kind: paidSigned(books, p) < 0 ? 'refund' : 'payment',
    reference: p.row.reference === '' ? '' : normalise(p.row.reference),
  }));
  const anyFee = books.schedule.lines.some((l) => l.collectionFee.gt(0) || l.receivingParents.some((r) => r.fee.gt(0)));
  const chargeAdjusted = anyFee
    ? (c: Item): number | undefined => {
        const pct = fees.pctOn(c.day);
        if (pct === 0) return undefined;
        const fee = Math.floor((c.pence * pct + 50) / 100);
        return books.side === 'paying' ? c.pence + fee : c.pence - fee;
      }
    : undefined;
  const options = {
    windowDays,
    maxDays,
    amountMismatches: books.filtered,
    ...(chargeAdjusted ? { chargeAdjusted } : {}),
    // CMS records what the paying parent pays (to CMS, or directly) after it leaves; what it passes on or refunds, before.
    recordFollows: (c: Item) => c.kind === 'payment' && c.type !== 'payment_passed_on',
  };
  // How long after the evidence CMS dates its records, read from all of them, those after the date too.
  const lag = recordingLag([...cmsItems, ...books.recordedAfter.map((e, k) => itemOf(e, records.length + k))], bankItems, options);
  const result = matchPayments(cmsItems, bankItems, { ...options, lag });

  // How CMS writes payments on Collect and Pay: as paid, or the maintenance part alone, as its matched records show.
  let asPaid = 0;
  let part = 0;
  for (const p of result.pairings) {
    if (p.reason === 'amount_mismatch' || fees.pctOn(cmsItems[p.cms[0]!]!.day) === 0) continue;
    if (p.feeAdjusted) part++;
    else asPaid++;
  }
  const usual: Written = part > asPaid ? 'maintenance_part' : 'as_paid';
  // A record paired with evidence is split between maintenance and fee as of the day the money moved, so that the
  // pair differs only where the amounts do (a record dated before fees began, paid after, is not a fee error).
  const movedOn = new Map<CmsEntry, number>();
  const recordCredit = (e: CmsEntry, written: Written): Credit => creditOf(signed(e), movedOn.get(e) ?? e.day, written, fees, basis);
  // Where a payment and CMS's record of it agree, the payment counts for what the record says: on Collect and Pay
  // two amounts of maintenance can leave the same sum once the fee is added or taken (235.87 and 235.88 both leave
  // 226.44 after 4%), and the record says which it was.
  const agreed = new Map<PaidItem, Credit>();
  const itemCredit = (i: PaidItem): Credit => agreed.get(i) ?? creditOf(paidSigned(books, i), i.row.day, 'as_paid', fees, basis);
  const sum = (cs: readonly Credit[]): Credit =>
    cs.reduce((a, c) => ({ maintenance: a.maintenance + c.maintenance, fees: a.fees + c.fees }), NO_CREDIT);
  const effectOf = (c: Credit) => ({ maintenance: c.maintenance, fees: c.fees, charges: 0 });

  const writtenOf = new Map<CmsEntry, Written>();
  /** The payments each record was paired with: a copy of a record cites them. */
  const pairedWith = new Map<CmsEntry, readonly PaidItem[]>();
  for (const p of result.pairings) {
    const c = p.cms.map((i) => records[i]!);
    const b = p.bank.map((i) => paidItems[i]!);
    const written: Written = p.feeAdjusted ? 'maintenance_part' : p.reason === 'amount_mismatch' ? usual : 'as_paid';
    for (const e of c) {
      writtenOf.set(e, written);
      movedOn.set(e, b[0]!.row.day);
      pairedWith.set(e, b);
    }
    const recorded = sum(c.map((e) => recordCredit(e, written)));
    if (p.reason !== 'date_outside_window' && p.reason !== 'amount_mismatch') {
      // Spread the record's credit over the payments as they show it, the last taking what rounding leaves.
      let left = recorded;
      b.forEach((item, k) => {
        const own = k === b.length - 1 ? left : itemCredit(item);
        agreed.set(item, own);
        left = creditMinus(left, own);
      });
    }
    const shown = sum(b.map(itemCredit));
    const accounts = { cms: c, ...accountsOf(b) };
    const cmsTotal = c.reduce((a, e) => a + e.pence, 0);
    const paidTotal = b.reduce((a, i) => a + i.row.pence, 0);
    if (p.reason === 'date_outside_window' || p.reason === 'amount_mismatch') {
      const diff = creditMinus(shown, recorded);
      findings.push({
        kind: p.reason === 'amount_mismatch' ? 'amount_mismatch' : 'date_mismatch',
        date: c[0]!.date,
        amount: p.reason === 'amount_mismatch' ? Math.abs(cmsTotal - paidTotal) : cmsTotal,
        effect: effectOf(diff),
        ...accounts,
        facts: { cms: c.map(cmsFact), days: p.days, ...(c[0]!.type === 'refund' ? { reason: 'refund' as const } : {}) },
      });
    } else {
      matches.push({
        reason: p.reason satisfies Pairing['reason'],
        amount: paidTotal,
        days: p.days,
        ...accounts,
        ...(p.feeAdjusted ? { note: `${fees.pctOn(c[0]!.day)}%` } : {}),
      });
    }
  }

  // CMS records with no evidence: a repeat of another record, or a payment nobody made.
  const unmatchedCms = new Set(result.unmatchedCms);
  const byTypeAndAmount = new Map<string, number[]>();
  records.forEach((e, i) => {
    const k = `${e.type}|${e.pence}`;
    const list = byTypeAndAmount.get(k);
    if (list) list.push(i);
    else byTypeAndAmount.set(k, [i]);
  });
  const leftRecords: number[] = [];
  for (const i of result.unmatchedCms) {
    const e = records[i]!;
    // The twin is another record of the same type and amount at most COPY_DAYS apart (what match.ts calls a copy):
    // one the evidence confirms, or, when neither is confirmed, the one first in canonical order.
    const near = (byTypeAndAmount.get(`${e.type}|${e.pence}`) ?? []).filter(
      (j) => j !== i && Math.abs(records[j]!.day - e.day) <= COPY_DAYS,
    );
    const twin = near.find((j) => !unmatchedCms.has(j)) ?? near.find((j) => j < i);
    if (twin !== undefined) {
      // A copy is written as the record it repeats.
      writtenOf.set(e, writtenOf.get(records[twin]!) ?? usual);
      const credit = recordCredit(e, writtenOf.get(e)!);
      findings.push({
        kind: 'duplicate_payment_record',
        date: e.date,
        amount: e.pence,
        effect: effectOf(negate(credit)),
        cms: [e, records[twin]!],
        bank: [],
        evidence: [],
        cites: pairedWith.get(records[twin]!) ?? [],
        facts: { cms: [cmsFact(e), cmsFact(records[twin]!)] },
      });
    } else leftRecords.push(i);
  }

  // Payments made for this case that CMS put on another case, and another case's payments CMS put on this one.
  const leftPaid = result.unmatchedBank;
  const wrongCase = crossCase(
    books,
    leftPaid.map((i) => paidItems[i]!),
    books.otherCase,
  );
  const takenPaid = new Set<PaidItem>();
  for (const { item, entry } of wrongCase) {
    takenPaid.add(item);
    const credit = itemCredit(item);
    findings.push({
      kind: 'payment_on_wrong_case',
      date: item.row.date,
      amount: item.row.pence,
      effect: effectOf(credit),
      cms: [entry],
      ...accountsOf([item]),
      facts: { cms: [cmsFact(entry)], otherCase: caseReferenceWords(entry.caseReference) },
    });
  }
  const fromOther = crossCase(
    books,
    books.paidForOtherCase,
    leftRecords.map((i) => records[i]!),
  );
  const takenRecords = new Set<CmsEntry>();
  const usedForOther = new Set<PaidItem>();
  for (const { item, entry } of fromOther) {
    takenRecords.add(entry);
    usedForOther.add(item);
    findings.push({
      kind: 'payment_from_other_case',
      date: entry.date,
      amount: entry.pence,
      effect: effectOf(negate(recordCredit(entry, usual))),
      cms: [entry],
      ...accountsOf([item]),
      facts: { cms: [cmsFact(entry)], otherCase: caseReferenceWords(normalise(item.row.reference || item.row.description)) },
    });
  }
  for (const item of books.paidForOtherCase) {
    if (!usedForOther.has(item)) {
      books.ignored.push(
        item.source === 'bank'
          ? { bankTransactionId: item.row.id, reason: 'another_case' }
          : { evidenceId: item.row.id, reason: 'another_case' },
      );
    }
  }
  const usedOther = new Set(wrongCase.map((w) => w.entry));
  for (const e of books.otherCase) if (!usedOther.has(e)) books.ignored.push({ cmsEntryId: e.id, reason: 'another_case' });

  // A payment CMS recorded passing on before the date that reached her bank after it, within the matching window (of
  // where CMS's lag puts it), is on its way (the receiving side's payment in transit), not one with no evidence.
  const arrivals = books.side === 'receiving' ? [...books.paidAfter] : [];
  for (const i of leftRecords) {
    const e = records[i]!;
    if (takenRecords.has(e)) continue;
    const k =
      e.type === 'payment_passed_on'
        ? arrivals.findIndex((t) => t.pence === e.pence && t.day >= e.day && Math.abs(e.day - lag - t.day) <= books.windowDays)
        : -1;
    const arrived = k >= 0 ? arrivals.splice(k, 1)[0]! : undefined;
    findings.push({
      kind: arrived ? 'payment_in_transit' : 'cms_payment_without_evidence',
      date: e.date,
      amount: e.pence,
      effect: effectOf(negate(recordCredit(e, usual))),
      cms: [e],
      bank: [],
      evidence: [],
      facts: {
        cms: [cmsFact(e)],
        ...(arrived
          ? { arrivedOn: arrived.date }
          : e.type === 'refund'
            ? { reason: 'refund' }
            : e.type === 'voluntary_payment'
              ? { reason: 'voluntary' }
              : {}),
      },
    });
  }

  // What is left of the evidence: without a filter, only what looks like a maintenance payment counts: by its own
  // amount or reference, or as a payment to a payee that is plainly the other parent's (payees.ts).
  const alone = books.filtered
    ? () => true
    : looksLikeMaintenance(
        books,
        records,
        paidItems,
        result,
        instalmentAmounts,
        inCombination(cmsItems, bankItems, windowDays, chargeAdjusted),
      );
  const payees: MaintenancePayees | undefined = books.filtered
    ? undefined
    : maintenancePayees(books, paidItems, (i) => !unmatchedBankSet(result).has(i) || alone(i));
  const looksLike = (i: number): boolean => alone(i) || (payees?.counts(paidItems[i]!) ?? false);
  const unrecorded: PaidItem[] = [];
  const counted = new Set<PaidItem>();
  paidItems.forEach((item, i) => {
    if (!unmatchedBankSet(result).has(i)) counted.add(item);
  });
  const forOtherCase: PaidItem[] = [];
  for (const i of leftPaid) {
    const item = paidItems[i]!;
    if (takenPaid.has(item)) {
      counted.add(item);
      continue;
    }
    // A payment no record of this case matches, whose reference is another case reference of this one's shape: paid
    // for the parent's other case, not missing from this one (cms-accounts.md §4: two cases and two references).
    if (item.source === 'bank' && otherCaseReference(books.thisCase, item.row.reference || item.row.description)) {
      books.ignored.push({ bankTransactionId: item.row.id, reason: 'another_case' });
      forOtherCase.push(item);
      continue;
    }
    if (item.source === 'bank' && !looksLike(i)) {
      books.ignored.push({ bankTransactionId: item.row.id, reason: 'not_a_maintenance_payment' });
      continue;
    }
    counted.add(item);
    unrecorded.push(item);
  }

  if (forOtherCase.length > 0) books.warnings.push(otherCaseWarning(books.thisCase, forOtherCase));
  if (payees) {
    // Say what was assumed: the payments counted only because of whom they went to.
    const indexOf = new Map(paidItems.map((item, i) => [item, i]));
    const byPayee = payees.warning(unrecorded.filter((item) => !alone(indexOf.get(item)!)));
    if (byPayee) books.warnings.push(byPayee);
  }
  const setAside = payees
    ? setAsidePayees(
        books,
        paidItems.filter(
          (item, i) => item.source === 'bank' && unmatchedBankSet(result).has(i) && !counted.has(item) && !forOtherCase.includes(item),
        ),
        [...instalmentAmounts.keys(), ...records.map((e) => e.pence)],
      )
    : undefined;
  const paid = [...counted].map((item) => ({ item, credit: itemCredit(item) }));
  // CMS's ledger holds every record it made on this case, another case's payment included.
  const recorded = records.map((e) => ({ entry: e, credit: recordCredit(e, writtenOf.get(e) ?? usual) }));
  return { findings, matches, unrecorded, paid, recorded, lag, ...(setAside ? { setAside } : {}) };
}

/**
 * The other case reference a payment's reference or description names: a run of digits as long as this case's
 * (an all-digit reference of ten digits or more, as CMS's twelve are) that is not this case's. Undefined otherwise.
 */
export function otherCaseReference(thisCase: string, text: string): string | undefined {
  if (!/^\d{10,}$/.test(thisCase)) return undefined;
  return normalise(text)
    .match(/\d+/g)
    ?.find((run) => run.length === thisCase.length && run !== thisCase);
}

function otherCaseWarning(thisCase: string, items: readonly PaidItem[]): string {
  const refs = [...new Set(items.map((i) => caseReferenceWords(otherCaseReference(thisCase, i.row.reference || i.row.description)!)))];
  const total = items.reduce((a, i) => a + i.row.pence, 0);
  const n = items.length;
  return (
    `${n === 1 ? 'One payment' : `${n} payments`} the evidence shows (${poundsOfPence(total)}) ${n === 1 ? 'gives' : 'give'} another case reference ` +
    `(${refs.join(', ')}), not this case’s (${caseReferenceWords(thisCase)}), and no entry of this case records ${n === 1 ? 'it' : 'them'}: ` +
    `${n === 1 ? 'it is' : 'they are'} left out as paid for that case, not counted as missing from this one. If CMS put any on this case, or it was meant for it, give that case’s entries too.`
  );
}

/** A case reference as CMS prints it: its twelve digits in fours ("1234 5678 9012"), or as given. */
export function caseReferenceWords(normalised: string): string {
  const digits = normalised.replace(/\D/g, '');
  return digits.length === 12 ? digits.replace(/(\d{4})(?=\d)/g, '$1 ') : normalised;
}

const normalise = (r: string): string => {
  const n = r.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return n.length >= 4 ? n : '';
};

const memo = new WeakMap<object, Set<number>>();
function unmatchedBankSet(result: { unmatchedBank: readonly number[] }): Set<number> {
  let s = memo.get(result);
  if (!s) memo.set(result, (s = new Set(result.unmatchedBank)));
  return s;
}

/**
 * Pairs payments with records on the other side of a two-case mix-up: the same amount (or with the fee) within the
 * window, nearest first, one to one.
 */
function crossCase(books: Books, items: readonly PaidItem[], entries: readonly CmsEntry[]): { item: PaidItem; entry: CmsEntry }[] {
  if (items.length === 0 || entries.length === 0) return [];
  const out: { item: PaidItem; entry: CmsEntry }[] = [];
  const candidates: [number, number, number][] = [];
  items.forEach((item, i) => {
    entries.forEach((e, j) => {
      const pct = books.fees.pctOn(e.day);
      const fee = Math.floor((e.pence * pct + 50) / 100);
      const adjusted = books.side === 'paying' ? e.pence + fee : e.pence - fee;
      const d = Math.abs(item.row.day - e.day);
      if (d <= books.windowDays && (item.row.pence === e.pence || (pct > 0 && item.row.pence === adjusted))) candidates.push([d, i, j]);
    });
  });
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  for (const [, i, j] of candidates) {
    if (usedI.has(i) || usedJ.has(j)) continue;
    usedI.add(i);
    usedJ.add(j);
    out.push({ item: items[i]!, entry: entries[j]! });
  }
  return out;
}

/**
 * Without a bank filter, an unmatched transaction still counts when it looks like a maintenance payment: the same
 * reference as a CMS record; the amount of a CMS record (or with the fee) within the window; the amount of an
 * instalment due within the window; or, paid to the same payee (the same description) as a payment that matched,
 * the amount of a CMS record as far off as the matcher pairs them (maxDays), or a part of a sum the matcher could
 * pair with CMS's records within the window (`inCombination`). The last two keep a payment counting when another
 * takes the record it was paired with, alone or with others, while a shop of the same amount a month away, or two
 * shops whose amounts happen to add up to a record, stay out.
 */
function looksLikeMaintenance(
  books: Books,
  records: readonly CmsEntry[],
  paidItems: readonly PaidItem[],
  result: ReturnType<typeof matchPayments>,
  instalmentAmounts: ReadonlyMap<number, readonly number[]>,
  inCombination: (i: number) => boolean,
): (i: number) => boolean {
  const cmsByAmount = new Map<number, number[]>();
  const references = new Set<string>();
  for (const e of records) {
    const pct = books.fees.pctOn(e.day);
    const fee = Math.floor((e.pence * pct + 50) / 100);
    for (const v of pct > 0 ? [e.pence, books.side === 'paying' ? e.pence + fee : e.pence - fee] : [e.pence]) {
      const list = cmsByAmount.get(v);
      if (list) list.push(e.day);
      else cmsByAmount.set(v, [e.day]);
    }
    const r = normalise(e.reference);
    if (r) references.add(r);
  }
  const unmatched = unmatchedBankSet(result);
  const payee = (i: number): string => {
    const item = paidItems[i]!;
    const d = item.row.description.trim().toLowerCase();
    return d === '' ? '' : `${item.row.pence > 0 && item.source === 'bank' ? item.row.direction : ''}|${d}`;
  };
  const matchedPayees = new Set<string>();
  paidItems.forEach((_, i) => {
    if (!unmatched.has(i)) {
      const p = payee(i);
      if (p) matchedPayees.add(p);
    }
  });
  const within = (days: readonly number[] | undefined, day: number, limit: number): boolean =>
    (days ?? []).some((d) => Math.abs(d - day) <= limit);
  return (i) => {
    const item = paidItems[i]!;
    const r = normalise(item.row.reference);
    return (
      (r !== '' && references.has(r)) ||
      within(cmsByAmount.get(item.row.pence), item.row.day, books.windowDays) ||
      within(instalmentAmounts.get(item.row.pence), item.row.day, books.windowDays) ||
      (matchedPayees.has(payee(i)) && (inCombination(i) || within(cmsByAmount.get(item.row.pence), item.row.day, books.maxDays)))
    );
  };
}

/**
 * Whether payment `i` could be part of a combination the matcher pairs (match.ts pass 4), whichever it pairs in the
 * end: with one or two other payments of its kind near a record, it adds up to that record (CMS recorded them
 * together); or two or three records of its kind near it add up to it (CMS recorded it in parts); the records as
 * written or, where the fee applied, all with it. Every payment in a combination the matcher took passes, and more
 * payments only make more sums, so adding one never stops another passing.
 */
function inCombination(
  cms: readonly Item[],
  bank: readonly Item[],
  windowDays: number,
  chargeAdjusted: ((c: Item) => number | undefined) | undefined,
): (i: number) => boolean {
  // Each side in date order, so the items within the window of a day are found by two binary searches.
  const byDay = (items: readonly Item[]) => {
    const sorted = [...items].sort((a, b) => a.day - b.day);
    return { sorted, days: sorted.map((x) => x.day) };
  };
  const cmsSide = byDay(cms);
  const bankSide = byDay(bank);
  const near = ({ sorted, days }: ReturnType<typeof byDay>, kind: Item['kind'], day: number): Item[] => {
    const out: Item[] = [];
    for (let k = lowerBound(days, day - windowDays); k < sorted.length && days[k]! <= day + windowDays; k++)
      if (sorted[k]!.kind === kind) out.push(sorted[k]!);
    return out;
  };
  const valuesOf = (c: Item): number[] => {
    const v = chargeAdjusted?.(c);
    return v === undefined ? [c.pence] : [c.pence, v];
  };
  return (i) => {
    const b = bank[i]!;
    const records = near(cmsSide, b.kind, b.day);
    for (const c of records) {
      const others = near(bankSide, b.kind, c.day)
        .filter((x) => x !== b)
        .map((x) => x.pence);
      for (const target of valuesOf(c)) if (target > b.pence && addsUpTo(others, target - b.pence, 2)) return true;
    }
    const plain = records.map((c) => c.pence);
    const charged = chargeAdjusted ? records.map(chargeAdjusted).filter((v): v is number => v !== undefined) : [];
    return addsUpTo(plain, b.pence, 3) || addsUpTo(charged, b.pence, 3);
  };
}

/** Whether one to `most` of `values`, each taken once, add up to `target`. */
function addsUpTo(values: readonly number[], target: number, most: 2 | 3): boolean {
  const count = new Map<number, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  // Whether `v` is among the values once those already taken are set aside.
  const left = (v: number, ...taken: number[]): boolean => (count.get(v) ?? 0) > taken.filter((t) => t === v).length;
  if (left(target)) return true;
  for (let j = 0; j < values.length; j++) {
    const a = values[j]!;
    if (left(target - a, a)) return true;
    if (most === 3) for (let k = j + 1; k < values.length; k++) if (left(target - a - values[k]!, a, values[k]!)) return true;
  }
  return false;
}

export type { FindingFacts };
