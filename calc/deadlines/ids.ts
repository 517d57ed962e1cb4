/**
 * The id of every deadline the rules in events.ts make: callers (letters, the case service) name a deadline by
 * these constants, never by a string. A test checks that every deadline the rules make has its id here.
 * @module
 */
export const DEADLINE = {
  mrLastDay: 'mr_last_day',
  mrOnlineChangeLastDay: 'mr_online_change_last_day',
  lateMrOuterLimit: 'late_mr_outer_limit',
  mrChase: 'mr_chase',
  mrComplain: 'mr_complain',
  appealLastDay: 'appeal_last_day',
  lateAppealAbsoluteLimit: 'late_appeal_absolute_limit',
  breakdownReplyDue: 'breakdown_reply_due',
  breakdownEscalate: 'breakdown_escalate',
  disputeReplyDue: 'dispute_reply_due',
  disputeEscalate: 'dispute_escalate',
  complaintAckDue: 'complaint_ack_due',
  complaintResponseDue: 'complaint_response_due',
  complaintEscalate: 'complaint_escalate',
  escalationAckDue: 'escalation_ack_due',
  escalationResponseDue: 'escalation_response_due',
  escalationChase: 'escalation_chase',
  iceLastDay: 'ice_last_day',
  phsoWarning: 'phso_warning',
  phsoLastDay: 'phso_last_day',
  sarReplyDue: 'sar_reply_due',
  sarChase: 'sar_chase',
  sarExtendedReplyDue: 'sar_extended_reply_due',
  icoEscalate: 'ico_escalate',
  icoLastDay: 'ico_last_day',
  rectificationReplyDue: 'rectification_reply_due',
  rectificationExtendedReplyDue: 'rectification_extended_reply_due',
  enforcementPauseReplyDue: 'enforcement_pause_reply_due',
  refundReplyDue: 'refund_reply_due',
  refundEscalate: 'refund_escalate',
  deoAppealLastDay: 'deo_appeal_last_day',
  lsdoRepresentationsLastDay: 'lsdo_representations_last_day',
  magistratesAppealLastDay: 'magistrates_appeal_last_day',
  addressChangeLastDay: 'address_change_last_day',
} as const;
export type DeadlineId = (typeof DEADLINE)[keyof typeof DEADLINE];

/** Every deadline id. */
export const DEADLINE_IDS: readonly DeadlineId[] = Object.values(DEADLINE);
