/**
 * Without a bankFilter, whom the maintenance went to. A whole bank statement holds rent, bills and savings beside the
 * maintenance, so a payment counts by its own amount or reference (payments.ts looksLikeMaintenance) — but a parent
 * who pays £60 every Friday against a £260 monthly instalment, or £160 one month to the payee every other instalment
 * went to, makes payments no single amount gives away (a journey probe, F1: 26 weekly payments set aside, then
 * "£0.00 paid for it" and a letter accepting £1,560.00 of arrears never owed). What marks a payee as the other
 * parent's, so that every payment to it counts:
 * - its description names the other parent (first name and surname, or an initial and the surname: "C PROBE" for Cat
 *   Probe), as the case holds the name (`otherParentNames`);
 * - its description or a payment's reference names child maintenance ("CHILD MAINT", "CHILD SUPPORT", "CMS", "CSA");
 * - at least two payments to it count by their own amount, and they are at least half of its payments (the payee of
 *   the other maintenance payments; a shop that once took the instalment's amount stays out).
 * A payee that is merely regular is not enough: a £60 weekly transfer to savings or a landlord looks the same. Those
 * whose amounts fit the schedule are set aside and named (`setAsidePayees`), so that a shortfall found beside them
 * is not stated as nothing paid, and the parent can say with bankFilter that they were maintenance.
 * @module
 */
import { fromPence, poundsOfPence } from '../money.ts';
import type { Books, PaidItem } from './read.ts';
import type { SetAside } from './types.ts';

/** The direction a maintenance payment takes on this side's bank: out from the paying parent, in to the receiving one. */
const towardsCase = (books: Books): 'in' | 'out' => (books.side === 'paying' ? 'out' : 'in');

/** A bank payment in the direction maintenance takes on this side. */
const bankPayment = (books: Books, item: PaidItem): boolean =>
  item.source === 'bank' && item.row.direction === towardsCase(books) && item.row.pence > 0;

const wordsOf = (text: string): string[] =>
  text
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);

/**
 * A payee as the bank describes it, its words only: a word with a digit in it (a date such as "05APR", a reference
 * number) is left out, so that payments to one payee written with the day in the description are one payee.
 */
export function payeeKey(description: string): string {
  return wordsOf(
    description
      .split(/\s+/)
      .filter((w) => !/\d/.test(w))
      .join(' '),
  ).join(' ');
}

/** Whether a description names the person: their surname with their first name, or with their initial beside it. */
export function namesPerson(description: string, name: string): boolean {
  const n = wordsOf(name);
  if (n.length < 2) return false;
  const first = n[0]!;
  const last = n.at(-1)!;
  if (last.length < 2) return false;
  const d = wordsOf(description);
  return d.some((w, k) => w === last && (d.includes(first) || d[k - 1] === first[0] || d[k + 1] === first[0]));
}

const MAINTENANCE_WORDS = /\b(CHILD ?MAINT[A-Z]*|CHILD ?SUPPORT|CMS|CSA)\b/;
/** Whether a description or reference names child maintenance. */
export const namesMaintenance = (text: string): boolean => MAINTENANCE_WORDS.test(wordsOf(text).join(' '));

type Why =
  { readonly kind: 'named'; readonly name: string } | { readonly kind: 'words' } | { readonly kind: 'payee'; readonly recognised: number };

export interface MaintenancePayees {
  /** Whether a payment counts as maintenance for whom it went to, or for its reference. */
  readonly counts: (item: PaidItem) => boolean;
  /** What was assumed, for the payments that counted only so; undefined where none did. */
  readonly warning: (items: readonly PaidItem[]) => string | undefined;
}

/**
 * The payees that are plainly the other parent's (see the module doc). `recognised(i)` says whether payment `i` of
 * `paid` counts by itself (it matched a CMS record, or looks like a maintenance payment by amount or reference).
 */
export function maintenancePayees(books: Books, paid: readonly PaidItem[], recognised: (i: number) => boolean): MaintenancePayees {
  const groups = new Map<string, number[]>();
  paid.forEach((item, i) => {
    if (!bankPayment(books, item)) return;
    const key = payeeKey(item.row.description);
    if (key === '') return;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const why = new Map<string, Why>();
  for (const [key, list] of groups) {
    const name = books.otherParentNames.find((n) => namesPerson(key, n));
    if (name) why.set(key, { kind: 'named', name });
    else if (namesMaintenance(key)) why.set(key, { kind: 'words' });
    else {
      const known = list.filter(recognised).length;
      if (known >= 2 && known * 2 >= list.length) why.set(key, { kind: 'payee', recognised: known });
    }
  }
  const whyOf = (item: PaidItem): Why | undefined =>
    !bankPayment(books, item)
      ? undefined
      : (why.get(payeeKey(item.row.description)) ?? (namesMaintenance(item.row.reference) ? { kind: 'words' } : undefined));
  return {
    counts: (item) => whyOf(item) !== undefined,
    warning: (items) => {
      const byPayee = new Map<string, { description: string; why: Why; items: PaidItem[] }>();
      for (const item of items) {
        const w = whyOf(item);
        if (!w) continue;
        const key = `${payeeKey(item.row.description)}|${w.kind}`;
        const group = byPayee.get(key);
        if (group) group.items.push(item);
        else byPayee.set(key, { description: item.row.description.trim(), why: w, items: [item] });
      }
      if (byPayee.size === 0) return undefined;
      const parts = [...byPayee.values()].map(({ description, why: w, items: list }) => {
        const total = list.reduce((a, i) => a + i.row.pence, 0);
        const reason =
          w.kind === 'named'
            ? `the description names the other parent (${w.name})`
            : w.kind === 'words'
              ? 'the description or reference names child maintenance'
              : `${w.recognised} other payments to the same payee are maintenance payments by their amounts`;
        return `${countWords(list.length)} ${list.length === 1 ? 'payment' : 'payments'} ${books.side === 'paying' ? 'to' : 'from'} “${description}” (${poundsOfPence(total)}), because ${reason}`;
      });
      return (
        `No bankFilter was given, and these payments, whose amounts match no CMS record or instalment, were counted as maintenance for whom they went to: ${parts.join('; ')}. ` +
        'If any of them was not a maintenance payment, give bankFilter.descriptionContains to say which are.'
      );
    },
  };
}

const countWords = (n: number): string => (n === 1 ? 'One' : String(n));

/**
 * The regular payments set aside as not maintenance whose amounts fit the schedule: payees that took two or more of
 * `left` (payments in the direction maintenance takes, set aside), every one of them a weekly amount (or two to five
 * weeks of it), an instalment or a CMS record's amount (`amounts`), together no more than all that fell due to the date.
 * Undefined where there are none.
 */
export function setAsidePayees(books: Books, left: readonly PaidItem[], amounts: readonly number[]): SetAside | undefined {
  const fits = new Set(amounts);
  let dueToDate = 0;
  const receivers = books.schedule.lines[0]?.receivingParents.length ?? 0;
  for (const line of books.schedule.lines) {
    const own =
      books.side === 'paying'
        ? [line.totalDue]
        : [line.receivingParents[Math.max(books.rpIndex, 0)]?.maintenance, line.receivingParents[Math.max(books.rpIndex, 0)]?.net];
    for (const v of own) if (v) fits.add(Math.round(v.toNumber() * 100));
    dueToDate += Math.round((own[0]?.toNumber() ?? 0) * 100);
    // A weekly amount is the whole case's: on the receiving side it is hers only where she is the only receiving parent.
    if (books.side === 'receiving' && receivers > 1) continue;
    const withFee = books.side === 'paying' && line.collectionFee.gt(0);
    for (const s of line.segments) {
      const weekly = Math.round(s.weeklyAmount.toNumber() * 100);
      for (let k = 1; k <= 5; k++) {
        fits.add(weekly * k);
        // With the paying parent's 20% collection fee (SI 2014/612 reg 7), rounded half up to the penny.
        if (withFee) fits.add(weekly * k + Math.floor((weekly * k * 20 + 50) / 100));
      }
    }
  }
  const groups = new Map<string, PaidItem[]>();
  for (const item of left) {
    if (!bankPayment(books, item)) continue;
    const key = payeeKey(item.row.description);
    if (key === '') continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const payees = [...groups.values()]
    .filter(
      (list) => list.length >= 2 && list.every((i) => fits.has(i.row.pence)) && list.reduce((a, i) => a + i.row.pence, 0) <= dueToDate,
    )
    .map((list) => ({ description: list[0]!.row.description.trim(), count: list.length, pence: list.reduce((a, i) => a + i.row.pence, 0) }))
    .sort((a, b) => b.count - a.count || (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  if (payees.length === 0) return undefined;
  return {
    count: payees.reduce((a, p) => a + p.count, 0),
    total: fromPence(payees.reduce((a, p) => a + p.pence, 0)),
    payees: payees.map((p) => ({ description: p.description, count: p.count, total: fromPence(p.pence) })),
  };
}
