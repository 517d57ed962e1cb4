/**
 * The shapes of a liability schedule: decisions in; periods, the payment plan and totals out.
 * @module
 */
import type { CivilDate } from '../dates.ts';
import type { Creditor } from '../ledger/entries.ts';
import type { Dec as Decimal, MoneyInput } from '../money.ts';
import type { CollectionService, MaintenanceInput, Rate } from '../scheme-2012/calculate.ts';
import type { TraceStep } from '../trace.ts';
import type { Amounts } from './amounts.ts';
import type { PaymentPlan } from './plan.ts';

export const PAYMENT_FREQUENCIES = ['weekly', 'fortnightly', 'four_weekly', 'monthly'] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number];

/** Most periods one schedule may have (40 years of weekly payments). */
export const MAX_PERIODS = 2100;

export interface DecisionInput {
  readonly id?: string;
  /** The day the decision takes effect. */
  readonly effectiveDate: CivilDate;
  /** The date on the letter; orders two decisions with the same effective date. */
  readonly letterDate?: CivilDate;
  /** The weekly amount, as the decision states it. */
  readonly weeklyAmount?: MoneyInput;
  /** Or the circumstances, to work the amount out (its date defaults to the effective date). */
  readonly calculation?: Omit<MaintenanceInput, 'date'> & { readonly date?: CivilDate };
  /** Which receiving parent a stated weekly amount is for (several receiving parents: give a calculation). */
  readonly receivingParentId?: string;
  /** Service from this decision on; defaults to the schedule's. */
  readonly service?: CollectionService;
}

/**
 * How CMS collects what accrued before the first payment date (the initial amount) and what a backdated
 * decision adds: spread over the instalments of the payment plan, not due at once (SI 1992/1989 reg 4).
 */
export interface PaymentPlanInput {
  /**
   * Spread each such amount over this many instalments, from the first payment date after it arose. Default: the
   * instalments in 52 weeks (12 monthly, 52 weekly, 26 fortnightly, 13 four-weekly). 1: due at once.
   */
  readonly catchUpInstalments?: number;
  /** Or the arrears (catch-up) part of each instalment, as CMS's payment schedule letter sets it out. */
  readonly catchUp?: readonly { readonly dueDate: CivilDate; readonly amount: MoneyInput }[];
}

/** The Child Support Agency's first day (1991 Act in force for new cases): the earliest effective date a schedule takes. */
export const CSA_START = '1993-04-05';

/**
 * Arrears carried into the schedule on a day, as stated (the CSA's closure letter, or CMS's first statement): when a
 * CSA case closed and moved to CMS, the closure date and the arrears carried over. It stands for everything owed
 * before its date, so no decision may take effect before it.
 */
export interface OpeningBalanceInput {
  readonly date: CivilDate;
  /** Positive: the paying parent owed it; negative: they had overpaid. */
  readonly amount: MoneyInput;
  /** The part of it owed to the Secretary of State, not the receiving parent (default none). */
  readonly secretaryOfState?: MoneyInput;
  readonly source?: string;
}

/** Why arrears were written off: 1991 Act s.41E case by case, or the CSA arrears write-off exercise from December 2018. */
export const WRITE_OFF_REASONS = ['s41e', 'write_off_exercise'] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];

/** Arrears written off, as CMS's write-off letter states them: they stop being owed; nothing was paid. */
export interface WriteOffInput {
  readonly date: CivilDate;
  readonly amount: MoneyInput;
  /** Default s41e. */
  readonly reason?: WriteOffReason;
  /** Whose arrears were written off (default the receiving parent's). */
  readonly creditor?: Creditor;
  readonly source?: string;
}

export interface ScheduleInput {
  readonly decisions: readonly DecisionInput[];
  /** Arrears carried in (from the CSA), as stated. */
  readonly openingBalance?: OpeningBalanceInput;
  /** Arrears written off. */
  readonly writeOffs?: readonly WriteOffInput[];
  readonly frequency?: PaymentFrequency;
  /** The first payment day; later ones follow at the frequency. Defaults to the first effective date. */
  readonly firstDueDate?: CivilDate;
  /**
   * The first day with nothing due: the day after the last day of liability (a case closed on 31 January, its last
   * day owed, ends on 1 February). Nothing is due for it or after it.
   */
  readonly caseEndDate?: CivilDate;
  /** Include every period due on or before this day. */
  readonly asOf: CivilDate;
  readonly service?: CollectionService;
  /** How initial and backdated amounts are collected (see {@link PaymentPlanInput}). */
  readonly paymentPlan?: PaymentPlanInput;
}

export interface ResolvedDecision {
  readonly id: string;
  readonly effectiveDate: CivilDate;
  readonly letterDate?: CivilDate;
  readonly service: CollectionService;
  readonly weeklyAmount: Decimal;
  readonly rate?: Rate;
  readonly shares: readonly { readonly receivingParentId: string; readonly weekly: Decimal }[];
  /** True when a later letter with the same effective date replaced it. */
  readonly superseded: boolean;
}

export interface Segment {
  readonly from: CivilDate;
  /** Last day, inclusive. */
  readonly to: CivilDate;
  readonly days: number;
  readonly decisionId: string;
  readonly weeklyAmount: Decimal;
  readonly service: CollectionService;
  readonly amount: Decimal;
}

export interface ScheduleLine {
  readonly periodStart: CivilDate;
  /** Last day of the period, inclusive. */
  readonly periodEnd: CivilDate;
  readonly dueDate: CivilDate;
  /** The service on the due date; where it changes inside the period, the fees follow each part's service. */
  readonly service: CollectionService;
  readonly segments: readonly Segment[];
  /** Maintenance due for the period, all receiving parents together. */
  readonly maintenance: Decimal;
  /** Collect and Pay: the paying parent's fee on it (20%); zero on Direct Pay. */
  readonly collectionFee: Decimal;
  /** What the paying parent owes for the period: maintenance + fee. */
  readonly totalDue: Decimal;
  readonly runningTotal: Decimal;
  readonly receivingParents: readonly {
    readonly id: string;
    readonly maintenance: Decimal;
    /** Collect and Pay: the receiving parent's fee (4%) when the maintenance is collected. */
    readonly fee: Decimal;
    readonly net: Decimal;
  }[];
  /** The period's figures in whole pence (maintenance, fee, each receiving parent's share and fee), for arithmetic. */
  readonly amounts: Amounts;
}

/** The opening balance and write-offs, each its own figure (never merged into what the decisions make due). */
export interface Historic {
  readonly openingBalance?: {
    readonly date: CivilDate;
    readonly amount: Decimal;
    readonly secretaryOfState: Decimal;
    readonly source?: string;
  };
  /** Those dated on or before asOf, in date order. */
  readonly writeOffs: readonly {
    readonly id: string;
    readonly date: CivilDate;
    readonly amount: Decimal;
    readonly reason: WriteOffReason;
    readonly creditor: Creditor;
    readonly source?: string;
  }[];
  readonly writtenOff: Decimal;
  /** Arrears owed to the Secretary of State: the opening balance's part less what of it was written off. */
  readonly secretaryOfState: Decimal;
  /** Opening balance + total due − written off: what was owed before any payment. */
  readonly owed: Decimal;
}

export interface Schedule {
  readonly frequency: PaymentFrequency;
  readonly asOf: CivilDate;
  readonly liabilityStart: CivilDate;
  readonly liabilityEnd?: CivilDate;
  readonly decisions: readonly ResolvedDecision[];
  readonly lines: readonly ScheduleLine[];
  readonly totals: {
    readonly maintenance: Decimal;
    readonly collectionFees: Decimal;
    readonly totalDue: Decimal;
    readonly receivingParents: readonly {
      readonly id: string;
      readonly maintenance: Decimal;
      readonly fee: Decimal;
      readonly net: Decimal;
    }[];
  };
  /** When what accrued falls due: ongoing instalments, and initial and backdated amounts spread over later ones. */
  readonly plan: PaymentPlan;
  /** What the plan had made due by asOf (paying parent: maintenance and fees), and what has accrued but is not yet due. */
  readonly due: { readonly byAsOf: Decimal; readonly notYetDue: Decimal };
  /** Present when an opening balance or a write-off was given. */
  readonly historic?: Historic;
  readonly trace: readonly TraceStep[];
}
