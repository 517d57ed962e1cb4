/**
 * What CMS says, read from the documents a case holds, so that nobody types CMS's figures in again: the balance
 * the latest CMS statement's summary prints (CMS's claim, part by part, on its last day), and the payment plan of
 * the latest payment schedule (the arrears part of each instalment).
 * @module
 */
import type { CmsClaimInput } from '../calc/reconcile/types.ts';
import type { PaymentPlanInput } from '../calc/schedule/types.ts';
import type { CmsBalances, StatementMetadata } from '../statements/types.ts';
import type { DocumentSummary } from '../store/types.ts';

/** A claim and the document it was read from. */
export interface ClaimFromDocument {
  readonly claim: CmsClaimInput;
  readonly documentId: string;
}

const metadataOf = (d: DocumentSummary): StatementMetadata => d.parsed.metadata as unknown as StatementMetadata;

/** Newest first by the document's own last day, then by when it was imported. */
function newest(documents: readonly DocumentSummary[], kind: string): DocumentSummary[] {
  return documents
    .filter((d) => d.kind === kind)
    .sort((a, b) => {
      const ea = metadataOf(a).periodEnd ?? '';
      const eb = metadataOf(b).periodEnd ?? '';
      return ea !== eb ? (eb > ea ? 1 : -1) : b.importedAt.localeCompare(a.importedAt);
    });
}

/**
 * CMS's claim as the latest CMS statement prints it: the parts its summary gives (arrears, fees, enforcement
 * charges), or else its total or closing balance, on the statement's last day. Undefined when no CMS statement
 * with a last day and a balance has been imported.
 */
export function claimFromDocuments(documents: readonly DocumentSummary[]): ClaimFromDocument | undefined {
  for (const d of newest(documents, 'cms_statement')) {
    const m = metadataOf(d);
    if (!m.periodEnd) continue;
    const b: CmsBalances = m.balances ?? {};
    const parts = {
      ...(b.maintenanceArrears !== undefined ? { maintenance: b.maintenanceArrears } : {}),
      ...(b.collectionFees !== undefined ? { collectionFees: b.collectionFees } : {}),
      ...(b.enforcementCharges !== undefined ? { enforcementCharges: b.enforcementCharges } : {}),
    };
    const total = b.total ?? m.closingBalance;
    if (Object.keys(parts).length === 0 && total === undefined) continue;
    // The parts when the summary prints them (the bridge then works part by part); the total only otherwise.
    const claim: CmsClaimInput = Object.keys(parts).length > 0 ? { date: m.periodEnd, ...parts } : { date: m.periodEnd, balance: total! };
    return { claim, documentId: d.id };
  }
  return undefined;
}

/** The payment plan as the latest CMS payment schedule prints it, when one has been imported. */
export function planFromDocuments(documents: readonly DocumentSummary[]): { plan: PaymentPlanInput; documentId: string } | undefined {
  for (const d of newest(documents, 'cms_payment_schedule')) {
    const plan = metadataOf(d).paymentPlan;
    if (plan && plan.catchUp.length > 0) return { plan: { catchUp: plan.catchUp.map((c) => ({ ...c })) }, documentId: d.id };
  }
  return undefined;
}
