/** Compact, order-free views of a reconciliation for exact comparison in tests. */
import { formatMoney, type Dec } from '../../../calc/money.ts';
import type { Reconciliation } from '../../../calc/reconcile/reconcile.ts';

/** A finding as kind, money at stake, its effect on CMS's figure (the bridge line), and the ids it accounts for. */
export type Found = {
  kind: string;
  amount: string;
  effect?: string;
  cms: readonly string[];
  bank: readonly string[];
  evidence?: readonly string[];
};
export type Paired = { reason: string; cms: readonly string[]; bank: readonly string[]; evidence?: readonly string[] };

const key = (x: { kind?: string; reason?: string; cms: readonly string[]; bank: readonly string[]; evidence?: readonly string[] }) =>
  `${x.kind ?? x.reason}|${x.cms.join(',')}|${x.bank.join(',')}|${(x.evidence ?? []).join(',')}`;
const byKey = <T extends { cms: readonly string[]; bank: readonly string[] }>(xs: T[]): T[] =>
  xs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * Every finding as kind, amount, effect and ids, sorted so that the order of reporting does not matter. `evidence`
 * (payslips and the like) is listed only where there is any, so bank-only tests stay short.
 */
export function findings(r: Reconciliation): Found[] {
  return byKey(
    r.findings.map((d) => ({
      kind: d.kind,
      amount: formatMoney(d.amount),
      effect: formatMoney(d.effect),
      cms: d.cmsEntryIds,
      bank: d.bankTransactionIds,
      ...(d.evidenceIds.length ? { evidence: d.evidenceIds } : {}),
    })),
  );
}

/** The expected findings, sorted the same way. */
export function found(list: Found[]): Found[] {
  return byKey([...list]);
}

/** Every match as reason and ids, sorted. */
export function matches(r: Reconciliation): Paired[] {
  return byKey(
    r.matches.map((m) => ({
      reason: m.reason,
      cms: m.cmsEntryIds,
      bank: m.bankTransactionIds,
      ...(m.evidenceIds.length ? { evidence: m.evidenceIds } : {}),
    })),
  );
}

export function paired(list: Paired[]): Paired[] {
  return byKey([...list]);
}

/** Ignored entries as `id: reason`, sorted. */
export function ignored(r: Reconciliation): string[] {
  return r.ignored.map((i) => `${i.cmsEntryId ?? i.bankTransactionId ?? i.evidenceId}: ${i.reason}`).sort();
}

const m = (d: Dec) => formatMoney(d);

export function balance(r: Reconciliation) {
  const b = r.balance;
  return {
    due: m(b.due),
    paid: m(b.paid),
    adjustments: m(b.adjustments),
    recomputed: m(b.recomputed),
    position: b.position,
    ...(b.notYetDue.isZero() ? {} : { notYetDue: m(b.notYetDue) }),
    ...(b.enforcementCharges.isZero() ? {} : { enforcementCharges: m(b.enforcementCharges) }),
    ...(b.writtenOff.isZero() ? {} : { writtenOff: m(b.writtenOff) }),
    ...(b.cmsClaimed === undefined ? {} : { cmsClaimed: m(b.cmsClaimed), difference: m(b.difference!) }),
  };
}

/** The bridge as its from and to figures and every line as `kind effect`, plus the check that it adds up. */
export function bridge(r: Reconciliation) {
  const lines = r.bridge.lines.map((l) => `${l.kind} ${m(l.amount)}`).sort();
  const sum = r.bridge.lines.reduce((a, l) => a.plus(l.amount), r.bridge.from.minus(r.bridge.from));
  return { from: m(r.bridge.from), to: m(r.bridge.to), lines, addsUp: m(sum) === m(r.bridge.from.minus(r.bridge.to)) };
}

/** Each component's recomputed balance (and CMS's claim for it where given). */
export function components(r: Reconciliation) {
  return Object.fromEntries(
    r.balance.components.map((c) => [
      c.component,
      { recomputed: m(c.recomputed), cmsEntries: m(c.cmsEntriesTotal), ...(c.cmsClaimed ? { cmsClaimed: m(c.cmsClaimed) } : {}) },
    ]),
  );
}
