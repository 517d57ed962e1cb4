/**
 * Citations for the rules of the 2003 scheme (the "CSA new rules": Child Support Act 1991 Sch 1 Part I as
 * substituted by the Child Support, Pensions and Social Security Act 2000 Sch 1, in force for new cases from
 * 3 March 2003 by SI 2003/192), as opposed to the figures, which live in `parameters.ts`.
 *
 * The Schedule is cited as it stood for the 2003 scheme: the legislation.gov.uk point-in-time text at 2010-04-06
 * (before CMOPA 2008 Sch 4 replaced "net" by "gross" and the rates for 2012-scheme cases). Paragraphs 1–4 and 6 are
 * quoted from that text and from the 2000 Act Sch 1 as enacted; the wording of paragraphs 7, 8 and 10(3) was not
 * retrieved verbatim: their content is the Child Support Agency's own page on the 2003 ("current") scheme,
 * "Shared parenting" (http://csa.gov.uk/en/setup/shared-parenting.asp: one-seventh a night, half and "another £7 a
 * week for every child. The amount of £7 is set down in law", "cannot fall below £5", the flat rate due to a benefit
 * "reduces … to nothing" at 52 nights) and, for the £2,000 cap, secondary sources (cms-rules.md §11.1, §13 item 13).
 * The trace therefore quotes only the figures, never the wording, of those paragraphs. SI 2001/155 regs 2(2)–(3)
 * (rounding), 3 (reduced rate) and 5 (nil rate) were retrieved verbatim.
 * @module
 */
import type { Reference } from '../parameters.ts';

/** Schedule 1 as it stood for the 2003 scheme (point in time 2010-04-06). */
const SCH1_2003 = 'https://www.legislation.gov.uk/ukpga/1991/48/schedule/1/2010-04-06';
/** SI 2001/155, the Child Support (Maintenance Calculations and Special Cases) Regulations 2000, as made. */
const MCSC = 'https://www.legislation.gov.uk/uksi/2001/155';

function sch1(pinpoint: string): Reference {
  return {
    title: `Child Support Act 1991 Sch 1 para ${pinpoint} (2003-scheme text, as substituted by the Child Support, Pensions and Social Security Act 2000 Sch 1)`,
    href: SCH1_2003,
  };
}
function reg(regulation: string, pinpoint = regulation): Reference {
  return {
    title: `Child Support (Maintenance Calculations and Special Cases) Regulations 2000 (SI 2001/155) reg ${pinpoint}`,
    href: `${MCSC}/regulation/${regulation}/made`,
  };
}

export const LAW = {
  order: sch1('1(2)'),
  nilRate: sch1('5'),
  nilRatePersons: reg('5', '5(a)–(h)'),
  flatRateIncome: sch1('4(1)(a)'),
  flatRateBenefit: sch1('4(1)(b)–(c)'),
  flatRateBenefitList: reg('4'),
  reducedRate: sch1('3'),
  basicRate: sch1('2(1)'),
  relevantOtherChildren: sch1('2(2)'),
  incomeCap: sch1('10(3)'),
  netIncome: {
    title:
      'SI 2001/155 Schedule (net weekly income), para 5: gross earnings less income tax, Class 1 National Insurance and pension contributions',
    href: `${MCSC}/schedule/made`,
  },
  apportionment: sch1('6'),
  sharedCare: sch1('7(2)–(4)'),
  sharedCareSeveralChildren: sch1('7(5)'),
  sharedCareHalf: sch1('7(6)'),
  sharedCareFloor: sch1('7(7)'),
  sharedCareNights: reg('7'),
  equalCare: reg('8'),
  flatRateSharedCare: sch1('8'),
  rounding: reg('2', '2(2)–(3)'),
  roundingPenny: reg('2', '2(2)'),
  roundingPound: reg('2', '2(3)'),
  commencement: {
    title:
      'Child Support, Pensions and Social Security Act 2000 (Commencement No. 12) Order 2003 (SI 2003/192) art 3 and Sch: the 2003 scheme in force for new cases from 3 March 2003',
    href: 'https://www.legislation.gov.uk/uksi/2003/192/made',
  },
  caseClosure: {
    title:
      'Child Support (Ending Liability in Existing Cases and Transition to New Calculation Rules) Regulations 2014 (SI 2014/614): 2003-scheme liabilities ended case by case from 30 June 2014',
    href: 'https://www.legislation.gov.uk/uksi/2014/614/made',
  },
  instalments: {
    title:
      "Child Support (Collection and Enforcement) Regulations 1992 reg 4 (payment at weekly or other intervals); the 52-week reading is Reckoner's, as for the 2012 scheme",
    href: 'https://www.legislation.gov.uk/uksi/1992/1989/regulation/4',
  },
} as const satisfies Record<string, Reference>;
