/** Compact, order-free views of a reconciliation for exact comparison in tests. */
import { formatMoney } from '../../../calc/money.ts';
import type { Reconciliation } from '../../../calc/reconcile/reconcile.ts';

export type Found = { kind: string; amount: string; cms: readonly string[]; bank: readonly string[] };
export type Paired = { reason: string; cms: readonly string[]; bank: readonly string[] };

const key = (x: { kind?: string; reason?: string; cms: readonly string[]; bank: readonly string[] }) =>
  `${x.kind ?? x.reason}|${x.cms.join(',')}|${x.bank.join(',')}`;
const byKey = <T extends { cms: readonly string[]; bank: readonly string[] }>(xs: T[]): T[] =>
  xs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Every discrepancy as kind, amount and ids, sorted so that the order of reporting does not matter. */
export function discrepancies(r: Reconciliation): Found[] {
  return byKey(
    r.discrepancies.map((d) => ({ kind: d.kind, amount: formatMoney(d.amount), cms: d.cmsEntryIds, bank: d.bankTransactionIds })),
  );
}

export function found(list: Found[]): Found[] {
  return byKey([...list]);
}

/** Every match as reason and ids, sorted. */
export function matches(r: Reconciliation): Paired[] {
  return byKey(r.matches.map((m) => ({ reason: m.reason, cms: m.cmsEntryIds, bank: m.bankTransactionIds })));
}

export function paired(list: Paired[]): Paired[] {
  return byKey([...list]);
}

/** Ignored entries as `id: reason`, sorted. */
export function ignored(r: Reconciliation): string[] {
  return r.ignored.map((i) => `${i.cmsEntryId ?? i.bankTransactionId}: ${i.reason}`).sort();
}

export function balance(r: Reconciliation) {
  const b = r.balance;
  return {
    due: formatMoney(b.due),
    paidPerBank: formatMoney(b.paidPerBank),
    adjustments: formatMoney(b.adjustments),
    recomputed: formatMoney(b.recomputed),
    position: b.position,
    ...(b.cmsClaimed === undefined ? {} : { cmsClaimed: formatMoney(b.cmsClaimed), difference: formatMoney(b.difference!) }),
  };
}
