/**
 * The letter catalogue, L01–L24 (dispute-process.md §2), in id order.
 * @module
 */
import type { LetterSpec } from '../types.ts';
import { accountBreakdownRequest, arrearsPaymentPlan, enforcementPauseRequest, overpaymentRefund, paymentDispute } from './account.ts';
import { deductionOrderAppeal, deductionOrderRepresentations, deoRequest, directPayToCollectAndPay } from './collection.ts';
import { complaint, complaintEscalation, iceReferral, mpLetter, ombudsmanReferral, specialPaymentClaim } from './complaints.ts';
import { rectificationRequest, sarChaseIcoComplaint, subjectAccessRequest } from './data-rights.ts';
import {
  changeOfCircumstances,
  incomeChallenge,
  lateMandatoryReconsideration,
  mandatoryReconsideration,
  tribunalAppeal,
  variationApplication,
} from './decisions.ts';

export const LETTERS: readonly LetterSpec[] = [
  subjectAccessRequest,
  accountBreakdownRequest,
  mandatoryReconsideration,
  paymentDispute,
  complaint,
  complaintEscalation,
  iceReferral,
  mpLetter,
  ombudsmanReferral,
  variationApplication,
  enforcementPauseRequest,
  directPayToCollectAndPay,
  changeOfCircumstances,
  deoRequest,
  incomeChallenge,
  arrearsPaymentPlan,
  tribunalAppeal,
  lateMandatoryReconsideration,
  overpaymentRefund,
  specialPaymentClaim,
  rectificationRequest,
  deductionOrderAppeal,
  deductionOrderRepresentations,
  sarChaseIcoComplaint,
];

/** Every letter type's snake_case name, in id order. */
export const LETTER_TYPES = LETTERS.map((l) => l.type);
