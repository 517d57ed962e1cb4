/**
 * Letters about decisions: mandatory reconsideration (L03) and late reconsideration (L18), a variation
 * application (L10), a change of circumstances (L13), an income-figure challenge (L15), and the appeal to
 * the First-tier Tribunal (L17).
 * @module
 */
import * as z from 'zod';
import { compareDates, isCivilDate, type CivilDate } from '../../calc/dates.ts';
import { DEADLINE, deadlineOf, DEADLINE_SOURCES } from '../../calc/deadlines/index.ts';
import type { Rate } from '../../calc/scheme-2012/calculate.ts';
import { currentIncomeDifferencePercent, incomeChangeTolerancePercent } from '../../calc/scheme-2012/parameters.ts';
import {
  civilDate,
  commonFacts,
  DECISION_TYPES,
  DECISION_WORDS,
  decisionFacts,
  type DecisionType,
  senderRole,
  strictObject,
  words,
  wordList,
} from '../facts.ts';
import {
  comparisonOf,
  grossWeeklyIncome,
  incomeDifference,
  monthlyAmount,
  variationAmount,
  weeklyAmount,
  weeklyDifference,
  weeklyWithoutVariation,
  type ComputedCalculation,
  type ComputationInputs,
} from '../figures.ts';
import { sentence } from '../format.ts';
import type { Block, ComposeContext } from '../types.ts';
import { addressChangeLastDay, appealLimits, decisionKind, mrLastDay } from '../deadlines.ts';
import { BASIS, CMS_ADDRESS, SEND_TO_CMS, defineLetter, keepPaying, paragraphs, percentNow, roleWords } from './common.ts';

type Problems = { field: string; message: string }[];

const RATE_WORDS: Record<Rate, string> = {
  nil: 'nil rate',
  flat: 'flat rate',
  reduced: 'reduced rate',
  basic: 'basic rate',
  basic_plus: 'basic rate (with the basic plus part)',
  default: 'default rate',
};

export const DISPUTED_ITEMS = [
  'income',
  'qualifying_children',
  'relevant_other_children',
  'shared_care_nights',
  'variation',
  'effective_date',
  'other',
] as const;
const ITEM_WORDS: Record<(typeof DISPUTED_ITEMS)[number], string> = {
  income: 'Income',
  qualifying_children: 'Qualifying children',
  relevant_other_children: 'Relevant other children',
  shared_care_nights: 'Shared care (nights a year)',
  variation: 'Variation',
  effective_date: 'Effective date',
  other: 'Other',
};

const disputedItem = strictObject({
  item: z.enum(DISPUTED_ITEMS, { error: `must be one of ${DISPUTED_ITEMS.join(', ')}` }).describe('Which part of the decision is wrong'),
  cmsUsed: words('what CMS used', 300).describe('What the decision used, in words (no amounts: give cmsCalculation for income figures)'),
  correct: words('what is correct', 300).describe('What it should have used'),
});

/** The facts a reconsideration (on time or late) shares. */
const reconsiderationFacts = {
  ...commonFacts(),
  senderRole,
  decision: decisionFacts,
  grounds: wordList('ground').describe('Why the decision is wrong, one point each, in plain words'),
  disputedItems: z
    .array(disputedItem)
    .max(20)
    .optional()
    .describe('Each thing the decision got wrong that is not money (children, nights, dates), with what it used and what is right'),
};

/** A table setting what CMS used beside what is right: calc's comparison of the two calculations, row by row. */
function comparison(ctx: ComposeContext<unknown>, correct: ComputedCalculation, cms: ComputedCalculation): Block {
  const c = comparisonOf(correct, cms);
  const rows: string[][] = [];
  const gwi = grossWeeklyIncome(correct);
  const cmsGwi = grossWeeklyIncome(cms, 'cmsCalculation');
  if (gwi && cmsGwi && c.grossWeeklyIncome.differs) rows.push(['Gross weekly income', ctx.quote(cmsGwi), ctx.quote(gwi)]);
  const q = c.qualifyingChildren;
  if (q.differs) rows.push(['Qualifying children', String(q.cms), String(q.correct)]);
  const o = c.relevantOtherChildren;
  if (o.differs) rows.push(['Relevant other children', String(o.cms), String(o.correct)]);
  const n = c.nights;
  if (n.differs) rows.push(['Nights a year with the paying parent', n.cms.join(', '), n.correct.join(', ')]);
  if (c.rate.differs) rows.push(['Rate', RATE_WORDS[c.rate.cms], RATE_WORDS[c.rate.correct]]);
  rows.push(['Weekly maintenance', ctx.quote(weeklyAmount(cms, 'cmsCalculation')), ctx.quote(weeklyAmount(correct))]);
  return {
    kind: 'table',
    caption: 'What the decision used, and what is right',
    columns: ['', 'The decision used', 'Correct'],
    widths: [3, 2.5, 2.5],
    rows,
  };
}

/** The figures paragraph of a reconsideration or appeal, with the comparison when CMS's circumstances are given. */
function figuresBlocks(ctx: ComposeContext<unknown>): Block[] {
  const correct = ctx.computed.calculation;
  if (!correct) return [];
  const cms = ctx.computed.cmsCalculation;
  const gwi = grossWeeklyIncome(correct);
  const own = `Worked out correctly under the 2012 scheme, the weekly maintenance is ${ctx.quote(weeklyAmount(correct))}${gwi ? `, on gross weekly income of ${ctx.quote(gwi)}` : ''}.`;
  if (!cms) return paragraphs(`${own} The working is set out at the end of this letter.`);
  const c = comparisonOf(correct, cms);
  return [
    ...paragraphs(
      `${own} On the circumstances the decision used, it is ${ctx.quote(weeklyAmount(cms, 'cmsCalculation'))}: ${
        c.way === 'same' ? 'the same amount' : `${ctx.quote(weeklyDifference(c))} a week too ${c.way === 'too_high' ? 'much' : 'little'}`
      }. The working for both is set out at the end of this letter.`,
    ),
    comparison(ctx, correct, cms),
  ];
}

/** Income evidence to enclose: the paying parent's own; a receiving parent holds none of it (CMS gets it from HMRC). */
function incomeEvidence(ctx: ComposeContext<unknown>, what: string): string[] {
  return ctx.senderRole === 'paying' ? [`Evidence of my income (${what})`] : [];
}

/** The reg 34(2) threshold as a letter's fixed words give it: the parameter's value in force now. */
const THRESHOLD_NOW = percentNow(currentIncomeDifferencePercent);

/** Why a default or interim decision has no 30-day limit, in the letter's words, with the rule calc cites. */
const ANY_TIME = `it can be revised at any time, so the 30-day limit does not apply (${DEADLINE_SOURCES.defaultDecision.title})`;

function decisionName(ctx: ComposeContext<unknown>, d: z.infer<typeof decisionFacts>): string {
  return `${DECISION_WORDS[d.type]} dated ${ctx.date(d.letterDate)}`;
}

function decisionProblems(d: { letterDate: CivilDate; effectiveDate?: CivilDate | undefined }, sentOn: CivilDate): Problems {
  return compareDates(d.letterDate, sentOn) > 0
    ? [{ field: 'facts.decision.letterDate', message: 'is after the date of this letter' }]
    : [];
}

function reconsiderationBody(
  ctx: ComposeContext<z.infer<z.ZodObject<typeof reconsiderationFacts>>>,
  late: Block[],
): { body: Block[]; asks: string[]; enclosures: string[] } {
  const f = ctx.facts;
  const d = f.decision;
  // An annual review is often notified before the day it takes effect.
  const effective = d.effectiveDate
    ? `, which ${compareDates(d.effectiveDate, ctx.sentOn) > 0 ? 'takes' : 'took'} effect from ${ctx.date(d.effectiveDate)}`
    : '';
  const body: Block[] = [
    ...paragraphs(
      `I am ${roleWords(ctx)} in this case. I ask you to look again at, and revise, the ${decisionName(ctx, d)}${effective}. I believe it is wrong, for these reasons:`,
    ),
    { kind: 'list', ordered: true, items: f.grounds.map(sentence) },
  ];
  if (f.disputedItems?.length) {
    body.push(...paragraphs('In particular:'), {
      kind: 'list',
      items: f.disputedItems.map((i) => `${ITEM_WORDS[i.item]}: the decision used ${i.cmsUsed}; it should be ${i.correct}.`),
    });
  }
  body.push(...figuresBlocks(ctx), ...late);
  body.push(...paragraphs('I understand that a mandatory reconsideration must come before any appeal to the tribunal.', keepPaying(ctx)));
  const cms = ctx.computed.cmsCalculation;
  const incomeChanged = cms !== undefined && comparisonOf(ctx.computed.calculation!, cms).grossWeeklyIncome.differs;
  return {
    body,
    asks: [
      `Revise the decision from its effective date${d.effectiveDate ? ` (${ctx.date(d.effectiveDate)})` : ''}, using the correct figures above.`,
      'Send me a mandatory reconsideration notice with your decision and the reasons for it, so that I can appeal if I need to.',
    ],
    enclosures: [
      `A copy of the decision letter dated ${ctx.date(d.letterDate)}`,
      ...(incomeChanged ? incomeEvidence(ctx, 'payslips, P60 or SA302 tax calculation') : []),
    ],
  };
}

export const mandatoryReconsideration = defineLetter({
  id: 'L03',
  type: 'mandatory_reconsideration',
  title: 'Mandatory reconsideration of a decision',
  whenToUse:
    'Within 30 days of a decision letter that got the income, the children, shared care or a variation wrong (a default or interim decision at any time: it can be revised whenever it is challenged). It must come before an appeal. Name the exact decision: CMS links an unspecific request to the latest one.',
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaRevision, BASIS.mrReg14],
  facts: strictObject(reconsiderationFacts),
  inputs: {
    calculation: { use: 'required', why: 'the correct weekly maintenance, worked out on the right circumstances' },
    cmsCalculation: { use: 'optional', why: 'the figures the decision used, to set beside the correct ones' },
  },
  figures: ['weekly_amount', 'gross_weekly_income', 'cms_weekly_amount', 'cms_gross_weekly_income', 'weekly_amount_difference'],
  enclosures: ['Evidence for each point above'],
  sendBy: {
    ...SEND_TO_CMS,
    notes: [
      ...SEND_TO_CMS.notes,
      'A change reported in your online account within 32 days of the decision is treated as a reconsideration request, but a letter names the decision and your reasons exactly.',
    ],
  },
  copyToMp: false,
  recipientHoldsAddress: true,
  clockFrom: (f) => f.decision.letterDate,
  clockFacts: (f) => ({ decision: decisionKind(f.decision.type) }),
  // Whether the 30 days have passed is known from the decision's date (and its type, where given) before any other
  // fact: said first and alone (a journey probe, F9). Without the type, a decision with the 30-day limit is taken, and
  // the message says what to give if it is one that can be revised at any time.
  precheck: (raw, sentOn, nation) => {
    const d = raw['decision'];
    if (d === null || typeof d !== 'object' || Array.isArray(d)) return undefined;
    const { letterDate, type } = d as Record<string, unknown>;
    if (typeof letterDate !== 'string' || !isCivilDate(letterDate) || compareDates(letterDate, sentOn) > 0) return undefined;
    const given = typeof type === 'string' && (DECISION_TYPES as readonly string[]).includes(type) ? (type as DecisionType) : undefined;
    if (type !== undefined && given === undefined) return undefined;
    const end = mrLastDay({ letterDate, type: given ?? 'maintenance_calculation' }, nation);
    if (!end || compareDates(sentOn, end.date) <= 0) return undefined;
    return [
      {
        field: 'type',
        message:
          `the 30 days for a mandatory reconsideration of the decision dated ${letterDate} ended on ${end.date}; use late_mandatory_reconsideration (L18) and explain why you are late` +
          (given
            ? ''
            : ` (unless it is a ${DECISION_WORDS.default_maintenance_decision} or an ${DECISION_WORDS.interim_maintenance_decision}, which can be revised at any time: then give facts.decision.type)`),
      },
    ];
  },
  check: (f, sentOn, _inputs, nation) => {
    const problems = decisionProblems(f.decision, sentOn);
    const end = mrLastDay(f.decision, nation);
    if (end && compareDates(sentOn, end.date) > 0) {
      problems.push({
        field: 'type',
        message: `the 30 days for a mandatory reconsideration of the decision dated ${f.decision.letterDate} ended on ${end.date}; use late_mandatory_reconsideration (L18) and explain why you are late`,
      });
    }
    return problems;
  },
  compose: (ctx) => {
    const d = ctx.facts.decision;
    const last = deadlineOf(ctx.deadlines, DEADLINE.mrLastDay);
    const { body, asks, enclosures } = reconsiderationBody(ctx, [
      ...paragraphs(
        last
          ? `I am applying within 30 days of the date of the decision letter, as regulation 14(1)(a) of the Child Support Maintenance Calculation Regulations 2012 allows (the last day is ${ctx.date(last.date)}).`
          : `This is a ${DECISION_WORDS[d.type]}: ${ANY_TIME}.`,
      ),
    ]);
    return {
      subject: `Request for mandatory reconsideration of the ${decisionName(ctx, d)}`,
      body,
      asks,
      enclosures,
    };
  },
});

export const lateMandatoryReconsideration = defineLetter({
  id: 'L18',
  type: 'late_mandatory_reconsideration',
  title: 'Late mandatory reconsideration (asking for more time)',
  whenToUse:
    'When the 30 days for a reconsideration have passed (not for a default or interim decision: the reconsideration letter, L03, asks for one of those at any time). CMS can allow more time in special circumstances (illness, bereavement, an emergency); an official error, or HMRC amending its figures, can be corrected at any time.',
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaRevision, BASIS.mrReg14, BASIS.lateReg15],
  facts: strictObject({
    ...reconsiderationFacts,
    lateReasons: wordList('reason').describe('Why you could not apply within 30 days (the special circumstances), one point each'),
    circumstancesFrom: civilDate.optional().describe('When those circumstances began, YYYY-MM-DD'),
    circumstancesTo: civilDate.optional().describe('When they ended, YYYY-MM-DD, if they have'),
    hmrcAmended: z.boolean().optional().describe('True if HMRC has since amended the income figure the decision used'),
  }),
  inputs: {
    calculation: { use: 'required', why: 'the correct weekly maintenance, worked out on the right circumstances' },
    cmsCalculation: { use: 'optional', why: 'the figures the decision used, to set beside the correct ones' },
  },
  figures: ['weekly_amount', 'gross_weekly_income', 'cms_weekly_amount', 'cms_gross_weekly_income', 'weekly_amount_difference'],
  enclosures: ['Evidence of the circumstances that delayed this application', 'Evidence for each point above'],
  sendBy: SEND_TO_CMS,
  copyToMp: false,
  recipientHoldsAddress: true,
  clockFrom: (f) => f.decision.letterDate,
  clockFacts: (f) => ({ decision: decisionKind(f.decision.type) }),
  check: (f, sentOn, _inputs, nation) => {
    const problems = decisionProblems(f.decision, sentOn);
    const end = mrLastDay(f.decision, nation);
    if (!end) {
      problems.push({
        field: 'type',
        message: `a ${DECISION_WORDS[f.decision.type]} can be revised at any time, so a reconsideration of it is never late; use mandatory_reconsideration (L03)`,
      });
    } else if (compareDates(sentOn, end.date) <= 0) {
      problems.push({
        field: 'type',
        message: `the decision dated ${f.decision.letterDate} can still be reconsidered in time (until ${end.date}); use mandatory_reconsideration (L03)`,
      });
    }
    if (f.circumstancesFrom && f.circumstancesTo && compareDates(f.circumstancesFrom, f.circumstancesTo) > 0) {
      problems.push({ field: 'facts.circumstancesTo', message: 'is before circumstancesFrom' });
    }
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    const d = f.decision;
    const outer = deadlineOf(ctx.deadlines, DEADLINE.lateMrOuterLimit);
    if (outer && compareDates(ctx.sentOn, outer.date) > 0) {
      ctx.warn(
        `This is after ${ctx.date(outer.date)}, the outer limit for a late application. CMS may refuse a late application this old; the official-error ground (which has no time limit) may be your best route.`,
      );
    }
    const usual = mrLastDay(d, ctx.nation)!;
    const period =
      f.circumstancesFrom &&
      (f.circumstancesTo
        ? `These circumstances lasted from ${ctx.date(f.circumstancesFrom)} to ${ctx.date(f.circumstancesTo)}.`
        : `These circumstances began on ${ctx.date(f.circumstancesFrom)}.`);
    const { body, asks, enclosures } = reconsiderationBody(ctx, [
      ...paragraphs(
        `I know this application is outside the usual 30 days, which ended on ${ctx.date(usual.date)}. I ask you to accept it late under regulation 15 of the Child Support Maintenance Calculation Regulations 2012, because of special circumstances:`,
      ),
      { kind: 'list', items: f.lateReasons.map(sentence) },
      ...paragraphs(
        period,
        `If you decide not to extend the time, please consider whether the decision can be revised anyway because it arose from an official error (regulation 14(1)(e))${f.hmrcAmended ? ' or because HM Revenue and Customs has since amended the income figure it used (regulation 14(1)(f)); neither ground has' : ', which has'} no time limit.`,
      ),
    ]);
    return {
      subject: `Late request for mandatory reconsideration of the ${decisionName(ctx, d)}`,
      body,
      asks: ['Accept this application late, because of the special circumstances above.', ...asks],
      enclosures,
    };
  },
});

export const VARIATION_GROUNDS = [
  'contact_costs',
  'disabled_child_costs',
  'prior_debts',
  'boarding_school_fees',
  'mortgage_on_former_home',
  'unearned_income',
  'assets',
  'diverted_income',
] as const;
type Ground = (typeof VARIATION_GROUNDS)[number];
const SPECIAL_EXPENSES: readonly Ground[] = [
  'contact_costs',
  'disabled_child_costs',
  'prior_debts',
  'boarding_school_fees',
  'mortgage_on_former_home',
];
const GROUND_WORDS: Record<Ground, string> = {
  contact_costs: 'the costs of keeping in contact with the children (special expenses)',
  disabled_child_costs: 'the costs of a disabled or long-term ill relevant other child (special expenses)',
  prior_debts: 'debts taken on for the family before we separated (special expenses)',
  boarding_school_fees: 'the boarding part of boarding school fees (special expenses)',
  mortgage_on_former_home: 'payments on the former family home where the children still live (special expenses)',
  unearned_income: 'unearned income of the paying parent (additional income)',
  assets: 'assets of the paying parent (additional income)',
  diverted_income: 'income the paying parent has diverted (additional income)',
};

export const variationApplication = defineLetter({
  id: 'L10',
  type: 'variation_application',
  title: 'Variation application (special expenses or additional income)',
  whenToUse:
    'When the calculation leaves out special expenses of the paying parent (contact costs, a disabled child’s costs, prior debts, boarding fees, the former home’s mortgage) or additional income of the paying parent (unearned income, assets, diverted income). There is no time limit.',
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaVariation, BASIS.variationRegs],
  facts: strictObject({
    ...commonFacts(),
    senderRole,
    ground: z.enum(VARIATION_GROUNDS, { error: `must be one of ${VARIATION_GROUNDS.join(', ')}` }).describe('The ground for the variation'),
    description: words('the description', 2000).describe(
      'What the expense or income is and how you know, in words (the weekly amount comes from the calculation)',
    ),
    since: civilDate.describe('When the ground began, YYYY-MM-DD'),
  }),
  inputs: {
    calculation: {
      use: 'required',
      why: 'the weekly amount with the variation (variations.specialExpensesWeekly or variations.additionalIncomeWeekly) and without it',
    },
  },
  figures: ['variation_weekly', 'weekly_without_variation', 'weekly_amount'],
  enclosures: ['Evidence of the expense or income (receipts, invoices, agreements or statements)'],
  sendBy: SEND_TO_CMS,
  copyToMp: false,
  recipientHoldsAddress: true,
  check: (f, _sentOn, inputs: ComputationInputs) => {
    const special = SPECIAL_EXPENSES.includes(f.ground);
    const problems: Problems = [];
    const v = inputs.calculation?.variations;
    if (inputs.calculation && special && v?.specialExpensesWeekly === undefined) {
      problems.push({
        field: 'calculation.variations.specialExpensesWeekly',
        message: 'is missing — the weekly special expenses to apply for, so the letter can show their effect on the maintenance',
      });
    }
    if (inputs.calculation && !special && v?.additionalIncomeWeekly === undefined) {
      problems.push({
        field: 'calculation.variations.additionalIncomeWeekly',
        message: 'is missing — the weekly additional income to apply for, so the letter can show its effect on the maintenance',
      });
    }
    if (special && f.senderRole !== 'paying') {
      problems.push({
        field: 'facts.senderRole',
        message: 'special expenses are claimed by the paying parent; the receiving parent applies on additional income grounds',
      });
    }
    if (!special && f.senderRole !== 'receiving') {
      problems.push({
        field: 'facts.senderRole',
        message:
          'additional income variations are asked for by the receiving parent; the paying parent applies on special expenses grounds',
      });
    }
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    const c = ctx.computed.calculation!;
    const special = SPECIAL_EXPENSES.includes(f.ground);
    const amount = variationAmount(c);
    const without = ctx.quote(weeklyWithoutVariation(c));
    const withIt = ctx.quote(weeklyAmount(c));
    return {
      subject: `Application for a variation: ${GROUND_WORDS[f.ground]}`,
      body: paragraphs(
        `I am ${roleWords(ctx)} in this case. I apply for a variation of the maintenance calculation on the ground of ${GROUND_WORDS[f.ground]}, under section 28A of the Child Support Act 1991 and Part 5 of the Child Support Maintenance Calculation Regulations 2012. The ground has existed since ${ctx.date(f.since)}.`,
        sentence(f.description),
        amount &&
          `The variation I ask for is ${ctx.quote(amount)} a week, ${special ? 'taken off' : 'added to'} ${ctx.senderRole === 'paying' ? 'my' : 'the paying parent’s'} gross weekly income. Without it, the weekly maintenance is ${without}; with it, ${withIt}. The working is set out at the end of this letter.`,
        'I enclose the evidence I have. If you need anything more, please tell me what.',
      ),
      asks: [
        'Consider this application and make a variation decision.',
        `Apply the variation from ${ctx.date(f.since)}, or from the earliest date the law allows.`,
        'Send me the decision with the reasons for it.',
      ],
    };
  },
});

export const CHANGE_TYPES = [
  'address',
  'income',
  'shared_care_nights',
  'new_relevant_other_child',
  'relevant_other_child_left',
  'child_left_education',
  'employer',
  'benefit_started',
  'benefit_ended',
  'other',
] as const;
type Change = (typeof CHANGE_TYPES)[number];
const CHANGE_WORDS: Record<Change, string> = {
  address: 'a change of address',
  income: 'a change in income',
  shared_care_nights: 'a change in the nights the children stay with the paying parent',
  new_relevant_other_child: 'a new relevant other child in the paying parent’s household',
  relevant_other_child_left: 'a relevant other child no longer living in the paying parent’s household',
  child_left_education: 'a child leaving full-time non-advanced education',
  employer: 'a change of employer',
  benefit_started: 'a benefit starting',
  benefit_ended: 'a benefit ending',
  other: 'a change of circumstances',
};
const CHANGES_THAT_MOVE_THE_AMOUNT: readonly Change[] = [
  'income',
  'shared_care_nights',
  'new_relevant_other_child',
  'relevant_other_child_left',
  'benefit_started',
  'benefit_ended',
];

export const changeOfCircumstances = defineLetter({
  id: 'L13',
  type: 'change_of_circumstances',
  // The letter gives the address at its top as the new one; a case holds the address the parent is moving from.
  notFromCase: (given) => {
    const sender = given['sender'] as { addressWithheld?: unknown } | undefined;
    return given['change'] === 'address' && sender?.addressWithheld !== true
      ? {
          field: 'sender.address',
          why: 'give your new address: the letter gives the address at its top as your new one, and the address the case holds is the one you are moving from',
        }
      : undefined;
  },
  title: 'Change of circumstances notification',
  whenToUse: `As soon as something changes that CMS needs to know: an address (a paying parent has 7 days), income changing by ${percentNow(incomeChangeTolerancePercent)} or more, shared-care nights, children in the household, a child leaving education, an employer or a benefit.`,
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaSupersession, BASIS.incomeTolerance, BASIS.changes],
  facts: strictObject({
    ...commonFacts(),
    senderRole,
    change: z.enum(CHANGE_TYPES, { error: `must be one of ${CHANGE_TYPES.join(', ')}` }).describe('What has changed'),
    changedOn: civilDate.describe('The date the change happened, YYYY-MM-DD'),
    details: words('the details', 2000).describe(
      'What changed, in words (no amounts and no other person’s address: give a calculation for new figures)',
    ),
  }),
  inputs: {
    calculation: {
      use: 'optional',
      why: 'the weekly maintenance worked out on the new circumstances',
      requiredWhen: (f) =>
        CHANGES_THAT_MOVE_THE_AMOUNT.includes(f['change'] as Change)
          ? `the weekly maintenance on the new circumstances (${CHANGE_WORDS[f['change'] as Change]} changes the amount)`
          : undefined,
    },
  },
  figures: ['weekly_amount', 'gross_weekly_income', 'monthly_amount'],
  enclosures: ['Evidence of the change'],
  sendBy: SEND_TO_CMS,
  copyToMp: false,
  recipientHoldsAddress: true,
  clockFrom: (f) => (f.change === 'address' && f.senderRole === 'paying' ? f.changedOn : undefined),
  check: (f, sentOn) =>
    compareDates(f.changedOn, sentOn) > 0 ? [{ field: 'facts.changedOn', message: 'is after the date of this letter' }] : [],
  compose: (ctx) => {
    const f = ctx.facts;
    const c = ctx.computed.calculation;
    const withheld = ctx.facts.sender.addressWithheld === true;
    if (
      f.change === 'address' &&
      ctx.senderRole === 'paying' &&
      compareDates(ctx.sentOn, addressChangeLastDay(f.changedOn, ctx.nation).date) > 0
    ) {
      ctx.warn('A paying parent must report a new address within 7 days; this is later. Send it now, and keep proof of sending.');
    }
    const gwi = c ? grossWeeklyIncome(c) : undefined;
    return {
      subject: `Change of circumstances: ${CHANGE_WORDS[f.change]} from ${ctx.date(f.changedOn)}`,
      body: paragraphs(
        `I am ${roleWords(ctx)} in this case. I am writing to tell you about ${CHANGE_WORDS[f.change]}, which happened on ${ctx.date(f.changedOn)}.`,
        sentence(f.details),
        f.change === 'address' &&
          (withheld
            ? 'My new address must be kept confidential for my safety, so it is not printed here. Please contact me through the details you hold to take it securely, and do not disclose it to the other parent.'
            : 'My new address is the one at the top of this letter.'),
        c &&
          `With this change, the maintenance worked out under the 2012 scheme is ${ctx.quote(weeklyAmount(c))} a week (${ctx.quote(monthlyAmount(c))} a month)${gwi ? `, on gross weekly income of ${ctx.quote(gwi)}` : ''}. The working is set out at the end of this letter.`,
      ),
      asks: [
        `Update my case from ${ctx.date(f.changedOn)}.`,
        ...(CHANGES_THAT_MOVE_THE_AMOUNT.includes(f.change)
          ? ['Make a new calculation from the date the law allows, and send me the decision.']
          : []),
        'Confirm in writing that you have recorded the change.',
      ],
    };
  },
});

export const incomeChallenge = defineLetter({
  id: 'L15',
  type: 'income_challenge',
  title: `Challenge of the income figure (current income ${THRESHOLD_NOW} or more different)`,
  whenToUse: `When the paying parent’s current income differs from the historic HMRC figure the decision used by ${THRESHOLD_NOW} or more, or the HMRC figure is wrong. Within 30 days of the decision it is a reconsideration; after that, a request to supersede from the date of the request.`,
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.incomeRules, BASIS.incomeTolerance, BASIS.mrReg14, BASIS.csaSupersession],
  facts: strictObject({
    ...commonFacts(),
    senderRole,
    decision: decisionFacts,
    taxYear: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'must be a tax year written like 2024-25')
      .describe('The tax year of the HMRC figure the decision used, written like 2024-25'),
    currentIncomeFrom: civilDate.describe('The first day of the pay period the current income is worked out from, YYYY-MM-DD'),
    currentIncomeTo: civilDate.describe('The last day of that period, YYYY-MM-DD'),
    evidence: words('the evidence', 500).describe(
      'What the current income is taken from, in words (for example "payslips for March, April and May 2026")',
    ),
  }),
  inputs: {
    calculation: { use: 'required', why: 'the current income (as income with a period) and the weekly maintenance on it' },
    cmsCalculation: { use: 'required', why: 'the historic income the decision used and the weekly maintenance on it' },
  },
  figures: [
    'cms_gross_weekly_income',
    'gross_weekly_income',
    'income_difference_percent',
    'cms_weekly_amount',
    'weekly_amount',
    'weekly_amount_difference',
  ],
  // The evidence is the paying parent's own (payslips, P60, SA302): compose encloses it only when they send the letter.
  enclosures: [],
  sendBy: SEND_TO_CMS,
  copyToMp: false,
  recipientHoldsAddress: true,
  replyBasis: 'There is no fixed time for this; I would be grateful for your decision by then.',
  check: (f, sentOn) => {
    const problems = decisionProblems(f.decision, sentOn);
    if (compareDates(f.currentIncomeFrom, f.currentIncomeTo) > 0) {
      problems.push({ field: 'facts.currentIncomeTo', message: 'is before currentIncomeFrom' });
    }
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    const current = ctx.computed.calculation!;
    const historic = ctx.computed.cmsCalculation!;
    const then = grossWeeklyIncome(historic, 'cmsCalculation');
    const now = grossWeeklyIncome(current);
    if (!then || !now) {
      ctx.warn('One of the calculations uses no income (a flat, nil or default rate), so the income figures cannot be compared.');
    }
    const { figure: pct, comparison: income, currentIncomeUsed, threshold } = incomeDifference(current, historic);
    if (!currentIncomeUsed) {
      ctx.warn(
        `The difference is under ${threshold}, so CMS will keep to historic income (regulation 34(2)); this letter is unlikely to change the amount unless the HMRC figure itself is wrong.`,
      );
    }
    // A default or interim decision has no 30-day limit: it can be revised at any time.
    const last = mrLastDay(f.decision, ctx.nation);
    const inWindow = !last || compareDates(ctx.sentOn, last.date) <= 0;
    const higher = income.direction === 'higher';
    const weekly = comparisonOf(current, historic);
    return {
      subject: `Request to use current income: the income figure in the ${decisionName(ctx, f.decision)}`,
      body: paragraphs(
        `I am ${roleWords(ctx)} in this case. Your ${decisionName(ctx, f.decision)} uses historic income ${ctx.senderRole === 'paying' ? 'for me' : 'for the paying parent'} of ${then ? ctx.quote(then) : 'nil'} a week, from HM Revenue and Customs’ figure for the ${f.taxYear} tax year.`,
        `${ctx.senderRole === 'paying' ? 'My' : 'The paying parent’s'} current income is ${now ? ctx.quote(now) : 'nil'} a week, worked out from ${f.evidence} covering ${ctx.date(f.currentIncomeFrom)} to ${ctx.date(f.currentIncomeTo)}. That is ${ctx.quote(pct)} ${higher ? 'more' : 'less'} than the historic figure.`,
        currentIncomeUsed
          ? `Where current income differs from historic income by ${threshold} or more, the calculation must use current income (regulation 34(2) of the Child Support Maintenance Calculation Regulations 2012).`
          : `The difference is less than ${threshold}, but I ask you to check the historic figure itself, which I believe does not reflect ${ctx.senderRole === 'paying' ? 'my' : 'the paying parent’s'} income.`,
        `On current income the weekly maintenance is ${ctx.quote(weeklyAmount(current))}, against ${ctx.quote(weeklyAmount(historic, 'cmsCalculation'))} in your decision${weekly.way === 'same' ? '' : `, a difference of ${ctx.quote(weeklyDifference(weekly))} a week`}. The working is set out at the end of this letter.`,
        inWindow
          ? last
            ? `As the decision is less than 30 days old, please treat this letter as an application for mandatory reconsideration under regulation 14 (the last day is ${ctx.date(last.date)}).`
            : `Please treat this letter as an application for mandatory reconsideration under regulation 14: this is a ${DECISION_WORDS[f.decision.type]}, and ${ANY_TIME}.`
          : 'Please treat this letter as an application to supersede the decision, taking effect from the date you receive this letter (Child Support Act 1991 s.17).',
        keepPaying(ctx),
      ),
      asks: [
        inWindow
          ? 'Revise the decision to use current income.'
          : 'Supersede the decision to use current income, from the date you receive this letter.',
        'Send me the new decision with the reasons for it.',
      ],
      enclosures:
        ctx.senderRole === 'paying'
          ? ['My payslips, P60, or SA302 tax calculation and tax year overview, as described above']
          : ['The evidence of the paying parent’s current income described above'],
    };
  },
});

export const HEARING_CHOICES = ['oral', 'paper'] as const;

export const tribunalAppeal = defineLetter({
  id: 'L17',
  type: 'tribunal_appeal',
  title: 'Appeal to the First-tier Tribunal (covering letter and grounds for form SSCS2)',
  whenToUse:
    'After a mandatory reconsideration notice that leaves the decision wrong. The appeal (form SSCS2, with this letter as the grounds) must reach the tribunal within one month of the date of the notice.',
  sender: 'either',
  recipient: ['HM Courts & Tribunals Service', 'Social Security and Child Support appeals'],
  legalBasis: [BASIS.csaAppeal, BASIS.tribunalRules],
  facts: strictObject({
    ...commonFacts(),
    senderRole,
    decision: decisionFacts,
    mrnDate: civilDate.describe('The date on the mandatory reconsideration notice, YYYY-MM-DD'),
    grounds: wordList('ground').describe('Why the decision is wrong, one point each'),
    hearing: z
      .enum(HEARING_CHOICES, { error: 'must be "oral" or "paper"' })
      .describe('oral: you want to attend a hearing; paper: decide it on the papers'),
    confidentialAddress: z.boolean().optional().describe('True to ask the tribunal to keep your address from the other parties (rule 19)'),
    representative: words('the representative', 200).optional().describe('Your representative’s name and organisation, if you have one'),
    lateReasons: z
      .array(words('a reason', 1000))
      .max(10)
      .optional()
      .describe('If the month has passed: why the appeal is late, one point each'),
    tribunalAddress: z
      .array(z.string().trim().min(1).max(100))
      .min(2, 'give at least two address lines')
      .max(8)
      .describe('The appeals address printed on the current form SSCS2, one line each'),
  }),
  inputs: {
    calculation: { use: 'optional', why: 'the correct weekly maintenance' },
    cmsCalculation: { use: 'optional', why: 'the figures the decision used, to set beside the correct ones' },
  },
  figures: ['weekly_amount', 'gross_weekly_income', 'cms_weekly_amount', 'cms_gross_weekly_income', 'weekly_amount_difference'],
  enclosures: ['Completed form SSCS2'],
  sendBy: {
    method:
      'Royal Mail Special Delivery to the address on form SSCS2: the appeal must be received, not just sent, within one month of the reconsideration notice',
    notes: [
      'Everything you send the tribunal goes to the other parties too. Black out your address (if it is confidential), the children’s school and GP, and anything else that would show where you or they live.',
    ],
  },
  copyToMp: false,
  recipientHoldsAddress: false,
  clockFrom: (f) => f.mrnDate,
  check: (f, sentOn, inputs, nation) => {
    const problems = decisionProblems(f.decision, sentOn);
    if (compareDates(f.mrnDate, sentOn) > 0) problems.push({ field: 'facts.mrnDate', message: 'is after the date of this letter' });
    const { lastDay, absoluteLimit } = appealLimits(f.mrnDate, nation);
    if (compareDates(sentOn, absoluteLimit.date) > 0) {
      // SEC Rules r.22(8): no extension beyond 12 months after the time for appealing. Not a late appeal: none can be made.
      problems.push({
        field: 'facts.mrnDate',
        message:
          `the appeal is past the absolute limit: the time for appealing ended on ${lastDay.date}, and the tribunal cannot admit an appeal ` +
          `made after ${absoluteLimit.date} (Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008 r.22(8): ` +
          'no extension beyond 12 months after the time for appealing), so it cannot be admitted, late or not. What can still be done: ' +
          'ask CMS to change the decision from now on new facts (change_of_circumstances); ask for a revision for official error, ' +
          'which has no time limit (late_mandatory_reconsideration); or complain about how the case was handled (complaint)',
      });
    } else if (compareDates(sentOn, lastDay.date) > 0 && !f.lateReasons?.length) {
      problems.push({
        field: 'facts.lateReasons',
        message: `is missing — the time for the appeal ended on ${lastDay.date}; say why the appeal is late, one point each`,
      });
    }
    if (f.sender.addressWithheld) {
      problems.push({
        field: 'facts.sender.address',
        message:
          'is missing — the tribunal needs an address to send papers to; give it, and set confidentialAddress: true to ask that it be kept from the other parties',
      });
    }
    if (inputs.cmsCalculation && !inputs.calculation) {
      problems.push({
        field: 'calculation',
        message: 'is missing — CMS’s figures are quoted only beside the correct ones; give calculation as well',
      });
    }
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    const d = f.decision;
    const { lastDay, absoluteLimit } = appealLimits(f.mrnDate, ctx.nation);
    const late = compareDates(ctx.sentOn, lastDay.date) > 0;
    if (late) {
      ctx.warn(
        `This appeal is late: the tribunal may extend the time, but it cannot admit an appeal after ${ctx.date(absoluteLimit.date)} (rule 22(8): no extension beyond 12 months after the time for appealing).`,
      );
    }
    const body: Block[] = [
      ...paragraphs(
        `I appeal to the First-tier Tribunal (Social Entitlement Chamber) against the ${decisionName(ctx, d)}, made by the Secretary of State for Work and Pensions (Child Maintenance Service). I am ${roleWords(ctx)} in this case. The decision was looked at again on mandatory reconsideration, and the notice of the outcome is dated ${ctx.date(f.mrnDate)}. A copy is enclosed with my form SSCS2.`,
        'My grounds of appeal are:',
      ),
      { kind: 'list', ordered: true, items: f.grounds.map(sentence) },
      ...figuresBlocks(ctx),
    ];
    if (late && f.lateReasons?.length) {
      body.push(
        ...paragraphs(
          `I know the time for appealing ended on ${ctx.date(lastDay.date)}. This appeal is within the absolute limit in rule 22(8) of the Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008, which ends on ${ctx.date(absoluteLimit.date)}. I ask the tribunal to extend the time, because:`,
        ),
        { kind: 'list', items: f.lateReasons.map(sentence) },
      );
    }
    body.push(
      ...paragraphs(
        f.hearing === 'oral'
          ? 'I would like to attend a hearing of my appeal.'
          : 'I am content for my appeal to be decided on the papers, without a hearing.',
        f.confidentialAddress &&
          'I ask that my address be kept confidential under rule 19 of the Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008 and not disclosed to the other parties.',
        f.representative && `My representative is ${f.representative}.`,
      ),
    );
    return {
      subject: `Appeal against the ${decisionName(ctx, d)} (mandatory reconsideration notice dated ${ctx.date(f.mrnDate)})`,
      to: f.tribunalAddress,
      body,
      asks: ['Accept my appeal.', 'Allow it, and set aside or change the decision for the reasons above.'],
      enclosures: [
        `A copy of the mandatory reconsideration notice dated ${ctx.date(f.mrnDate)}`,
        `A copy of the decision letter dated ${ctx.date(d.letterDate)}`,
      ],
    };
  },
});
