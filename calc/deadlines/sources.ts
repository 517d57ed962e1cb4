/**
 * Where each deadline rule comes from (dispute-process.md §2.1, §3.2, §3.3). Reckoner's own choices (reminder
 * dates, grace periods, service targets with no legal force) say so and carry no link.
 * @module
 */
import type { Reference } from '../parameters.ts';

const CSMCR = 'https://www.legislation.gov.uk/uksi/2012/2677';
const SEC_RULES = 'https://www.legislation.gov.uk/uksi/2008/2685';
const CE_REGS = 'https://www.legislation.gov.uk/uksi/1992/1989';
const ICO_TIME_LIMIT =
  'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/right-of-access/what-should-we-consider-when-responding-to-a-request/';
const PQ_COMPLAINT_STANDARDS = 'https://parallelparliament.co.uk/question/26617/child-maintenance-service-standards';

export const DEADLINE_SOURCES = {
  mrWindow: {
    title:
      'Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 14(1)(a) (30 days); GOV.UK and Gingerbread give it as one month',
    href: `${CSMCR}/regulation/14`,
  },
  mrOnlineChange: {
    title: 'DWP written answer, April 2024: a linked change reported in the online account within 32 days is treated as a reconsideration',
    href: 'http://eldaddp.azurewebsites.net/answeredquestions.html?answer.answeringMemberConstituency=Blackpool+North+and+Cleveleys&min-answer.dateOfAnswer=2024-04-15',
  },
  lateMr: {
    title: 'Child Support Maintenance Calculation Regulations 2012 reg 15 (late application); the 13-month limit is unconfirmed',
    href: `${CSMCR}/regulation/15`,
  },
  mrChase: {
    title: "Reckoner's own reminder: CMS's former target of 20 working days for a reconsideration (no legal time limit)",
  },
  appeal: {
    title:
      'Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008 (SI 2008/2685) r.22(2)(d)(i); r.12(2) (a limit ending on a day that is not a working day runs to the next working day)',
    href: `${SEC_RULES}/rule/22`,
  },
  lateAppeal: {
    title:
      'Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008 r.22(8) (no extension beyond 12 months after the time for appealing); r.12(2)',
    href: 'https://askcpag.org.uk/content/209069/too-late-to-appeal',
  },
  accountRequestTarget: {
    title:
      "Reckoner's own target: CMS's 15-working-day complaint-response standard (no legal time limit for an account breakdown or a correction)",
  },
  refundRequestTarget: {
    title:
      "Reckoner's own target: CMS's 15-working-day complaint-response standard (no legal time limit: a refund is discretionary, Child Support Act 1991 s.41B)",
  },
  complaintGrace: { title: "Reckoner's own rule: 5 working days' grace after CMS's 15-working-day target before escalating" },
  complaintAck: {
    title: 'CMS complaint standards: acknowledgement within 2 working days (One Parent Families Scotland; PQ 26617)',
    href: PQ_COMPLAINT_STANDARDS,
  },
  complaintResponse: {
    title: 'CMS complaint standards: a response within 15 working days or an agreed timetable (PQ 26617)',
    href: PQ_COMPLAINT_STANDARDS,
  },
  ice: {
    title: 'Independent Case Examiner: refer within 6 months of the final response (GOV.UK, "Complain to the Independent Case Examiner")',
    href: 'https://www.gov.uk/complain-independent-case-examiner',
  },
  phso: {
    title: 'Parliamentary Commissioner Act 1967 s.6(3) (complaint to an MP within 12 months of first notice)',
    href: 'https://www.legislation.gov.uk/ukpga/1967/13/section/6',
  },
  phsoWarning: { title: "Reckoner's own reminder: two months before the Ombudsman's 12-month limit" },
  sar: {
    title: 'UK GDPR Art 12(3) and Art 15; ICO right-of-access guidance on calculating the time limit',
    href: ICO_TIME_LIMIT,
  },
  sarChase: { title: "Reckoner's own reminder: chase on the first working day after the reply was due (UK GDPR Art 12(3))" },
  icoFollowUp: {
    title: 'ICO, "Data protection complaints: what to expect" (give the organisation 30 days to reply before complaining)',
    href: 'https://ico.org.uk/make-a-complaint/data-protection-complaints/what-to-expect/',
  },
  icoComplaint: {
    title: 'UK GDPR Art 77; ICO, "Data protection complaints: what to expect" (complain within 3 months of the last meaningful contact)',
    href: 'https://ico.org.uk/make-a-complaint/data-protection-complaints/what-to-expect/',
  },
  rectification: {
    title: 'UK GDPR Art 16 and Art 12(3); ICO right-of-access guidance on calculating the time limit',
    href: ICO_TIME_LIMIT,
  },
  enforcementPause: {
    title: "Reckoner's own choice: the reply date asked for in an urgent request to pause enforcement (no legal time limit)",
  },
  deoAppeal: {
    title: 'Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989) reg 22(2)(b) (28 days where resident in the UK)',
    href: `${CE_REGS}/regulation/22`,
  },
  deoAppealAbroad: {
    title: 'Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989) reg 22(2)(c) (56 days where not resident in the UK)',
    href: `${CE_REGS}/regulation/22`,
  },
  defaultDecision: {
    title:
      'Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 14(3) (a default or interim maintenance decision can be revised at any time)',
    href: `${CSMCR}/regulation/14`,
  },
  lsdoRepresentations: {
    title: 'Child Support (Collection and Enforcement) Regulations 1992 reg 25M (representations on an interim lump sum deduction order)',
    href: `${CE_REGS}/regulation/25M`,
  },
  magistratesAppeal: {
    title: "Magistrates' Courts Act 1980 s.111A (appeal on a point of law)",
    href: 'https://www.legislation.gov.uk/ukpga/1980/43/section/111A',
  },
  addressChange: {
    title: 'GOV.UK, "Changes you need to report" (a paying parent must report a new address within 7 days)',
    href: 'https://www.gov.uk/manage-child-maintenance-case/changes-you-need-to-report',
  },
} as const satisfies Record<string, Reference>;
