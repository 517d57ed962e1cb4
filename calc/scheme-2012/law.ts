/**
 * Citations for the rules of the 2012 scheme (the structure of the calculation, as opposed to the
 * figures, which live in `parameters.ts`). One entry per provision the code applies.
 * @module
 */
import { flatString } from '../flat-string.ts';
import type { Reference } from '../parameters.ts';

const CSA_SCH1 = 'https://www.legislation.gov.uk/ukpga/1991/48/schedule/1';
const CSMCR = 'https://www.legislation.gov.uk/uksi/2012/2677';

function sch1(paragraph: string, pinpoint: string): Reference {
  return { title: flatString(`Child Support Act 1991 Sch 1 para ${pinpoint}`), href: flatString(`${CSA_SCH1}/paragraph/${paragraph}`) };
}
function reg(regulation: string, pinpoint = regulation): Reference {
  return {
    title: flatString(`Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg ${pinpoint}`),
    href: flatString(`${CSMCR}/regulation/${regulation}`),
  };
}

export const LAW = {
  order: sch1('1', '1(2)'),
  basicRate: sch1('2', '2(1)'),
  basicPlus: sch1('2', '2(2)'),
  relevantOtherChildren: sch1('2', '2(3)'),
  reducedRate: sch1('3', '3(1)'),
  reducedRateFormula: reg('43'),
  flatRateIncome: sch1('4', '4(1)(a)'),
  flatRateBenefit: sch1('4', '4(1)(b)–(c)'),
  flatRateBenefitList: reg('44'),
  nilRate: sch1('5', '5'),
  nilRatePersons: reg('45', '45(1)'),
  nilRateIncome: reg('45', '45(2)'),
  otherArrangements: sch1('5A', '5A'),
  // The wording of the minimum was not retrieved (docs/legal-notes.md Q2); the flat rate is the best reading.
  otherArrangementsMinimum: {
    title: 'Child Support Act 1991 Sch 1 para 5A(2) as modified by SI 2012/2678 reg 3 and SI 2013/1654 reg 2 (minimum amount of liability)',
    href: 'https://www.legislation.gov.uk/uksi/2012/2678/regulation/3',
  },
  apportionment: sch1('6', '6'),
  sharedCare: sch1('7', '7(2)–(4)'),
  sharedCareSeveralChildren: sch1('7', '7(5)'),
  sharedCareHalf: sch1('7', '7(6)'),
  sharedCareFloor: sch1('7', '7(7)'),
  sharedCareNights: reg('46', '46–47'),
  equalCare: reg('50'),
  flatRateSharedCare: sch1('8', '8'),
  incomeCap: sch1('10', '10(3)'),
  rounding: reg('6'),
  historicIncome: reg('35', '35(1)(c)'),
  pensionRelief: reg('35', '35(3)'),
  currentIncomeTest: reg('34', '34(2)'),
  defaultRate: reg('49'),
  variationRejected: reg('57', '57(1)(c)–(d)'),
  contactCosts: reg('63'),
  illnessOrDisability: reg('64'),
  priorDebts: reg('65'),
  boardingSchool: reg('66'),
  mortgage: reg('67'),
  specialExpensesThresholds: reg('68'),
  unearnedIncome: reg('69', '69(1)'),
  assets: reg('69A'),
  diversionOfIncome: reg('71'),
  flatRateCouple: sch1('4', '4(2)'),
  specialExpenses: reg('72'),
  additionalIncome: reg('73'),
  variationLimits: reg('74'),
  instalments: {
    title: 'Child Support (Collection and Enforcement) Regulations 1992 reg 4 (as substituted by SI 2012/2785 reg 4(2))',
    href: 'https://www.legislation.gov.uk/uksi/1992/1989/regulation/4',
  },
  /** An employer pays a deduction from earnings over to CMS by the 19th of the month after it is made. */
  payOver: {
    title: 'Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989) reg 14(1)',
    href: 'https://www.legislation.gov.uk/uksi/1992/1989/regulation/14',
  },
  collectionFees: {
    title: 'Child Support Fees Regulations 2014 (SI 2014/612) reg 7',
    href: 'https://www.legislation.gov.uk/uksi/2014/612/regulation/7',
  },
  /**
   * When each enforcement action that carries a charge (SI 2014/612 reg 10) may be taken, as far as arrears go
   * (docs/legal-notes.md R6a). A deduction from earnings order applies to anyone "liable to make payments" and may
   * secure amounts "which will become due" (s.31(1), (3)(b)): no arrears needed.
   */
  deductionFromEarningsOrder: {
    title: 'Child Support Act 1991 s.31(1), (3)(b)',
    href: 'https://www.legislation.gov.uk/ukpga/1991/48/section/31',
  },
  /** A deduction from earnings request: of a member of the armed forces "who is liable to pay child support maintenance". */
  deductionFromEarningsRequest: {
    title: 'Child Support Fees Regulations 2014 (SI 2014/612) reg 9',
    href: 'https://www.legislation.gov.uk/uksi/2014/612/regulation/9',
  },
  /** A regular deduction order: only where the person "has failed to pay an amount"; it may then secure future amounts too. */
  regularDeductionOrder: {
    title: 'Child Support Act 1991 s.32A(1)(a), (2)(b)',
    href: 'https://www.legislation.gov.uk/ukpga/1991/48/section/32A',
  },
  /** A lump sum deduction order: for a failure to pay, and for an amount of arrears it specifies (arrears only). */
  lumpSumDeductionOrder: {
    title: 'Child Support Act 1991 s.32E(1), (4)(c)',
    href: 'https://www.legislation.gov.uk/ukpga/1991/48/section/32E',
  },
  /** A liability order: where payments "have become payable … and have not been paid". */
  liabilityOrder: { title: 'Child Support Act 1991 s.33(1)(a), (3)', href: 'https://www.legislation.gov.uk/ukpga/1991/48/section/33' },
  enforcementFee: {
    title: 'Child Support Fees Regulations 2014 (SI 2014/612) reg 10',
    href: 'https://www.legislation.gov.uk/uksi/2014/612/regulation/10',
  },
} as const satisfies Record<string, Reference>;
