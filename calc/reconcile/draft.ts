/**
 * What the stages of reconciliation hand on before ids and sentences are given: findings and matches as data,
 * money in whole pence, each finding with its effect on the balance by component.
 * @module
 */
import type { CivilDate } from '../dates.ts';
import type { BankTransaction, CmsEntry, Evidence } from '../ledger/entries.ts';
import type { PaidItem } from './read.ts';
import type { FindingFacts, FindingKind, MatchReason } from './types.ts';

/** CMS's figure minus the recomputed one, by component, in whole pence. */
export interface Effect {
  readonly maintenance: number;
  readonly fees: number;
  readonly charges: number;
}

export const NO_EFFECT: Effect = { maintenance: 0, fees: 0, charges: 0 };
export const effectTotal = (e: Effect): number => e.maintenance + e.fees + e.charges;
export const addEffects = (a: Effect, b: Effect): Effect => ({
  maintenance: a.maintenance + b.maintenance,
  fees: a.fees + b.fees,
  charges: a.charges + b.charges,
});

/** The entries a finding or match accounts for. */
export interface Accounts {
  readonly cms: readonly CmsEntry[];
  readonly bank: readonly BankTransaction[];
  readonly evidence: readonly Evidence[];
}

export interface FindingDraft extends Accounts {
  readonly kind: FindingKind;
  readonly date: CivilDate;
  /** The money at stake, whole pence, never negative. */
  readonly amount: number;
  readonly effect: Effect;
  /** The evidence it rests on, beyond what it accounts for. */
  readonly cites?: readonly (PaidItem | { readonly source: 'deduction'; readonly row: Evidence })[];
  readonly facts: FindingFacts;
}

export interface MatchDraft extends Accounts {
  readonly reason: MatchReason;
  readonly amount: number;
  readonly days: number;
  /** Extra words for the sentence, where the reason alone does not say enough. */
  readonly note?: string;
}

/** The entries of a list of paid items, by kind. */
export function accountsOf(items: readonly PaidItem[]): Pick<Accounts, 'bank' | 'evidence'> {
  const bank: BankTransaction[] = [];
  const evidence: Evidence[] = [];
  for (const i of items) {
    if (i.source === 'bank') bank.push(i.row);
    else evidence.push(i.row);
  }
  return { bank, evidence };
}
